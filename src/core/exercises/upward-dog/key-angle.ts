/**
 * The key angle of the two prone exercises (upward dog and superman): the
 * torso's elevation at the hip, from the horizontal toward the head up to the
 * hip->shoulder line (design/exercises.md). The up dog's band from its
 * config: partial press, full elevation, the cobra limit.
 */
import { elevationAboveHorizontalDeg } from '../../geometry/angles.ts';
import type { BodyState } from '../../engine/body-state.ts';
import { OFF_BAND_DISPLAY_DEG, type KeyAngleReading, type KeyAngleScale } from '../../engine/key-angle.ts';
import type { UpwardDogConfig } from './config.ts';
import { proneFacing } from './measures.ts';

export function upwardDogKeyAngleScale(c: UpwardDogConfig): KeyAngleScale {
  return {
    label: 'torsoElevation',
    edges: [
      c.counter.partialFrom, // a (partial) press counts from here: amber
      c.counter.fullAt, // a full up dog's elevation: green from here
      c.topMaxElevationDeg, // near vertical: the hips stayed on the mat (a cobra), red past it
      c.topMaxElevationDeg + OFF_BAND_DISPLAY_DEG,
    ],
    zones: ['near', 'good', 'off'],
    // lying or in the plank is the start position: amber "on the way", not red
    below: 'near',
    above: 'off',
  };
}

/** Torso elevation lying prone; nothing with the torso pointing further into the camera than `maxSpreadTorso` (the checkers read nothing there). */
export function readProneElevation(body: BodyState, maxSpreadTorso: number, out: KeyAngleReading): boolean {
  const { hip, shoulder } = body.near;
  if (!hip.known || !shoulder.known || body.spreadTorso > maxSpreadTorso) return false;
  out.valueDeg = elevationAboveHorizontalDeg(hip, shoulder);
  const head = proneFacing(body) || (shoulder.x >= hip.x ? 1 : -1);
  // the horizontal toward the head; up the screen is anticlockwise from +x, clockwise from -x
  out.refDeg = head === 1 ? 0 : 180;
  out.dir = head === 1 ? -1 : 1;
  return true;
}
