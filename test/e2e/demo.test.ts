/**
 * Demo mode on a live hip-thrust set from the fake camera (three full reps
 * filmed from the side, once, then an empty room): the layout for showing
 * form across a room, the slow-motion replay of the last rep from the
 * rolling buffer, the freeze-frame at its top, and a stricter threshold
 * re-judging the buffered reps at once, then handed to the live coach.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2ESession, SHOTS, injectAxe } from '../helpers/e2e-session.ts';
import { y4mOnceThenEmpty } from '../helpers/fixtures.ts';
import { nl } from '../../src/core/i18n/messages.ts';

const CLIP = 'hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4';
/** a physio's laptop or a screen on the wall */
const VIEWPORT = { width: 1440, height: 900 } as const;
const LONG = 90_000;

const session = useE2ESession();

/** The serious and critical accessibility problems axe-core finds on the page (coaching-flow.test.ts runs the same). */
async function axeProblems(page: Page): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

interface ReplayShown {
  readonly state: string | null;
  readonly frame: number;
  readonly ms: number;
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
}

async function replayShown(page: Page): Promise<ReplayShown> {
  const view = page.getByTestId('demo-replay-view');
  const num = async (name: string): Promise<number> => Number(await view.getAttribute(name));
  return {
    state: await view.getAttribute('data-replay-state'),
    frame: await num('data-replay-frame'),
    ms: await num('data-replay-ms'),
    startMs: await num('data-rep-start-ms'),
    peakMs: await num('data-rep-peak-ms'),
    endMs: await num('data-rep-end-ms'),
  };
}

