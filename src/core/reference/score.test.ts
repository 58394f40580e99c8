/**
 * Scoring reps against a reference, on synthetic reps with known truth
 * (test/synthetic): the reference is a physio's three reps at the generator's
 * default depth and tempo; the patient's reps change one thing at a time.
 */
import { describe, expect, it } from 'vitest';
import { goodMorning, hipThrust, type BuiltExercise } from '../../../test/synthetic/motions.ts';
import { synthesizeTrack } from '../../../test/synthetic/trace.ts';
import type { KeypointTrack } from '../track.ts';
import { format } from '../i18n/messages.ts';
import { buildReference, repsOfTrack, type ReferenceRequest } from './build.ts';
import { cueMessage } from './cue.ts';
import type { Reference } from './format.ts';
import { PreparedReference } from './prepared.ts';
import { RepScorer, type RepComparison } from './score.ts';

/** MoveNet Lightning's own jitter on the fixture clips: ~1-2 px on a 80-170 px torso (as the checkers' synthetic tests) */
const NOISE_SIGMA = 0.01;

/**
 * How close the "deeper" cue's degrees come to the true difference: each
 * peak is the highest of the noisy frames at the top, up to about two
 * standard deviations of the angle's jitter above the truth (a 1-torso
 * segment with 0.01 torso of noise at each end: sqrt(2) * 0.01 rad = 0.8 deg),
 * for the reference and for the rep, and the cue is rounded to whole
 * degrees: 2 * 1.6 + 0.5 = 3.7.
 */
const DEPTH_TOLERANCE_DEG = 3.7;

function trackOf(built: BuiltExercise, seed: number): KeypointTrack {
  // the synthetic "model" jitters as MoveNet Lightning does: its thresholds apply
  return { ...synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, noiseSigma: NOISE_SIGMA, seed }), model: 'movenet-lightning' };
}

function referenceOf(built: BuiltExercise, request: ReferenceRequest): Reference {
  const result = buildReference(trackOf(built, 1), request);
  if (!result.ok) throw new Error(result.error);
  return result.reference;
}

function scoreReps(reference: Reference, patient: BuiltExercise, request: ReferenceRequest): RepComparison[] {
  const scorer = new RepScorer(new PreparedReference(reference));
  const found = repsOfTrack(trackOf(patient, 7), request);
  expect(found.reps.length, 'the engine counts every rep of the patient').toBe(patient.truth.reps.length);
  return found.reps.map((r) => scorer.score(r.rep));
}

