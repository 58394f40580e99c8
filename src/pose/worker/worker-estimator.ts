/**
 * The page's side of the pose worker (pose-worker.ts): a PoseEstimator whose
 * model runs in a dedicated worker. Each estimate sends one frame (the
 * camera's as a transferred ImageBitmap, a file's ImageData as a copy) and
 * waits for its keypoints; the pipeline asks for the next frame only then, so
 * at most one frame is ever in flight and the camera's newest frame is the
 * one that goes next (nothing queues up).
 */
import * as Comlink from 'comlink';
import { emptyPoseFrame, type PoseFrame } from '../../core/frame/pose-frame.ts';
import type { BackendName } from '../backend.ts';
import type { PoseEstimator, PoseInput, TensorMemory } from '../estimator.ts';
import { ModelFileError } from '../model-files.ts';
import type { ModelId } from '../models.ts';
import type { LoadFailure, LoadResult, PoseWorkerApi, WorkerEstimate, WorkerLoadOptions } from './protocol.ts';
import type { PeopleMode } from '../../core/people/people-schedule.ts';
import { WorkerCalls } from './worker-calls.ts';

/** One frame's trip through the worker. */
export interface WorkerTiming {
  /** from handing the frame over (its bitmap made) to its keypoints back, ms */
  readonly roundTripMs: number;
  /** the estimate alone, timed inside the worker, ms */
  readonly workerMs: number;
}

export interface WorkerPoseEstimator extends PoseEstimator {
  /** threads the worker's wasm backend runs on (1: single-threaded build; 0: another backend) */
  readonly wasmThreads: number;
  /** the last frame's timing, null before the first */
  readonly lastTiming: WorkerTiming | null;
  /** One frame, with everyone in view too when `mode` asks (and the people model is loaded); null when there is no picture yet. */
  estimateWithPeople(input: PoseInput, timestampMs: number, mode: PeopleMode): Promise<WorkerEstimate | null>;
  /** Starts the people model in the worker; false when it could not (coaching goes on without it). */
  loadPeople(): Promise<boolean>;
}

/** The error the main-thread path would have thrown, so the page shows the same message (src/app/errors.ts). */
function errorOf(failure: LoadFailure): Error {
  if (failure.kind === 'model-file') return new ModelFileError(failure.fileName, failure.problem, failure.detail);
  return new Error(failure.message);
}

/** The frame as something a worker can take: null when there is no picture yet (a camera still starting). */
async function transferable(input: PoseInput): Promise<ImageBitmap | ImageData | null> {
  // ImageData is copied, not converted: a file's pixels reach the model unchanged, as in the CLI
  if (input instanceof ImageData) return input;
  if (input instanceof HTMLVideoElement) {
    if (input.videoWidth === 0 || input.videoHeight === 0) return null;
    return createImageBitmap(input);
  }
  if (input instanceof HTMLCanvasElement || input instanceof ImageBitmap) {
    if (input.width === 0 || input.height === 0) return null;
    return createImageBitmap(input);
  }
  throw new Error('the pose worker takes video, canvas, ImageBitmap or ImageData frames, not tensors');
}

function sizeOf(input: PoseInput): { width: number; height: number } {
  if (input instanceof HTMLVideoElement) return { width: input.videoWidth, height: input.videoHeight };
  if ('width' in input && 'height' in input && typeof input.width === 'number' && typeof input.height === 'number') return { width: input.width, height: input.height };
  return { width: 0, height: 0 };
}

interface StartedWorker {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<PoseWorkerApi>;
  /** a call that fails instead of waiting forever when the worker dies */
  call<T>(promise: Promise<T>): Promise<T>;
  readonly result: LoadResult;
}

async function startWorker(options: WorkerLoadOptions): Promise<StartedWorker> {
  const worker = new Worker(new URL('./pose-worker.ts', import.meta.url), { type: 'module', name: 'formcoach-pose' });
  // a worker that dies (its script fails to load, an uncaught error) would leave every call waiting: they fail instead
  const calls = new WorkerCalls();
  worker.addEventListener('error', (event) => calls.fail(new Error(`the pose worker failed: ${event.message || 'its script could not run'}`)));
  const remote = Comlink.wrap<PoseWorkerApi>(worker);
  const call = <T>(promise: Promise<T>): Promise<T> => calls.call(promise);
  try {
    return { worker, remote, call, result: await call<LoadResult>(remote.load(options)) };
  } catch (err) {
    worker.terminate();
    throw err;
  }
}

export async function createWorkerEstimator(options: WorkerLoadOptions): Promise<WorkerPoseEstimator> {
  let started: StartedWorker;
  try {
    started = await startWorker(options);
    if (options.threads && !started.result.ok && started.result.failure.kind !== 'model-file') {
      started.worker.terminate();
      throw new Error(started.result.failure.message);
    }
  } catch (err) {
    if (!options.threads) throw err;
    // the threaded wasm build failed to start (its pthreads are blob: workers a policy may refuse): the single-threaded one instead
    console.warn('FormCoach: threaded wasm did not start, using one thread:', err instanceof Error ? err.message : err);
    started = await startWorker({ ...options, threads: false });
  }
  const { worker, remote, call, result } = started;
  if (!result.ok) {
    worker.terminate();
    throw errorOf(result.failure);
  }
  const loaded = result.loaded;
  let lastTiming: WorkerTiming | null = null;
  let disposed = false;

  const estimateWithPeople = async (input: PoseInput, timestampMs: number, mode: PeopleMode): Promise<WorkerEstimate | null> => {
    const image = await transferable(input);
    if (image === null) return null;
    const started = performance.now();
    const sent = image instanceof ImageBitmap ? Comlink.transfer(image, [image]) : image;
    const result = await call<WorkerEstimate>(mode === 'single' ? remote.estimate(sent, timestampMs) : remote.estimate(sent, timestampMs, mode));
    lastTiming = { roundTripMs: performance.now() - started, workerMs: result.inferenceMs };
    return result;
  };

  return {
    model: loaded.model satisfies ModelId,
    backend: loaded.backend satisfies BackendName,
    modelBytesLoaded: loaded.modelBytesLoaded,
    wasmThreads: loaded.wasmThreads,
    get lastTiming() {
      return lastTiming;
    },
    async estimate(input: PoseInput, timestampMs: number): Promise<PoseFrame> {
      const result = await estimateWithPeople(input, timestampMs, 'single');
      if (result === null) {
        const { width, height } = sizeOf(input);
        return emptyPoseFrame(timestampMs, width, height);
      }
      return result.kind === 'people' ? emptyPoseFrame(timestampMs, result.people.imageWidth, result.people.imageHeight) : result.frame;
    },
    estimateWithPeople,
    loadPeople(): Promise<boolean> {
      return disposed ? Promise.resolve(false) : call(remote.loadPeople());
    },
    reset() {
      if (!disposed) void remote.reset();
    },
    memory(): Promise<TensorMemory> {
      return call(remote.memory());
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      // the worker ends with its tfjs, model and tensors; nothing else holds them
      worker.terminate();
    },
  };
}

/** Whether `estimator` runs in the pose worker (then it has round-trip timings). */
export function isWorkerEstimator(estimator: PoseEstimator): estimator is WorkerPoseEstimator {
  return 'lastTiming' in estimator && 'wasmThreads' in estimator;
}
