/**
 * The physio's program, end to end: built in the builder (a hip thrust, 2
 * sets x 5 reps, "hips up to the line" at 180 deg instead of the default),
 * its link opened in a fresh browser (new storage: nothing shared with the
 * physio's), the patient's summary in Dutch, a set from a fixture clip
 * through the file input that follows the program's target and threshold,
 * its record naming the program; a changed link is refused; the overview of
 * the program's sets. Screenshots of the builder with its QR code, the
 * patient's summary and the overview.
 *
 * Every wait is on a condition, never on the wall clock (CI is a busy 2-core box).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { fixturePath } from '../helpers/fixtures.ts';
import { nl } from '../../src/core/i18n/messages.ts';
import { analyzeTrack } from '../../src/core/engine/analysis.ts';
import { createChecker } from '../../src/core/exercises/registry.ts';
import { describeExercise } from '../../src/core/exercises/registry.ts';
import { migrate } from '../../src/core/session/migrate.ts';
import type { SessionRecord } from '../../src/core/session/schema.ts';

const session = useE2ESession();
/** the shortest labelled clip (3 s, one hip thrust with a hold): its rep is full at the default threshold */
const CLIP = 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4';
const LONG = 240_000;
const STRICT_HIPS_DEG = 180;

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

/** Sets a range or number input as a person does (its input event runs the app's handler). */
async function setValue(page: Page, testId: string, value: number): Promise<void> {
  await page.getByTestId(testId).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Every session record the page's IndexedDB holds, as JSON values. */
async function storedRecords(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('formcoach');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('sessions').objectStore('sessions').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as unknown[]);
          };
          all.onerror = () => resolve([]);
        };
      }),
  );
}

async function buildProgram(page: Page): Promise<string> {
  await page.getByTestId('nav-physio').click();
  await page.getByTestId('program-item-0').waitFor();
  await page.getByTestId('program-title').fill('Heupen, week 1');
  await page.getByTestId('program-note').fill('Rustig opbouwen. Stop bij scherpe pijn en bel me.');
  await page.getByTestId('program-language').selectOption('nl');
  await page.getByTestId('program-item-0-exercise').selectOption('hip-thrust');
  await page.getByTestId('program-item-0-sets').fill('2');
  await page.getByTestId('program-item-0-reps').fill('5');
  await setValue(page, 'program-item-0-tune-hipsUpToLineDeg', STRICT_HIPS_DEG);
  // a second exercise, to show the order in the link and the summary
  await page.getByTestId('program-add-exercise').selectOption('good-morning');
  await page.getByTestId('program-add').click();
  await page.getByTestId('program-item-1').waitFor();
  await page.getByTestId('program-build').click();
  await page.getByTestId('program-qr').waitFor();
  const href = await page.getByTestId('program-link').getAttribute('href');
  if (!href) throw new Error('the program link has no href');
  return href;
}

