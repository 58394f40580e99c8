/**
 * What the hip thrust checker measures on one body state: pure functions of
 * the joints, allocation-free, NaN when a joint they need is unknown. Lengths
 * in torso lengths, angles in degrees (design/exercises.md, "Conventions").
 */
import type { Chain } from '../../engine/body.ts';
import { jointAngleDeg, signedJointAngleDeg, upwardDistanceFromLine } from '../../geometry/angles.ts';

/**
 * Hip angle shoulder-hip-knee, signed: 180 = the hip on the knee-shoulder
 * line, above 180 = over-arched past it (the unsigned angle would fold 190
 * back to 170). `facing` is BodyState.frontFacing('supine'); while it is
 * unknown (0) the unsigned angle is the best there is.
 */
export function hipAngleDeg(chain: Chain, facing: 1 | -1 | 0): number {
  const { shoulder, hip, knee } = chain;
  if (!shoulder.known || !hip.known || !knee.known) return Number.NaN;
  return facing === 0 ? jointAngleDeg(shoulder, hip, knee) : signedJointAngleDeg(shoulder, hip, knee, facing);
}

/** The hip's signed distance from the knee-shoulder line, torso lengths: + above it (over-arched), - below (hips low). */
export function hipAboveLineTorso(chain: Chain, torsoLengthPx: number): number {
  const { shoulder, hip, knee } = chain;
  if (!shoulder.known || !hip.known || !knee.known || !(torsoLengthPx > 0)) return Number.NaN;
  return upwardDistanceFromLine(hip, knee, shoulder) / torsoLengthPx;
}

/** Knee angle hip-knee-ankle; NaN when the ankle is out of frame (cropped toes, ball-squeeze clip). */
export function kneeAngleDeg(chain: Chain): number {
  const { hip, knee, ankle } = chain;
  if (!hip.known || !knee.known || !ankle.known) return Number.NaN;
  return jointAngleDeg(hip, knee, ankle);
}

/** How far the knee is above the hip on screen, torso lengths (supine with the knees up: clearly > 0). */
export function kneeAboveHipTorso(chain: Chain, torsoLengthPx: number): number {
  const { hip, knee } = chain;
  if (!hip.known || !knee.known || !(torsoLengthPx > 0)) return Number.NaN;
  return (hip.y - knee.y) / torsoLengthPx;
}

/** How far the shoulder is above the knee on screen, torso lengths: far below on the floor, about level on a bench. */
export function shoulderAboveKneeTorso(chain: Chain, torsoLengthPx: number): number {
  const { shoulder, knee } = chain;
  if (!shoulder.known || !knee.known || !(torsoLengthPx > 0)) return Number.NaN;
  return (knee.y - shoulder.y) / torsoLengthPx;
}

/**
 * The mean of both sides' signed hip angles, for oblique views where each
 * side alone is distorted by ~25 deg in opposite directions; one side when
 * only one is known.
 */
export function meanHipAngleDeg(near: Chain, far: Chain, facing: 1 | -1 | 0): number {
  const a = hipAngleDeg(near, facing);
  const b = hipAngleDeg(far, facing);
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return (a + b) / 2;
}
