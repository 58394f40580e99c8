/**
 * From joint lifts to limb lifts, and from four limbs to the two numbers the
 * superman checker runs on (design/exercises.md §2: "a full superman lifts
 * arm and leg at the same time"):
 *
 *  - together: the lift of the LOWEST of the four limbs. A full superman
 *    lifts both knees and both elbows; an alternating lift (one arm, the
 *    opposite leg) leaves one leg and one arm on the floor, so this stays near
 *    zero (alternating fixture clip: at most 0.05 torso, full reps 0.10-0.16).
 *  - pair: the higher leg and the higher arm, whichever is lower: "an arm
 *    and a leg are up". High while together stays low = a one-sided lift.
 *
 * In torso lengths (legs: knee, or the ankle's scaled; arms: elbow, or the
 * wrist's scaled; see LimbWeights). Unknown limbs are
 * left out; with no leg or no arm known the result is NaN. Pure functions of
 * numbers: the checker feeds them floor lifts, the tests feed them anything.
 */
import type { Chain } from '../../engine/body.ts';
import type { LimbWeights } from './config.ts';

/**
 * A leg's lift: the knee's (exercises.md: lift the knees, not just the feet;
 * feet raised by bending the knees lift no leg), or, with the knee unseen,
 * the ankle's scaled to a knee's.
 */
export function legLiftTorso(kneeLift: number, ankleLift: number, w: LimbWeights): number {
  return Number.isNaN(kneeLift) ? ankleLift * w.ankleToKnee : kneeLift;
}

/** An arm's lift: the elbow's (lift the elbows, not just the hands), or, with the elbow unseen, the wrist's scaled to an elbow's. */
export function armLiftTorso(elbowLift: number, wristLift: number, w: LimbWeights): number {
  return Number.isNaN(elbowLift) ? wristLift * w.wristToElbow : elbowLift;
}

/**
 * The lowest limb's lift, torso lengths; NaN without a known leg and a known
 * arm. Arms and legs count alike: "off the floor together" is a height above
 * the floor for each, and a person whose elbows rise as little as their knees
 * still lifts them together (the fixtures' performers lifted elbows 2.5x
 * their knees; weighting the arms by that made small lifts read as none).
 */
export function togetherLiftTorso(legA: number, legB: number, armA: number, armB: number): number {
  return minKnown(minKnown(legA, legB), minKnown(armA, armB), true);
}

/** The higher leg and the higher arm, whichever is lower (torso lengths): "an arm and a leg are up". */
export function pairLiftTorso(legA: number, legB: number, armA: number, armB: number): number {
  return minKnown(maxKnown(legA, legB), maxKnown(armA, armB), true);
}


/**
 * The mean of the known limbs' lifts (knee-equivalent torso lengths): smoother
 * than the lowest limb, whose identity can change from frame to frame, so the
 * lift's timing is read on it. NaN with no limb known.
 */
export function meanLiftTorso(legA: number, legB: number, armA: number, armB: number, w: LimbWeights): number {
  const n = known(legA) + known(legB) + known(armA) + known(armB);
  const sum = value(legA) + value(legB) + (value(armA) + value(armB)) * w.armToLeg;
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * One frame, no floor: how high the knee, elbow, ankle and wrist of a chain
 * are above the hip's level, in torso lengths (up = +). The hips stay on the
 * floor in a superman, so these rise with the lift; lying flat, knees and
 * elbows sit below the hip keypoint (body thickness). For a single photo,
 * where no floor can be learned.
 */
export interface HeightsAboveHip {
  readonly kneeTorso: number;
  readonly elbowTorso: number;
  readonly ankleTorso: number;
  readonly wristTorso: number;
}

export function heightsAboveHip(chain: Chain, torsoPx: number): HeightsAboveHip {
  const hip = chain.hip;
  const above = (p: Chain['knee']): number => (hip.known && p.known && torsoPx > 0 ? (hip.y - p.y) / torsoPx : Number.NaN);
  return { kneeTorso: above(chain.knee), elbowTorso: above(chain.elbow), ankleTorso: above(chain.ankle), wristTorso: above(chain.wrist) };
}

const known = (v: number): number => (Number.isNaN(v) ? 0 : 1);
const value = (v: number): number => (Number.isNaN(v) ? 0 : v);

/** The larger known value; NaN when neither is known. */
export function maxKnown(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b ? a : b;
}

/** The smaller known value; with `both`, NaN unless both are known. */
function minKnown(a: number, b: number, both = false): number {
  if (Number.isNaN(a)) return both ? Number.NaN : b;
  if (Number.isNaN(b)) return both ? Number.NaN : a;
  return a < b ? a : b;
}
