/**
 * The batch run of the analyze CLI: many clips, in parallel across the cores.
 * Each worker thread holds its own model (tfjs wasm) and takes the next clip
 * when it is done with one; the biggest files go first so no worker is left
 * with a long clip at the end. stdout gets the summary (table, csv, json),
 * stderr a line per finished clip and the failures; the exit code is 1 when
 * any clip failed (the others still run), 0 when none did.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError, type AnalyzeArgs } from './args.ts';
import { expandInputs, VIDEO_EXTENSIONS } from './video-files.ts';
import { outputStems } from './clip-names.ts';
import { isTrackFile } from './clip-analysis.ts';
import type { BatchSettings, ClipJob, ClipResult } from './batch-protocol.ts';
import { formatBatchCsv, formatBatchJson, formatBatchTable, realTimeFactor, totalLine, totalsOf, type BatchRow } from './batch-summary.ts';

/** A folder for per-clip files: made when missing, refused when a file has the name. */
function outputFolder(option: '--out' | '--session', dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new UsageError(`${option} ${dir} is a file: a batch writes one file per clip, so give ${option} a folder`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Worker threads for `clips` clips: one per core unless --jobs says, never more than the clips. */
export function workerCount(clips: number, jobs: number | undefined, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(clips, jobs ?? cores));
}

/**
 * The worker's code: batch-worker.ts loaded through tsx, as the CLI itself
 * is (`node --import tsx`); Node 20's worker threads do not inherit that loader.
 */
function workerBootstrap(): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batch-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
}

const sizeOf = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;

function progressLine(done: number, total: number, row: BatchRow): string {
  if (row.status === 'failed') return `[${done}/${total}] ${row.file}: failed: ${row.error}`;
  const factor = realTimeFactor(row.secondsTaken, row.durationS);
  const counts = row.reps === null ? `${row.frames} frames` : `${row.reps} reps, ${row.partialReps ?? 0} partial`;
  return `[${done}/${total}] ${row.file}: ${counts} in ${row.secondsTaken.toFixed(1)} s${factor === null ? '' : ` (${factor.toFixed(2)}x real time)`}`;
}

/** Runs `jobs` on `workers` threads; resolves with one row per job, in the jobs' order. */
function runPool(jobs: readonly ClipJob[], workers: number, settings: BatchSettings, onRow: (row: BatchRow, done: number) => void): Promise<BatchRow[]> {
  const rows: (BatchRow | undefined)[] = jobs.map(() => undefined);
  // biggest file first: a long clip started last would leave the other workers idle
  const queue = [...jobs].sort((a, b) => sizeOf(b.file) - sizeOf(a.file));
  let done = 0;
  return new Promise((resolve) => {
    const finish = (job: ClipJob, row: BatchRow): void => {
      rows[job.index] = row;
      done++;
      onRow(row, done);
      if (done === jobs.length) resolve(rows.filter((r): r is BatchRow => r !== undefined));
    };
    const start = (): void => {
      const worker = new Worker(workerBootstrap(), { eval: true, workerData: settings });
      let current: ClipJob | undefined;
      const next = (): void => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on('message', (message: ClipResult) => {
        if (current && message.index === current.index) finish(current, message.row);
        next();
      });
      // a worker that dies (out of memory, a crash in the wasm) fails its clip; a fresh one takes the rest
      const died = (why: string): void => {
        const lost = current;
        current = undefined;
        if (!lost) return;
        finish(lost, { status: 'failed', file: lost.file, error: `the worker stopped: ${why}`, secondsTaken: 0 });
        if (queue.length > 0) start();
      };
      worker.on('error', (err) => died(err.message.split('\n')[0] ?? err.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
      next();
    };
    for (let i = 0; i < Math.min(workers, queue.length); i++) start();
  });
}

export async function runBatch(args: AnalyzeArgs): Promise<number> {
  const { files, emptyFolders } = expandInputs(args.inputs);
  if (emptyFolders.length > 0) throw new UsageError(`no video files (${VIDEO_EXTENSIONS.map((e) => `.${e}`).join(' ')}) in ${emptyFolders.join(', ')}`);
  const outDir = outputFolder('--out', args.out);
  const sessionDir = outputFolder('--session', args.session);
  const stems = outputStems(files);
  const outSuffix = args.exercise ? '.report.json' : '.track.json';
  const jobs: ClipJob[] = files.map((file, index) => ({
    kind: 'clip',
    index,
    file,
    outFile: outDir === undefined ? undefined : join(outDir, `${stems[index]}${outSuffix}`),
    sessionFile: sessionDir === undefined ? undefined : join(sessionDir, `${stems[index]}.session.json`),
  }));
  const workers = workerCount(jobs.length, args.jobs);
  const settings: BatchSettings = { model: args.model, fps: args.fps, exercise: args.exercise, variant: args.variant, lang: args.lang, loadModelAtStart: files.some((f) => !isTrackFile(f)) };
  process.stderr.write(`analysing ${jobs.length} clips with ${workers} worker${workers === 1 ? '' : 's'} (${args.model})\n`);
  const started = performance.now();
  const rows = await runPool(jobs, workers, settings, (row, done) => process.stderr.write(progressLine(done, jobs.length, row) + '\n'));
  const totals = totalsOf(rows, workers, (performance.now() - started) / 1000);
  const summary = args.format === 'csv' ? formatBatchCsv(rows) : args.format === 'json' ? formatBatchJson(rows, totals) : formatBatchTable(rows, totals, args.lang);
  process.stdout.write(summary + '\n');
  if (args.format !== 'table') process.stderr.write(totalLine(totals, args.lang) + '\n');
  if (outDir !== undefined) process.stderr.write(`wrote one ${args.exercise ? 'report' : 'keypoint track'} per clip to ${outDir}\n`);
  if (sessionDir !== undefined) process.stderr.write(`wrote one session record per clip to ${sessionDir}\n`);
  const failed = rows.filter((r) => r.status === 'failed');
  if (failed.length === 0) return 0;
  process.stderr.write(`analyze: ${failed.length} of ${rows.length} clips failed:\n`);
  for (const row of failed) if (row.status === 'failed') process.stderr.write(`  ${row.file}: ${row.error}\n`);
  return 1;
}
