/**
 * The coaching flow as a person uses it, in the production build on Debian's
 * Chromium: home -> exercise -> safety check -> camera setup -> a counted,
 * corrected set -> summary; the pain answer; Dutch; deep links; keyboard;
 * accessibility (axe-core); screenshots of every screen at two sizes.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { useE2ESession, SHOTS, injectAxe, type E2ESession, type Viewport } from '../helpers/e2e-session.ts';
import { fixturePath, loadFixtures, y4mOnceThenEmpty } from '../helpers/fixtures.ts';
import { en, nl } from '../../src/core/i18n/messages.ts';
import { CUE_TEXTS } from '../../src/core/i18n/cue-texts.ts';

const GM_CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
const GM_EXPECTED = loadFixtures().find((f) => f.file === GM_CLIP)?.expected ?? Number.NaN;
const ALTERNATING_CLIP = 'superman/superman_alternating_fitbod_8lifts.mp4';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const session = useE2ESession();
const axeProblems: string[] = [];

async function open(options: Parameters<E2ESession['open']>[0], path = '', viewport: Viewport = SIZES[0]): Promise<Page> {
  return session.open(options, path, viewport);
}

/** Runs axe-core on the page and records serious and critical violations. */
async function axe(page: Page, screen: string): Promise<void> {
  await injectAxe(page);
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  })) as { id: string; impact: string; help: string; targets: string[] }[];
  for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') axeProblems.push(`${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? SIZES[0];
  await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
}

const repCount = async (page: Page): Promise<number> => Number((await page.getByTestId('rep-count').textContent()) ?? Number.NaN);

describe('a set with the camera', () => {
  for (const size of SIZES) it(`home -> good morning -> safety -> setup -> counts the clip's ${GM_EXPECTED} reps -> summary (${size.width}x${size.height})`, async () => {
    const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) }, '', size);
    await axe(page, 'home');
    await shoot(page, 'home');
    await page.getByTestId('exercise-good-morning').click();
    await axe(page, 'safety');
    await shoot(page, 'safety');
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('start-set').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=setup-status]') !== null, null, { timeout: 30_000 });
    await page.waitForTimeout(700);
    await axe(page, 'setup');
    await shoot(page, 'setup');
    // the set starts by itself once the start position is held
    await page.getByTestId('end-set').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= 1, null, { timeout: 60_000 });
    await axe(page, 'training');
    await shoot(page, 'training');
    // the clip plays once (13.5 s), then the room is empty: the count settles there
    await page.waitForTimeout(16_000);
    expect(await repCount(page)).toBe(GM_EXPECTED);
    await page.getByTestId('end-set').click();
    const summary = page.getByTestId('set-summary');
    await summary.waitFor();
    expect(await page.getByTestId('summary-reps').textContent()).toBe(String(GM_EXPECTED));
    await axe(page, 'summary');
    await shoot(page, 'summary');
    await page.getByTestId('finish').click();
    await page.getByRole('heading', { name: en['done.title'] }).waitFor();
    await axe(page, 'done');
    await shoot(page, 'done');
  });
});

describe('a video file instead of the camera', () => {
  it('runs the set on the chosen clip, ends it when the clip ends, and shows the fault cue the clip calls for', async () => {
    const page = await open({}, '?exercise=superman');
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('video-file-input').setInputFiles(fixturePath(ALTERNATING_CLIP));
    const cues = new Set<string>();
    // a file is analysed frame by frame, at most in real time: a 23 s clip takes 40-80 s on 2 cores
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline && !(await page.getByTestId('set-summary').isVisible())) {
      const cue = (await page.getByTestId('cue').textContent().catch(() => '')) ?? '';
      if (cue) cues.add(cue);
      await page.waitForTimeout(250);
    }
    expect(await page.getByTestId('set-summary').isVisible()).toBe(true);
    // alternating lifts are not full supermans: the coach asks to lift together
    expect([...cues]).toContain(CUE_TEXTS.en['superman.lift-together']);
    expect(await page.getByTestId('summary-reps').textContent()).toBe('0');
  }, 300_000);
});

describe('the safety check', () => {
  for (const size of SIZES) it(`blocks the session when the person has sharp pain, kindly and without a diagnosis (${size.width}x${size.height})`, async () => {
    const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) }, '', size);
    await page.getByTestId('exercise-hip-thrust').click();
    await page.getByTestId('safety-pain').click();
    const blocked = page.getByTestId('session-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(en['blocked.body']);
    expect(await page.getByTestId('start-set').count()).toBe(0);
    await axe(page, 'blocked');
    await shoot(page, 'blocked');
  });

  it('ends the session at once with "stop, this hurts" and says why', async () => {
    const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) }, '?exercise=good-morning');
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('start-set').click();
    await page.getByTestId('stop-pain').click();
    const blocked = page.getByTestId('session-blocked');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-stop-reason')).toBe('pain-during');
  });
});

describe('in Dutch', () => {
  /**
   * English strings that differ from their Dutch version and are long enough
   * not to be a name; a template ("Hold {n} s at the top") by its longest
   * literal part, so a filled-in one is caught too
   */
  const literal = (text: string): string => text.split(/\{[^}]*\}/).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
  const englishOnly: string[] = [
    ...Object.entries(en)
      .filter(([key, text]) => text !== nl[key as keyof typeof nl])
      .map(([, text]) => literal(text)),
    ...Object.values(CUE_TEXTS.en).map(literal),
  ].filter((s) => s.length > 4);

  for (const size of SIZES) {
    it(`shows every string of the training view in Dutch at ${size.width}x${size.height}`, async () => {
      const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) }, '', size);
      await page.getByTestId('lang-nl').click();
      await shoot(page, 'home-nl');
      await page.getByTestId('exercise-good-morning').click();
      await page.getByTestId('safety-no-pain').click();
      await page.getByTestId('start-set').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= 1, null, { timeout: 60_000 });
      await shoot(page, 'training-nl');
      const text = await page.evaluate(() => document.body.innerText);
      const left = englishOnly.filter((s) => text.includes(s));
      expect(left).toEqual([]);
    });
  }
});

describe('deep links and keyboard', () => {
  it('opens ?exercise=hip-thrust&variant=bench&lang=nl at the safety check, in Dutch, with the bench variant', async () => {
    const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) }, '?exercise=hip-thrust&variant=bench&lang=nl');
    expect(await page.getByTestId('safety-no-pain').textContent()).toBe(nl['safety.noPain']);
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('start-set').waitFor();
    expect(await page.locator('body').innerText()).toContain(nl['exercise.hip-thrust']);
  });

  it('works by keyboard alone: choose, answer, start, pause with Space, end with Escape', async () => {
    const page = await open({ fakeVideo: y4mOnceThenEmpty(GM_CLIP) });
    await page.getByTestId('exercise-good-morning').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('safety-no-pain').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('start-set').waitFor();
    await page.getByTestId('start-set').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('end-set').waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('pause').textContent()).toBe(en['training.resume']);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('pause').textContent()).toBe(en['training.pause']);
    await page.keyboard.press('Escape');
    await page.getByTestId('set-summary').waitFor();
  });
});

describe('accessibility and privacy', () => {
  it('axe-core finds no serious or critical violation on home, safety, setup, training, summary, done and blocked', () => {
    expect(axeProblems).toEqual([]);
  });
  it('sends no request to another origin', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
