/**
 * The annotated live recording, from the fake camera (a side-view superman
 * clip, looping): record 10 s, download the file, and check it with ffprobe
 * and ffmpeg (duration in the header, frames that decode, the overlay burned
 * in); a reload in the middle of a recording offers what was stored; a full
 * storage quota shows its message, offers what exists at once, and the
 * recording goes on.
 *
 * Every wait is on a condition (the recorded time the page shows, a button,
 * a download), never on the wall clock: CI is a busy 2-core machine.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { y4mOf } from '../helpers/fixtures.ts';
import { SCRATCH } from '../helpers/paths.ts';
import { BAND_RULE_RGB } from '../../src/record/annotated-frame.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const OUT = join(SCRATCH, 'recordings');
const LONG = 150_000;

const session = useE2ESession();

interface Probe {
  readonly durationS: number;
  readonly codec: string;
  readonly width: number;
  readonly height: number;
}

function probe(file: string): Probe {
  const json = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name,width,height', '-of', 'json', file], { encoding: 'utf8' }),
  ) as { format?: { duration?: string }; streams?: { codec_name?: string; width?: number; height?: number }[] };
  const stream = json.streams?.[0];
  return { durationS: Number(json.format?.duration), codec: stream?.codec_name ?? '', width: stream?.width ?? 0, height: stream?.height ?? 0 };
}

/** One decoded frame at `atS` as RGB bytes, and the same frame saved as a PNG to look at. */
function frameAt(file: string, atS: number, png: string, size: { width: number; height: number }): Buffer {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(atS), '-i', file, '-frames:v', '1', png]);
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(atS), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 1024 * 1024 });
  expect(rgb.length).toBe(size.width * size.height * 3);
  return rgb;
}

/** Decodes the whole file (ffmpeg fails on a frame it cannot decode) and saves its last frame as a PNG; checks it has the recording's size. */
function lastFrame(file: string, png: string, size: { width: number; height: number }): void {
  // passthrough: each decoded frame once (the WebM's 1 ms time base would have ffmpeg repeat frames to 1000 fps)
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-y', '-i', file, '-fps_mode', 'passthrough', '-update', '1', png], { stdio: ['ignore', 'ignore', 'pipe'] });
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', png, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 1024 * 1024 });
  expect(rgb.length).toBe(size.width * size.height * 3);
}

const near = (rgb: Buffer, i: number, [r, g, b]: readonly [number, number, number], tolerance: number): boolean =>
  Math.abs((rgb[i] ?? 0) - r) <= tolerance && Math.abs((rgb[i + 1] ?? 0) - g) <= tolerance && Math.abs((rgb[i + 2] ?? 0) - b) <= tolerance;

/** Rows (of the bottom quarter) that are the band's teal rule nearly all the way across. */
function bandRuleRows(rgb: Buffer, width: number, height: number): number {
  let rows = 0;
  for (let y = Math.floor(height * 0.75); y < height; y++) {
    let teal = 0;
    for (let x = 0; x < width; x++) if (near(rgb, (y * width + x) * 3, BAND_RULE_RGB, 40)) teal++;
    if (teal >= width * 0.9) rows++;
  }
  return rows;
}

/** Pixels in the skeleton's left/right colours (src/app/draw/skeleton.ts) above the band. */
function skeletonPixels(rgb: Buffer, width: number, height: number): number {
  let n = 0;
  const left = [0x4f, 0xd1, 0xc5] as const;
  const right = [0xf6, 0xad, 0x55] as const;
  for (let i = 0; i < width * Math.floor(height * 0.8) * 3; i += 3) if (near(rgb, i, left, 30) || near(rgb, i, right, 30)) n++;
  return n;
}

/** Home -> superman -> safety -> the training view (the set started at once, or by itself). */
async function startSet(page: Page): Promise<void> {
  await page.getByTestId('exercise-superman').click();
  await page.getByTestId('safety-no-pain').click();
  await page.locator('[data-testid=end-set], [data-testid=start-set]:not([disabled])').first().waitFor({ timeout: LONG });
  // the set may start by itself at any moment (start position held): click in the page, no waiting on a button that may go
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid=start-set]:not([disabled])')?.click());
  await page.getByTestId('end-set').waitFor({ timeout: LONG });
}

const recordedMs = async (page: Page): Promise<number> => Number(await page.getByTestId('record').getAttribute('data-recorded-ms'));

async function waitRecorded(page: Page, ms: number): Promise<void> {
  await page.waitForFunction((atLeast) => Number(document.querySelector('[data-testid=record]')?.getAttribute('data-recorded-ms') ?? 0) >= atLeast, ms, { timeout: LONG, polling: 100 });
}

async function saveDownload(page: Page, click: () => Promise<void>, name: string): Promise<{ path: string; suggested: string }> {
  mkdirSync(OUT, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), click()]);
  const path = join(OUT, name);
  await download.saveAs(path);
  return { path, suggested: download.suggestedFilename() };
}

