/**
 * From joint lifts to limb lifts, and from four limbs to the two numbers the
 * superman checker runs on (design/exercises.md §2: "a full superman lifts
 * arm and leg at the same time"):
 *
 *  - together: the lift of the LOWEST of the four limbs. A full superman
 *    lifts both knees and both elbows; an alternating lift (one arm, the
 *    opposite leg) leaves one leg and one arm on the floor, so this stays near
 *    zero (alternating fixture clip: at most 0.06 torso, full reps 0.13-0.21).
 *  - pair: the higher leg and the higher arm, whichever is lower: "an arm
 *    and a leg are up". High while together stays low = a one-sided lift.
 *
 * Both in knee-equivalent torso lengths (see LimbWeights). Unknown limbs are
 * left out; with no leg or no arm known the result is NaN. Pure functions of
 * numbers: the checker feeds them floor lifts, the tests feed them anything.
 */
import type { Chain } from '../../engine/body.ts';
import type { LimbWeights } from './config.ts';

/** A leg's lift, knee-equivalent: the knee's, or half the ankle's when that is higher (feet up by bending the knees still lifts the leg). */
export function legLiftTorso(kneeLift: number, ankleLift: number, w: LimbWeights): number {
  return maxKnown(kneeLift, ankleLift * w.ankleToKnee);
}

/** An arm's lift, elbow-equivalent: the elbow's, or the wrist's scaled down when that is higher. */
export function armLiftTorso(elbowLift: number, wristLift: number, w: LimbWeights): number {
  return maxKnown(elbowLift, wristLift * w.wristToElbow);
}

/** The lowest limb's lift, knee-equivalent torso lengths; NaN without a known leg and a known arm. */
export function togetherLiftTorso(legA: number, legB: number, armA: number, armB: number, w: LimbWeights): number {
  const legs = minKnown(legA, legB);
  const arms = minKnown(armA, armB) * w.armToLeg;
  return minKnown(legs, arms, true);
}

/** The higher leg and the higher arm, whichever is lower (knee-equivalent torso lengths): "an arm and a leg are up". */
export function pairLiftTorso(legA: number, legB: number, armA: number, armB: number, w: LimbWeights): number {
  const legs = maxKnown(legA, legB);
  const arms = maxKnown(armA, armB) * w.armToLeg;
  return minKnown(legs, arms, true);
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

function maxKnown(a: number, b: number): number {
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
