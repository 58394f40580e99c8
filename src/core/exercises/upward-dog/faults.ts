/**
 * The upward dog's form faults (design/exercises.md §1) and what decides
 * each, as pure functions of measures, so one photo's frame can be judged
 * in a test exactly as the checker judges a hold.
 */
import type { CueKey } from '../../engine/cues.ts';
import type { UpwardDogConfig } from './config.ts';

export const UPWARD_DOG_FAULTS = {
  'hands-not-under-shoulders': 'updog.hands-under-shoulders',
  'knees-bent': 'updog.legs-long',
  'depth-jump': 'updog.build-up-gradually',
  'shoulders-sunk': 'updog.shoulders-down',
  'head-thrown-back': 'updog.long-neck',
} as const satisfies Record<string, CueKey>;
export type UpwardDogFault = keyof typeof UPWARD_DOG_FAULTS;

/** The faults judged on the shape of the hold (the build-up is judged across reps). */
export const TOP_FAULTS = ['hands-not-under-shoulders', 'knees-bent', 'shoulders-sunk', 'head-thrown-back'] as const satisfies readonly UpwardDogFault[];
export type TopFault = (typeof TOP_FAULTS)[number];

/** What the top faults look at; NaN = unknown, which never raises a fault. */
export interface TopShape {
  readonly handOffsetTorso: number;
  readonly kneeDeg: number;
  /** ear-shoulder distance at the top / in the start position */
  readonly earShoulderRatio: number;
  readonly headLineDeg: number;
  /** the top was seen in an oblique view (most of its frames) */
  readonly obliqueView: boolean;
}

/** Whether the top shows `fault` (comparisons with NaN are false: unknown is not a fault). */
export function topShows(fault: TopFault, top: TopShape, c: UpwardDogConfig): boolean {
  switch (fault) {
    case 'hands-not-under-shoulders':
      return top.handOffsetTorso > c.handsAheadMaxTorso || top.handOffsetTorso < -c.handsBehindMaxTorso;
    case 'knees-bent':
      return top.kneeDeg < c.minKneeDeg - (top.obliqueView ? c.obliqueKneeAllowanceDeg : 0);
    case 'shoulders-sunk':
      return top.earShoulderRatio < c.minEarShoulderRatio;
    case 'head-thrown-back':
      return top.headLineDeg > c.maxHeadLineDeg;
  }
}

/** Early in a set, a peak well beyond every earlier rep's: the bend was not built up gradually. */
export function depthJumped(peakDeg: number, earlierMaxPeakDeg: number, fullRepsBefore: number, c: UpwardDogConfig): boolean {
  return fullRepsBefore >= 1 && fullRepsBefore < c.buildUpReps && peakDeg - earlierMaxPeakDeg > c.buildUpJumpDeg;
}

/** Why a top is not a full up dog, or null when it is one. */
export type NotFullReason = 'too-low' | 'too-little-rise' | 'torso-upright' | 'hips-down' | 'arms-bent';

/** What decides whether a top is a full up dog; on a photo, peak and hold are the one frame. */
export interface TopForm {
  /** highest torso elevation of the rep */
  readonly peakElevationDeg: number;
  /** mean torso elevation over the hold */
  readonly holdElevationDeg: number;
  readonly hipLiftTorso: number;
  readonly elbowDeg: number;
  /** peak elevation above the lowest elevation of the rest before the rep (NaN on a photo: not judged) */
  readonly riseDeg?: number;
}

/**
 * Whether a top is a full up dog rather than a plank or a cobra (hips on the
 * mat, elbows bent): torso high enough but not upright, hips lifted off the
 * wrist-ankle line, arms pressed straight. A measure that is unknown does not
 * disqualify (the engine only counts while the measured joints are known).
 */
export function notFullReason(top: TopForm, c: UpwardDogConfig): NotFullReason | null {
  if (!(top.peakElevationDeg >= c.counter.fullAt)) return 'too-low';
  if (top.riseDeg !== undefined && top.riseDeg < c.minPressRiseDeg) return 'too-little-rise';
  if (top.holdElevationDeg > c.topMaxElevationDeg) return 'torso-upright';
  if (top.hipLiftTorso < c.topMinHipLiftTorso) return 'hips-down';
  if (top.elbowDeg < c.topMinElbowDeg) return 'arms-bent';
  return null;
}
