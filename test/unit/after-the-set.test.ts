/**
 * After the exercise, on synthetic traces with known truth: getting up from
 * the floor, standing, walking away, or holding another pose. None of it is a
 * rep (fixtures README: another pose after the exercise is not a rep), and
 * the set's own reps still count exactly, including the last one.
 */
import { describe, it, expect } from 'vitest';
import { analyzeTrack } from '../../src/core/engine/analysis.ts';
import { createChecker } from '../../src/core/exercises/registry.ts';
import type { ExerciseId } from '../../src/core/exercises/ids.ts';
import { blendPoses, goodMorning, lieDown, offFrameU, sequence, standingPose, standStill, superman, upwardDog, walkIn, hipThrust, type BuiltExercise, type Segment } from '../synthetic/motions.ts';
import type { BodyPose } from '../synthetic/body-model.ts';
import { synthesizeTrack, type TraceOptions } from '../synthetic/trace.ts';

const NOISY: Partial<TraceOptions> = { noiseSigma: 0.03, dropFraction: 0.1 };
const SEEDS = [1, 2, 3];

/** A segment played backwards: getting up is lying down in reverse, walking away is walking in in reverse. */
const reversed = (s: Segment): Segment => ({ durationMs: s.durationMs, motion: (t) => s.motion(s.durationMs - t) });

/** The set, then what follows it; the truth is the set's. */
function then(built: BuiltExercise<string>, after: readonly Segment[]): { motion: Segment['motion']; durationMs: number } {
  const all = sequence([{ durationMs: built.truth.durationMs, motion: built.motion }, ...after]);
  return { motion: all.motion, durationMs: all.durationMs };
}

function count(exercise: ExerciseId, built: BuiltExercise<string>, after: readonly Segment[], seed: number) {
  const run = then(built, after);
  return analyzeTrack(synthesizeTrack(run.motion, { durationMs: run.durationMs, ...NOISY, seed }), createChecker({ exercise, variant: built.truth.variant }));
}

/** Standing up from a lying start pose, standing a moment, and walking out of the picture. */
function getUpAndLeave(lying: BodyPose): Segment[] {
  const standing = standingPose({ ankleU: lying.rootU - 1.5 });
  return [reversed(lieDown({ from: standing, to: lying, durationMs: 3000 })), standStill(standing, 1500), reversed(walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }))];
}

describe('what the person does after the set is no rep', () => {
  it('superman: getting up and walking away after three lifts counts three', () => {
    const built = superman({ reps: 3 });
    for (const seed of SEEDS) expect(count('superman', built, getUpAndLeave(built.startPose), seed).reps, `seed ${seed}`).toBe(3);
  });

  it('upward dog: getting up off the mat and walking away after two presses counts two', () => {
    const built = upwardDog({ reps: 2 });
    for (const seed of SEEDS) expect(count('upward-dog', built, getUpAndLeave(built.startPose), seed).reps, `seed ${seed}`).toBe(2);
  });

  it('good morning: standing still, then walking out of the picture after three hinges counts three', () => {
    const built = goodMorning({ reps: 3 });
    const standing = built.startPose;
    for (const seed of SEEDS) expect(count('good-morning', built, [standStill(standing, 2000), reversed(walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }))], seed).reps, `seed ${seed}`).toBe(3);
  });

  it('hip thrust: lying flat with the legs long after three thrusts counts three', () => {
    const built = hipThrust({ reps: 3 });
    const start = built.startPose;
    // the legs slide out long: knees straighten, hips stay on the floor
    const legsLong: BodyPose = { ...start, near: { ...start.near, kneeDeg: 175, hipDeg: 180 }, far: { ...start.far, kneeDeg: 175, hipDeg: 180 } };
    const slide: Segment = { durationMs: 1500, motion: (t) => blendPoses(start, legsLong, t / 1500) };
    for (const seed of SEEDS) expect(count('hip-thrust', built, [slide, standStill(legsLong, 3000)], seed).reps, `seed ${seed}`).toBe(3);
  });
});
