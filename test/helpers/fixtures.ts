/** The shared fixture clips and their labels (../shared/fixtures/labels.json and labels-more.json). */
import { readFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { FIXTURES, SCRATCH } from './paths.ts';
import { probeVideo } from '../../src/cli/ffmpeg.ts';
import type { ClipLabel, LabelSegment } from '../../src/core/evaluation/score.ts';

/** A view segment of a labelled clip (the labels format, src/core/evaluation/score.ts). */
export type FixtureSegment = LabelSegment;

/** A labelled fixture: a clip's label, and for the photos their phase and any visible fault. */
export interface Fixture extends ClipLabel {
  readonly fault?: string;
  readonly phase?: string;
}

/** The label files every test and script reads by default: the first 12 clips and 25 photos, then the 6 clips added later. */
export const DEFAULT_LABEL_FILES = ['labels.json', 'labels-more.json'] as const;

/** Fixtures of one labels file (a path, or a name inside the fixtures folder). */
export function loadLabelFile(file: string): Fixture[] {
  const path = existsSync(file) ? file : join(FIXTURES, file);
  const labels = JSON.parse(readFileSync(path, 'utf8')) as { fixtures?: Fixture[] };
  if (!Array.isArray(labels.fixtures)) throw new Error(`${path}: no "fixtures" array`);
  return labels.fixtures;
}

/** All labelled fixtures (clips and photos) of the default label files that exist. */
export function loadFixtures(): Fixture[] {
  return DEFAULT_LABEL_FILES.filter((f) => existsSync(join(FIXTURES, f))).flatMap((f) => loadLabelFile(f));
}

export const fixturePath = (fixture: Fixture | string): string => resolve(FIXTURES, typeof fixture === 'string' ? fixture : fixture.file);

export const isVideo = (f: Fixture): boolean => f.file.endsWith('.mp4');

/** Clips filmed from the side throughout. */
export function sideViewClips(): Fixture[] {
  return loadFixtures().filter((f) => isVideo(f) && f.view === 'side');
}

/**
 * The clip as y4m for Chromium's fake camera (converted once, cached under
 * test-results/). Chromium loops the file.
 */
export function y4mOf(clip: string, options: { fps?: number; width?: number; seconds?: number } = {}): string {
  const fps = options.fps ?? 15;
  const width = options.width ?? 640;
  const dir = join(SCRATCH, 'y4m');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${basename(clip, '.mp4')}-${fps}fps-${width}${options.seconds ? `-${options.seconds}s` : ''}.y4m`);
  if (!existsSync(out) || statSync(out).size === 0) {
    const limit = options.seconds ? ['-t', String(options.seconds)] : [];
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', fixturePath(clip), ...limit, '-vf', `fps=${fps},scale=${width}:-2`, '-pix_fmt', 'yuv420p', out]);
  }
  return out;
}

/**
 * The clip once, then `tailSeconds` of an empty grey room, as y4m for the fake
 * camera: Chromium loops a y4m, so a set can be read off while nobody is in
 * view instead of racing the second pass of the clip.
 */
export function y4mOnceThenEmpty(clip: string, options: { fps?: number; width?: number; tailSeconds?: number } = {}): string {
  const fps = options.fps ?? 15;
  const width = options.width ?? 480;
  const tail = options.tailSeconds ?? 25;
  const dir = join(SCRATCH, 'y4m');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${basename(clip, '.mp4')}-once-${fps}fps-${width}-tail${tail}.y4m`);
  if (!existsSync(out) || statSync(out).size === 0) {
    // the empty room takes the clip's own size (portrait clips too): concat needs both alike
    const info = probeVideo(fixturePath(clip));
    const height = 2 * Math.round((width * info.height) / info.width / 2);
    const filter = `[0:v]fps=${fps},scale=${width}:${height},setsar=1,format=yuv420p[a];[1:v]fps=${fps},setsar=1,format=yuv420p[b];[a][b]concat=n=2:v=1[out]`;
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', fixturePath(clip), '-f', 'lavfi', '-i', `color=c=0x777777:s=${width}x${height}:d=${tail}`, '-filter_complex', filter, '-map', '[out]', '-pix_fmt', 'yuv420p', out]);
  }
  return out;
}
