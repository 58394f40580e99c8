/**
 * The pose worker: a dedicated module worker that runs the estimator
 * (src/pose/estimator.ts, the code the CLI runs in Node) off the page's main
 * thread, so that inference never blocks the UI. Frames come in as
 * transferred ImageBitmaps (the camera) or ImageData copies (video files,
 * whose pixels must stay exactly the CLI's); keypoints go back. Comlink
 * carries the calls (protocol.ts).
 */
import * as Comlink from 'comlink';
import { createPoseEstimator, wasmThreadCount, type PoseEstimator } from '../estimator.ts';
import { ModelFileError, type ReadModelFile } from '../model-files.ts';
import type { LoadResult, PoseWorkerApi, WorkerEstimate, WorkerLoadOptions } from './protocol.ts';
import { createPeopleEstimator, type PeopleEstimator } from '../people-estimator.ts';
import type { PeopleMode } from '../../core/people/people-schedule.ts';
import { emptyPoseFrame } from '../../core/frame/pose-frame.ts';
import * as tf from '@tensorflow/tfjs-core';

let estimator: PoseEstimator | null = null;
/** the people model, started on request (loadPeople) beside the coaching model */
let people: PeopleEstimator | null = null;
let peopleLoading: Promise<boolean> | null = null;
/** counts loads and disposals: a people model that finishes loading after the models were replaced is dropped */
let peopleGeneration = 0;
let modelsUrl = '';
/** the mode of the last frame: the coaching model's tracking state is stale after frames it did not see */
let lastMode: PeopleMode = 'single';
/** frames and time spent per mode, for scripts/bench-people.ts (three counters: nothing allocated per frame) */
const modeTimes: Record<PeopleMode, { frames: number; ms: number }> = { single: { frames: 0, ms: 0 }, watch: { frames: 0, ms: 0 }, people: { frames: 0, ms: 0 } };
function timed<T extends WorkerEstimate>(result: T): T {
  const times = modeTimes[result.kind];
  times.frames++;
  times.ms += result.inferenceMs;
  return result;
}

/** Model files from the page's own origin, as the main-thread path reads them (src/app/platform.ts). */
function readModelFileFrom(modelsUrl: string): ReadModelFile {
  return async (name) => {
    let response: Response;
    try {
      response = await fetch(new URL(name, modelsUrl), { cache: 'force-cache' });
    } catch (err) {
      throw new ModelFileError(name, 'missing', `could not be fetched: ${String(err)}`);
    }
    if (!response.ok) throw new ModelFileError(name, 'missing', `HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

const api: PoseWorkerApi = {
  async load(options: WorkerLoadOptions): Promise<LoadResult> {
    estimator?.dispose();
    estimator = null;
    people?.dispose();
    people = null;
    peopleLoading = null;
    peopleGeneration++;
    modelsUrl = options.modelsUrl;
    try {
      estimator = await createPoseEstimator({
        model: options.model,
        backend: options.backend,
        readModelFile: readModelFileFrom(options.modelsUrl),
        wasmPaths: options.wasmPaths,
        webglRenderer: options.webglRenderer,
        wasmThreads: options.threads,
      });
      return {
        ok: true,
        loaded: { model: estimator.model, backend: estimator.backend, modelBytesLoaded: estimator.modelBytesLoaded, wasmThreads: wasmThreadCount() },
      };
    } catch (err) {
      // Comlink would hand the page a bare Error: the failure travels as data and the page rebuilds its ModelFileError
      if (err instanceof ModelFileError) return { ok: false, failure: { kind: 'model-file', fileName: err.fileName, problem: err.problem, detail: err.detail } };
      return { ok: false, failure: { kind: 'other', message: err instanceof Error ? err.message : String(err) } };
    }
  },

  async estimate(image: ImageBitmap | ImageData, timestampMs: number, mode: PeopleMode = 'single'): Promise<WorkerEstimate> {
    try {
      if (!estimator) return { kind: 'single', frame: emptyPoseFrame(timestampMs, image.width, image.height), inferenceMs: 0 };
      const started = performance.now();
      if (mode !== 'single' && people) {
        if (mode === 'people') {
          lastMode = mode;
          const found = await people.estimatePeople(image, timestampMs);
          return timed({ kind: 'people', people: found, inferenceMs: performance.now() - started });
        }
        if (lastMode === 'people') estimator.reset();
        lastMode = mode;
        const frame = await estimator.estimate(image, timestampMs);
        const found = await people.estimatePeople(image, timestampMs);
        return timed({ kind: 'watch', frame, people: found, inferenceMs: performance.now() - started });
      }
      if (lastMode === 'people') estimator.reset();
      lastMode = 'single';
      const frame = await estimator.estimate(image, timestampMs);
      return timed({ kind: 'single', frame, inferenceMs: performance.now() - started });
    } finally {
      if (image instanceof ImageBitmap) image.close();
    }
  },

  loadPeople(): Promise<boolean> {
    if (people) return Promise.resolve(true);
    const generation = peopleGeneration;
    peopleLoading ??= createPeopleEstimator({ readModelFile: readModelFileFrom(modelsUrl) }).then(
      (loaded) => {
        if (generation !== peopleGeneration) {
          loaded.dispose();
          return false;
        }
        people = loaded;
        return true;
      },
      (err: unknown) => {
        // coaching goes on without it (the single-pose guard still refuses a pose that jumps away)
        console.warn('FormCoach: the people model did not start:', err instanceof Error ? err.message : err);
        return false;
      },
    );
    return peopleLoading;
  },

  reset(): void {
    estimator?.reset();
    people?.reset();
  },

  memory() {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  },

  dispose(): void {
    estimator?.dispose();
    estimator = null;
    people?.dispose();
    people = null;
    peopleLoading = null;
    peopleGeneration++;
  },
};

Comlink.expose(api);

declare global {
  /** tf.memory() of this worker, for E2E and soak tests (Playwright evaluates in the worker: `worker.evaluate(() => formcoachPoseMemory())`) */
  var formcoachPoseMemory: (() => ReturnType<PoseWorkerApi['memory']>) | undefined;
  /** frames and inference ms per people mode in this worker, for scripts/bench-people.ts */
  var formcoachPeopleTimes: (() => Readonly<Record<PeopleMode, { readonly frames: number; readonly ms: number }>>) | undefined;
}
globalThis.formcoachPoseMemory = api.memory;
globalThis.formcoachPeopleTimes = () => structuredClone(modeTimes);
