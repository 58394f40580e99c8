/**
 * Small, controlled supermans (the article: small movements are effective)
 * from a person far from the camera, on synthetic traces with known truth:
 * knees lifted only 0.05-0.1 torso lengths, seen at 58 px per torso (a body
 * a third of a 640 px frame wide), with the keypoint noise of a real model
 * in pixels (MoveNet jitters 1-2 px frame to frame on the fixture clips) and
 * 10% of frames dropped. Every lift counts, exactly; lying still counts none.
 */
import { describe, it, expect } from 'vitest';
import { analyzeTrack } from '../../src/core/engine/analysis.ts';
import { SupermanChecker } from '../../src/core/exercises/superman/checker.ts';
import { precede, standStill, superman } from '../synthetic/motions.ts';
import { synthesizeTrack } from '../synthetic/trace.ts';

/** a body a third of a 640 px frame wide: wrist to ankle 3.65 torso lengths in the figure (body-model.ts) is 213 px */
const FAR_PX_PER_TORSO = 58;
/** keypoint noise in pixels, as a model gives it whatever the distance */
const NOISE_PX = 1.5;
const SEEDS = [1, 2, 3, 4, 5, 6];

describe('small supermans from a far camera', () => {
  // liftDeg 3.6 lifts the figure's knees 0.05 torso (its elbows ~0.24); 7 lifts them 0.1
  for (const liftDeg of [3.6, 5, 7]) {
    const built = superman({ reps: 4, liftDeg });
    const kneeLift = built.truth.reps[0]!.measured.kneeLiftTorso ?? Number.NaN;
    it(`counts every lift with the knees ${kneeLift.toFixed(3)} torso off the floor`, () => {
      expect(built.truth.fullReps).toBe(4);
      const set = precede([standStill(built.startPose, 3000)], built);
      for (const seed of SEEDS) {
        const track = synthesizeTrack(set.motion, { durationMs: set.truth.durationMs, seed, noiseSigma: NOISE_PX / FAR_PX_PER_TORSO, dropFraction: 0.1, cameraDistancePx: FAR_PX_PER_TORSO });
        const report = analyzeTrack(track, new SupermanChecker());
        expect(report.reps, `seed ${seed}`).toBe(4);
        expect(report.partialReps, `seed ${seed}`).toBe(0);
        expect(report.warnings.filter((w) => w.key === 'alternating-lifts'), `seed ${seed}`).toEqual([]);
      }
    });
  }

  it('counts nothing from the same far camera while the person lies still', () => {
    const still = standStill(superman({ reps: 1 }).startPose, 20_000);
    for (const seed of SEEDS) {
      const track = synthesizeTrack(still.motion, { durationMs: still.durationMs, seed, noiseSigma: NOISE_PX / FAR_PX_PER_TORSO, dropFraction: 0.1, cameraDistancePx: FAR_PX_PER_TORSO });
      const report = analyzeTrack(track, new SupermanChecker());
      expect(report.reps + report.partialReps, `seed ${seed}`).toBe(0);
    }
  });

  it('counts no alternating lift from the far camera, however small the superman thresholds are', () => {
    const built = superman({ reps: 4, alternating: true });
    const set = precede([standStill(built.startPose, 3000)], built);
    for (const seed of SEEDS) {
      const track = synthesizeTrack(set.motion, { durationMs: set.truth.durationMs, seed, noiseSigma: NOISE_PX / FAR_PX_PER_TORSO, dropFraction: 0.1, cameraDistancePx: FAR_PX_PER_TORSO });
      const report = analyzeTrack(track, new SupermanChecker());
      expect(report.reps, `seed ${seed}`).toBe(0);
    }
  });
});
