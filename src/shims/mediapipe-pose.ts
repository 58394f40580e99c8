/**
 * Stand-in for `@mediapipe/pose`, which pose-detection imports for its
 * "mediapipe" runtime. FormCoach runs BlazePose on the tfjs runtime from its
 * own model files, so the MediaPipe solution (and its CDN downloads) is never
 * needed; asking for it is a programming error.
 */
export class Pose {
  constructor() {
    throw new Error('BlazePose "mediapipe" runtime is not bundled in FormCoach; use runtime "tfjs".');
  }
}
