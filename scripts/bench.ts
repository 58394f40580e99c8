/**
 * npm run bench: inference speed per model, in Node (wasm) and in headless
 * Chromium (wasm, and WebGL where the GPU is real), and the app's end-to-end
 * analysed fps next to a bare estimate loop on the same camera input.
 *
 * The app and the bare loop are timed interleaved (A B A B ..., at least 5
 * alternations per model and inference path) so that a noisy machine weighs
 * on both alike; the ratio's median and spread are printed. Each app run also
 * counts the page's main-thread long tasks (PerformanceObserver 'longtask')
 * and its display fps (requestAnimationFrame callbacks), and the bare loop in
 * the worker gives the round trip's overhead. Paths compared: `main` (the
 * model on the page's main thread, as before issue 11) and `worker` (the pose
 * worker, the app's default).
 *
 * BENCH_MODELS=a,b (default: all), BENCH_PATHS=main,worker, BENCH_ALTERNATIONS=5,
 * BENCH_APP_SECONDS=20, BENCH_FRAMES=60, BENCH_SKIP_NODE=1.
 * Prints tables; writes test-results/bench.json.
 */
import * as tf from '@tensorflow/tfjs-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { createNodeEstimator } from '../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../src/cli/ffmpeg.ts';
import { MODEL_IDS, modelBytes, type ModelId } from '../src/pose/models.ts';
import { median, percentile } from '../src/core/stats.ts';
import type { Browser } from 'playwright-core';
import { launchChromium, startPreview, type Preview } from '../test/helpers/browser.ts';
import { fixturePath, y4mOf } from '../test/helpers/fixtures.ts';
import { DIST, REPO, SCRATCH } from '../test/helpers/paths.ts';

const CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
/** the live measurement of issue 11: a side-view superman from a 30 fps camera */
const LIVE_CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const FRAMES = Number(process.env.BENCH_FRAMES ?? 60);
const WARMUP = 5;
const APP_SECONDS = Number(process.env.BENCH_APP_SECONDS ?? 20);
const ALTERNATIONS = Math.max(5, Number(process.env.BENCH_ALTERNATIONS ?? 5));
const PATHS = (process.env.BENCH_PATHS ?? 'main,worker').split(',').filter((p): p is InferencePath => p === 'main' || p === 'worker');
const MODELS = process.env.BENCH_MODELS ? MODEL_IDS.filter((m) => process.env.BENCH_MODELS?.split(',').includes(m)) : [...MODEL_IDS];

type InferencePath = 'main' | 'worker';
/** the page's query for a path (src/app/platform.ts reads it) */
const QUERY: { readonly [P in InferencePath]: string } = { main: '&inference=main', worker: '' };

interface Row {
  where: string;
  model: ModelId;
  backend: string;
  medianMs?: number;
  p95Ms?: number;
  fps?: number;
  note?: string;
}

const rows: Row[] = [];
const fmt = (v: number | undefined, digits = 1): string => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));

async function benchNode(model: ModelId): Promise<void> {
  const estimator = await createNodeEstimator(model, 'wasm');
  const path = fixturePath(CLIP);
  const times: number[] = [];
  let i = 0;
  for await (const frame of decodeFrames(path, probeVideo(path), { fps: 15 })) {
    const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
    const t0 = performance.now();
    await estimator.estimate(image, frame.timestampMs);
    const ms = performance.now() - t0;
    image.dispose();
    if (i++ >= WARMUP) times.push(ms);
    if (times.length >= FRAMES) break;
  }
  estimator.dispose();
  rows.push({ where: 'node', model, backend: 'wasm', medianMs: median(times), p95Ms: percentile(times, 95), fps: 1000 / median(times) });
  process.stderr.write(`node ${model}: median ${fmt(median(times))} ms\n`);
}

interface AppRun {
  analysedFps: number;
  displayFps: number;
  longTasks: number;
  longTaskMaxMs: number;
  longTaskMedianMs: number;
}

interface BareRun {
  medianMs: number;
  p95Ms: number;
  bareFps: number;
  workerOverheadMs: number | null;
  wasmThreads: number | null;
  crossOriginIsolated: boolean;
  modelBytesLoaded: number;
  numTensors: number;
}

declare global {
  interface Window {
    __bench?: { longTasks: { start: number; duration: number }[]; paints: number };
  }
}

