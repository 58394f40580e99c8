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
import { emptyPoseFrame } from '../../core/frame/pose-frame.ts';
import * as tf from '@tensorflow/tfjs-core';

let estimator: PoseEstimator | null = null;

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

  async estimate(image: ImageBitmap | ImageData, timestampMs: number): Promise<WorkerEstimate> {
    try {
      if (!estimator) return { frame: emptyPoseFrame(timestampMs, image.width, image.height), inferenceMs: 0 };
      const started = performance.now();
      const frame = await estimator.estimate(image, timestampMs);
      return { frame, inferenceMs: performance.now() - started };
    } finally {
      if (image instanceof ImageBitmap) image.close();
    }
  },

  reset(): void {
    estimator?.reset();
  },

  memory() {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  },

  dispose(): void {
    estimator?.dispose();
    estimator = null;
  },
};

Comlink.expose(api);

declare global {
  /** tf.memory() of this worker, for E2E and soak tests (Playwright evaluates in the worker: `worker.evaluate(() => formcoachPoseMemory())`) */
  var formcoachPoseMemory: (() => ReturnType<PoseWorkerApi['memory']>) | undefined;
}
globalThis.formcoachPoseMemory = api.memory;
