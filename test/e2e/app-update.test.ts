/**
 * A new version published while a person trains: it installs in the
 * background and waits. During the set nothing is offered; once the set has
 * ended the page offers a reload, and the reload brings the new version.
 * The preview serves a copy of the build, so that the test can publish a
 * "new version" (a changed service worker) without touching the build itself.
 */
import { describe, it, expect } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { y4mOf } from '../helpers/fixtures.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const LONG = 150_000;

const session = useE2ESession({ copyOfBuild: true });

describe('a new version of the app', () => {
  it('waits while a set runs, is offered after it, and the reload brings it in', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LONG });

    await page.getByTestId('exercise-superman').click();
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('end-set').waitFor({ timeout: LONG });

    // publish: a service worker that differs by a byte is a new version to the browser
    appendFileSync(join(session.servedDir, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, null, { timeout: LONG, polling: 250 });
    // installed and waiting, and still nothing offered in the middle of the set
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    expect(await page.getByTestId('end-set').isVisible()).toBe(true);

    await page.getByTestId('end-set').click();
    await page.getByTestId('set-summary').waitFor({ timeout: LONG });
    await page.getByTestId('update-banner').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'update-offered-after-set-1280x720.png') });

    await Promise.all([page.waitForEvent('load', { timeout: LONG }), page.getByTestId('update-reload').click()]);
    await page.getByTestId('exercise-superman').waitFor({ timeout: LONG });
    // the waiting worker took over (one tab reloading alone would leave it waiting), controls the page, and nothing is offered
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  });
});
