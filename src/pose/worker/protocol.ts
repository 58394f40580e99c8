/**
 * What the page and the pose worker say to each other (src/pose/worker/):
 * plain, structured-cloneable data only, so that nothing but frames (as
 * transferred ImageBitmaps, or ImageData copies for files) and keypoints
 * crosses the thread boundary.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import type { PeopleFrame } from '../../core/people/people-frame.ts';
import type { PeopleMode } from '../../core/people/people-schedule.ts';
import type { BackendChoice, BackendName } from '../backend.ts';
import type { TensorMemory } from '../estimator.ts';
import type { ModelFileProblem } from '../model-files.ts';
import type { ModelId } from '../models.ts';

export interface WorkerLoadOptions {
  readonly model: ModelId;
  readonly backend: BackendChoice;
  /** absolute URL of the folder the model files are fetched from (the page's models/) */
  readonly modelsUrl: string;
  /** absolute URLs of the tfjs wasm binaries, by file name */
  readonly wasmPaths: Readonly<Record<WasmFileName, string>>;
  /** the page's WebGL renderer string (a worker has no document to probe one), for `auto` */
  readonly webglRenderer: string | null;
  /** try tfjs-backend-wasm's multi-threaded SIMD build (needs cross-origin isolation) */
  readonly threads: boolean;
}

export const WASM_FILE_NAMES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;
export type WasmFileName = (typeof WASM_FILE_NAMES)[number];

/** Why the model could not start, kept apart so that the page can rebuild the same error (src/app/errors.ts tells them apart). */
export type LoadFailure =
  | { readonly kind: 'model-file'; readonly fileName: string; readonly problem: ModelFileProblem; readonly detail: string }
  | { readonly kind: 'other'; readonly message: string };

export interface LoadedModel {
  readonly model: ModelId;
  readonly backend: BackendName;
  readonly modelBytesLoaded: number;
  /** threads the wasm backend runs on (1: the single-threaded build) */
  readonly wasmThreads: number;
}

export type LoadResult = { readonly ok: true; readonly loaded: LoadedModel } | { readonly ok: false; readonly failure: LoadFailure };

/**
 * One frame's result, by what was asked (PeopleMode) and what could run: the
 * coaching model's pose ('single'), that and everyone in view ('watch'), or
 * everyone in view alone ('people'). A people mode asked before the people
 * model has loaded (or after it failed to) gives 'single'.
 */
export type WorkerEstimate =
  | { readonly kind: 'single'; readonly frame: PoseFrame; readonly inferenceMs: number }
  | { readonly kind: 'watch'; readonly frame: PoseFrame; readonly people: PeopleFrame; readonly inferenceMs: number }
  | { readonly kind: 'people'; readonly people: PeopleFrame; readonly inferenceMs: number };

/** The worker's API, as Comlink exposes it. */
export interface PoseWorkerApi {
  load(options: WorkerLoadOptions): Promise<LoadResult>;
  /** Estimates the pose in `image` (a transferred ImageBitmap is closed once read); `mode` asks for everyone in view too ('single' when left out). */
  estimate(image: ImageBitmap | ImageData, timestampMs: number, mode?: PeopleMode): Promise<WorkerEstimate>;
  /** Starts the people model (MoveNet MultiPose, src/pose/people-estimator.ts) beside the coaching model; resolves false, with a warning, when it cannot. */
  loadPeople(): Promise<boolean>;
  reset(): void;
  /** tf.memory() of the worker's tfjs, for soak tests: numTensors must stay constant over a session */
  memory(): TensorMemory;
  dispose(): void;
}
