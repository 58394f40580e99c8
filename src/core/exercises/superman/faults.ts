/**
 * The superman's form faults (design/exercises.md §2), each mapped to its cue,
 * and the pure measurements behind them: each reads numbers or one body
 * state, so a test can check it on a single frame.
 */
import type { CueKey } from '../../engine/cues.ts';
import type { Chain, JointSample } from '../../engine/body.ts';
import { elevationAboveHorizontalDeg, upwardDistanceFromLine } from '../../geometry/angles.ts';

export const SUPERMAN_FAULTS = {
  /** feet/hands rise but knees/elbows stay on the floor (knee or elbow bend lifts the extremities) */
  'feet-hands-only': 'superman.lift-knees-elbows',
  /** torso raised too far: the lower back does the work */
  'big-arch': 'superman.smaller-arch',
  /** lifted or lowered in a jerk */
  'too-fast': 'superman.slow-controlled',
  /** head cranked up */
  'head-up': 'superman.look-down',
  /** one arm and the opposite leg (or any uneven lift): not a full superman */
  'not-together': 'superman.lift-together',
} as const satisfies Record<string, CueKey>;
export type SupermanFault = keyof typeof SUPERMAN_FAULTS;

/** Torso elevation: hip -> shoulder above the horizontal, deg (0 lying flat). NaN when unknown. */
export function torsoElevationDeg(chain: Chain): number {
  return chain.hip.known && chain.shoulder.known ? elevationAboveHorizontalDeg(chain.hip, chain.shoulder) : Number.NaN;
}

/**
 * The body's midline: the midpoint of the left and right joint when both are
 * known, else whichever is. In an oblique view the near shoulder and hip lie
 * off the midline (synthetic 45 deg view: 0.2 torso below it), while nose and
 * neck are on it; the midline keeps the head measures view-independent.
 */
export function midlinePoint(a: JointSample, b: JointSample, out: { x: number; y: number; known: boolean }): { x: number; y: number; known: boolean } {
  if (a.known && b.known) {
    out.x = (a.x + b.x) / 2;
    out.y = (a.y + b.y) / 2;
  } else if (a.known || b.known) {
    const p = a.known ? a : b;
    out.x = p.x;
    out.y = p.y;
  }
  out.known = a.known || b.known;
  return out;
}

/** The three midline points the head measures use; reused objects. */
export interface HeadPoints {
  readonly hip: { x: number; y: number; known: boolean };
  readonly shoulder: { x: number; y: number; known: boolean };
  readonly ear: { x: number; y: number; known: boolean };
}

export const newHeadPoints = (): HeadPoints => ({ hip: { x: 0, y: 0, known: false }, shoulder: { x: 0, y: 0, known: false }, ear: { x: 0, y: 0, known: false } });

/** Fills `into` with the midline hip, shoulder and ear of a frame's two chains. */
export function headPointsOf(left: Chain, right: Chain, into: HeadPoints): HeadPoints {
  midlinePoint(left.hip, right.hip, into.hip);
  midlinePoint(left.shoulder, right.shoulder, into.shoulder);
  midlinePoint(left.ear, right.ear, into.ear);
  return into;
}

/**
 * How much higher the neck points than the back, deg: the elevation of
 * shoulder -> ear minus that of hip -> shoulder (design/exercises.md's head
 * line, as a bend upward). About 0 with the neck continuing the back, + when
 * the head is cranked up, - when it hangs toward the floor. Fixture tops read
 * -31 to +4 (clips and the up photo, midline); the synthetic 40 deg cranked
 * head 34 to 40.
 */
export function headUpDeg(head: HeadPoints): number {
  const { hip, shoulder, ear } = head;
  if (!hip.known || !shoulder.known || !ear.known) return Number.NaN;
  return elevationAboveHorizontalDeg(shoulder, ear) - elevationAboveHorizontalDeg(hip, shoulder);
}

/**
 * How far the nose is above the back line (the midline hip -> shoulder line,
 * extended past the head), torso lengths, + = above on screen. Looking at the
 * floor with a long neck the nose hangs below it (fixture tops: 0.15-0.31
 * below); a cranked-up head lifts it above (synthetic: 0.09-0.12 above).
 */
export function noseAboveBackLineTorso(nose: JointSample, head: HeadPoints, torsoPx: number): number {
  if (!nose.known || !head.hip.known || !head.shoulder.known || !(torsoPx > 0)) return Number.NaN;
  return upwardDistanceFromLine(nose, head.hip, head.shoulder) / torsoPx;
}

/**
 * Feet or hands lifted by bending the knee or elbow while the knee or elbow
 * stays on the floor: the joint rose less than `jointMinLift` while its
 * extremity rose at least `extremityMinLift` (torso lengths). False when
 * either is unknown.
 */
export function liftedByBendingOnly(jointLiftTorso: number, extremityLiftTorso: number, jointMinLift: number, extremityMinLift: number): boolean {
  return jointLiftTorso < jointMinLift && extremityLiftTorso >= extremityMinLift;
}

/**
 * The fastest rise (direction +1) or fall (-1) of a signal, per second,
 * over any stretch of at least `windowMs` between samples `from` and `count`
 * (a secant, not a frame-to-frame difference: one jittery frame is not a
 * jerk). Samples in time order; NaN samples are skipped; 0 when nothing
 * moved that way, NaN with too few samples.
 */
export function fastestChangePerS(times: ArrayLike<number>, values: ArrayLike<number>, from: number, count: number, windowMs: number, direction: 1 | -1): number {
  let best = Number.NaN;
  let j = from;
  for (let i = from; i < count; i++) {
    const vi = values[i]!;
    if (Number.isNaN(vi)) continue;
    // the latest known sample j at least windowMs before i
    while (j + 1 < i && times[i]! - times[j + 1]! >= windowMs) j++;
    if (!(times[i]! - times[j]! >= windowMs) || Number.isNaN(values[j]!)) continue;
    const rate = (direction * (vi - values[j]!)) / ((times[i]! - times[j]!) / 1000);
    if (!(rate <= best)) best = Math.max(rate, 0);
  }
  return best;
}
