/**
 * Export and import in the browser (issue 9, point 8): sessions imported into
 * the history come out of "export all" as the same records, and go into a
 * fresh browser as the same records again; a truncated file and a file of the
 * wrong shape are refused with the core's message shown, and the history is
 * left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { seedRecords, storedIds, writeExportFile } from '../helpers/seed-sessions.ts';
import { SCRATCH } from '../helpers/paths.ts';
import { parseSessionExport, sessionJson } from '../../src/core/session/export.ts';

const session = useE2ESession();
const OUT = join(SCRATCH, 'import-export');
const records = seedRecords();

/** The records of an export file's text, as JSON values (what a person's file holds). */
const sessionsOf = (text: string): unknown[] => (JSON.parse(text) as { sessions: unknown[] }).sessions;

async function openHistory(): Promise<Page> {
  const page = await session.open({ noCamera: true }, '?view=history&lang=en');
  await page.getByTestId('data-tools').waitFor();
  return page;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(path);
}

async function exportAll(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  expect(download.suggestedFilename()).toMatch(/^formcoach-sessions-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  writeFileSync(join(OUT, name), text);
  return text;
}

/** What the history shows and holds: its list items (their session ids) and the stored ids. */
async function historyState(page: Page): Promise<{ items: (string | null)[]; ids: string[] }> {
  const items = await page.getByTestId('history-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-session-id')));
  return { items, ids: await storedIds(page) };
}

describe('export and import of the session history', () => {
  it('exports imported sessions as the same records, and a fresh browser imports them as the same records again', async () => {
    const seed = writeExportFile(records, 'import-export');
    const first = await openHistory();
    await importFile(first, seed);
    await expect.poll(() => first.getByTestId('import-result').textContent(), { timeout: 30_000 }).toContain(`${records.length} new`);
    expect(await storedIds(first)).toEqual(records.map((r) => r.id).sort());
    await first.getByTestId('progress-exercise').first().waitFor({ timeout: 30_000 });
    await first.screenshot({ path: join(SHOTS, 'history-data-tools-and-progress.png'), fullPage: true });

    const exported = await exportAll(first, 'export-1.json');
    const byId = (values: unknown[]) => [...values].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
    // the file holds each record exactly as it was imported (JSON: not-measured values are null both ways)
    expect(byId(sessionsOf(exported))).toEqual(byId(records.map((r) => JSON.parse(sessionJson(r)) as unknown)));

    const fresh = await openHistory();
    expect(await storedIds(fresh)).toEqual([]);
    await importFile(fresh, join(OUT, 'export-1.json'));
    await expect.poll(() => fresh.getByTestId('import-result').textContent(), { timeout: 30_000 }).toContain(`${records.length} new`);
    const again = await exportAll(fresh, 'export-2.json');
    // identical records, in the same order (newest first), down to the text
    expect(JSON.stringify(sessionsOf(again))).toBe(JSON.stringify(sessionsOf(exported)));
  });

  it('refuses a truncated file and a file of the wrong shape with their messages, and leaves the history as it was', async () => {
    const seed = writeExportFile(records.slice(0, 2), 'import-export', 'two.json');
    const page = await openHistory();
    await importFile(page, seed);
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 }).toContain('2 new');
    const before = await historyState(page);
    expect(before.ids).toHaveLength(2);

    const full = readFileSync(seed, 'utf8');
    const truncated = full.slice(0, Math.floor(full.length * 0.6));
    const wrongShape = JSON.stringify({ ...JSON.parse(full), sessions: [{ ...JSON.parse(sessionJson(records[2]!)), events: undefined, stopReason: 'bored' }] });
    const cases = [
      { name: 'truncated.json', text: truncated, says: /cut off/ },
      { name: 'wrong-shape.json', text: wrongShape, says: /events|stopReason/ },
    ];
    for (const c of cases) {
      const path = join(OUT, c.name);
      writeFileSync(path, c.text);
      const expected = parseSessionExport(c.text);
      if (expected.ok) throw new Error(`${c.name} was meant to be refused`);
      expect(expected.error).toMatch(c.says);
      await importFile(page, path);
      const error = page.getByTestId('import-error');
      await expect.poll(() => error.isVisible(), { timeout: 30_000 }).toBe(true);
      // the core's own line, word for word, after the sentence that says nothing changed
      expect(await page.getByTestId('import-error-detail').textContent()).toBe(expected.error);
      expect(await error.textContent()).toContain(`Not imported, your history is unchanged. What is wrong with ${c.name}:`);
      await page.screenshot({ path: join(SHOTS, `import-refused-${c.name.replace('.json', '')}.png`) });
      expect(await historyState(page)).toEqual(before);
    }
  });
});
