/**
 * A person's extent in the picture: the box around their confident
 * keypoints. The subject is followed by it (where they were, how big), the
 * same way for the single-pose model and the people model.
 */
import type { Keypoint } from '../frame/pose-frame.ts';

export interface PoseBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** A keypoint below this score does not place the person (the engine's own floor is similar). */
export const BOX_MIN_KEYPOINT_SCORE = 0.25;
/** Fewer confident keypoints than this give no box: too little to say where the person is. */
export const BOX_MIN_KEYPOINTS = 4;

/** The box around the confident keypoints; null when too few are confident. */
export function poseBox(keypoints: readonly Keypoint[]): PoseBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (const k of keypoints) {
    if (k.score < BOX_MIN_KEYPOINT_SCORE) continue;
    count++;
    if (k.x < minX) minX = k.x;
    if (k.y < minY) minY = k.y;
    if (k.x > maxX) maxX = k.x;
    if (k.y > maxY) maxY = k.y;
  }
  return count >= BOX_MIN_KEYPOINTS ? { minX, minY, maxX, maxY } : null;
}

/** The box's longer side, px (at least 1: a box of one point still has a scale). */
export function boxSizePx(box: PoseBox): number {
  return Math.max(1, box.maxX - box.minX, box.maxY - box.minY);
}

/** Distance between the two boxes' centres, px. */
export function centreDistancePx(a: PoseBox, b: PoseBox): number {
  return Math.hypot((a.minX + a.maxX - b.minX - b.maxX) / 2, (a.minY + a.maxY - b.minY - b.maxY) / 2);
}

/** Intersection over union, 0..1. */
export function boxOverlap(a: PoseBox, b: PoseBox): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (box: PoseBox): number => Math.max(0, box.maxX - box.minX) * Math.max(0, box.maxY - box.minY);
  return inter / (area(a) + area(b) - inter);
}

/**
 * Whether `next` can be the person who was at `last` a moment ago: its centre
 * within `maxShift` of the last box's size, and its size within a factor of
 * 2 (a person who gets up or lies down changes shape, not scale, over a frame).
 */
export function sameBody(last: PoseBox, next: PoseBox, maxShift: number): boolean {
  const size = boxSizePx(last);
  const ratio = boxSizePx(next) / size;
  return centreDistancePx(last, next) <= maxShift * size && ratio >= 0.5 && ratio <= 2;
}
