/**
 * The batch CLI's speed: runs `npm run analyze` (the real command, in a child
 * process) on the labelled clips of labels.json and labels-more.json with the
 * default model, one batch across all of them (the keypoint tracks into a
 * scratch folder: the pose model is the cost, the engine is not), and prints
 * the batch's wall time as a multiple of the clips' total duration (goal, issue
 * 11: at most 0.6x), each clip's time in its worker, the workers and cores, and
 * the machine's load average before and after (a shared machine slows it).
 * Writes test-results/bench-batch.json.
 *
 *   node --import tsx scripts/bench-batch.ts [--jobs N] [--model ID]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath, isVideo, loadFixtures } from '../test/helpers/fixtures.ts';
import { REPO, SCRATCH } from '../test/helpers/paths.ts';
import type { BatchRow, BatchTotals } from '../src/cli/batch-summary.ts';

const passThrough = process.argv.slice(2);
const clips = loadFixtures().filter(isVideo).map((f) => fixturePath(f));
const out = mkdtempSync(join(tmpdir(), 'formcoach-bench-batch-'));
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const loadBefore = load();
const started = performance.now();
const command = [process.execPath, '--import', 'tsx', 'src/cli/analyze.ts', ...clips, '--format', 'json', '--out', out, ...passThrough];
// GNU time counts the CPU the batch used (workers, ffmpeg children): a figure the other work on a shared machine does not inflate
const TIME = '/usr/bin/time';
const cpuFile = join(out, 'cpu.txt');
const run = existsSync(TIME)
  ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, ...command], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  : spawnSync(command[0]!, command.slice(1), { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const processS = (performance.now() - started) / 1000;
const loadAfter = load();
if (run.status !== 0 && !run.stdout) {
  process.stderr.write(run.stderr);
  throw new Error(`the batch failed (exit code ${run.status})`);
}
const { totals, files } = JSON.parse(run.stdout) as { totals: BatchTotals; files: BatchRow[] };
const cpuS = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number).reduce((a, b) => a + b, 0) : null;

const lines: string[] = [];
for (const row of files) {
  const name = row.file.split('/').slice(-2).join('/');
  lines.push(row.status === 'done' ? `${name.padEnd(62)} ${row.durationS.toFixed(1).padStart(6)} s  ${row.secondsTaken.toFixed(1).padStart(6)} s  ${(row.secondsTaken / row.durationS).toFixed(2)}x` : `${name.padEnd(62)} failed: ${row.error}`);
}
const perClip = files.flatMap((r) => (r.status === 'done' ? [r.secondsTaken / r.durationS] : [])).sort((a, b) => a - b);
const median = perClip[Math.floor(perClip.length / 2)] ?? Number.NaN;
const summary = {
  clips: totals.files,
  failed: totals.failed,
  workers: totals.workers,
  cores: availableParallelism(),
  videoS: totals.durationS,
  batchWallS: totals.wallS,
  processWallS: processS,
  batchFactor: totals.wallS / totals.durationS,
  processFactor: processS / totals.durationS,
  medianClipFactorInWorker: median,
  /** CPU seconds (user + system, workers and ffmpeg) per second of video */
  cpuFactor: cpuS === null ? null : cpuS / totals.durationS,
  /** what the wall time would be with the cores to itself: CPU time spread over min(workers, cores) */
  idleEstimateFactor: cpuS === null ? null : cpuS / Math.min(totals.workers, availableParallelism()) / totals.durationS,
  loadBefore,
  loadAfter,
};
process.stdout.write(`${lines.join('\n')}\n\n`);
process.stdout.write(`${summary.clips} clips (${summary.failed} failed), ${summary.videoS.toFixed(1)} s of video, ${summary.workers} workers on ${summary.cores} cores\n`);
process.stdout.write(`batch wall time ${summary.batchWallS.toFixed(1)} s = ${summary.batchFactor.toFixed(2)}x the clips' duration (whole process, start-up included: ${summary.processWallS.toFixed(1)} s = ${summary.processFactor.toFixed(2)}x); goal at most 0.6x\n`);
process.stdout.write(`each clip in its worker: median ${median.toFixed(2)}x its duration\n`);
if (summary.cpuFactor !== null && summary.idleEstimateFactor !== null) process.stdout.write(`CPU time ${summary.cpuFactor.toFixed(2)} s per s of video; with the cores to itself the batch would take about ${summary.idleEstimateFactor.toFixed(2)}x\n`);
process.stdout.write(`load average (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}\n`);
mkdirSync(SCRATCH, { recursive: true });
writeFileSync(join(SCRATCH, 'bench-batch.json'), JSON.stringify({ summary, files }, null, 2) + '\n');