async function runBare(browser: Browser, preview: Preview, model: ModelId, backend: string, path: InferencePath): Promise<BareRun | { skipped: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${preview.origin}/bench.html?model=${model}&backend=${backend}&frames=${FRAMES}${QUERY[path]}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 300_000 });
    const r = (await page.evaluate(() => window.benchResult)) as Record<string, unknown>;
    if (typeof r.error === 'string') throw new Error(`bench page: ${r.error}`);
    if (typeof r.skipped === 'string') return { skipped: r.skipped };
    return r as unknown as BareRun;
  } finally {
    await page.close();
  }
}

/** The camera check as a user runs it: camera -> estimator -> overlay + HUD; APP_SECONDS measured after the first 30 frames. */
async function runApp(browser: Browser, preview: Preview, model: ModelId, path: InferencePath, seconds: number): Promise<AppRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    // a string, not a function: tsx wraps named inner functions in a __name() helper the page does not have
    await page.addInitScript(`{
      const bench = { longTasks: [], paints: 0 };
      window.__bench = bench;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      const paint = () => {
        bench.paints++;
        requestAnimationFrame(paint);
      };
      requestAnimationFrame(paint);
    }`);
    await page.goto(`${preview.url}?view=lab${QUERY[path]}`);
    await page.getByTestId('model-picker').selectOption(model);
    await page.getByTestId('start-camera').click();
    const frames = (): Promise<number> => page.evaluate(() => Number(document.querySelector('[data-testid=overlay]')?.getAttribute('data-frames') ?? 0));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=overlay]')?.getAttribute('data-frames') ?? 0) >= 30, null, { timeout: 120_000 });
    const snap = (): Promise<{ t: number; paints: number }> => page.evaluate(() => ({ t: performance.now(), paints: window.__bench?.paints ?? 0 }));
    const [a, framesA] = [await snap(), await frames()];
    await page.waitForTimeout(seconds * 1000);
    const [b, framesB] = [await snap(), await frames()];
    const tasks = await page.evaluate(([from, to]) => (window.__bench?.longTasks ?? []).filter((l) => l.start >= from && l.start < to).map((l) => l.duration), [a.t, b.t] as const);
    const s = (b.t - a.t) / 1000;
    const over50 = tasks.filter((d) => d > 50);
    return {
      analysedFps: (framesB - framesA) / s,
      displayFps: (b.paints - a.paints) / s,
      longTasks: over50.length,
      longTaskMaxMs: tasks.length ? Math.max(...tasks) : 0,
      longTaskMedianMs: tasks.length ? median(tasks) : 0,
    };
  } finally {
    await page.close();
  }
}

const spread = (values: readonly number[]): string => (values.length ? `${fmt(Math.min(...values), 2)}-${fmt(Math.max(...values), 2)}` : '-');

