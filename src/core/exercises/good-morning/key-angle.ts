/**
 * The good morning's key angle: the torso's forward inclination at the hip,
 * from vertical-up to the hip->shoulder line (design/exercises.md,
 * "Conventions"), with its band from the checker's config.
 */
import { inclinationFromVerticalDeg } from '../../geometry/angles.ts';
import type { BodyState } from '../../engine/body-state.ts';
import { OFF_BAND_DISPLAY_DEG, type KeyAngleReading, type KeyAngleScale } from '../../engine/key-angle.ts';
import type { GoodMorningConfig } from './config.ts';

export function goodMorningKeyAngleScale(c: GoodMorningConfig): KeyAngleScale {
  return {
    label: 'torsoInclination',
    edges: [
      c.counter.partialFrom, // a hinge this deep is a (partial) rep: amber from here
      c.counter.fullAt, // full depth: green from here
      c.roundedBackInclinationDeg, // deeper than a neutral spine reaches: the back rounds (red past it)
      c.roundedBackInclinationDeg + OFF_BAND_DISPLAY_DEG,
    ],
    zones: ['near', 'good', 'off'],
    // standing tall is the start, not a fault: amber "on the way", red only past a limit
    below: 'near',
    above: 'off',
  };
}

/** As GoodMorningChecker.forwardInclinationDeg: + ahead of vertical in the way the person faces. */
export function readGoodMorningKeyAngle(body: BodyState, out: KeyAngleReading): boolean {
  const { hip, shoulder } = body.near;
  if (!hip.known || !shoulder.known) return false;
  const inclination = inclinationFromVerticalDeg(hip, shoulder);
  const facing = body.standingFacing;
  out.valueDeg = facing === 0 || (shoulder.x - hip.x) * facing >= 0 ? inclination : -inclination;
  out.refDeg = -90; // vertical-up
  // forward is toward the facing direction: clockwise from up when facing +x
  out.dir = facing !== 0 ? facing : shoulder.x >= hip.x ? 1 : -1;
  return true;
}
