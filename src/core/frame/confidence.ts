/**
 * How visible a keypoint is drawn, from its score. Below `minScore` a joint is
 * "unknown": it is drawn faintly (so the user sees the model is unsure) and
 * later checkers must not use it. Above, opacity rises linearly to 1 at
 * `fullScore`.
 *
 * 0.3 is pose-detection's own demo threshold for drawing MoveNet keypoints
 * (tfjs-models pose-detection demos, `scoreThreshold: 0.3`).
 */
export const DEFAULT_MIN_KEYPOINT_SCORE = 0.3;
const FULL_SCORE = 0.7;
/** Opacity of an unknown joint: visible but plainly faded. */
export const FADED_ALPHA = 0.25;

export function keypointAlpha(score: number, minScore = DEFAULT_MIN_KEYPOINT_SCORE): number {
  if (!(score >= minScore)) return FADED_ALPHA; // NaN lands here too
  if (score >= FULL_SCORE) return 1;
  return 0.55 + (0.45 * (score - minScore)) / (FULL_SCORE - minScore);
}

export function isKeypointKnown(score: number, minScore = DEFAULT_MIN_KEYPOINT_SCORE): boolean {
  return score >= minScore;
}