describe('a good morning scored against a reference of three good reps', () => {
  const request = { exercise: 'good-morning' } as const;
  const reference = referenceOf(goodMorning({ reps: 3 }), request);

  it('keeps the three reps, their key angle sampled at 15 fps', () => {
    expect(reference.reps).toHaveLength(3);
    for (const rep of reference.reps) expect(rep.keyAngle?.deg.length).toBeGreaterThan(20);
  });

  it('scores an identical rep best: near 100 overall and on every part, and no cue', () => {
    for (const c of scoreReps(reference, goodMorning({ reps: 3 }), request)) {
      expect(c.similarity).toBeGreaterThanOrEqual(95);
      expect(c.depth.score).toBeGreaterThanOrEqual(95);
      expect(c.shape?.score).toBeGreaterThanOrEqual(95);
      expect(c.tempo.score).toBeGreaterThanOrEqual(88);
      expect(c.hold, 'the good morning has no hold').toBeNull();
      expect(c.cue).toEqual({ kind: 'matches' });
    }
  });

  it('scores a shallower rep lower and asks to go deeper by the missing degrees', () => {
    const identical = scoreReps(reference, goodMorning({ reps: 3 }), request);
    const shallowBuilt = goodMorning({ reps: 3, depths: [0.8, 0.8, 0.8] });
    const shallow = scoreReps(reference, shallowBuilt, request);
    const missingDeg = goodMorning({ reps: 1 }).truth.reps[0]!.measured['peakTorsoInclinationDeg']! - shallowBuilt.truth.reps[0]!.measured['peakTorsoInclinationDeg']!;
    expect(missingDeg).toBeCloseTo(14, 6);
    shallow.forEach((c, i) => {
      expect(c.similarity).toBeLessThan(identical[i]!.similarity - 15);
      expect(c.depth.score).toBeLessThan(60);
      expect(c.cue.kind).toBe('deeper');
      if (c.cue.kind !== 'deeper' || c.cue.unit !== 'deg') throw new Error('expected a cue in degrees');
      expect(Math.abs(c.cue.byDeg - missingDeg)).toBeLessThanOrEqual(DEPTH_TOLERANCE_DEG);
      expect(format('en', cueMessage(c.cue).key, cueMessage(c.cue).params)).toBe(`Go ${c.cue.byDeg} degrees deeper`);
      expect(format('nl', cueMessage(c.cue).key, cueMessage(c.cue).params)).toBe(`Ga ${c.cue.byDeg} graden dieper`);
    });
  });

  it('reports a rep twice as slow on the way up as tempo, not depth', () => {
    // the good morning's way back up is the generator's upMs (the reference's 1.5 s, here 3 s)
    for (const c of scoreReps(reference, goodMorning({ reps: 3, upMs: 3000 }), request)) {
      expect(c.tempo.returnRatio).toBeGreaterThan(1.6);
      expect(c.tempo.approachRatio).toBeLessThan(1.25);
      expect(c.tempo.score).toBeLessThan(70);
      expect(c.depth.score).toBeGreaterThanOrEqual(95);
      expect(c.shape?.score, 'warping takes the tempo out of the shape').toBeGreaterThanOrEqual(95);
      expect(c.cue).toEqual({ kind: 'faster-up' });
    }
  });
});

describe('a hip thrust scored against a reference of three good reps', () => {
  const request = { exercise: 'hip-thrust', variant: 'floor' } as const;
  const reference = referenceOf(hipThrust({ reps: 3, variant: 'floor' }), request);

  it('reports a shorter hold at the top as hold, not depth or tempo, and asks to hold a second longer', () => {
    // the reference holds 1 s at the top (the generator's default), the rep 0.2 s
    for (const c of scoreReps(reference, hipThrust({ reps: 3, variant: 'floor', holdMs: 200 }), request)) {
      expect(c.hold?.differenceS).toBeLessThan(-0.5);
      expect(c.hold?.score).toBeLessThan(88);
      expect(c.depth.score).toBeGreaterThanOrEqual(95);
      expect(c.cue).toEqual({ kind: 'hold-longer', byS: 1 });
      expect(format('en', cueMessage(c.cue).key)).toBe('Hold a second longer at the top');
      expect(format('nl', cueMessage(c.cue).key)).toBe('Houd het bovenaan een seconde langer vast');
    }
  });

  it('reports a rep twice as fast on the way down as tempo: slower on the way down', () => {
    for (const c of scoreReps(reference, hipThrust({ reps: 3, variant: 'floor', upMs: 600 }), request)) {
      expect(c.tempo.returnRatio).toBeLessThan(0.7);
      expect(c.depth.score).toBeGreaterThanOrEqual(95);
      expect(c.cue).toEqual({ kind: 'slower-down' });
      expect(format('en', cueMessage(c.cue).key)).toBe('Slower on the way down');
    }
  });

  it('asks for the missing height of a lower rep in degrees', () => {
    const low = hipThrust({ reps: 3, variant: 'floor', depths: [0.8, 0.8, 0.8] });
    const missingDeg = 180 - low.truth.reps[0]!.measured['peakHipDeg']!;
    for (const c of scoreReps(reference, low, request)) {
      if (c.cue.kind !== 'higher' || c.cue.unit !== 'deg') throw new Error(`expected "higher" in degrees, got ${JSON.stringify(c.cue)}`);
      expect(Math.abs(c.cue.byDeg - missingDeg)).toBeLessThanOrEqual(DEPTH_TOLERANCE_DEG);
    }
  });
});
