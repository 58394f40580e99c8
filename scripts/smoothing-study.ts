/**
 * npm run smoothing-study: why FormCoach keeps pose-detection's built-in
 * keypoint smoothing (a One Euro filter inside MoveNet/BlazePose) and adds no
 * second filter. For each side-view fixture clip, MoveNet Lightning runs
 * twice, with and without its smoothing; for the clip's counting signal this
 * prints the jitter at rest (RMS of frame-to-frame change while still), the
 * lag of the rep peaks, and the reps counted by the engine.
 */
import { analyzeVideo, createNodeEstimator } from '../src/cli/analyze-video.ts';
import { analyzeTrack } from '../src/core/engine/analysis.ts';
import { createChecker } from '../src/core/exercises/registry.ts';
import { isExerciseId } from '../src/core/exercises/ids.ts';
import { inclinationFromVerticalDeg, jointAngleDeg } from '../src/core/geometry/angles.ts';
import type { KeypointTrack } from '../src/core/track.ts';
import { fixturePath, sideViewClips } from '../test/helpers/fixtures.ts';

type Signal = (k: Map<string, { x: number; y: number; score: number }>) => number;
const torsoInclination: Signal = (k) => inclinationFromVerticalDeg(k.get('left_hip')!, k.get('left_shoulder')!);
const hipAngle: Signal = (k) => jointAngleDeg(k.get('left_shoulder')!, k.get('left_hip')!, k.get('left_knee')!);

function series(track: KeypointTrack, signal: Signal): number[] {
  return track.frames.map((f) => (f.keypoints.length ? signal(new Map(f.keypoints.map((p) => [p.name, p]))) : Number.NaN));
}

/** RMS of frame-to-frame change over frames where the signal moves less than 1.5 deg/frame on average over a 1 s window: "still". */
function stillJitter(values: number[]): number {
  const diffs: number[] = [];
  for (let i = 8; i < values.length - 8; i++) {
    const span = Math.abs((values[i + 7] as number) - (values[i - 7] as number));
    if (span < 3) diffs.push((values[i] as number) - (values[i - 1] as number));
  }
  return Math.sqrt(diffs.reduce((a, d) => a + d * d, 0) / Math.max(1, diffs.length));
}

const smoothEst = await createNodeEstimator('movenet-lightning', 'wasm', true);
const rawEst = await createNodeEstimator('movenet-lightning', 'wasm', false);
console.log('clip                                              signal     jitter raw  jitter smooth  peak lag ms  reps raw  reps smooth');
for (const clip of sideViewClips()) {
  if (!isExerciseId(clip.exercise)) continue;
  const path = fixturePath(clip);
  const smooth = await analyzeVideo(path, { estimator: smoothEst });
  const raw = await analyzeVideo(path, { estimator: rawEst });
  const signal = clip.exercise === 'hip-thrust' ? hipAngle : torsoInclination;
  const variant = clip.variant === 'floor' || clip.variant === 'bench' ? clip.variant : undefined;
  const count = (t: KeypointTrack) => analyzeTrack(t, createChecker({ exercise: clip.exercise as never, variant, model: t.model }));
  const rs = count(raw);
  const ss = count(smooth);
  const lags = ss.repDetails.filter((r) => r.full).map((r, i) => r.peakMs - (rs.repDetails.filter((q) => q.full)[i]?.peakMs ?? Number.NaN));
  const lag = lags.length ? lags.reduce((a, b) => a + b, 0) / lags.length : Number.NaN;
  console.log(
    `${clip.file.split('/')[1]!.padEnd(50)}${(signal === hipAngle ? 'hip' : 'torso').padEnd(11)}${stillJitter(series(raw, signal)).toFixed(2).padStart(10)}${stillJitter(series(smooth, signal)).toFixed(2).padStart(15)}${lag.toFixed(0).padStart(13)}${String(rs.reps).padStart(10)}${String(ss.reps).padStart(13)}`,
  );
}
smoothEst.dispose();
rawEst.dispose();
