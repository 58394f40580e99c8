/**
 * The hip thrust's form faults (design/exercises.md §4), each with its cue,
 * and how the top of a rep is judged. Pure: the checker judges each rep with
 * it, and the tests judge a single photo with it.
 */
import type { CueKey } from '../../engine/cues.ts';
import type { BodyState } from '../../engine/body-state.ts';
import type { HipThrustVariant } from '../ids.ts';
import type { HipThrustConfig } from './config.ts';
import { hipAboveLineTorso, hipAngleDeg, kneeAngleDeg } from './measures.ts';

export const HIP_THRUST_FAULTS = {
  /** hips not up to the knee-shoulder line: the rep is partial */
  'incomplete-extension': 'ht.hips-higher',
  /** hip clearly above the line: over-arching the lower back */
  'over-arch': 'ht.stop-at-line',
  /** knee angle at the top too open: the feet are too far away */
  'feet-too-far': 'ht.feet-closer',
  /** knee angle at the top too closed: the feet are too close to the body */
  'feet-too-close': 'ht.feet-further',
  /** no pause at the top */
  'no-pause': 'ht.pause-at-top',
} as const satisfies Record<string, CueKey>;
export type HipThrustFault = keyof typeof HIP_THRUST_FAULTS;

/** What the top of a rep showed. NaN = not measured (a joint unseen, or the view does not allow it). */
export interface TopMeasures {
  /** peak signed hip angle, deg (side view only) */
  readonly peakHipDeg: number;
  /** the hip's highest point relative to the knee-shoulder line, torso lengths */
  readonly hipAboveLineTorso: number;
  /** knee angle at the top, deg */
  readonly kneeAtTopDeg: number;
  /** seconds at the top */
  readonly pauseS: number;
}

/**
 * The faults a top shows, in the table's order. Each measurement is judged
 * only when known (NaN compares false), so a top with nothing measured (an
 * oblique view) shows none.
 */
export function faultsOfTop(top: TopMeasures, variant: HipThrustVariant, config: HipThrustConfig): HipThrustFault[] {
  const faults: HipThrustFault[] = [];
  if (top.peakHipDeg < config.sideCounter.fullAt) faults.push('incomplete-extension');
  if (top.hipAboveLineTorso > config.overArchAboveLineTorso) faults.push('over-arch');
  const knee = config.kneeAtTop[variant];
  if (top.kneeAtTopDeg > knee.openAboveDeg) faults.push('feet-too-far');
  if (top.kneeAtTopDeg < knee.closedBelowDeg) faults.push('feet-too-close');
  if (top.pauseS < config.minPauseS) faults.push('no-pause');
  return faults;
}

/**
 * One still frame of a top position (a photo), judged as the top of a rep
 * without its timing: the faults its hip and knee show, or null where the
 * view is oblique (the checker does not judge angles there either).
 */
export function faultsOfStillTop(body: BodyState, variant: HipThrustVariant, config: HipThrustConfig): HipThrustFault[] | null {
  if (!(body.spreadTorso <= config.obliqueSpreadAbove)) return null;
  const near = body.near;
  return faultsOfTop(
    {
      peakHipDeg: hipAngleDeg(near, body.frontFacing('supine')),
      hipAboveLineTorso: hipAboveLineTorso(near, body.torsoLengthPx),
      kneeAtTopDeg: kneeAngleDeg(near),
      pauseS: Number.NaN,
    },
    variant,
    config,
  );
}
