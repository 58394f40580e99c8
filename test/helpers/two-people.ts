/**
 * A clip with two people in it, made at test time from two fixture clips (no
 * fixture has two people, and none may be copied into the repository): the
 * subject's side-view superman plays full frame, and a second person (the
 * standing woman of a side-view good-morning clip, cut out with a little of
 * her room around her) walks in from the right edge, does good mornings
 * beside the subject, and walks out again before the subject's clip ends.
 * Then the room is empty, so that a count read afterwards cannot move.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fixturePath } from './fixtures.ts';
import { SCRATCH } from './paths.ts';

export const TWO_PEOPLE_SUBJECT_CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const OTHER_CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';

/** When the second person is in view, s of the composed clip (entering and leaving included). */
export const OTHER_PERSON_IN_VIEW_S = { from: 3, to: 9.5 } as const;
/** the subject's clip: 11.2 s */
export const TWO_PEOPLE_CLIP_S = 11.1;

export interface TwoPeopleOptions {
  readonly fps?: number;
  /** seconds of empty room after the clip (0: none) */
  readonly tailSeconds?: number;
  /** 'y4m' for Chromium's fake camera, 'mp4' for ffmpeg-decoded tests and scripts */
  readonly format?: 'y4m' | 'mp4';
}

/** The composed clip's path (made once, cached under test-results/). 640x360. */
export function twoPeopleClip(options: TwoPeopleOptions = {}): string {
  const fps = options.fps ?? 15;
  const tail = options.tailSeconds ?? 0;
  const format = options.format ?? 'y4m';
  const dir = join(SCRATCH, 'y4m');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `two-people-${fps}fps-640-tail${tail}.${format}`);
  if (existsSync(out) && statSync(out).size > 0) return out;
  const { from, to } = OTHER_PERSON_IN_VIEW_S;
  // the woman's cut-out is 158x270 px; she stands at x=470 (the subject lies at x 190-440) and slides in and out over 1.5 s
  const walkS = 1.5;
  const standX = 470;
  const x = `if(lt(t,${from}),640,if(lt(t,${from + walkS}),640-(640-${standX})*(t-${from})/${walkS},if(lt(t,${to - walkS}),${standX},${standX}+(640-${standX})*(t-${to - walkS})/${walkS})))`;
  const clip = [
    `[0:v]fps=${fps},scale=640:360,setsar=1,trim=duration=${TWO_PEOPLE_CLIP_S},format=yuv420p[subject]`,
    `[1:v]fps=${fps},crop=340:580:460:90,scale=158:270,setsar=1,format=yuv420p[other]`,
    `[subject][other]overlay=x='${x}':y=75:eval=frame:shortest=0:eof_action=pass[both]`,
  ];
  const filter =
    tail > 0
      ? [...clip, `[2:v]fps=${fps},setsar=1,format=yuv420p[room]`, `[both][room]concat=n=2:v=1[out]`].join(';')
      : [...clip.slice(0, 2), clip[2]!.replace('[both]', '[out]')].join(';');
  const inputs = ['-i', fixturePath(TWO_PEOPLE_SUBJECT_CLIP), '-i', fixturePath(OTHER_CLIP)];
  if (tail > 0) inputs.push('-f', 'lavfi', '-i', `color=c=0x777777:s=640x360:d=${tail}`);
  const encode = format === 'mp4' ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18'] : [];
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...inputs, '-filter_complex', filter, '-map', '[out]', '-t', String(TWO_PEOPLE_CLIP_S + tail), '-pix_fmt', 'yuv420p', ...encode, out]);
  return out;
}
