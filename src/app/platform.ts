/**
 * The browser edge of the estimator: model files fetched from this app's own
 * origin, tfjs wasm binaries bundled as assets of this build. Nothing is ever
 * requested from another origin. The model runs in the pose worker
 * (src/pose/worker/) unless the page's query says `inference=main` (the
 * earlier main-thread path, kept for comparison: `npm run bench` measures both).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createPoseEstimator, type PoseEstimator } from '../pose/estimator.ts';
import { ModelFileError, type ReadModelFile } from '../pose/model-files.ts';
import { probeWebglRenderer, type BackendChoice } from '../pose/backend.ts';
import type { ModelId } from '../pose/models.ts';
import { createWorkerEstimator } from '../pose/worker/worker-estimator.ts';
import { watchPeople } from '../pose/worker/people-watch.ts';
import type { WasmFileName } from '../pose/worker/protocol.ts';
import { inferenceThread as chooseThread, wasmThreadsWanted, type InferenceThread } from './inference-choice.ts';

export const WASM_PATHS: Readonly<Record<WasmFileName, string>> = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
};

/** Model files live under /models/ of this app (public/models, filled by `npm run models`). */
export const fetchModelFile: ReadModelFile = async (name) => {
  const url = new URL(`models/${name}`, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'force-cache' });
  } catch (err) {
    throw new ModelFileError(name, 'missing', `could not be fetched: ${String(err)}`);
  }
  if (!response.ok) throw new ModelFileError(name, 'missing', `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

/** Where this page runs the model (src/app/inference-choice.ts). */
export const inferenceThread = (): InferenceThread => chooseThread(location.search, typeof Worker !== 'undefined');

const absolute = (url: string): string => new URL(url, document.baseURI).href;

export function createBrowserEstimator(model: ModelId, backend: BackendChoice): Promise<PoseEstimator> {
  if (inferenceThread() === 'main') return createPoseEstimator({ model, backend, readModelFile: fetchModelFile, wasmPaths: WASM_PATHS });
  // the live session tells it whom to follow (a camera set); otherwise it is the worker's estimator as it is
  const worker = createWorkerEstimator({
    model,
    backend,
    modelsUrl: absolute('models/'),
    wasmPaths: {
      'tfjs-backend-wasm.wasm': absolute(WASM_PATHS['tfjs-backend-wasm.wasm']),
      'tfjs-backend-wasm-simd.wasm': absolute(WASM_PATHS['tfjs-backend-wasm-simd.wasm']),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(WASM_PATHS['tfjs-backend-wasm-threaded-simd.wasm']),
    },
    webglRenderer: probeWebglRenderer(),
    threads: wasmThreadsWanted(location.search, globalThis.crossOriginIsolated === true),
  });
  // the people model loads with the coaching model, before the camera starts: loaded beside a running camera it
  // held the worker up for a second or more, just when a set's first rep may come (seen in the two-person E2E)
  return worker.then(async (estimator) => watchPeople(estimator, await estimator.loadPeople()));
}
