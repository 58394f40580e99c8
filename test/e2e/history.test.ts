/**
 * The history, end to end: a short live superman set from the fake camera
 * (recorded), then a reload. The session is in the history, opens for
 * review with its recording and a timeline with one marker per stored rep,
 * a rep marker moves the video to it; the re-analysis with a higher lift
 * threshold changes the counts without touching the stored ones; deleting
 * asks first. A second set without a recording replays the skeleton.
 *
 * Every wait is on a condition, never on the wall clock (CI is a busy 2-core box).
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { y4mOnceThenEmpty } from '../helpers/fixtures.ts';
import { loadTrack } from '../helpers/tracks.ts';
import { SCRATCH } from '../helpers/paths.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { recordOfTrack } from '../../src/core/session/test-records.ts';
import { sessionJson } from '../../src/core/session/export.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const LONG = 120_000;

const session = useE2ESession();

/** A superman set from the fake camera until `reps` are counted, optionally recorded, then ended. */
async function doSet(page: Page, reps: number, record: boolean): Promise<void> {
  await page.getByTestId('exercise-superman').click();
  await page.getByTestId('safety-no-pain').click();
  await page.getByTestId('end-set').waitFor({ timeout: LONG });
  if (record) await page.getByTestId('record').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= n, reps, { timeout: LONG });
  await page.getByTestId('end-set').click();
  await page.getByTestId('set-summary').waitFor({ timeout: LONG });
}

/** How many session records the page's IndexedDB holds (the set's record is written as the summary shows: wait for it before a reload). */
async function storedSessions(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('formcoach');
        open.onerror = () => resolve(-1);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('sessions').objectStore('sessions').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => resolve(-1);
        };
      }),
  );
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

