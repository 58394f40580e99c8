/**
 * Video-file analysis speed in the browser: the production build in headless
 * Chromium analyses fixture clips through the camera-check page (WebCodecs
 * decode, the 15 fps sampling rule, the default model on the automatic
 * backend), and this prints analysed frames per second of wall time next to
 * the clip's real-time rate (15 fps: a clip of d seconds has about 15 d samples).
 * A speed above 1x means faster than playing the clip. Needs `npm run build`.
 * Writes test-results/bench-file.json.
 *
 *   node --import tsx scripts/bench-file.ts [clip ...]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeFrameTimes } from '../src/cli/ffmpeg.ts';
import { ANALYSIS_FPS, sampleFrames } from '../src/core/frame-sampling.ts';
import { launchChromium, startPreview } from '../test/helpers/browser.ts';
import { fixturePath } from '../test/helpers/fixtures.ts';
import { DIST, SCRATCH } from '../test/helpers/paths.ts';

const CLIPS = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : ['hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4'];
const WARMUP_CLIP = 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4';

interface Row {
  clip: string;
  clipSeconds: number;
  samples: number;
  wallSeconds: number;
  analysedFps: number;
  realTimeFps: number;
  speed: number;
  backend: string;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('no production build: run `npm run build` first');
  const preview = await startPreview();
  const browser = await launchChromium({});
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${preview.url}?view=lab`);
    const analyse = async (clip: string): Promise<{ wallSeconds: number; frames: number; hud: string }> => {
      const name = clip.split('/').pop()!;
      const started = performance.now();
      await page.getByTestId('video-file-input').setInputFiles(fixturePath(clip));
      await page.waitForFunction(
        (file) => (document.querySelector('[data-testid=hud]')?.textContent ?? '').includes(`Finished analysing ${file}`),
        name,
        { timeout: 600_000, polling: 50 },
      );
      const wallSeconds = (performance.now() - started) / 1000;
      const hud = (await page.getByTestId('hud').textContent()) ?? '';
      const frames = Number(await page.getByTestId('hud').getAttribute('data-frames'));
      return { wallSeconds, frames, hud };
    };
    // the model loads (and the wasm backend warms up) on the first file: not measured
    await analyse(WARMUP_CLIP);
    for (const clip of CLIPS) {
      const times = probeFrameTimes(fixturePath(clip));
      const samples = sampleFrames(times).length;
      const clipSeconds = (times.at(-1)! - times[0]!) / 1000 + (times.at(-1)! - times.at(-2)!) / 1000;
      const run = await analyse(clip);
      if (run.frames !== samples) throw new Error(`${clip}: the page analysed ${run.frames} frames, the rule gives ${samples}`);
      const analysedFps = samples / run.wallSeconds;
      const realTimeFps = samples / clipSeconds;
      rows.push({
        clip,
        clipSeconds,
        samples,
        wallSeconds: run.wallSeconds,
        analysedFps,
        realTimeFps,
        speed: clipSeconds / run.wallSeconds,
        backend: /WebAssembly/.test(run.hud) ? 'wasm' : /WebGL/.test(run.hud) ? 'webgl' : 'other',
      });
    }
  } finally {
    await browser.close();
    preview.close();
  }
  console.log('Browser video-file analysis (MoveNet Lightning, automatic backend, headless Chromium)');
  console.log('clip                                              clip s  samples  wall s  analysed fps  real-time fps  speed');
  for (const r of rows) {
    console.log(
      `${r.clip.padEnd(50)}${r.clipSeconds.toFixed(2).padStart(6)}${String(r.samples).padStart(9)}${r.wallSeconds.toFixed(2).padStart(8)}${r.analysedFps.toFixed(1).padStart(14)}${r.realTimeFps.toFixed(1).padStart(15)}${(r.speed.toFixed(2) + 'x').padStart(7)}  ${r.backend}`,
    );
  }
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(join(SCRATCH, 'bench-file.json'), JSON.stringify({ sampleFps: ANALYSIS_FPS, rows }, null, 2) + '\n');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