describe('a physio’s program', () => {
  it('is built into a link that a fresh browser opens: the patient’s set follows its target and threshold, and its record names the program', async () => {
    const physio = await session.open({}, '?lang=en');
    const link = await buildProgram(physio);
    expect(link.startsWith(`${session.preview.url.split('?')[0]}#program=`)).toBe(true);
    expect(link).not.toContain('view=physio');
    console.log(`program link of the E2E (2 exercises, no reference): ${link.length} characters`);
    await shot(physio, 'program-builder-en.png');
    // printed: the program and its QR code, without the builder around them
    await physio.emulateMedia({ media: 'print' });
    await shot(physio, 'program-builder-print.png');
    expect(await physio.getByTestId('program-item-0').isVisible()).toBe(false);
    expect(await physio.getByTestId('program-qr').isVisible()).toBe(true);
    await physio.emulateMedia({ media: 'screen' });

    // the patient: another browser, its own storage
    const patient = await session.newPage({});
    await patient.goto(link);
    const summary = patient.getByTestId('program-summary');
    await summary.waitFor({ timeout: 30_000 });
    const text = await summary.textContent();
    expect(text).toContain('Heupen, week 1');
    expect(text).toContain('Rustig opbouwen. Stop bij scherpe pijn en bel me.');
    expect(await patient.getByTestId('program-summary-dose-0').textContent()).toBe(nl['program.dose.repsHold'].replace('{sets}', '2').replace('{reps}', '5').replace('{hold}', '1'));
    expect(await patient.evaluate(() => document.documentElement.lang)).toBe('nl');
    await shot(patient, 'program-patient-summary-nl.png');
    // a reload keeps it (localStorage), without the link
    await patient.goto(session.preview.url);
    await summary.waitFor({ timeout: 30_000 });

    await patient.getByTestId('program-start-0').click();
    await patient.getByTestId('safety-no-pain').click();
    // the setup already counts the program's sets
    await patient.getByText(nl['training.set'].replace('{set}', '1').replace('{sets}', '2')).first().waitFor({ timeout: 30_000 });
    // the training panel's target, as it shows while the clip is analysed
    await patient.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { targetsSeen: string[] }).targetsSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.count .target')) if (el.textContent) seen.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await patient.getByTestId('video-file-input').setInputFiles(fixturePath(CLIP));
    await patient.getByTestId('set-summary').waitFor({ timeout: LONG });
    const targets = await patient.evaluate(() => (window as unknown as { targetsSeen: string[] }).targetsSeen);
    expect(targets).toContain(nl['training.target'].replace('{reps}', '5'));

    await expect.poll(async () => (await storedRecords(patient)).length, { timeout: 30_000 }).toBe(1);
    const migrated = migrate((await storedRecords(patient))[0]);
    if (!migrated.ok) throw new Error(migrated.error);
    const record: SessionRecord = migrated.record;
    expect(record.program).toMatchObject({ title: 'Heupen, week 1', itemIndex: 0 });
    expect(record.settings).toMatchObject({ exercise: 'hip-thrust', variant: 'floor', language: 'nl' });
    // the program's threshold judged the set: at 180 deg its one rep is partial...
    expect(record.events.reps.filter((r) => r.full)).toHaveLength(0);
    expect(record.events.reps.length).toBeGreaterThan(0);
    // ...where the default threshold counts the same frames as a full rep
    if (!record.track) throw new Error('the record kept no track');
    expect(describeExercise('hip-thrust').tunables.find((t) => t.key === 'hipsUpToLineDeg')?.defaultValue).toBeLessThan(STRICT_HIPS_DEG);
    const byDefault = analyzeTrack(record.track, createChecker({ exercise: 'hip-thrust', variant: 'floor', model: record.settings.model }));
    expect(byDefault.reps).toBeGreaterThan(0);

    // the physio's overview on the patient's laptop: the program's set against its prescription
    await patient.getByTestId('nav-history').click();
    await patient.getByTestId(`history-program-${record.program?.id ?? ''}`).click();
    await patient.getByTestId('overview-row-0').waitFor({ timeout: 30_000 });
    expect(await patient.getByTestId('overview-sets-0').textContent()).toBe(nl['overview.of'].replace('{done}', '1').replace('{prescribed}', '2'));
    expect(await patient.getByTestId('overview-reps-0').textContent()).toBe(nl['overview.of'].replace('{done}', '0').replace('{prescribed}', '10'));
    await shot(patient, 'program-overview-nl.png');
  }, 400_000);

  it('refuses a changed link with its message and uses nothing of it', async () => {
    const physio = await session.open({}, '?lang=en');
    const link = await buildProgram(physio);
    const at = link.indexOf('#program=') + '#program='.length + 20;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const patient = await session.newPage({});
    await patient.goto(changed);
    const error = patient.getByTestId('program-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await patient.getByTestId('program-error-message').textContent()).toMatch(/^the link (was changed or cut short|is damaged)/);
    expect(await patient.getByTestId('program-summary').count()).toBe(0);
    expect(await patient.evaluate(() => localStorage.getItem('formcoach-program'))).toBeNull();
    await shot(patient, 'program-refused.png');
  }, 200_000);
});
