/**
 * A live superman set from the fake camera, as a person does it alone in
 * front of a laptop: the side-view clip (a body about a third of the 640 px
 * frame wide, as far from the camera as a laptop on the floor puts it) plays
 * once, then the room is empty. Every lift counts, the summary agrees, and
 * no lift shows as partial. (The fixtures hold no real clip of smaller
 * lifts than this one's 0.12-0.16 torso; test/unit/small-lifts.test.ts
 * covers lifts down to 0.05 on synthetic traces with known truth.)
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { loadFixtures, y4mOnceThenEmpty } from '../helpers/fixtures.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const EXPECTED = loadFixtures().find((f) => f.file === CLIP)?.expected ?? Number.NaN;
/** the clip lasts 11.2 s; the count settles in the empty room after it */
const CLIP_S = 11.2;

const session = useE2ESession();

describe('a live superman set from the camera', () => {
  it(`counts every one of the clip's ${EXPECTED} lifts, none partial`, async () => {
    const page = await session.open({ fakeVideo: y4mOnceThenEmpty(CLIP, { width: 640 }) });
    await page.getByTestId('exercise-superman').click();
    await page.getByTestId('safety-no-pain').click();
    // the set starts by itself once the start position is held (lying prone, arms forward)
    await page.getByTestId('end-set').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= 1, null, { timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, 'live-superman-1280x720.png') });
    // the clip plays once in real time; then nobody is in view and the count cannot move
    await page.waitForTimeout((CLIP_S + 4) * 1000);
    expect(Number(await page.getByTestId('rep-count').textContent())).toBe(EXPECTED);
    await page.getByTestId('end-set').click();
    await page.getByTestId('set-summary').waitFor();
    expect(await page.getByTestId('summary-reps').textContent()).toBe(String(EXPECTED));
    await page.screenshot({ path: join(SHOTS, 'live-superman-summary-1280x720.png') });
    // the per-rep table marks a partial rep's row
    expect(await page.locator('[data-testid=set-summary] tr.partial').count()).toBe(0);
    expect(await page.locator('[data-testid=set-summary] tbody tr').count()).toBe(EXPECTED);
    expect(session.foreignRequests).toEqual([]);
  });
});
