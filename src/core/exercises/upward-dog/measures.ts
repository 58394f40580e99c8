/**
 * What the upward dog checker reads off one body state (design/exercises.md
 * §1, "Measure per rep"), on the near side, in degrees and torso lengths.
 * Written into a reused object so the per-frame path allocates nothing; pure
 * otherwise, so a single photo's frame can be measured in a test.
 */
import { elevationAboveHorizontalDeg, jointAngleDeg, signedJointAngleDeg, upwardDistanceFromLine } from '../../geometry/angles.ts';
import type { BodyState } from '../../engine/body-state.ts';

export interface UpwardDogMeasures {
  /** hip -> shoulder above the horizontal: the count signal and the depth of the bend */
  torsoElevationDeg: number;
  /** shoulder-elbow-wrist, unsigned (180 = arm straight) */
  elbowDeg: number;
  /** hip-knee-ankle, unsigned (180 = leg straight) */
  kneeDeg: number;
  /** wrist ahead of the shoulder, horizontally, toward the head (+) or toward the feet (-) */
  handOffsetTorso: number;
  /** hip above the line through wrist and ankle (both on the floor in an up dog or a cobra) */
  hipLiftTorso: number;
  /** ear to shoulder distance */
  earShoulderTorso: number;
  /** signed ear-shoulder-hip angle with the prone facing: 180 = neck on the line of the back, > 180 = head tilted back */
  headLineDeg: number;
}

export const newUpwardDogMeasures = (): UpwardDogMeasures => ({
  torsoElevationDeg: Number.NaN,
  elbowDeg: Number.NaN,
  kneeDeg: Number.NaN,
  handOffsetTorso: Number.NaN,
  hipLiftTorso: Number.NaN,
  earShoulderTorso: Number.NaN,
  headLineDeg: Number.NaN,
});

type Known = { readonly known: boolean };
// fixed arity, no rest array: this runs every frame
const known2 = (a: Known, b: Known): boolean => a.known && b.known;
const known3 = (a: Known, b: Known, c: Known): boolean => a.known && b.known && c.known;

/**
 * The way the head points along x, which is the signed-angle facing for a
 * prone body (see signedJointAngleDeg). The body state's head direction needs
 * the shoulder to lead the hip by 0.2 torso; a near-vertical torso (a cobra,
 * or a first frame) leaves it unknown, so fall back on the feet: the head is
 * on the other side of the shoulder from the ankle.
 */
export function proneFacing(body: BodyState): 1 | -1 | 0 {
  const facing = body.frontFacing('prone');
  if (facing !== 0) return facing;
  const { shoulder, ankle, knee } = body.near;
  const foot = ankle.known ? ankle : knee;
  if (!shoulder.known || !foot.known || shoulder.x === foot.x) return 0;
  return shoulder.x > foot.x ? 1 : -1;
}

/** Measures one frame into `out` (NaN where a joint is unknown) and returns it. */
export function measureUpwardDog(body: BodyState, out: UpwardDogMeasures): UpwardDogMeasures {
  const { ear, shoulder, elbow, wrist, hip, knee, ankle } = body.near;
  const torso = body.torsoLengthPx;
  const facing = proneFacing(body);
  const perTorso = torso > 0 ? 1 / torso : Number.NaN;
  out.torsoElevationDeg = known2(hip, shoulder) ? elevationAboveHorizontalDeg(hip, shoulder) : Number.NaN;
  out.elbowDeg = known3(shoulder, elbow, wrist) ? jointAngleDeg(shoulder, elbow, wrist) : Number.NaN;
  out.kneeDeg = known3(hip, knee, ankle) ? jointAngleDeg(hip, knee, ankle) : Number.NaN;
  out.handOffsetTorso = facing !== 0 && known2(shoulder, wrist) ? (wrist.x - shoulder.x) * facing * perTorso : Number.NaN;
  out.hipLiftTorso = known3(hip, wrist, ankle) ? upwardDistanceFromLine(hip, wrist, ankle) * perTorso : Number.NaN;
  out.earShoulderTorso = known2(ear, shoulder) ? Math.hypot(ear.x - shoulder.x, ear.y - shoulder.y) * perTorso : Number.NaN;
  out.headLineDeg = facing !== 0 && known3(ear, shoulder, hip) ? signedJointAngleDeg(ear, shoulder, hip, facing) : Number.NaN;
  return out;
}
