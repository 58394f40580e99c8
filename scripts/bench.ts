/**
 * npm run bench: inference speed per model, in Node (wasm) and in headless
 * Chromium (wasm, and WebGL where the GPU is real), and the app's end-to-end
 * analysed fps next to a bare estimate loop on the same camera input.
 * Prints a table; writes test-results/bench.json.
 */
import * as tf from '@tensorflow/tfjs-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeEstimator } from '../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../src/cli/ffmpeg.ts';
import { MODEL_IDS, modelBytes, type ModelId } from '../src/pose/models.ts';
import { median, percentile } from '../src/core/stats.ts';
import { launchChromium, startPreview } from '../test/helpers/browser.ts';
import { fixturePath, y4mOf } from '../test/helpers/fixtures.ts';
import { DIST, REPO, SCRATCH } from '../test/helpers/paths.ts';

const CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
const FRAMES = Number(process.env.BENCH_FRAMES ?? 60);
const WARMUP = 5;
const APP_SECONDS = Number(process.env.BENCH_APP_SECONDS ?? 8);

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

async function main(): Promise<void> {
  for (const model of MODEL_IDS) await benchNode(model);

  if (!existsSync(join(DIST, 'index.html'))) {
    spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  }
  const preview = await startPreview();
  // 30 fps camera so that the camera, not the model, is rarely the limit
  const browser = await launchChromium({ fakeVideo: y4mOf(CLIP, { fps: 30, width: 640, seconds: 6 }) });
  const bare = new Map<ModelId, number>();
  const bytesAtStart = new Map<ModelId, number>();
  try {
    for (const model of MODEL_IDS) {
      for (const backend of ['wasm', 'webgl'] as const) {
        const page = await browser.newPage();
        await page.goto(`${preview.origin}/bench.html?model=${model}&backend=${backend}&frames=${FRAMES}`);
        await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 300_000 });
        const r = (await page.evaluate(() => window.benchResult)) as Record<string, number | string>;
        await page.close();
        if (typeof r.error === 'string') throw new Error(`bench page: ${r.error}`);
        if (typeof r.skipped === 'string') {
          rows.push({ where: 'chromium', model, backend, note: r.skipped });
          continue;
        }
        rows.push({ where: 'chromium', model, backend, medianMs: r.medianMs as number, p95Ms: r.p95Ms as number, fps: r.bareFps as number });
        if (backend === 'wasm') {
          bare.set(model, r.bareFps as number);
          bytesAtStart.set(model, r.modelBytesLoaded as number);
        }
        process.stderr.write(`chromium ${backend} ${model}: median ${fmt(r.medianMs as number)} ms\n`);
      }
    }

    // The app, end to end: camera -> estimator -> overlay + HUD, as a user runs it.
    const appFps = new Map<ModelId, number>();
    for (const model of MODEL_IDS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${preview.url}?view=lab`);
      await page.getByTestId('model-picker').selectOption(model);
      await page.getByTestId('start-camera').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=hud]')?.getAttribute('data-frames') ?? 0) >= 30, null, { timeout: 120_000 });
      const samples: number[] = [];
      for (let s = 0; s < APP_SECONDS * 2; s++) {
        await page.waitForTimeout(500);
        samples.push(Number(await page.getByTestId('hud').getAttribute('data-fps')));
      }
      appFps.set(model, median(samples));
      await page.close();
      process.stderr.write(`app ${model}: ${fmt(median(samples))} analysed fps\n`);
    }

    console.log('\nInference time per frame (ms), after warm-up, on a 640x360 side-view clip');
    console.log('where     backend  model               median    p95     fps   note');
    for (const r of rows) {
      console.log(`${r.where.padEnd(9)} ${r.backend.padEnd(8)} ${r.model.padEnd(19)} ${fmt(r.medianMs).padStart(6)} ${fmt(r.p95Ms).padStart(6)} ${fmt(r.fps).padStart(7)}   ${r.note ?? ''}`);
    }
    console.log('\nApp end to end (camera 30 fps, wasm) vs bare estimate loop on the same input');
    console.log('model               app fps  bare fps  ratio   model bytes at start');
    const summary = MODEL_IDS.map((m) => {
      const app = appFps.get(m) ?? Number.NaN;
      const b = bare.get(m) ?? Number.NaN;
      const bytes = bytesAtStart.get(m) ?? modelBytes(m);
      console.log(`${m.padEnd(19)} ${fmt(app).padStart(7)} ${fmt(b).padStart(9)} ${fmt(app / b, 2).padStart(6)}   ${(bytes / 1e6).toFixed(2)} MB`);
      return { model: m, appFps: app, bareFps: b, ratio: app / b, modelBytesLoaded: bytes };
    });
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(join(SCRATCH, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), rows, app: summary }, null, 2));
  } finally {
    await browser.close();
    preview.close();
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
