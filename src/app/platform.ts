/**
 * The browser edge of the estimator: model files fetched from this app's own
 * origin, tfjs wasm binaries bundled as assets of this build. Nothing is ever
 * requested from another origin.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createPoseEstimator, type PoseEstimator } from '../pose/estimator.ts';
import { ModelFileError, type ReadModelFile } from '../pose/model-files.ts';
import type { BackendChoice } from '../pose/backend.ts';
import type { ModelId } from '../pose/models.ts';

export const WASM_PATHS = {
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

export function createBrowserEstimator(model: ModelId, backend: BackendChoice): Promise<PoseEstimator> {
  return createPoseEstimator({ model, backend, readModelFile: fetchModelFile, wasmPaths: WASM_PATHS });
}
