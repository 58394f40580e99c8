/**
 * The pose model runs in a dedicated worker (src/pose/worker/), off the
 * page's main thread: the camera check and the training view analyse frames
 * through it, the overlay canvas counts them (data-frames, the test
 * contract), the worker's tfjs keeps a constant number of tensors, and the
 * earlier main-thread path is still there behind `?inference=main`.
 */
import { describe, it, expect } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { useE2ESession } from '../helpers/e2e-session.ts';
import { y4mOf } from '../helpers/fixtures.ts';

const CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';

const session = useE2ESession();

const overlayFrames = async (page: Page): Promise<number> => Number((await page.getByTestId('overlay').getAttribute('data-frames')) ?? 0);

async function framesReach(page: Page, n: number): Promise<void> {
  await page.waitForFunction((min) => Number(document.querySelector('[data-testid=overlay]')?.getAttribute('data-frames') ?? 0) >= min, n, { timeout: 90_000 });
}

const poseWorkers = (page: Page): Worker[] => page.workers().filter((w) => w.url().includes('pose-worker'));

describe('pose inference in a web worker', () => {
  it('analyses the camera in the pose worker, counts the frames on the overlay, and keeps its tensors constant', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP) }, '?view=lab');
    await page.getByTestId('start-camera').click();
    await framesReach(page, 20);
    const [worker] = poseWorkers(page);
    expect(worker, 'a pose worker').toBeDefined();
    // the overlay's count is the session's: the HUD shows the same one
    const hud = Number(await page.getByTestId('hud').getAttribute('data-frames'));
    expect(Math.abs((await overlayFrames(page)) - hud)).toBeLessThanOrEqual(1);
    expect(Number(await page.getByTestId('overlay').getAttribute('data-keypoints'))).toBeGreaterThanOrEqual(10);

    const tensorsAt = (): Promise<number> => worker!.evaluate(() => globalThis.formcoachPoseMemory?.().numTensors ?? -1);
    const before = await tensorsAt();
    const framesBefore = await overlayFrames(page);
    await framesReach(page, framesBefore + 30);
    // every tensor of a frame is disposed: 30 frames later the count is the same (the model's weights only)
    expect(before).toBeGreaterThan(0);
    expect(await tensorsAt()).toBe(before);
  });

  it('counts the frames on the training view’s overlay too', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP) });
    await page.getByTestId('exercise-good-morning').click();
    await page.getByTestId('safety-no-pain').click();
    await framesReach(page, 10);
    expect(poseWorkers(page)).toHaveLength(1);
  });

  it('still runs the model on the main thread when the query asks for it', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP) }, '?view=lab&inference=main');
    await page.getByTestId('start-camera').click();
    await framesReach(page, 10);
    expect(poseWorkers(page)).toEqual([]);
    expect(Number(await page.getByTestId('overlay').getAttribute('data-keypoints'))).toBeGreaterThanOrEqual(10);
  });
});
