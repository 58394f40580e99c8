/**
 * Angles between body segments, in degrees, in the image plane (y down).
 * Every function returns NaN when a segment has (near) zero length: a joint
 * that cannot be measured must stay unknown, never become 0 or 180.
 */
import type { Point } from './vec.ts';

/** Segments shorter than this (px) have no direction worth measuring. */
export const MIN_SEGMENT_PX = 1e-6;
const DEG = 180 / Math.PI;

/**
 * Unsigned angle at `vertex` between the segments to `a` and to `c`, 0..180
 * (180 = a straight line). Cosine clamped against rounding just outside [-1, 1].
 */
export function jointAngleDeg(a: Point, vertex: Point, c: Point): number {
  const ux = a.x - vertex.x;
  const uy = a.y - vertex.y;
  const vx = c.x - vertex.x;
  const vy = c.y - vertex.y;
  const lu = Math.hypot(ux, uy);
  const lv = Math.hypot(vx, vy);
  if (lu < MIN_SEGMENT_PX || lv < MIN_SEGMENT_PX) return Number.NaN;
  const cos = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / (lu * lv)));
  return Math.acos(cos) * DEG;
}

/**
 * Signed joint angle at `vertex`, 0..360, with 180 = straight. `facing` is the
 * direction the front of the body would face if the person stood up from their
 * pose by rotating in the image plane (+1: toward +x, -1: toward -x): for a
 * standing person the way they face; lying prone, the way the head points;
 * lying supine, opposite to the way the head points. Then
 * values above 180 mean the joint opens toward the back of the body (e.g. hip
 * extension past straight in a superman, or an over-arched hip thrust), values
 * below 180 mean it closes toward the front (flexion).
 *
 * `a` is the proximal end (e.g. shoulder for the hip angle), `c` the distal (knee).
 * The unsigned angle hides the difference between 170 and 190 (seen on the
 * real clips, see design/exercises.md), so extension past straight needs this.
 */
export function signedJointAngleDeg(a: Point, vertex: Point, c: Point, facing: 1 | -1): number {
  const unsigned = jointAngleDeg(a, vertex, c);
  if (Number.isNaN(unsigned)) return unsigned;
  // z of (a - vertex) x (c - vertex): with the person upright and facing +x
  // (a above vertex), a knee in front of the hip-shoulder line (flexion) gives z > 0.
  const z = (a.x - vertex.x) * (c.y - vertex.y) - (a.y - vertex.y) * (c.x - vertex.x);
  const flexed = z * facing > 0;
  return flexed ? unsigned : 360 - unsigned;
}

/** Angle of the vector from -> to away from vertical-up, 0..180 (0 = pointing straight up, 90 = horizontal). */
export function inclinationFromVerticalDeg(from: Point, to: Point): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.hypot(dx, dy) < MIN_SEGMENT_PX) return Number.NaN;
  // up is -y in image space
  return Math.atan2(Math.abs(dx), -dy) * DEG;
}

/** Angle of the vector from -> to above the horizontal, -90..90 (positive = rising). */
export function elevationAboveHorizontalDeg(from: Point, to: Point): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.hypot(dx, dy) < MIN_SEGMENT_PX) return Number.NaN;
  return Math.atan2(-dy, Math.abs(dx)) * DEG;
}

/**
 * Perpendicular distance of `p` from the line through `a` and `b`, in pixels,
 * positive when `p` lies above the line on screen (toward -y), whichever way
 * the line runs. For a hip thrust: the hip's height above the knee-shoulder line.
 */
export function upwardDistanceFromLine(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < MIN_SEGMENT_PX) return Number.NaN;
  // normal pointing up on screen (-y), whichever way the line runs
  let nx = -dy / len;
  let ny = dx / len;
  if (ny > 0 || (ny === 0 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  return (p.x - a.x) * nx + (p.y - a.y) * ny;
}
