/**
 * What counts as a difference between a patient's rep and the physio's
 * reference: each threshold is the larger of a floor set by the measurement
 * or the body (below) and the spread of the reference reps themselves (the
 * physio's own good reps differ from one another by that much, so a smaller
 * difference from them is no difference). Differences are judged in units of
 * their threshold: 1 = just noticeable.
 */
import type { DepthUnit } from '../exercises/exercise.ts';
import { MIN_HOLD_S } from '../engine/analysis.ts';

/**
 * Depth in degrees: 5 deg. A physio measuring the same joint twice with a
 * goniometer agrees with themself to about 5 deg (its usual reliability),
 * and the fixtures' good reps of one person vary by as much: peak torso
 * inclinations of gm_fitbod_pvc_SIDEONLY 63, 66, 69 deg and of
 * gm_12pt_bodyweight_side 85-94 deg (SD 2.7-3.2); hip angles of
 * bridge_medball_fitbod_SIDEONLY 175-177 deg (MoveNet Lightning).
 */
export const DEPTH_FLOOR_DEG = 5;

/**
 * Depth in torso lengths (the superman's lift): 0.03, i.e. 3% of the torso.
 * The three lifts of superman_fitbod_SIDEONLY peak at 0.12, 0.14 and 0.16
 * torso (SD 0.02), and keypoint jitter is 1-2 px on an 80-170 px torso
 * (about 0.01 torso) on each of the joints a lift is read from.
 */
export const DEPTH_FLOOR_TORSO = 0.03;

export const depthFloor = (unit: DepthUnit): number => (unit === 'deg' ? DEPTH_FLOOR_DEG : DEPTH_FLOOR_TORSO);

/**
 * Shape: the mean key-angle difference along the time-warped path, 4 deg.
 * The key angle jitters by 1-2 deg from frame to frame (MoveNet's 1-2 px on
 * the torso), and two good reps of one person, warped onto each other,
 * differ by 0.2-2.2 deg on average (the side clips of the fixtures, MoveNet
 * Lightning: good mornings up to 2.2, bridges 0.4-0.9, supermans 0.2-0.4);
 * the floor is about twice the largest, as a different camera tilt alone
 * shifts the whole angle by a degree or two.
 */
export const SHAPE_FLOOR_DEG = 4;

/**
 * Tempo: a phase a third longer or shorter than the reference's. One person's
 * repeated controlled movements vary in duration by 10-15% (coefficient of
 * variation), and the phase read from the engine's peak moves by a frame
 * (67 ms at 15 fps) on phases of 0.6-2 s; a third is clearly outside both,
 * and it is a change a person can make when told "slower".
 */
export const TEMPO_FLOOR_RATIO = 4 / 3;

/**
 * Hold at the top: half a second, the engine's own line between a hold and
 * a turn at the top (analysis.ts MIN_HOLD_S).
 */
export const HOLD_FLOOR_S = MIN_HOLD_S;

/**
 * Time-normalised samples per rep for the shape: 50 over the rep, finer than
 * the 15 fps of a 3 s rep (45 frames), so resampling loses nothing.
 */
export const SHAPE_SAMPLES = 50;

/**
 * The warping band, as a fraction of the rep: 0.2. A phase twice as slow as
 * the reference's (1 s up, 1 s held, 2 s down against 1-1-1) moves the top
 * by 0.125 of the normalised rep, three times as slow by 0.2: warping that
 * far lines the shapes up whatever the tempo, so tempo shows in the tempo
 * score and not in the shape; further would let a missing hold line up too.
 */
export const BAND_FRACTION = 0.2;

/**
 * A score from a difference in units of its threshold: 100 at none, 88 at
 * the threshold (just noticeable), 61 at twice, 32 at three times, 14 at
 * four times it. The gaussian keeps small differences near the top, where
 * noise puts them.
 */
export function scoreOfRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0;
  return Math.round(100 * Math.exp(-(ratio * ratio) / 8));
}
