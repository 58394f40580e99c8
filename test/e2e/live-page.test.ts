/**
 * The production build in Debian's Chromium, with a real fixture clip as the
 * fake camera: what a person sees, and what happens when things go wrong.
 * Across the whole run, no request may leave the app's own origin.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS, type E2ESession } from '../helpers/e2e-session.ts';
import { fixturePath, y4mOf } from '../helpers/fixtures.ts';
import { validateTrack, type KeypointTrack } from '../../src/core/track.ts';
import { probeFrameTimes } from '../../src/cli/ffmpeg.ts';
import { sampleFrames, sampleTimeMs } from '../../src/core/frame-sampling.ts';

const CAMERA_CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
const FILE_CLIP = 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4';
const DROP_CLIP = 'upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4';

const session = useE2ESession();

async function openPage(options: Parameters<E2ESession['open']>[0], viewport = { width: 1280, height: 720 }): Promise<Page> {
  return session.open(options, '?view=lab', viewport);
}

async function framesAnalysed(page: Page): Promise<number> {
  return Number((await page.getByTestId('hud').getAttribute('data-frames')) ?? 0);
}

describe('the live page with a camera', () => {
  it('shows the skeleton and an fps figure for the person on the camera', async () => {
    const page = await openPage({ fakeVideo: y4mOf(CAMERA_CLIP) });
    await page.getByTestId('start-camera').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=hud]')?.getAttribute('data-frames') ?? 0) >= 20, null, { timeout: 60_000 });

    const joints = Number(await page.getByTestId('overlay').getAttribute('data-keypoints'));
    expect(joints).toBeGreaterThanOrEqual(10);
    const fps = Number(await page.getByTestId('hud').getAttribute('data-fps'));
    expect(fps).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('fps').textContent()).toMatch(/\d+\.\d fps/);
    await page.screenshot({ path: join(SHOTS, 'live-camera-1280x720.png') });
  });

  it('keeps what it analysed when the camera is unplugged, and says so', async () => {
    const page = await openPage({ fakeVideo: y4mOf(CAMERA_CLIP) });
    await page.getByTestId('start-camera').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=hud]')?.getAttribute('data-frames') ?? 0) >= 5, null, { timeout: 60_000 });
    // Unplugging ends the track from the device side, which fires 'ended' (stop() would not).
    await page.evaluate(() => {
      const stream = document.querySelector('video')?.srcObject as MediaStream;
      stream.getVideoTracks()[0]?.dispatchEvent(new Event('ended'));
    });
    const banner = page.getByTestId('error');
    await expect.poll(() => banner.getAttribute('data-error-code')).toBe('camera-lost');
    expect(await banner.textContent()).toMatch(/camera stopped/i);
    expect(await page.getByRole('button', { name: 'Use a video file instead' }).isVisible()).toBe(true);
    expect(await page.getByTestId('download-track').isEnabled()).toBe(true);
  });
});

describe('the live page with a video file', () => {
  it('analyses a file chosen through the file input, and downloads its track', async () => {
    const page = await openPage({});
    await page.getByTestId('video-file-input').setInputFiles(fixturePath(FILE_CLIP));
    await expect.poll(() => page.getByTestId('hud').textContent(), { timeout: 90_000, interval: 500 }).toMatch(/Finished analysing/);
    // every sample the rule picks from the clip's frames (the CLI's, too), however busy the machine: 46 for this 3.03 s, 30 fps clip
    const samples = sampleFrames(probeFrameTimes(fixturePath(FILE_CLIP))).length;
    expect(await framesAnalysed(page)).toBe(samples);
    expect(Number(await page.getByTestId('overlay').getAttribute('data-keypoints'))).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: join(SHOTS, 'video-file-1280x720.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-track').click()]);
    const path = await download.path();
    const track = JSON.parse(readFileSync(path, 'utf8')) as KeypointTrack;
    const validation = validateTrack(track);
    expect(validation.ok ? 'valid' : validation.error).toBe('valid');
    expect(track.source).toBe('bridge_PhysioPlus_side_1rep_hold.mp4');
    expect(track.fps).toBe(15);
    expect(track.frames.map((f) => f.t)).toEqual(Array.from({ length: samples }, (_, n) => Math.round(sampleTimeMs(n))));
    expect(track.frames.filter((f) => f.score >= 0.3).length / track.frames.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('coaching an exercise on a video file', () => {
  it('counts the good-morning clip’s three reps with the same engine as the CLI', async () => {
    const page = await openPage({});
    await page.getByTestId('exercise-picker').selectOption('good-morning');
    await page.getByTestId('video-file-input').setInputFiles(fixturePath(CAMERA_CLIP));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= 1, null, { timeout: 90_000 });
    await page.screenshot({ path: join(SHOTS, 'coach-good-morning-1280x720.png') });
    await expect.poll(() => page.getByTestId('hud').textContent(), { timeout: 120_000, interval: 500 }).toMatch(/Finished analysing/);
    expect(await page.getByTestId('rep-count').textContent()).toBe('3');
  });
});

describe('dropping a video file on the stage', () => {
  it('analyses the dropped file', async () => {
    const page = await openPage({});
    const base64 = readFileSync(fixturePath(DROP_CLIP)).toString('base64');
    const stage = page.locator('section.stage');
    const dataTransfer = await page.evaluateHandle(
      async ({ base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'video/mp4' }));
        return transfer;
      },
      { base64, name: 'dropped.mp4' },
    );
    await stage.dispatchEvent('dragover', { dataTransfer });
    await stage.dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('hud').textContent(), { timeout: 90_000, interval: 500 }).toMatch(/dropped\.mp4/);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=hud]')?.getAttribute('data-frames') ?? 0) >= 10, null, { timeout: 60_000 });
    expect(Number(await page.getByTestId('overlay').getAttribute('data-keypoints'))).toBeGreaterThanOrEqual(10);
  });
});

describe('in Dutch', () => {
  it('shows the page in Dutch after switching, and remembers it', async () => {
    const page = await openPage({ fakeVideo: y4mOf(CAMERA_CLIP) }, { width: 1920, height: 1080 });
    await page.getByTestId('lang-nl').click();
    expect(await page.getByTestId('start-camera').textContent()).toBe('Camera gebruiken');
    await page.getByTestId('start-camera').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=hud]')?.getAttribute('data-frames') ?? 0) >= 10, null, { timeout: 60_000 });
    expect(await page.getByTestId('fps').textContent()).toMatch(/beelden\/s/);
    await page.screenshot({ path: join(SHOTS, 'live-camera-nl-1920x1080.png') });
    await page.reload();
    expect(await page.getByTestId('start-camera').textContent()).toBe('Camera gebruiken');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });
});

describe('when something is wrong', () => {
  it('names a corrupt model file and the command that fixes it', async () => {
    const page = await session.newPage({ fakeVideo: y4mOf(CAMERA_CLIP) });
    await page.route('**/models/movenet-lightning.bin', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      for (let i = 1000; i < 2000; i++) body[i] = (body[i] ?? 0) ^ 0xff; // flip a kilobyte of weights
      await route.fulfill({ response, body });
    });
    await page.goto(`${session.preview.url}?view=lab`);
    await page.getByTestId('start-camera').click();
    const banner = page.getByTestId('error');
    await expect.poll(() => banner.getAttribute('data-error-code'), { timeout: 30_000 }).toBe('model-corrupt');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('movenet-lightning.bin');
    expect(text).toContain('npm run models');
    await page.screenshot({ path: join(SHOTS, 'error-corrupt-model-1280x720.png') });
  });

  it('names a missing model file', async () => {
    const page = await openPage({ fakeVideo: y4mOf(CAMERA_CLIP) });
    await page.route('**/models/movenet-lightning.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.getByTestId('start-camera').click();
    const banner = page.getByTestId('error');
    await expect.poll(() => banner.getAttribute('data-error-code'), { timeout: 30_000 }).toBe('model-missing');
    expect(await banner.textContent()).toContain('movenet-lightning.json');
  });

  it('explains a denied camera and offers a video file instead', async () => {
    const page = await openPage({ denyCamera: true });
    await page.getByTestId('start-camera').click();
    const banner = page.getByTestId('error');
    await expect.poll(() => banner.getAttribute('data-error-code'), { timeout: 30_000 }).toBe('camera-denied');
    expect(await page.getByRole('button', { name: 'Use a video file instead' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'error-camera-denied-1280x720.png') });
  });

  it('explains a missing camera', async () => {
    const page = await openPage({ noCamera: true });
    await page.getByTestId('start-camera').click();
    await expect.poll(() => page.getByTestId('error').getAttribute('data-error-code'), { timeout: 30_000 }).toBe('no-camera');
  });

  it('explains a file that is not a playable video, and keeps working', async () => {
    const page = await openPage({});
    await page.getByTestId('video-file-input').setInputFiles({ name: 'broken.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not really a video') });
    await expect.poll(() => page.getByTestId('error').getAttribute('data-error-code'), { timeout: 30_000 }).toBe('video-file');
  });
});

describe('privacy', () => {
  it('sent no request to any origin but the app’s own during the whole run', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
