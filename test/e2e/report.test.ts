/**
 * The printable report of a stored session (issue 9, point 8): Chromium
 * prints it to PDF with the print style (A4 portrait), it is one page, and
 * pdftoppm turns the page into a PNG in test-results/report/ to look at. In
 * English and in Dutch, with faults and a partial rep named in words.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { ANNOTATED_ID, longSetRecord, seedRecords, writeExportFile } from '../helpers/seed-sessions.ts';
import { SCRATCH } from '../helpers/paths.ts';
import { en, nl } from '../../src/core/i18n/messages.ts';
import { CUE_TEXTS } from '../../src/core/i18n/cue-texts.ts';

const session = useE2ESession();
const OUT = join(SCRATCH, 'report');

/** A browser whose history holds the seeded sessions. */
async function seededPage(): Promise<Page> {
  const seed = writeExportFile([...seedRecords(), longSetRecord()], 'report');
  const page = await session.open({ noCamera: true }, '?view=history&lang=en');
  await page.getByTestId('import-file').setInputFiles(seed);
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 }).toContain('new');
  return page;
}

/** Prints the open report to PDF (print media, the page's own @page size) and renders its pages as PNG; returns the PNG paths. */
async function printed(page: Page, name: string): Promise<{ pages: number; pngs: string[]; text: string }> {
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(OUT, f));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, name)]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => join(OUT, f));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  // A4 portrait: 595 x 842 pt
  expect(Math.round(Number(size?.[1]))).toBe(595);
  expect(Math.round(Number(size?.[2]))).toBe(842);
  return { pages, pngs, text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }) };
}

describe('the printable report of a session', () => {
  it('prints a hip thrust with faults and a partial rep on one A4 page, in English', async () => {
    const page = await seededPage();
    await page.goto(`${session.preview.url}?report=${ANNOTATED_ID}&lang=en`);
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'report-screen-en.png'), fullPage: true });
    expect(await page.getByTestId('report-reps').textContent()).toBe('6');

    const { pages, pngs, text } = await printed(page, 'report-hip-thrust-en');
    expect(pages).toBe(1);
    expect(pngs).toHaveLength(1);
    expect(text).toContain(en['report.title']);
    expect(text).toContain(en['exercise.hip-thrust']);
    // faults and the partial rep in the exercise's words, not as keys
    expect(text).toContain(CUE_TEXTS.en['ht.stop-at-line']);
    expect(text).toContain(CUE_TEXTS.en['ht.feet-closer']);
    expect(text).not.toContain('over-arch');
    // the print leaves the app around the report and its buttons off paper
    expect(text).not.toContain(en['report.print']);
    expect(text).not.toContain(en['nav.lab']);
  });

  it('prints a superman in Dutch on one A4 page', async () => {
    const page = await seededPage();
    await page.goto(`${session.preview.url}?report=seed-superman-18&lang=nl`);
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    const { pages, text } = await printed(page, 'report-superman-nl');
    expect(pages).toBe(1);
    expect(text).toContain(nl['report.title']);
    expect(text).toContain(CUE_TEXTS.nl['superman.slow-controlled']);
  });

  it('keeps a long set (28 reps) on one page', async () => {
    const page = await seededPage();
    await page.goto(`${session.preview.url}?report=long-set&lang=nl`);
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    const { pages, text } = await printed(page, 'report-long-set-nl');
    expect(pages).toBe(1);
    // its last rep is on it
    expect(text).toMatch(/\n\s*24\s+174°/);
  });

  it('says so when the session is not stored here', async () => {
    const page = await session.open({ noCamera: true }, '?report=no-such-session&lang=en');
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toBe(en['report.notFound']);
  });
});
