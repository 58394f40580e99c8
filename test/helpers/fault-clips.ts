/**
 * Fake-camera clips for the fault-injection suite (test/e2e/faults-*.test.ts),
 * built at test time from a fixture clip with ffmpeg and cached under
 * test-results/y4m, as y4mOf does (test/helpers/fixtures.ts).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { SCRATCH } from './paths.ts';
import { fixturePath } from './fixtures.ts';
import { probeVideo } from '../../src/cli/ffmpeg.ts';

export interface LeaveAndReturnOptions {
  readonly fps?: number;
  readonly width?: number;
  /** seconds nobody is in view between the two passes of the clip */
  readonly awaySeconds?: number;
  /** seconds of the empty room after the second pass */
  readonly tailSeconds?: number;
}

/**
 * The person leaves and comes back: the clip, then `awaySeconds` of an empty
 * grey room (the person out of view), then the clip again, then
 * `tailSeconds` of the empty room, as y4m. Chromium loops the file.
 */
export function y4mLeaveAndReturn(clip: string, options: LeaveAndReturnOptions = {}): string {
  const fps = options.fps ?? 15;
  const width = options.width ?? 640;
  const away = options.awaySeconds ?? 20;
  const tail = options.tailSeconds ?? 15;
  const dir = join(SCRATCH, 'y4m');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${basename(clip, '.mp4')}-leave${away}-return-${fps}fps-${width}-tail${tail}.y4m`);
  if (existsSync(out) && statSync(out).size > 0) return out;
  // the empty room takes the clip's own size: concat needs every part alike
  const info = probeVideo(fixturePath(clip));
  const height = 2 * Math.round((width * info.height) / info.width / 2);
  const room = (seconds: number): string[] => ['-f', 'lavfi', '-i', `color=c=0x777777:s=${width}x${height}:d=${seconds}`];
  const part = (input: number, name: string, scale: boolean): string =>
    `[${input}:v]fps=${fps},${scale ? `scale=${width}:${height},` : ''}setsar=1,format=yuv420p[${name}]`;
  const filter = [part(0, 'a', true), part(1, 'b', false), part(2, 'c', true), part(3, 'd', false), '[a][b][c][d]concat=n=4:v=1[out]'].join(';');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-i', fixturePath(clip), ...room(away), '-i', fixturePath(clip), ...room(tail),
    '-filter_complex', filter, '-map', '[out]', '-pix_fmt', 'yuv420p', out,
  ]);
  return out;
}
