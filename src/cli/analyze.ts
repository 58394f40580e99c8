/**
 * npm run analyze -- <video-or-track> [--model ID] [--out FILE] [--exercise ID [--session FILE]]
 * stdout: the keypoint track JSON, or the report with --exercise (or nothing, with --out).
 * --session FILE: the session record of the set as well (docs/session-format.md).
 * stderr: progress and errors.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseTrack, type KeypointTrack } from '../core/track.ts';
import { parseAnalyzeArgs, USAGE, UsageError, type AnalyzeArgs } from './args.ts';
import { analyzeVideo } from './analyze-video.ts';
import { progressReporter } from './progress.ts';
import { analyzeTrack, type AnalysisReport } from '../core/engine/analysis.ts';
import { createChecker } from '../core/exercises/registry.ts';
import { formatReportTable } from './report-table.ts';
import { repCounts, sessionRecordOf } from '../core/session/record.ts';
import { sessionJson } from '../core/session/export.ts';

/**
 * The session record of an analysed clip: when it was analysed (a file's own
 * recording time is not known), the settings it ran with, its track and the
 * report; the clip ran to its end, and no pain scores were asked.
 */
async function writeSessionRecord(file: string, args: AnalyzeArgs, track: KeypointTrack, report: AnalysisReport, startedAt: Date): Promise<void> {
  const result = sessionRecordOf({
    id: globalThis.crypto.randomUUID(),
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    language: args.lang,
    samplingFps: track.fps,
    report,
    track,
    stopReason: 'clip-end',
  });
  if (!result.ok) throw new Error(`the session record does not validate (a bug): ${result.error}`);
  await writeFile(file, sessionJson(result.record) + '\n');
  const { reps, partialReps } = repCounts(result.record);
  process.stderr.write(`wrote the session record (${reps} reps, ${partialReps} partial) to ${file}\n`);
}

/** Input -> track: the composable first stage (later stages analyse the track). */
export async function trackOfInput(args: AnalyzeArgs): Promise<KeypointTrack> {
  if (!existsSync(args.input)) throw new UsageError(`input not found: ${args.input}`);
  if (args.input.toLowerCase().endsWith('.json')) {
    const result = parseTrack(await readFile(args.input, 'utf8'));
    if (!result.ok) throw new UsageError(`${args.input}: invalid keypoint track: ${result.error}`);
    return result.track;
  }
  return analyzeVideo(args.input, { model: args.model, fps: args.fps, onProgress: progressReporter() });
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const startedAt = new Date();
  const track = await trackOfInput(args);
  let text: string;
  if (args.exercise) {
    const checker = createChecker({ exercise: args.exercise, variant: args.variant, model: track.model });
    const report: AnalysisReport = analyzeTrack(track, checker, { lang: args.lang });
    text = args.format === 'table' ? formatReportTable(report, args.lang) : JSON.stringify(report, null, 2);
    if (args.session) await writeSessionRecord(args.session, args, track, report, startedAt);
  } else {
    text = JSON.stringify(track);
  }
  const json = text;
  if (args.out) {
    await writeFile(args.out, json + '\n');
    process.stderr.write(`wrote ${args.exercise ? 'the analysis' : `${track.frames.length} frames`} to ${args.out}\n`);
  } else {
    process.stdout.write(json + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`analyze: ${message.split('\n')[0]}\n`);
    if (err instanceof UsageError) process.stderr.write(`(npm run analyze -- --help for usage)\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
