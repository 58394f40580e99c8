/**
 * The hip thrust's key angle: the signed hip angle shoulder-hip-knee (180 =
 * on the knee-shoulder line, design/exercises.md), with its band from the
 * checker's config: partial, full extension, and the over-arch height as a
 * hip angle.
 */
import { cross } from '../../geometry/vec.ts';
import type { BodyState } from '../../engine/body-state.ts';
import { directionDeg, OFF_BAND_DISPLAY_DEG, type KeyAngleReading, type KeyAngleScale } from '../../engine/key-angle.ts';
import type { HipThrustConfig } from './config.ts';
import { hipAngleDeg } from './measures.ts';

/**
 * The over-arch limit is a height of the hip above the knee-shoulder line
 * (torso lengths). The hip angle at which the hip stands that high is
 * 180 + asin(h / shoulder-hip) + asin(h / hip-knee) (the triangle
 * shoulder-hip-knee with height h over the line), taken with the thigh the
 * config's comment assumes: 0.8-0.9 torso, i.e. 0.85.
 */
const THIGH_TORSO = 0.85;
const DEG = 180 / Math.PI;
export function overArchHipAngleDeg(aboveLineTorso: number, thighTorso = THIGH_TORSO): number {
  return 180 + (Math.asin(Math.min(1, aboveLineTorso)) + Math.asin(Math.min(1, aboveLineTorso / thighTorso))) * DEG;
}

export function hipThrustKeyAngleScale(c: HipThrustConfig): KeyAngleScale {
  const overArch = overArchHipAngleDeg(c.overArchAboveLineTorso);
  return {
    label: 'hipAngle',
    edges: [
      c.sideCounter.partialFrom, // a low but real rep ("push the hips higher"): amber from here
      c.sideCounter.fullAt, // hips up to the knee-shoulder line (full extension): green from here
      overArch, // overArchAboveLineTorso as a hip angle (~190): over-arched past it, red
      overArch + OFF_BAND_DISPLAY_DEG,
    ],
    zones: ['near', 'good', 'off'],
    // hips down is the start position: amber "on the way", not red
    below: 'near',
    above: 'off',
  };
}

/**
 * The hip angle at the near hip: the checker's own reading where it has one
 * (`liveHipAngleDeg`), else measured from the body. Nothing while the checker
 * counts on its oblique signal (`countingOblique`): the near angle there is
 * mostly projection.
 */
export function readHipThrustKeyAngle(body: BodyState, liveHipAngleDeg: number, countingOblique: boolean, out: KeyAngleReading): boolean {
  const { hip, shoulder, knee } = body.near;
  if (!hip.known || !shoulder.known || !knee.known || countingOblique) return false;
  const facing = body.frontFacing('supine');
  out.valueDeg = Number.isFinite(liveHipAngleDeg) ? liveHipAngleDeg : hipAngleDeg(body.near, facing);
  out.refDeg = directionDeg(hip, shoulder);
  // signedJointAngleDeg measures from shoulder to knee clockwise on screen when facing +x,
  // anticlockwise when facing -x; unsigned (facing unknown): the short way round
  out.dir = facing !== 0 ? facing : cross(hip, shoulder, knee) >= 0 ? 1 : -1;
  return true;
}
