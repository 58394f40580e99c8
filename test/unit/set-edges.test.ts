/**
 * The edges of a set on synthetic traces with known truth (test/synthetic):
 * a first rep that begins as soon as the person is in the start position,
 * and a set (or clip) that ends while the person is still at the top. The
 * fixtures README counts both: the rep counts, with its hold so far.
 */
import { describe, it, expect } from 'vitest';
import { analyzeTrack } from '../../src/core/engine/analysis.ts';
import { createChecker } from '../../src/core/exercises/registry.ts';
import type { ExerciseId } from '../../src/core/exercises/ids.ts';
import { goodMorning, hipThrust, superman, upwardDog, type BuiltExercise } from '../synthetic/motions.ts';
import { synthesizeTrack, type TraceOptions } from '../synthetic/trace.ts';

/** The robustness bar of the other synthetic tests: 3% of torso keypoint noise, 10% of frames dropped. */
const NOISY: Partial<TraceOptions> = { noiseSigma: 0.03, dropFraction: 0.1 };

function count(exercise: ExerciseId, built: BuiltExercise<string>, durationMs: number, seed: number) {
  const track = synthesizeTrack(built.motion, { durationMs, ...NOISY, seed });
  return analyzeTrack(track, createChecker({ exercise, variant: built.truth.variant }));
}

const BUILDERS = {
  'good-morning': (o: { reps: number; startDelayMs?: number; holdMs?: number }) => goodMorning(o),
  'hip-thrust': (o: { reps: number; startDelayMs?: number; holdMs?: number }) => hipThrust(o),
  superman: (o: { reps: number; startDelayMs?: number; holdMs?: number }) => superman(o),
  'upward-dog': (o: { reps: number; startDelayMs?: number; holdMs?: number }) => upwardDog(o),
} as const satisfies Record<ExerciseId, unknown>;

describe('a set that ends at the top', () => {
  for (const exercise of Object.keys(BUILDERS) as ExerciseId[]) {
    it(`${exercise}: the clip ending mid-hold of the last rep counts that rep, with its hold so far`, () => {
      const built = BUILDERS[exercise]({ reps: 3, holdMs: 3000 });
      const last = built.truth.reps[built.truth.reps.length - 1]!;
      // cut 1.5 s into the last rep's 3 s hold: the person is still at the top
      const cutMs = last.holdStartMs + 1500;
      for (const seed of [1, 2]) {
        const report = count(exercise, built, cutMs, seed);
        expect(report.reps, `seed ${seed}`).toBe(3);
        const lastRep = report.repDetails.filter((r) => r.full).at(-1)!;
        // the hold so far is about the 1.5 s at the top before the cut (the counter's top band takes in the ease into it)
        if (exercise !== 'good-morning') expect(lastRep.holdS, `seed ${seed}`).toBeGreaterThanOrEqual(1);
        expect(lastRep.endMs).toBeLessThanOrEqual(cutMs);
      }
    });

    it(`${exercise}: a set cut while the last rep is still rising does not count it`, () => {
      const built = BUILDERS[exercise]({ reps: 3 });
      const last = built.truth.reps[built.truth.reps.length - 1]!;
      // a third of the way down (or up) to the top: not yet a rep
      const cutMs = last.startMs + last.downMs / 3;
      expect(count(exercise, built, cutMs, 3).reps).toBe(2);
    });
  }
});

describe('a first rep begun as soon as the person is in the start position', () => {
  for (const startDelayMs of [0, 300, 500]) {
    it(`good morning: the first hinge ${startDelayMs} ms into the clip counts (the start is confirmed later, then looked back on)`, () => {
      const built = goodMorning({ reps: 3, startDelayMs });
      for (const seed of [1, 2, 3]) {
        const report = count('good-morning', built, built.truth.durationMs, seed);
        expect(report.reps, `seed ${seed}`).toBe(3);
        // the counted first rep is the one that began at the start, not a later one
        expect(report.repDetails[0]!.peakMs, `seed ${seed}`).toBeLessThan(built.truth.reps[1]!.startMs);
      }
    });
  }
});
