/**
 * Benchmark page (driven by scripts/bench.ts in headless Chromium): runs a
 * bare estimate loop on the camera's video element, back to back, and reports
 * inference times; in the pose worker (the app's default) also the round
 * trip's overhead: posting a frame to keypoints back, minus the estimate timed
 * inside the worker. Query: ?model=ID&backend=wasm|webgl|cpu&frames=N, and
 * the app's own inference=main / threads=0 (src/app/platform.ts).
 */
import { createBrowserEstimator, inferenceThread } from './platform.ts';
import { isModelId, DEFAULT_MODEL } from '../pose/models.ts';
import { isBackendChoice, probeWebglRenderer, isSoftwareRenderer } from '../pose/backend.ts';
import { median, percentile } from '../core/stats.ts';
import { isWorkerEstimator } from '../pose/worker/worker-estimator.ts';

declare global {
  interface Window {
    benchResult?: unknown;
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const modelParam = params.get('model') ?? DEFAULT_MODEL;
  const backendParam = params.get('backend') ?? 'wasm';
  const frames = Number(params.get('frames') ?? 60);
  const warmup = 5;
  if (!isModelId(modelParam) || !isBackendChoice(backendParam)) throw new Error(`bad model or backend: ${modelParam} ${backendParam}`);
  const renderer = probeWebglRenderer();
  if (backendParam === 'webgl' && (renderer === null || isSoftwareRenderer(renderer))) {
    window.benchResult = { model: modelParam, backend: backendParam, skipped: `WebGL is ${renderer ?? 'unavailable'} (software), not measured` };
    return;
  }
  const video = document.getElementById('video') as HTMLVideoElement;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  await video.play();
  const loadStart = performance.now();
  const estimator = await createBrowserEstimator(modelParam, backendParam);
  const loadMs = performance.now() - loadStart;
  const times: number[] = [];
  const overheads: number[] = [];
  const timing = isWorkerEstimator(estimator) ? estimator : null;
  let withPose = 0;
  const loopStart = performance.now();
  for (let i = 0; i < warmup + frames; i++) {
    if (i === warmup) times.length = 0;
    const t0 = performance.now();
    const frame = await estimator.estimate(video, video.currentTime * 1000);
    times.push(performance.now() - t0);
    const trip = timing?.lastTiming;
    if (i >= warmup && trip) overheads.push(trip.roundTripMs - trip.workerMs);
    if (i >= warmup && frame.score >= 0.3) withPose++;
  }
  const loopMs = performance.now() - loopStart;
  const measuredMs = times.reduce((a, b) => a + b, 0);
  const memory = await estimator.memory();
  estimator.dispose();
  window.benchResult = {
    model: modelParam,
    backend: estimator.backend,
    webglRenderer: renderer,
    crossOriginIsolated: self.crossOriginIsolated,
    inference: inferenceThread(),
    wasmThreads: timing ? timing.wasmThreads : null,
    workerOverheadMs: overheads.length > 0 ? median(overheads) : null,
    workerOverheadP95Ms: overheads.length > 0 ? percentile(overheads, 95) : null,
    numTensors: memory.numTensors,
    frames,
    medianMs: median(times),
    p95Ms: percentile(times, 95),
    bareFps: (frames * 1000) / measuredMs,
    loopMs,
    loadMs,
    modelBytesLoaded: estimator.modelBytesLoaded,
    videoSize: `${video.videoWidth}x${video.videoHeight}`,
    poseFraction: withPose / frames,
  };
}

main().then(
  () => {
    (document.getElementById('out') as HTMLElement).textContent = JSON.stringify(window.benchResult, null, 2);
  },
  (err: unknown) => {
    window.benchResult = { error: String(err) };
  },
);
