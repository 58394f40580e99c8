/**
 * npm run analyze -- <video-or-track> [--model ID] [--out FILE] [--exercise ID [--session FILE]]
 * stdout: the keypoint track JSON, or the report with --exercise (or nothing, with --out).
 * --session FILE: the session record of the set as well (docs/session-format.md).
 * stderr: progress and errors.
 * Several files or folders: a batch (batch.ts), one summary row per clip.
 */
import { writeFile } from 'node:fs/promises';
import { parseAnalyzeArgs, USAGE, UsageError } from './args.ts';
import { progressReporter } from './progress.ts';
import { formatReportTable } from './report-table.ts';
import { reportOfTrack, trackOfInput, writeSessionRecord } from './clip-analysis.ts';
import { runBatch } from './batch.ts';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.batch) return runBatch(args);
  const startedAt = new Date();
  const track = await trackOfInput(args.input, { model: args.model, fps: args.fps, onProgress: progressReporter() });
  let text: string;
  if (args.exercise) {
    const report = reportOfTrack(track, { exercise: args.exercise, variant: args.variant, lang: args.lang });
    text = args.format === 'table' ? formatReportTable(report, args.lang) : JSON.stringify(report, null, 2);
    if (args.session) process.stderr.write((await writeSessionRecord(args.session, args.lang, track, report, startedAt)) + '\n');
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