describe('the annotated live recording', () => {
  it('records 10 s from the camera into a file whose header says 10 s, and whose frames show the overlay', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
    await startSet(page);
    await page.getByTestId('record').click();
    await page.locator('[data-testid=record][data-status=recording]').waitFor({ timeout: LONG });
    await waitRecorded(page, 3000);
    await page.screenshot({ path: join(SHOTS, 'recording-active-1280x720.png') });
    // stop as soon as the page shows 10 s recorded: in the page itself, so a slow test runner adds nothing
    await page.waitForFunction(
      () => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid=record]');
        if (Number(button?.dataset.recordedMs ?? 0) < 10_000) return false;
        button?.click();
        return true;
      },
      null,
      { timeout: LONG, polling: 'raf' },
    );
    await page.getByTestId('recording-download').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'recording-done-1280x720.png') });
    const { path, suggested } = await saveDownload(page, () => page.getByTestId('recording-download').click(), 'live-10s.webm');
    expect(suggested).toMatch(/^formcoach-superman-\d{4}-\d{2}-\d{2}-\d{4}\.webm$/);

    const info = probe(path);
    expect(info.codec).toMatch(/^vp[89]$|^h264$/);
    expect(info.durationS).toBeGreaterThan(9);
    expect(info.durationS).toBeLessThan(11);
    // a frame from the middle (a seek) decodes, with the text band and the skeleton burned in
    const rgb = frameAt(path, 5, join(OUT, 'live-10s-at-5s.png'), info);
    expect(bandRuleRows(rgb, info.width, info.height)).toBeGreaterThanOrEqual(1);
    expect(skeletonPixels(rgb, info.width, info.height)).toBeGreaterThan(100);
    // and every frame decodes, to the last one (decoded in order, not by a seek: under load
    // frames come further apart than any fixed distance from the end)
    lastFrame(path, join(OUT, 'live-10s-end.png'), info);

    // once the set ends the training panel is gone: the summary offers the same recording
    await page.getByTestId('end-set').click();
    await page.getByTestId('set-summary').waitFor({ timeout: LONG });
    const again = await saveDownload(page, () => page.getByTestId('recording-download').click(), 'live-10s-from-summary.webm');
    expect(again.suggested).toBe(suggested);
    expect(Math.abs(probe(again.path).durationS - info.durationS)).toBeLessThan(0.05);
    expect(session.foreignRequests).toEqual([]);
  });

  it('after a reload in the middle of a recording, offers what was stored, and recovering it gives a playable file', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
    await startSet(page);
    await page.getByTestId('record').click();
    await waitRecorded(page, 4000);
    const before = await recordedMs(page);
    await page.reload();
    await page.getByTestId('recovery-banner').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'recording-recovery-banner-1280x720.png') });
    expect(await page.getByTestId('recovery-text').textContent()).toMatch(/interrupted recording/);
    const { path } = await saveDownload(page, () => page.getByTestId('recovery-download').click(), 'recovered.webm');
    const info = probe(path);
    // everything up to the last stored packet: at least what the page showed before the reload, give or take the last writes
    expect(info.durationS).toBeGreaterThan(0);
    expect(info.durationS * 1000).toBeGreaterThan(before - 2000);
    frameAt(path, info.durationS / 2, join(OUT, 'recovered-middle.png'), info);
    // offered once: recovered, it is finished and the banner goes
    await page.getByTestId('recovery-banner').waitFor({ state: 'detached', timeout: LONG });
  });

  it('when the browser storage is full, says so, offers what exists at once, and keeps recording in memory', async () => {
    const page = await session.newPage({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
    // the recordings database refuses every packet after the first 30, as a full quota does
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      let packets = 0;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>): IDBRequest<IDBValidKey> {
        if (this.name === 'packets' && this.transaction.db.name === 'formcoach-recordings' && ++packets > 30) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    });
    await page.goto(session.preview.url);
    await startSet(page);
    await page.getByTestId('record').click();
    await page.getByTestId('recording-storage-problem').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'recording-quota-1280x720.png') });
    expect(await page.getByTestId('recording-storage-problem').textContent()).toMatch(/storage is full/);
    const atMessage = await recordedMs(page);
    const partial = await saveDownload(page, () => page.getByTestId('recording-download-so-far').click(), 'quota-so-far.webm');
    const partialS = probe(partial.path).durationS;
    expect(partialS * 1000).toBeGreaterThanOrEqual(atMessage - 100);
    // the recording goes on after the message and the download
    await waitRecorded(page, Math.max(atMessage, partialS * 1000) + 2000);
    await page.getByTestId('record').click();
    const full = await saveDownload(page, () => page.getByTestId('recording-download').click(), 'quota-full.webm');
    const fullInfo = probe(full.path);
    expect(fullInfo.durationS).toBeGreaterThan(partialS + 1.5);
    lastFrame(full.path, join(OUT, 'quota-full-end.png'), fullInfo);
  });
});
