import { describe, expect, it } from 'vitest';
import { goodMorning } from '../../../test/synthetic/motions.ts';
import { synthesizeTrack } from '../../../test/synthetic/trace.ts';
import { ExerciseEngine } from '../engine/exercise-engine.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { createChecker } from '../exercises/registry.ts';
import { buildReference, repsOfTrack } from './build.ts';
import { PreparedReference } from './prepared.ts';
import { RepScorer } from './score.ts';
import { ReferenceFollower } from './follower.ts';

describe('following a live set against the reference', () => {
  it('scores each rep as it ends, as a replay of the same frames does', () => {
    const synth = (built: ReturnType<typeof goodMorning>, seed: number) => ({ ...synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, noiseSigma: 0.01, seed }), model: 'movenet-lightning' });
    const built = buildReference(synth(goodMorning({ reps: 3 }), 1), { exercise: 'good-morning' });
    if (!built.ok) throw new Error(built.error);
    const patient = synth(goodMorning({ reps: 3, depths: [1, 0.8, 1] }), 5);

    const engine = new ExerciseEngine(createChecker({ exercise: 'good-morning', model: patient.model }));
    const follower = new ReferenceFollower(built.reference);
    const whenScored: number[] = [];
    for (const f of patient.frames) {
      const frame: PoseFrame = { timestampMs: f.t, imageWidth: patient.width, imageHeight: patient.height, score: f.score, keypoints: f.keypoints };
      if (follower.update(f.t, engine, engine.update(frame))) whenScored.push(f.t);
    }
    follower.take(engine.finish(patient.frames[patient.frames.length - 1]!.t));

    const scorer = new RepScorer(new PreparedReference(built.reference));
    const replayed = repsOfTrack(patient, { exercise: 'good-morning' }).reps.map((r) => scorer.score(r.rep));
    expect(follower.all).toEqual(replayed);
    expect(whenScored).toHaveLength(3);
    expect(follower.last).toBe(follower.all[2]);
    expect(follower.all.map((c) => c.cue.kind)).toEqual(['matches', 'deeper', 'matches']);
  });
});
