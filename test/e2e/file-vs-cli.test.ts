/**
 * One answer everywhere: a video file analysed in the browser (WebCodecs,
 * the production build in Chromium) and by the CLI (ffmpeg, Node) gives the
 * same frames at the same times (the sampling rule, src/core/frame-sampling.ts),
 * the same pixels (one YUV -> RGB conversion, src/core/frame-pixels.ts), so on
 * the same WebAssembly backend the same keypoints, and in any case the same
 * count with rep peaks within one frame. Three labelled clips: 30 fps, and
 * two at 59.94 fps that start 16 ms into their timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2ESession, SHOTS } from '../helpers/e2e-session.ts';
import { fixturePath } from '../helpers/fixtures.ts';
import { validateTrack, type KeypointTrack } from '../../src/core/track.ts';
import { analyzeVideo, createNodeEstimator } from '../../src/cli/analyze-video.ts';
import { probeFrameTimes } from '../../src/cli/ffmpeg.ts';
import { sampleFrames, sampleTimeMs } from '../../src/core/frame-sampling.ts';
import { analyzeTrack } from '../../src/core/engine/analysis.ts';
import { createChecker } from '../../src/core/exercises/registry.ts';
import type { ExerciseId } from '../../src/core/exercises/ids.ts';
import type { PoseEstimator } from '../../src/pose/estimator.ts';

interface Clip {
  readonly file: string;
  readonly exercise: ExerciseId;
  readonly variant?: string;
}

const CLIPS: readonly Clip[] = [
  { file: 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', exercise: 'hip-thrust', variant: 'floor' },
  { file: 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', exercise: 'superman' },
  { file: 'upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4', exercise: 'upward-dog' },
];

const FRAME_MS = 1000 / 15;

const session = useE2ESession();
let estimator: PoseEstimator;

beforeAll(async () => {
  estimator = await createNodeEstimator();
});
afterAll(() => estimator?.dispose());

/** The file analysed on the camera-check page with the exercise picked: the page's count and its downloaded track. */
async function analyseInBrowser(clip: Clip): Promise<{ pageReps: number; track: KeypointTrack; page: Page; wasm: boolean }> {
  const page = await session.open({}, '?view=lab');
  await page.getByTestId('exercise-picker').selectOption(clip.exercise);
  await page.getByTestId('video-file-input').setInputFiles(fixturePath(clip.file));
  await expect.poll(() => page.getByTestId('hud').textContent(), { timeout: 150_000, interval: 500 }).toMatch(/Finished analysing/);
  const pageReps = Number(await page.getByTestId('rep-count').textContent());
  const wasm = /WebAssembly/.test((await page.getByTestId('hud').textContent()) ?? '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-track').click()]);
  const track = JSON.parse(readFileSync(await download.path(), 'utf8')) as KeypointTrack;
  return { pageReps, track, page, wasm };
}

describe('a video file in the browser and in the CLI', () => {
  it.each(CLIPS)('$file: same frames, same times, same count, peaks within a frame', async (clip) => {
    const path = fixturePath(clip.file);
    const expectedTimes = sampleFrames(probeFrameTimes(path)).map((_, n) => Math.round(sampleTimeMs(n)));

    const cli = await analyzeVideo(path, { estimator });
    const browser = await analyseInBrowser(clip);
    const name = clip.file.split('/').pop()!.replace(/\.mp4$/, '');
    await browser.page.screenshot({ path: join(SHOTS, `file-vs-cli-${name}-1280x720.png`) });

    const valid = validateTrack(browser.track);
    expect(valid.ok ? 'valid' : valid.error).toBe('valid');
    // the same frames at the same times: the rule's, on both edges
    expect(cli.frames.map((f) => f.t)).toEqual(expectedTimes);
    expect(browser.track.frames.map((f) => f.t)).toEqual(expectedTimes);
    expect([browser.track.width, browser.track.height]).toEqual([cli.width, cli.height]);
    // the same pixels (one conversion, src/core/frame-pixels.ts) through the same WebAssembly backend: the same keypoints, to the last digit
    // (a GPU backend in the browser would round differently: then only the counts and peaks below must agree)
    if (browser.wasm) expect(browser.track.frames).toEqual(cli.frames);

    // the page's own count is the engine's replay of the page's track (the lab detects the hip-thrust variant)
    const asOnPage = analyzeTrack(browser.track, createChecker({ exercise: clip.exercise, model: browser.track.model }));
    expect(browser.pageReps).toBe(asOnPage.reps);

    const request = { exercise: clip.exercise, variant: clip.variant, model: cli.model };
    const fromCli = analyzeTrack(cli, createChecker(request));
    const fromBrowser = analyzeTrack(browser.track, createChecker(request));
    expect({ reps: fromBrowser.reps, partialReps: fromBrowser.partialReps, holds: fromBrowser.holds.length }).toEqual({
      reps: fromCli.reps,
      partialReps: fromCli.partialReps,
      holds: fromCli.holds.length,
    });
    expect(fromBrowser.repDetails).toHaveLength(fromCli.repDetails.length);
    fromCli.repDetails.forEach((rep, i) => {
      const other = fromBrowser.repDetails[i]!;
      expect(other.full).toBe(rep.full);
      expect(Math.abs(other.peakMs - rep.peakMs), `rep ${i + 1} peak: browser ${other.peakMs} ms, CLI ${rep.peakMs} ms`).toBeLessThanOrEqual(FRAME_MS + 1);
    });
    console.log(
      `${name}: ${cli.frames.length} frames; reps browser ${fromBrowser.reps} / CLI ${fromCli.reps}; peaks browser [${fromBrowser.repDetails.map((r) => r.peakMs).join(', ')}] CLI [${fromCli.repDetails.map((r) => r.peakMs).join(', ')}] ms`,
    );
  });

  it('sent no request to any origin but the app’s own', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
