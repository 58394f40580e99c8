/**
 * npm run bench:record [-- --seconds 10] [--encoders a,b] [--memory 180]
 *
 * Records the fake camera (a superman fixture clip) with the annotated
 * overlay through each encoder, in headless Chromium, and measures each file
 * with ffprobe: the duration its header says and its size per 10 s. The page
 * is src/app/record-bench.ts, served by the Vite dev server.
 *   webcodecs-*        the app's path: VideoEncoder -> packets in IndexedDB -> mediabunny mux at stop
 *   mediarecorder-*    MediaRecorder on canvas.captureStream(), as recorded; "+remux": the same file remuxed by mediabunny
 * --memory S: one webcodecs-vp8 recording of S seconds, the JS heap sampled every 10 s.
 */
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { CHROMIUM } from '../test/helpers/browser.ts';
import { y4mOf } from '../test/helpers/fixtures.ts';
import { REPO, SCRATCH } from '../test/helpers/paths.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SECONDS = Number(arg('seconds') ?? 10);
const MEMORY_S = Number(arg('memory') ?? 0);
const ENCODERS = (arg('encoders') ?? 'webcodecs-vp8,webcodecs-vp9,webcodecs-avc,mediarecorder-webm,mediarecorder-mp4').split(',');
const OUT = join(SCRATCH, 'recordings', 'bench');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function durationOf(file: string): string {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], { encoding: 'utf8' }).trim();
  return out;
}

/** Whether the file has a seek index ffprobe can see: WebM Cues / MP4 sample table (a seek to the middle decodes a frame). */
function seeks(file: string): boolean {
  try {
    const out = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(SECONDS / 2), '-i', file, '-frames:v', '1', '-f', 'null', '-'], { encoding: 'utf8' });
    return out.trim() === '';
  } catch {
    return false;
  }
}

function hasCues(file: string): boolean {
  // mkvinfo is not installed everywhere; the Cues element id 0x1C53BB6B in the file is enough for WebM
  const bytes = execFileSync('xxd', ['-p', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).replace(/\n/g, '');
  return bytes.includes('1c53bb6b');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const server = spawn(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: REPO, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/record-bench.html`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 150) throw new Error('vite dev server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4mOf(CLIP, { width: 640 })}`, '--enable-precise-memory-info'],
  });
  const rows: string[] = ['encoder | header duration s | size per 10 s (kB) | seeks (ffmpeg -ss) | WebM Cues'];
  try {
    const runs = MEMORY_S > 0 ? [{ encoder: 'webcodecs-vp8', seconds: MEMORY_S, sample: 10 }] : ENCODERS.map((encoder) => ({ encoder, seconds: SECONDS, sample: 0 }));
    for (const run of runs) {
      const page = await browser.newPage();
      const remux = run.encoder.startsWith('mediarecorder') ? '&remux=1' : '';
      await page.goto(`${origin}/record-bench.html?encoder=${run.encoder}&seconds=${run.seconds}&sampleEveryS=${run.sample}${remux}`);
      await page.waitForFunction(() => window.recordBench !== undefined, null, { timeout: (run.seconds + 120) * 1000, polling: 500 });
      const result = (await page.evaluate(() => window.recordBench)) as { error?: string; mimeType: string; fileBase64: string; remuxedBase64?: string; framesDrawn: number; heapSamples: unknown[] };
      await page.close();
      if (result.error) {
        rows.push(`${run.encoder} | failed: ${result.error}`);
        continue;
      }
      const ext = result.mimeType.startsWith('video/mp4') ? 'mp4' : 'webm';
      const files: [string, string][] = [[run.encoder, result.fileBase64]];
      if (result.remuxedBase64) files.push([`${run.encoder}+remux`, result.remuxedBase64]);
      for (const [name, b64] of files) {
        const file = join(OUT, `${name}.${ext}`);
        writeFileSync(file, Buffer.from(b64, 'base64'));
        const size = statSync(file).size;
        const duration = durationOf(file);
        const per10 = Number(duration) > 0 ? (size / 1000 / Number(duration)) * 10 : (size / 1000 / run.seconds) * 10;
        rows.push(`${name} | ${duration} | ${per10.toFixed(0)} | ${seeks(file) ? 'yes' : 'no'} | ${ext === 'webm' ? (hasCues(file) ? 'yes' : 'no') : '-'}`);
      }
      if (run.sample > 0) console.log(JSON.stringify({ frames: result.framesDrawn, heapSamples: result.heapSamples }, null, 1));
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(rows.join('\n'));
}

await main();
