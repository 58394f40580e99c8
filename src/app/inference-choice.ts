/**
 * Where the pose model runs, read from the page's query: the pose worker
 * (src/pose/worker/), or with `inference=main` the page's main thread as
 * before (kept for comparison: `npm run bench` measures both). In the worker,
 * tfjs-backend-wasm's multi-threaded SIMD build only where the page is
 * cross-origin isolated (SharedArrayBuffer needs the COOP/COEP headers of
 * scripts/security-headers.ts); `threads=0` turns it off.
 */
export type InferenceThread = 'worker' | 'main';

export function inferenceThread(search: string, hasWorkers: boolean): InferenceThread {
  return new URLSearchParams(search).get('inference') === 'main' || !hasWorkers ? 'main' : 'worker';
}

export function wasmThreadsWanted(search: string, crossOriginIsolated: boolean): boolean {
  return crossOriginIsolated && new URLSearchParams(search).get('threads') !== '0';
}
