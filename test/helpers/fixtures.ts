/** The shared fixture clips and their labels (../shared/fixtures/labels.json). */
import { readFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { FIXTURES, SCRATCH } from './paths.ts';

export interface FixtureSegment {
  readonly from_s: number;
  readonly to_s: number;
  readonly view: string;
  readonly expected: number;
}

export interface Fixture {
  readonly file: string;
  readonly exercise: string;
  readonly kind: 'reps' | 'holds' | 'alternating' | 'image';
  readonly expected?: number;
  readonly view: string;
  readonly variant?: string;
  readonly fault?: string;
  readonly phase?: string;
  readonly segments?: readonly FixtureSegment[];
  readonly peaks_s?: readonly number[];
}

export function loadFixtures(): Fixture[] {
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as { fixtures: Fixture[] };
  return labels.fixtures;
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
