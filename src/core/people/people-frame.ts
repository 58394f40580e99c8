/**
 * Everyone the people model (MoveNet MultiPose with its tracker) found in one
 * image: a pose per person, each with the tracker's id, in the same pixels and
 * keypoint shape as a PoseFrame.
 */
import type { Keypoint, PoseFrame } from '../frame/pose-frame.ts';

export interface TrackedPose {
  /** the tracker's id: the same person keeps it from frame to frame while the tracker follows them */
  readonly id: number;
  /** 0..1 confidence of the whole pose */
  readonly score: number;
  readonly keypoints: readonly Keypoint[];
}

export interface PeopleFrame {
  /** media time of the analysed image, ms from the start of the source */
  readonly timestampMs: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** everyone found, best score first; empty when nobody is in view */
  readonly poses: readonly TrackedPose[];
}

/** One person of a PeopleFrame as the PoseFrame the engine reads. */
export function poseFrameOf(frame: PeopleFrame, pose: TrackedPose | null): PoseFrame {
  return {
    timestampMs: frame.timestampMs,
    imageWidth: frame.imageWidth,
    imageHeight: frame.imageHeight,
    score: pose?.score ?? 0,
    keypoints: pose?.keypoints ?? [],
  };
}