async function main(): Promise<void> {
  if (!process.env.BENCH_SKIP_NODE) for (const model of MODELS) await benchNode(model);

  if (!existsSync(join(DIST, 'index.html'))) {
    spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  }
  const preview = await startPreview();
  // 30 fps camera so that the camera, not the model, is rarely the limit
  const browser = await launchChromium({ fakeVideo: y4mOf(LIVE_CLIP, { fps: 30, width: 640, seconds: 12 }) });
  const live: Record<string, unknown>[] = [];
  const ratios: Record<string, unknown>[] = [];
  try {
    for (const model of MODELS) {
      const r = await runBare(browser, preview, model, 'webgl', 'worker');
      if ('skipped' in r) rows.push({ where: 'chromium', model, backend: 'webgl', note: r.skipped });
      else rows.push({ where: 'chromium', model, backend: 'webgl', medianMs: r.medianMs, p95Ms: r.p95Ms, fps: r.bareFps });
    }

    // before and after in one run: the app for APP_SECONDS on each path, default model
    for (const path of PATHS) {
      const app = await runApp(browser, preview, MODELS[0] ?? 'movenet-lightning', path, APP_SECONDS);
      live.push({ path, model: MODELS[0], seconds: APP_SECONDS, ...app });
      process.stderr.write(`live ${path}: ${fmt(app.analysedFps)} analysed fps, ${app.longTasks} long tasks > 50 ms (max ${fmt(app.longTaskMaxMs)} ms), ${fmt(app.displayFps)} display fps\n`);
    }

    // app vs bare, interleaved A B A B so that the machine's load weighs on both
    const appSeconds = Math.min(APP_SECONDS, 8);
    for (const model of MODELS) {
      for (const path of PATHS) {
        const pairs: { app: AppRun; bare: BareRun }[] = [];
        for (let i = 0; i < ALTERNATIONS; i++) {
          const app = await runApp(browser, preview, model, path, appSeconds);
          const bare = await runBare(browser, preview, model, 'wasm', path);
          if ('skipped' in bare) throw new Error(bare.skipped);
          pairs.push({ app, bare });
          if (i === 0) rows.push({ where: `chromium-${path}`, model, backend: 'wasm', medianMs: bare.medianMs, p95Ms: bare.p95Ms, fps: bare.bareFps, note: `wasm threads ${bare.wasmThreads ?? 1}${bare.crossOriginIsolated ? ', isolated' : ''}` });
          process.stderr.write(`${model} ${path} #${i + 1}: app ${fmt(app.analysedFps)} fps, bare ${fmt(bare.bareFps)} fps\n`);
        }
        const r = pairs.map((p) => p.app.analysedFps / p.bare.bareFps);
        const overheads = pairs.map((p) => p.bare.workerOverheadMs).filter((v): v is number => v !== null);
        ratios.push({
          model,
          path,
          ratioMedian: median(r),
          ratioMin: Math.min(...r),
          ratioMax: Math.max(...r),
          appFps: median(pairs.map((p) => p.app.analysedFps)),
          bareFps: median(pairs.map((p) => p.bare.bareFps)),
          longTasks: median(pairs.map((p) => p.app.longTasks)),
          displayFps: median(pairs.map((p) => p.app.displayFps)),
          workerOverheadMs: overheads.length ? median(overheads) : null,
          wasmThreads: pairs[0]?.bare.wasmThreads ?? null,
          numTensorsAfter: pairs.map((p) => p.bare.numTensors),
          modelBytesLoaded: pairs[0]?.bare.modelBytesLoaded ?? modelBytes(model),
          spread: spread(r),
        });
      }
    }

    console.log('\nInference time per frame (ms), after warm-up: Node on a 640x360 side-view clip, Chromium on the 640 px fake camera');
    console.log('where            backend  model               median    p95     fps   note');
    for (const r of rows) {
      console.log(`${r.where.padEnd(16)} ${r.backend.padEnd(8)} ${r.model.padEnd(19)} ${fmt(r.medianMs).padStart(6)} ${fmt(r.p95Ms).padStart(6)} ${fmt(r.fps).padStart(7)}   ${r.note ?? ''}`);
    }
    console.log(`\nLive, camera check, 30 fps fake camera (${LIVE_CLIP}), ${APP_SECONDS} s each, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('path    model               analysed fps  long tasks >50ms  max ms  display fps');
    for (const l of live) {
      console.log(`${String(l.path).padEnd(7)} ${String(l.model).padEnd(19)} ${fmt(l.analysedFps as number).padStart(12)} ${String(l.longTasks).padStart(17)} ${fmt(l.longTaskMaxMs as number).padStart(7)} ${fmt(l.displayFps as number).padStart(12)}`);
    }
    console.log(`\nApp vs bare estimate loop, interleaved ${ALTERNATIONS}x (app ${appSeconds} s, bare ${FRAMES} frames), wasm`);
    console.log('model               path    app fps  bare fps  ratio median  spread      long tasks  display fps  worker overhead ms  threads');
    for (const r of ratios) {
      console.log(
        `${String(r.model).padEnd(19)} ${String(r.path).padEnd(7)} ${fmt(r.appFps as number).padStart(7)} ${fmt(r.bareFps as number).padStart(9)} ${fmt(r.ratioMedian as number, 2).padStart(13)}  ${String(r.spread).padEnd(11)} ${String(r.longTasks).padStart(10)} ${fmt(r.displayFps as number).padStart(12)} ${fmt((r.workerOverheadMs as number | null) ?? undefined, 2).padStart(19)}  ${String(r.wasmThreads ?? '-').padStart(7)}`,
      );
    }
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(join(SCRATCH, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), loadavg: loadavg(), rows, live, app: ratios }, null, 2));
  } finally {
    await browser.close();
    preview.close();
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