describe('demo mode on a live set', () => {
  it('replays the last rep in slow motion, freezes its top, and re-judges the buffered reps with a stricter threshold', async () => {
    const page = await session.open({ fakeVideo: y4mOnceThenEmpty(CLIP, { width: 640 }) }, '?exercise=hip-thrust&variant=floor&lang=en', VIEWPORT);
    await page.getByTestId('safety-no-pain').click();
    // the set starts by itself once the start position is held; demo mode goes on at once
    await page.getByTestId('end-set').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'demo-off-1440x900.png') });
    await page.getByTestId('demo-mode').check();
    await page.getByTestId('demo-band').waitFor();
    // demo mode: mirror, big text and the numbers on
    expect(await page.getByTestId('xl').isChecked()).toBe(true);
    expect(await page.getByTestId('numbers').isChecked()).toBe(true);
    expect(await page.getByTestId('mirror').isChecked()).toBe(true);

    // a rep ends while the buffer runs: the replay is offered
    await page.waitForFunction(() => !(document.querySelector('[data-testid=demo-replay]') as HTMLButtonElement | null)?.disabled, null, { timeout: LONG });
    await page.waitForFunction(() => /^\d+°$/.test(document.querySelector('[data-testid=demo-angle]')?.textContent ?? ''), null, { timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'demo-layout-1440x900.png') });
    // the buffered pictures are small canvases, bounded (demo-pictures.ts: 181 of at most 320 x 240)
    const pictureBytes = Number(await page.getByTestId('demo-panel').getAttribute('data-picture-bytes'));
    console.log(`demo mode: buffered pictures hold ${(pictureBytes / 1e6).toFixed(1)} MB`);
    expect(pictureBytes).toBeGreaterThan(0);
    expect(pictureBytes).toBeLessThanOrEqual(181 * 320 * 240 * 4);

    await page.getByTestId('replay-speed').selectOption('0.25');
    await page.getByTestId('demo-replay').click();
    await page.getByTestId('demo-replay-view').waitFor();
    const seen: ReplayShown[] = [];
    // at a quarter of the speed a rep of 2-4 s takes 8-16 s: read what it shows until it has moved on several frames
    await expect
      .poll(
        async () => {
          seen.push(await replayShown(page));
          return new Set(seen.map((s) => s.frame)).size;
        },
        { timeout: 30_000, interval: 150 },
      )
      .toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(SHOTS, 'demo-replay-1440x900.png') });
    const { startMs, endMs } = seen[0]!;
    expect(endMs).toBeGreaterThan(startMs);
    for (const s of seen) {
      expect(s.state).toBe('playing');
      expect(s.startMs).toBe(startMs);
      expect(s.frame).toBeGreaterThanOrEqual(0);
      expect(s.ms).toBeGreaterThanOrEqual(startMs);
      expect(s.ms).toBeLessThanOrEqual(endMs);
    }
    // it plays forward: the frames shown first come before those shown later
    expect(seen[seen.length - 1]!.frame).toBeGreaterThan(seen[0]!.frame);

    await page.getByTestId('replay-freeze').click();
    await expect.poll(async () => (await replayShown(page)).state).toBe('frozen');
    const frozen = await replayShown(page);
    // the frame at the top: the last buffered frame at or before the rep's peak, at 15 fps less than a frame before it
    expect(frozen.ms).toBeLessThanOrEqual(frozen.peakMs);
    expect(frozen.peakMs - frozen.ms).toBeLessThan(100);
    expect(await page.getByTestId('demo-angle').textContent()).toMatch(/^\d+°$/);
    expect(await page.getByRole('status').filter({ hasText: 'Top of rep' }).count()).toBe(1);
    await page.waitForTimeout(1_000);
    expect((await replayShown(page)).ms).toBe(frozen.ms);
    await page.screenshot({ path: join(SHOTS, 'demo-freeze-1440x900.png') });
    expect(await axeProblems(page)).toEqual([]);

    // a stricter threshold: the hips must come all the way up to the knee-shoulder line
    const rows = page.getByTestId('demo-rejudged-row');
    await rows.first().waitFor();
    expect(await page.locator('[data-testid=demo-rejudged-row][data-before=full]').count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId('demo-tune-hipsUpToLineDeg').fill('180');
    await expect.poll(() => page.locator('[data-testid=demo-rejudged-row][data-before=full][data-after=partial]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // the rep replayed is among them: full now, partial with the hips all the way up
    const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => ({ startMs: Number(tr.getAttribute('data-start-ms')), endMs: Number(tr.getAttribute('data-end-ms')), before: tr.getAttribute('data-before'), after: tr.getAttribute('data-after') })));
    const replayed = verdicts.find((v) => Math.min(v.endMs, frozen.endMs) > Math.max(v.startMs, frozen.startMs));
    expect(replayed).toMatchObject({ before: 'full', after: 'partial' });
    await page.getByTestId('demo-tuning').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'demo-tuning-1440x900.png') });

    // handed to the live coach: the set so far is judged again with it, so full reps turn partial in the count
    const before = Number(await page.getByTestId('rep-count').textContent());
    await page.getByTestId('demo-tune-apply').click();
    await page.getByText('The coach now uses these thresholds').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('rep-count').textContent())).toBeLessThan(before);

    await page.getByTestId('demo-live').click();
    expect(await page.getByTestId('demo-replay-view').count()).toBe(0);
    await page.getByTestId('demo-mode').uncheck();
    expect(await page.getByTestId('xl').isChecked()).toBe(false);
    expect(session.foreignRequests).toEqual([]);
  }, 240_000);

  it('reads in Dutch on a 1280 x 720 laptop screen, the replay included', async () => {
    const page = await session.open({ fakeVideo: y4mOnceThenEmpty(CLIP, { width: 640 }) }, '?exercise=hip-thrust&variant=floor&lang=nl');
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('end-set').waitFor({ timeout: LONG });
    await page.getByTestId('demo-mode').check();
    expect(await page.getByTestId('demo-panel').textContent()).toContain(nl['demo.mode']);
    await page.waitForFunction(() => !(document.querySelector('[data-testid=demo-replay]') as HTMLButtonElement | null)?.disabled, null, { timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'demo-layout-nl-1280x720.png') });
    await page.getByTestId('demo-replay').click();
    await expect.poll(async () => (await replayShown(page)).state).toBe('playing');
    expect(await page.getByTestId('demo-replay').textContent()).toBe(nl['demo.replay']);
    await page.screenshot({ path: join(SHOTS, 'demo-replay-nl-1280x720.png') });
  }, 240_000);
});