describe('the session history', () => {
  it('keeps a recorded set over a reload, reviews it with its rep timeline and video, re-analyses it, and deletes it after asking', async () => {
    const page = await session.open({ fakeVideo: y4mOnceThenEmpty(CLIP, { width: 640 }) }, '?lang=en');
    await doSet(page, 2, true);
    await expect.poll(() => storedSessions(page), { timeout: LONG }).toBe(1);
    await page.reload();
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-item').first().waitFor({ timeout: LONG });
    expect(await page.getByTestId('history-item').count()).toBe(1);
    await page.getByTestId('storage-figures').waitFor();
    await shot(page, 'history-en.png');

    await page.getByTestId('history-open').click();
    await page.getByTestId('rep-timeline').waitFor({ timeout: LONG });
    const full = Number(await page.getByTestId('review-reps').textContent());
    const partial = Number(await page.getByTestId('review-partial').textContent());
    expect(full).toBeGreaterThanOrEqual(1);
    // one marker per stored rep, full and partial
    expect(await page.getByTestId('timeline-rep').count()).toBe(full + partial);
    expect(await page.locator('[data-testid=timeline-rep][data-full=true]').count()).toBe(full);

    // the recording was kept: the video, and a rep marker seeks it
    const video = page.getByTestId('review-video');
    await video.waitFor({ timeout: LONG });
    await page.waitForFunction(() => ((document.querySelector("[data-testid=review-video]") as HTMLVideoElement | null)?.readyState ?? 0) >= 1, null, { timeout: LONG });
    await page.getByTestId('timeline-rep').last().click();
    await page.waitForFunction(() => ((document.querySelector('[data-testid=review-video]') as HTMLVideoElement | null)?.currentTime ?? 0) > 0, null, { timeout: LONG });
    await shot(page, 'review-video-en.png');

    // re-analysis: a lift of 30% of the torso (the clip's lifts reach 12-16%) makes no rep full
    await page.getByTestId('tune-liftTorso').fill('0.3');
    await expect.poll(async () => Number(await page.locator('[data-testid=reanalysis-row-reps] [data-testid=replayed]').textContent()), { timeout: 10_000 }).toBe(0);
    expect(Number(await page.getByTestId('review-reps').textContent())).toBe(full);
    await shot(page, 'review-reanalysis-en.png');

    // delete it, after the question
    await page.getByTestId('review-back').click();
    await page.getByTestId('lang-nl').click();
    await page.getByTestId('history-delete').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await shot(page, 'history-confirm-nl.png');
    await page.getByTestId('confirm-cancel').click();
    expect(await page.getByTestId('history-item').count()).toBe(1);
    await page.getByTestId('history-delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('history-empty').waitFor({ timeout: LONG });
    expect(await page.getByTestId('history-item').count()).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  }, 400_000);

  it('replays the skeleton of a set kept without a recording, and a rep marker jumps to it', async () => {
    const page = await session.open({ fakeVideo: y4mOnceThenEmpty(CLIP, { width: 640 }) }, '?lang=nl');
    await doSet(page, 1, false);
    await expect.poll(() => storedSessions(page), { timeout: LONG }).toBe(1);
    await page.reload();
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-open').first().click({ timeout: LONG });
    await page.getByTestId('track-replay').waitFor({ timeout: LONG });
    const stored = Number(await page.getByTestId('review-reps').textContent()) + Number(await page.getByTestId('review-partial').textContent());
    expect(await page.getByTestId('timeline-rep').count()).toBe(stored);
    const before = Number(await page.getByTestId('replay-position').inputValue());
    await page.getByTestId('timeline-rep').first().click();
    await expect.poll(async () => Number(await page.getByTestId('replay-position').inputValue())).not.toBe(before);
    await shot(page, 'review-replay-nl.png');
    await page.getByTestId('review-back').click();
    await page.getByTestId('history-item').first().waitFor();

    // a stored value that is not a session record is listed with its message, never dropped
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('formcoach');
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            tx.objectStore('sessions').put({ schemaVersion: 1, id: 'broken-1' }, 'broken-1');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
          open.onerror = () => reject(new Error(String(open.error)));
        }),
    );
    await page.reload();
    await page.getByTestId('nav-history').click();
    const broken = page.locator('[data-testid=history-item][data-session-id=broken-1]');
    await broken.waitFor({ timeout: LONG });
    expect(await broken.textContent()).toContain('niet leesbaar');
    expect(await page.getByTestId('history-item').count()).toBe(2);
    await shot(page, 'history-nl.png');
  }, 400_000);

  it('re-analyses an imported hip thrust with a deeper target: full reps turn partial, the stored ones stay', async () => {
    const record = recordOfTrack(loadTrack('bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning'), 'hip-thrust', { id: 'ht-import-1' });
    const dir = join(SCRATCH, 'history');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'hip-thrust-session.json');
    writeFileSync(file, sessionJson(record));

    const page = await session.open({}, '?view=history&lang=en');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('history-item').first().waitFor({ timeout: LONG });
    await page.getByTestId('history-open').click();
    await page.getByTestId('reanalysis-table').waitFor({ timeout: LONG });
    const replayed = async (row: string): Promise<number> => Number(await page.locator(`[data-testid=reanalysis-row-${row}] [data-testid=replayed]`).textContent());
    expect(Number(await page.getByTestId('review-reps').textContent())).toBe(3);
    expect(await replayed('reps')).toBe(3);

    await page.getByTestId('tune-hipsUpToLineDeg').fill('180');
    await expect.poll(() => replayed('reps'), { timeout: 10_000 }).toBeLessThan(3);
    expect((await replayed('reps')) + (await replayed('partial-reps'))).toBe(3);
    expect(Number(await page.getByTestId('review-reps').textContent())).toBe(3);
    await page.getByTestId('reanalysis').scrollIntoViewIfNeeded();
    await shot(page, 'review-reanalysis-hip-thrust-en.png');

    await page.getByTestId('reanalysis-reset').click();
    await expect.poll(() => replayed('reps')).toBe(3);
  }, 200_000);
});
