/**
 * The camera is on only while the setup or training view shows: however the
 * view is left (the set ended, Back from the setup, another page mid-set),
 * every track of every camera stream the page opened has ended. The shared
 * E2E session keeps the streams getUserMedia returned (openCameraTracks).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2ESession, openCameraTracks } from '../helpers/e2e-session.ts';
import { y4mOf } from '../helpers/fixtures.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const LONG = 150_000;

const session = useE2ESession();

/** The setup view of `exercise` with the camera running, on a superman lying prone. */
async function openSetup(exercise: 'superman' | 'good-morning' = 'superman'): Promise<Page> {
  const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
  await page.getByTestId(`exercise-${exercise}`).click({ timeout: LONG });
  await page.getByTestId('safety-no-pain').click();
  // the camera runs: one live track
  await expect.poll(() => openCameraTracks(page), { timeout: LONG }).toBe(1);
  return page;
}

/** The set has started (it starts by itself once the start position is held). */
async function inTraining(page: Page): Promise<void> {
  await page.getByTestId('end-set').waitFor({ timeout: LONG });
}

describe('the camera after the training view is left', () => {
  it('is stopped when the set ends and the summary shows', async () => {
    const page = await openSetup();
    await inTraining(page);
    await page.getByTestId('end-set').click();
    await page.getByTestId('set-summary').waitFor({ timeout: LONG });
    expect(await openCameraTracks(page)).toBe(0);
  });

  it('is stopped when the person goes back from the setup view', async () => {
    // a good morning starts standing: the person lying prone never starts the set, so the setup view stays
    const page = await openSetup('good-morning');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByTestId('exercise-superman').waitFor({ timeout: LONG });
    // the camera may still have been attaching to the video when Back was pressed: it stops within moments, never stays on
    await expect.poll(() => openCameraTracks(page), { timeout: 10_000 }).toBe(0);
  });

  it('is stopped when another page is opened in the middle of a set', async () => {
    const page = await openSetup();
    await inTraining(page);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('end-set').waitFor({ state: 'detached', timeout: LONG });
    expect(await openCameraTracks(page)).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  });
});
