/**
 * npm run analyze -- <video-or-track> [--model ID] [--out FILE]
 * stdout: the keypoint track JSON (or nothing, with --out). stderr: progress and errors.
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
  const track = await trackOfInput(args);
  let text: string;
  if (args.exercise) {
    const checker = createChecker({ exercise: args.exercise, variant: args.variant, model: track.model });
    const report: AnalysisReport = analyzeTrack(track, checker, { lang: args.lang });
    text = args.format === 'table' ? formatReportTable(report, args.lang) : JSON.stringify(report, null, 2);
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
