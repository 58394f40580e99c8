/**
 * A batch worker thread: one model, loaded with the first video clip and
 * reused for every clip after it; clips come one at a time from batch.ts.
 * Every clip's error becomes its row (status failed), so one bad file never
 * stops the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { PoseEstimator } from '../pose/estimator.ts';
import { createNodeEstimator } from './analyze-video.ts';
import { probeVideo } from './ffmpeg.ts';
import { isTrackFile, reportOfTrack, trackOfInput, writeSessionRecord } from './clip-analysis.ts';
import type { BatchSettings, ClipJob, ClipResult } from './batch-protocol.ts';
import type { BatchRow } from './batch-summary.ts';
import type { KeypointTrack } from '../core/track.ts';

const settings: BatchSettings = workerData;
const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs as a worker thread of the analyze CLI');

let estimator: Promise<PoseEstimator> | null = null;
/** the worker's one model; a model that fails to load fails each video clip with its reason */
const model = (): Promise<PoseEstimator> => (estimator ??= createNodeEstimator(settings.model));

const durationOfTrack = (track: KeypointTrack): number => track.frames.length / track.fps;

async function analyzeClip(job: ClipJob): Promise<BatchRow> {
  let started = performance.now();
  const startedAt = new Date();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    if (!existsSync(job.file)) throw new Error('input not found');
    const video = !isTrackFile(job.file);
    const pose = video ? await model() : undefined;
    // a clip's time is its own: the model loads once per worker, before its first clip (the batch's total includes it)
    started = performance.now();
    // the clip's own duration; probing first also fails a broken file before any decoding
    const durationS = video ? probeVideo(job.file).durationS : null;
    // one decoding thread: the batch already runs a worker (and its ffmpeg) per core
    const track = await trackOfInput(job.file, { model: settings.model, fps: settings.fps, estimator: pose, decodeThreads: 1 });
    let counts: Pick<Extract<BatchRow, { status: 'done' }>, 'reps' | 'partialReps' | 'faults'> = { reps: null, partialReps: null, faults: null };
    if (settings.exercise) {
      const report = reportOfTrack(track, { exercise: settings.exercise, variant: settings.variant, lang: settings.lang });
      counts = { reps: report.reps, partialReps: report.partialReps, faults: report.faults.length };
      if (job.outFile) await writeFile(job.outFile, JSON.stringify(report, null, 2) + '\n');
      if (job.sessionFile) await writeSessionRecord(job.sessionFile, settings.lang, track, report, startedAt);
    } else if (job.outFile) {
      await writeFile(job.outFile, JSON.stringify(track) + '\n');
    }
    return { status: 'done', file: job.file, durationS: durationS ?? durationOfTrack(track), frames: track.frames.length, ...counts, secondsTaken: seconds() };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'failed', file: job.file, error: message.split('\n')[0] ?? message, secondsTaken: seconds() };
  }
}

// the model loads while the first clip is handed over; its failure is each video clip's to report
if (settings.loadModelAtStart) model().catch(() => undefined);

port.on('message', (job: ClipJob) => {
  void analyzeClip(job).then((row) => port.postMessage({ kind: 'row', index: job.index, row } satisfies ClipResult));
});
