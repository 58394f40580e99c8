/**
 * The one frame type every part of FormCoach speaks: what the estimator saw in
 * one image. Keypoints keep pose-detection's own shape (name, x, y, score), in
 * pixels of the analysed image with y pointing down.
 */
export interface Keypoint {
  readonly name: string;
  /** pixels from the left edge of the analysed image */
  readonly x: number;
  /** pixels from the top edge of the analysed image */
  readonly y: number;
  /** 0..1 confidence of this keypoint */
  readonly score: number;
}

export interface PoseFrame {
  /** media time of the analysed image, ms from the start of the source */
  readonly timestampMs: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** 0..1 confidence of the whole pose; 0 when no pose was found */
  readonly score: number;
  /** empty when no pose was found */
  readonly keypoints: readonly Keypoint[];
}

export function emptyPoseFrame(timestampMs: number, imageWidth: number, imageHeight: number): PoseFrame {
  return { timestampMs, imageWidth, imageHeight, score: 0, keypoints: [] };
}
