/**
 * One function that creates a pose estimator for any model in the manifest on
 * any backend, in the browser or in Node, returning PoseFrames.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PoseFrame, Keypoint } from '../core/frame/pose-frame.ts';
import { emptyPoseFrame } from '../core/frame/pose-frame.ts';
import { resolveBackend, probeWebglRenderer, type BackendChoice, type BackendName } from './backend.ts';
import { DEFAULT_MODEL, modelFile, modelSpec, type ModelId } from './models.ts';
import { verifiedModelHandler, type LoadStats, type ReadModelFile } from './model-files.ts';

/** What the estimator accepts: a video/image/canvas element, ImageData, or an int32/float [h, w, 3] tensor. */
export type PoseInput = poseDetection.PoseDetectorInput;

export interface EstimatorOptions {
  readonly model?: ModelId;
  readonly backend?: BackendChoice;
  /** reads a model file by its manifest name */
  readonly readModelFile: ReadModelFile;
  /** where the tfjs wasm binaries are: a folder prefix, or a map file name -> URL */
  readonly wasmPaths?: string | Record<string, string>;
  /**
   * pose-detection's temporal keypoint filter (a One Euro filter per keypoint,
   * built into MoveNet and BlazePose); on by default. Measured with
   * `npm run smoothing-study` (MoveNet Lightning, side-view fixture clips):
   * it cuts the frame-to-frame jitter of the counting angle while still by
   * 30-60% (e.g. 0.51 -> 0.36 deg torso inclination, 0.56 -> 0.24 deg hip
   * angle), shifts rep peaks by 0-67 ms (one frame at 15 fps), and leaves
   * every count unchanged. The engine adds no second filter on top: its
   * counters have hysteresis, and a second filter would only add lag.
   */
  readonly smoothing?: boolean;
  /** the WebGL renderer string, for `auto`; probed in the browser when left out */
  readonly webglRenderer?: string | null;
  /**
   * Lets the wasm backend use its multi-threaded SIMD build where the page is
   * cross-origin isolated (SharedArrayBuffer); off by default, and always off
   * outside the pose worker (see initBackend).
   */
  readonly wasmThreads?: boolean;
}

/** tf.memory() in short: numTensors must stay constant over a session (every tensor disposed). */
export interface TensorMemory {
  readonly numTensors: number;
  readonly numBytes: number;
}

export interface PoseEstimator {
  readonly model: ModelId;
  readonly backend: BackendName;
  /** bytes of model files read at start */
  readonly modelBytesLoaded: number;
  /** Estimates the pose in `input`, taken at `timestampMs` of the source. Never throws for "no person": that is a frame with no keypoints. */
  estimate(input: PoseInput, timestampMs: number): Promise<PoseFrame>;
  /** Forgets temporal state (smoothing, crop region): call when the source jumps. */
  reset(): void;
  /** the tfjs tensors alive where the model runs (this thread, or the pose worker) */
  memory(): Promise<TensorMemory>;
  dispose(): void;
}

/** Threads the wasm backend runs on: 1 for the single-threaded builds, 0 when another backend runs. */
export function wasmThreadCount(): number {
  return tf.getBackend() === 'wasm' ? getThreadsCount() : 0;
}

let wasmPathsSet = false;

