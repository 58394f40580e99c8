/**
 * A full disk, as the person sees it (issue 9, storage faults): every write
 * to the history's `sessions` store fails with QuotaExceededError, a set is
 * done on a short video file, and the app says that the session was not
 * saved and what to do, and offers it as a download that imports as that
 * session. Nothing is lost silently.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { fixturePath } from '../helpers/fixtures.ts';
import { storedIds } from '../helpers/seed-sessions.ts';
import { en, nl } from '../../src/core/i18n/messages.ts';
import { parseSessionExport } from '../../src/core/session/export.ts';

const session = useE2ESession();
/** the shortest labelled clip (3 s, one hip thrust with a hold) */
const CLIP = 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4';

describe('a session the browser has no room for', () => {
  it('is named in a message that says what to do, and downloads as an export holding that session', async () => {
    const page = await session.newPage({});
    // the quota is used up: every put into the sessions store throws, as Chromium does when storage is full
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'sessions') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(`${session.preview.url}?exercise=hip-thrust&variant=floor&lang=en`);
    await page.getByTestId('safety-no-pain').click();
    await page.getByTestId('video-file-input').setInputFiles(fixturePath(CLIP));
    // analysis runs frame by frame at the model's speed: generous on a busy 2-core box
    await page.getByTestId('set-summary').waitFor({ timeout: 240_000 });
    const reps = Number(await page.getByTestId('summary-reps').textContent());

    const banner = page.getByTestId('storage-problem');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('data-problem-code')).toBe('quota');
    expect(await banner.textContent()).toContain(en['storageProblem.quota']);
    await page.screenshot({ path: join(SHOTS, 'storage-quota-en.png') });
    // in the person's language
    await page.getByTestId('lang-nl').click();
    expect(await banner.textContent()).toContain(nl['storageProblem.quota']);
    await page.screenshot({ path: join(SHOTS, 'storage-quota-nl.png') });
    await page.getByTestId('lang-en').click();
    // nothing reached the history
    expect(await storedIds(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-unsaved').click()]);
    expect(download.suggestedFilename()).toMatch(/^formcoach-unsaved-sessions-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = parseSessionExport(readFileSync(await download.path(), 'utf8'));
    if (!parsed.ok) throw new Error(`the unsaved sessions' file does not import: ${parsed.error}`);
    expect(parsed.kind).toBe('export');
    expect(parsed.sessions).toHaveLength(1);
    const [record] = parsed.sessions;
    expect(record?.settings).toMatchObject({ exercise: 'hip-thrust', variant: 'floor', source: { kind: 'file', fileName: 'bridge_PhysioPlus_side_1rep_hold.mp4' } });
    expect(record?.events.reps.filter((r) => r.full)).toHaveLength(reps);
    expect(record?.track?.frames.length).toBeGreaterThan(0);
    // downloaded: the person has it now, and the banner has said its piece
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(false);
  }, 300_000);
});
