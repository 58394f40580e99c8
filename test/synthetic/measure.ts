/**
 * The measures of exercises.md, on points in image coordinates (pixels, y
 * down): what a checker computes from keypoints. The builders use them to
 * measure their own truth on the figure, and tests use them on tracks.
 */
import { sagittalSkeleton, type BodyPose, type CocoName, type SagittalPoint, type Side } from './body-model.ts';
import type { TrackFrame } from '../../src/core/track.ts';

export interface ImagePoint {
  readonly x: number;
  readonly y: number;
}

const DEG = 180 / Math.PI;

/** A sagittal point (torso lengths, v up) as an image point of a side view facing +x, 1 px per torso length. */
export function imageOf(point: SagittalPoint): ImagePoint {
  return { x: point.u, y: -point.v };
}

/** A named keypoint of a frame; undefined when the frame lacks it. */
export function keypointOf(frame: TrackFrame, name: CocoName): (ImagePoint & { readonly score: number }) | undefined {
  return frame.keypoints.find((k) => k.name === name);
}

export function distancePx(a: ImagePoint, b: ImagePoint): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Wraps into (-180, 180]. */
function wrap(deg: number): number {
  const w = ((((deg + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

/** Direction of from -> to from vertical-up, + toward +x (image y points down). */
export function directionFromUpDeg(from: ImagePoint, to: ImagePoint): number {
  return Math.atan2(to.x - from.x, from.y - to.y) * DEG;
}

/** Torso inclination: the hip -> shoulder vector from vertical-up, 0 upright, 90 horizontal (unsigned). */
export function torsoInclinationDeg(hip: ImagePoint, shoulder: ImagePoint): number {
  return Math.abs(directionFromUpDeg(hip, shoulder));
}

/** Torso elevation: hip -> shoulder above the horizontal, signed (- when the shoulders are below the hips). */
export function torsoElevationDeg(hip: ImagePoint, shoulder: ImagePoint): number {
  return Math.atan2(hip.y - shoulder.y, Math.abs(shoulder.x - hip.x)) * DEG;
}

/** The unsigned angle at `vertex` between a and c, 0..180. */
export function jointAngleDeg(a: ImagePoint, vertex: ImagePoint, c: ImagePoint): number {
  return Math.abs(wrap(directionFromUpDeg(vertex, a) - directionFromUpDeg(vertex, c)));
}

/**
 * The signed hip angle of exercises.md: at the hip between shoulder and knee,
 * 180 straight, < 180 flexion, > 180 extension (a superman or an over-arched
 * hip thrust). `facing` is the side the front of the body points to (+1: +x).
 */
export function signedHipAngleDeg(shoulder: ImagePoint, hip: ImagePoint, knee: ImagePoint, facing: 1 | -1): number {
  return 180 + wrap(facing * (directionFromUpDeg(hip, knee) - directionFromUpDeg(hip, shoulder)) - 180);
}

/** Head line: the angle at the shoulder between ear and hip (about 180 with the neck in line with the back). */
export function headLineDeg(ear: ImagePoint, shoulder: ImagePoint, hip: ImagePoint): number {
  return jointAngleDeg(ear, shoulder, hip);
}

/**
 * Signed perpendicular distance of `point` from the line through a and b,
 * positive when the point is above the line (smaller y): the hip against
 * the knee-shoulder line of a hip thrust.
 */
export function heightAboveLinePx(point: ImagePoint, a: ImagePoint, b: ImagePoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const perpendicular = Math.abs(dx * (point.y - a.y) - dy * (point.x - a.x)) / Math.hypot(dx, dy);
  // a vertical line has no "above"
  if (dx === 0) return 0;
  const lineYAtPoint = a.y + ((point.x - a.x) * dy) / dx;
  return Math.sign(lineYAtPoint - point.y) * perpendicular;
}

export interface FigurePoints {
  readonly ear: ImagePoint;
  readonly nose: ImagePoint;
  readonly shoulder: ImagePoint;
  readonly elbow: ImagePoint;
  readonly wrist: ImagePoint;
  readonly hip: ImagePoint;
  readonly knee: ImagePoint;
  readonly ankle: ImagePoint;
}

/** The head and one side's joints of a pose as image points (side view facing +x, 1 px per torso length). */
export function figurePoints(pose: BodyPose, side: Side = 'near'): FigurePoints {
  const skeleton = sagittalSkeleton(pose);
  const limb = skeleton[side];
  return {
    ear: imageOf(skeleton.ear),
    nose: imageOf(skeleton.nose),
    shoulder: imageOf(limb.shoulder),
    elbow: imageOf(limb.elbow),
    wrist: imageOf(limb.wrist),
    hip: imageOf(limb.hip),
    knee: imageOf(limb.knee),
    ankle: imageOf(limb.ankle),
  };
}