async function initBackend(name: BackendName, wasmPaths: EstimatorOptions['wasmPaths'], threads: boolean): Promise<void> {
  if (name === 'wasm') {
    // The threaded build starts its pthreads from a blob made of the emscripten
    // factory's source text; minified it dies with "ReferenceError: e is not
    // defined" (headless Chromium, Vite 8; unminified it starts). Only the pose
    // worker asks for threads, only on a cross-origin isolated page, and falls
    // back to one thread when they fail (src/pose/worker/worker-estimator.ts).
    // Measured on the 2-core VM: tfjs runs it on 1 thread there, no faster.
    if (!threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (wasmPaths !== undefined && !wasmPathsSet) {
      setWasmPaths(wasmPaths as string);
      wasmPathsSet = true;
    }
  }
  if (tf.getBackend() === name) return;
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not start in this environment.`);
  await tf.ready();
}

function inputSize(input: PoseInput): { width: number; height: number } {
  if (input instanceof tf.Tensor) return { width: input.shape[1] ?? 0, height: input.shape[0] ?? 0 };
  if (typeof HTMLVideoElement !== 'undefined' && input instanceof HTMLVideoElement) {
    return { width: input.videoWidth, height: input.videoHeight };
  }
  return { width: (input as { width: number }).width, height: (input as { height: number }).height };
}

/** the warm-up picture's side: MoveNet Lightning's own input size (other models resize it) */
const WARM_UP_SIZE_PX = 192;

/**
 * Runs a detector's first inference, at its time 0, on an empty square
 * picture `sidePx` wide. That inference sets the model up (kernels, buffers)
 * and takes longer than the ones after it, and pose-detection does not run
 * it at load: run at load, it does not fall on a camera's first frames,
 * where a set's first rep can be.
 */
export async function warmUp(detector: poseDetection.PoseDetector, sidePx: number, config: { readonly maxPoses?: number } = {}): Promise<void> {
  const blank = tf.zeros<tf.Rank.R3>([sidePx, sidePx, 3], 'int32');
  try {
    await detector.estimatePoses(blank, { ...config, flipHorizontal: false }, 0);
  } finally {
    blank.dispose();
  }
}

export async function createPoseEstimator(options: EstimatorOptions): Promise<PoseEstimator> {
  const model = options.model ?? DEFAULT_MODEL;
  const spec = modelSpec(model);
  const renderer = options.webglRenderer !== undefined ? options.webglRenderer : probeWebglRenderer();
  const backend = resolveBackend(options.backend ?? 'auto', renderer);
  await initBackend(backend, options.wasmPaths, options.wasmThreads ?? false);

  const stats: LoadStats = { bytesRead: 0 };
  const read = options.readModelFile;
  const enableSmoothing = options.smoothing ?? true;
  let detector: poseDetection.PoseDetector;
  if (spec.family === 'movenet') {
    detector = await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
      modelType: model === 'movenet-thunder' ? poseDetection.movenet.modelType.SINGLEPOSE_THUNDER : poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING,
      modelUrl: verifiedModelHandler(read, modelFile(spec, 'model'), modelFile(spec, 'weights'), stats),
      enableSmoothing,
    });
  } else {
    const config: poseDetection.BlazePoseTfjsModelConfig = {
      runtime: 'tfjs',
      modelType: model === 'blazepose-lite' ? 'lite' : 'full',
      enableSmoothing,
      detectorModelUrl: verifiedModelHandler(read, modelFile(spec, 'detector-model'), modelFile(spec, 'detector-weights'), stats),
      landmarkModelUrl: verifiedModelHandler(read, modelFile(spec, 'model'), modelFile(spec, 'weights'), stats),
    };
    detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, config);
  }
  await warmUp(detector, WARM_UP_SIZE_PX, { maxPoses: 1 });
  // the reset forgets what the warm-up saw (crop region, filters): every estimate after it is as before
  detector.reset();

  return {
    model,
    backend,
    modelBytesLoaded: stats.bytesRead,
    async estimate(input, timestampMs) {
      const { width, height } = inputSize(input);
      if (width === 0 || height === 0) return emptyPoseFrame(timestampMs, width, height);
      const poses = await detector.estimatePoses(input, { maxPoses: 1, flipHorizontal: false }, timestampMs);
      const pose = poses[0];
      if (!pose) return emptyPoseFrame(timestampMs, width, height);
      const keypoints: Keypoint[] = pose.keypoints.map((k) => ({ name: k.name ?? '', x: k.x, y: k.y, score: k.score ?? 0 }));
      return { timestampMs, imageWidth: width, imageHeight: height, score: pose.score ?? 0, keypoints };
    },
    reset() {
      detector.reset();
    },
    memory() {
      const { numTensors, numBytes } = tf.memory();
      return Promise.resolve({ numTensors, numBytes });
    },
    dispose() {
      detector.dispose();
    },
  };
}
