/**
 * npm run bench:people — what finding every person costs (issue 11 point 6),
 * in Node on the wasm backend (the pose worker's backend), on the two-person
 * clip the tests compose (test/helpers/two-people.ts): per-frame time of
 * MoveNet Lightning (single pose, the default) and of MoveNet MultiPose with
 * its tracker at a few input sizes, interleaved frame by frame (ABAB) so that
 * a busy machine slows both alike; tensors alive after the first frame and
 * after the last (every tensor must be disposed); people found per frame.
 * Then the app itself (the build in dist/ or FORMCOACH_DIST, served by vite
 * preview) in Chromium, the clip from a 30 fps fake camera on the training
 * view of a superman set: analysed fps while the subject is alone and while
 * the second person is in view, and the pose worker's time per frame in each
 * people mode (single, watch, people).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createNodeEstimator } from '../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../src/cli/ffmpeg.ts';
import { readModelFileFrom } from '../src/cli/node-model-files.ts';
import { createPeopleEstimator } from '../src/pose/people-estimator.ts';
import { median } from '../src/core/stats.ts';
import { twoPeopleClip } from '../test/helpers/two-people.ts';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchChromium, startPreview } from '../test/helpers/browser.ts';

const SIZES_PX = [256, 192, 160] as const;

async function main(): Promise<void> {
  const clip = twoPeopleClip({ format: 'mp4' });
  const info = probeVideo(clip);
  const lightning = await createNodeEstimator('movenet-lightning', 'wasm');
  const people = await Promise.all(SIZES_PX.map((px) => createPeopleEstimator({ readModelFile: readModelFileFrom(), maxDimensionPx: px })));
  const times = { lightning: [] as number[], people: SIZES_PX.map(() => [] as number[]) };
  const found = SIZES_PX.map(() => new Map<number, number>());
  const tensors = { lightning: [] as number[], people: SIZES_PX.map(() => [] as number[]) };
  for await (const frame of decodeFrames(clip, info, { fps: 15 })) {
    const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
    try {
      let started = performance.now();
      await lightning.estimate(image, frame.timestampMs);
      times.lightning.push(performance.now() - started);
      tensors.lightning.push(tf.memory().numTensors);
      for (const [i, estimator] of people.entries()) {
        started = performance.now();
        const result = await estimator.estimatePeople(image, frame.timestampMs);
        times.people[i]!.push(performance.now() - started);
        tensors.people[i]!.push(tf.memory().numTensors);
        found[i]!.set(result.poses.length, (found[i]!.get(result.poses.length) ?? 0) + 1);
      }
    } finally {
      image.dispose();
    }
  }
  const ms = (xs: number[]): string => `median ${median(xs.slice(3)).toFixed(1)} ms (p90 ${[...xs.slice(3)].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 3))]!.toFixed(1)})`;
  console.log(`clip: ${clip} (${info.width}x${info.height}, ${times.lightning.length} frames at 15 fps); load average ${loadavg()[0]!.toFixed(2)}; backend ${tf.getBackend()}`);
  console.log(`MoveNet Lightning (single pose): ${ms(times.lightning)}`);
  for (const [i, px] of SIZES_PX.entries()) {
    const counts = [...found[i]!.entries()].sort((a, b) => a[0] - b[0]).map(([n, c]) => `${n} people: ${c}`).join(', ');
    console.log(`MoveNet MultiPose ${px} px + tracker: ${ms(times.people[i]!)}; ratio to Lightning ${(median(times.people[i]!.slice(3)) / median(times.lightning.slice(3))).toFixed(2)}; frames with ${counts}`);
  }
  // the tensor count is read after each model's frame: it must be the same after the first frame and after the last
  const first = tensors.people[0]![0]!;
  const last = tensors.people[0]!.at(-1)!;
  console.log(`tensors alive after frame 1: ${first}, after frame ${tensors.people[0]!.length}: ${last} (growth ${last - first} over ${tensors.people[0]!.length - 1} frames)`);
  lightning.dispose();
  for (const p of people) p.dispose();
  console.log(`tensors after disposing every model: ${tf.memory().numTensors}`);
}

/** frames analysed so far, from the overlay's data-frames (the test contract) */
const framesOf = async (page: Page): Promise<number> => Number(await page.getByTestId('overlay').first().getAttribute('data-frames'));
const noticeOf = async (page: Page): Promise<string> => (await page.getByTestId('people-notice').textContent()) ?? '';

async function inTheApp(): Promise<void> {
  const preview = await startPreview();
  const browser = await launchChromium({ fakeVideo: twoPeopleClip({ fps: 30, tailSeconds: 3 }) });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(preview.url);
    await page.getByTestId('exercise-superman').click();
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('end-set').waitFor({ timeout: 120_000 });
    // 25 s of samples (the 14 s clip loops about twice; the set of 8 lifts ends in its third loop): frames analysed while the notice shows and while it does not;
    // the first 5 s are left out (the people model is still loading in the worker then)
    await page.waitForTimeout(5000);
    const spans = { alone: { frames: 0, ms: 0 }, two: { frames: 0, ms: 0 } };
    let last = { frames: await framesOf(page), ms: performance.now(), two: (await noticeOf(page)) !== '' };
    const until = performance.now() + 25_000;
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      const now = { frames: await framesOf(page), ms: performance.now(), two: (await noticeOf(page)) !== '' };
      const span = now.two && last.two ? spans.two : !now.two && !last.two ? spans.alone : null;
      if (span) {
        span.frames += now.frames - last.frames;
        span.ms += now.ms - last.ms;
      }
      last = now;
    }
    const worker = page.workers().find((w) => w.url().includes('pose-worker'));
    const times = worker ? await worker.evaluate(() => globalThis.formcoachPeopleTimes?.()) : undefined;
    const tensors = worker ? await worker.evaluate(() => globalThis.formcoachPoseMemory?.().numTensors) : undefined;
    const fps = (span: { frames: number; ms: number } | null): string => (span && span.ms > 0 ? ((span.frames * 1000) / span.ms).toFixed(1) : 'n/a');
    console.log(`\nThe app in Chromium (30 fps fake camera, training view, superman), load average ${loadavg()[0]!.toFixed(2)}:`);
    console.log(`analysed fps with the subject alone: ${fps(spans.alone)} (over ${(spans.alone.ms / 1000).toFixed(1)} s)`);
    console.log(`analysed fps while the notice says someone else is in view: ${fps(spans.two)} (over ${(spans.two.ms / 1000).toFixed(1)} s)`);
    if (times) for (const mode of ['single', 'watch', 'people'] as const) console.log(`worker ${mode}: ${times[mode].frames} frames, ${(times[mode].ms / Math.max(1, times[mode].frames)).toFixed(1)} ms each`);
    console.log(`worker tensors alive at the end: ${tensors}`);
  } finally {
    await browser.close();
    preview.close();
  }
}

// --node or --app runs one half only
const only = process.argv.find((a) => a === '--node' || a === '--app');
void (only === '--app' ? inTheApp() : main().then(() => (only === '--node' ? undefined : inTheApp())));
