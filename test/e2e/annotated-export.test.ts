/**
 * The annotated export of an analysed video file, as a physiotherapist uses
 * it, in the production build on Debian's Chromium: exercise -> safety ->
 * a fixture clip through the setup screen's file input -> analysed to its end
 * -> summary -> "Save annotated video" -> a downloaded file. The file lasts
 * as long as the clip (ffprobe), and a frame from its middle (ffmpeg, kept as
 * PNG in test-results/export/) carries the overlay: the text band's teal rule
 * across the bottom, and the skeleton's colours where the clip has none.
 * Cancelling stops an export and saves nothing. The export's speed against
 * real time is logged (the page's own measurement).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { fixturePath } from '../helpers/fixtures.ts';
import { SCRATCH } from '../helpers/paths.ts';
import { BAND_RULE_RGB } from '../../src/record/annotated-frame.ts';

const OUT = join(SCRATCH, 'export');

interface Clip {
  readonly file: string;
  readonly exercise: string;
  readonly fps: string;
}

const CLIPS: readonly Clip[] = [
  { file: 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', exercise: 'hip-thrust', fps: '30 fps' },
  { file: 'superman/superman_klarfit_sideoblique_2cams_3lifts.mp4', exercise: 'superman', fps: '60 fps' },
];

const session = useE2ESession();

const durationOf = (path: string): number =>
  Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', path], { encoding: 'utf8' }).trim());

const sizeOf = (path: string): { width: number; height: number } => {
  const [width, height] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path], { encoding: 'utf8' })
    .trim()
    .split(',')
    .map(Number);
  return { width: width ?? 0, height: height ?? 0 };
};

/** One frame at `atS` as raw RGB at `width` x `height` (ffmpeg); also written as PNG when `png` is given. */
function frameAt(path: string, atS: number, width: number, height: number, png?: string): Buffer {
  if (png) execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', atS.toFixed(3), '-i', path, '-frames:v', '1', png]);
  return execFileSync('ffmpeg', ['-v', 'error', '-ss', atS.toFixed(3), '-i', path, '-frames:v', '1', '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

const near = (rgb: Buffer, i: number, [r, g, b]: readonly [number, number, number], tolerance: number): boolean =>
  Math.abs(rgb[i]! - r) <= tolerance && Math.abs(rgb[i + 1]! - g) <= tolerance && Math.abs(rgb[i + 2]! - b) <= tolerance;

/** The lowest-quarter row with the most pixels of the band's teal rule: its share of the width. */
function bestRuleRow(rgb: Buffer, width: number, height: number): number {
  let best = 0;
  for (let y = Math.floor(height * 0.75); y < height; y++) {
    let hits = 0;
    for (let x = 0; x < width; x++) if (near(rgb, (y * width + x) * 3, BAND_RULE_RGB, 45)) hits++;
    best = Math.max(best, hits / width);
  }
  return best;
}

/** The skeleton's left/right limb colours (src/app/draw/skeleton.ts). */
const SKELETON_COLOURS = [
  [0x4f, 0xd1, 0xc5],
  [0xf6, 0xad, 0x55],
] as const;
const skeletonColoured = (rgb: Buffer, i: number): boolean => SKELETON_COLOURS.some((c) => near(rgb, i, c, 30));

/** Pixels above the band in a skeleton colour in the export where the clip's own frame has none. */
function addedSkeletonPixels(exported: Buffer, original: Buffer, width: number, height: number): number {
  let count = 0;
  for (let y = 0; y < Math.floor(height * 0.75); y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (skeletonColoured(exported, i) && !skeletonColoured(original, i)) count++;
    }
  }
  return count;
}

/** Opens the exercise, answers safety, analyses the clip through the setup screen's file input and waits for the summary. */
async function analyse(clip: Clip): Promise<{ page: Page; log: string[] }> {
  const page = await session.open({}, `?exercise=${clip.exercise}&lang=en`);
  const log: string[] = [];
  page.on('console', (msg) => log.push(msg.text()));
  await page.getByTestId('safety-no-pain').click();
  // the setup screen starts the (fake) camera; the file chosen on it takes over, however far the camera got
  await page.getByTestId('setup-status').waitFor({ timeout: 60_000 });
  await page.getByTestId('video-file-input').setInputFiles(fixturePath(clip.file));
  // analysis runs frame by frame at the model's speed: generous on a busy 2-core box
  await page.getByTestId('set-summary').waitFor({ timeout: 240_000 });
  return { page, log };
}

describe('annotated export of an analysed video file', () => {
  for (const clip of CLIPS) {
    it(`${clip.file} (${clip.fps}): saves the clip with the overlay burned in, as long as the clip`, async () => {
      mkdirSync(OUT, { recursive: true });
      const { page, log } = await analyse(clip);
      const button = page.getByTestId('export-annotated');
      await button.waitFor();
      await page.screenshot({ path: join(SHOTS, `annotated-export-summary-${clip.exercise}.png`), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 400_000 }), button.click()]);
      const name = download.suggestedFilename();
      const stem = clip.file.split('/').pop()!.replace(/\.mp4$/, '').toLowerCase();
      expect(name).toBe(`formcoach-${clip.exercise}-${stem}-annotated.webm`);
      const saved = join(OUT, name);
      await download.saveAs(saved);
      await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, `annotated-export-done-${clip.exercise}.png`), fullPage: true });

      const source = fixturePath(clip.file);
      const clipS = durationOf(source);
      const savedS = durationOf(saved);
      expect(Math.abs(savedS - clipS) / clipS, `export ${savedS} s, clip ${clipS} s`).toBeLessThanOrEqual(0.05);

      const { width, height } = sizeOf(saved);
      const midS = savedS / 2;
      const exported = frameAt(saved, midS, width, height, join(OUT, `${stem}-middle.png`));
      const original = frameAt(source, midS, width, height);
      // the band's rule runs the whole width; the clip itself has no such line
      expect(bestRuleRow(exported, width, height)).toBeGreaterThan(0.8);
      expect(bestRuleRow(original, width, height)).toBeLessThan(0.5);
      // the skeleton adds its colours to the picture
      const added = addedSkeletonPixels(exported, original, width, height);
      expect(added, 'skeleton-coloured pixels the overlay added').toBeGreaterThan(150);
      console.log(`${clip.file}: ${added} skeleton-coloured pixels added`);

      const speed = log.find((line) => line.startsWith('FormCoach export:'));
      console.log(`${clip.file}: ${speed ?? 'no speed line'}; export ${savedS.toFixed(3)} s vs clip ${clipS.toFixed(3)} s; ${width}x${height}`);
      expect(log.filter((line) => /garbage collected without being closed/i.test(line))).toEqual([]);
    }, 700_000);
  }

  it('cancels an export under way: nothing is downloaded, and it can be started again', async () => {
    // the 60 fps portrait clip: its export takes a few seconds even on a fast machine, time enough to cancel it
    const { page } = await analyse(CLIPS[1]!);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('export-annotated').click();
    await page.getByTestId('export-cancel').click();
    await page.getByTestId('export-cancelled').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('annotated-export').getAttribute('data-status')).toBe('cancelled');
    expect(downloads).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 400_000 }), page.getByTestId('export-annotated').click()]);
    expect(download.suggestedFilename()).toMatch(/-annotated\.webm$/);
  }, 700_000);

  it('sent no request to any origin but the app’s own', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
