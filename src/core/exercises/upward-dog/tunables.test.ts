/**
 * The upward dog's tunable thresholds: how much deeper than the reps before a
 * rep early in the set may go before the "build up gradually" cue, as a
 * physio may set it in a program.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../engine/analysis.ts';
import { createChecker, describeExercise } from '../registry.ts';
import { upwardDog } from '../../../../test/synthetic/motions.ts';
import { synthesizeTrack } from '../../../../test/synthetic/trace.ts';
import { UPWARD_DOG_DEFAULTS } from './config.ts';
import { UPWARD_DOG_TUNABLES, withUpwardDogOverrides } from './tunables.ts';

/** Two reps, the second about 20 deg deeper than the first (the synthetic depth-jump fault). */
function jumpFaults(overrides: Parameters<typeof createChecker>[0]['overrides']): readonly string[] {
  const built = upwardDog({ reps: 2, startDelayMs: 2000, faults: { depthJump: [1] } });
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 3 });
  return analyzeTrack(track, createChecker({ exercise: 'upward-dog', overrides })).faults.map((f) => f.fault);
}

describe('upward dog tunables', () => {
  it('lists the build-up jump with its default from the config', () => {
    const jump = describeExercise('upward-dog').tunables.find((t) => t.key === 'buildUpJumpDeg');
    expect(jump).toMatchObject({ unit: 'deg', min: 5, max: 30, defaultValue: UPWARD_DOG_DEFAULTS.buildUpJumpDeg });
    expect(UPWARD_DOG_TUNABLES.map((t) => t.key)).toContain('buildUpJumpDeg');
  });

  it('puts a build-up jump override into the config', () => {
    expect(withUpwardDogOverrides(UPWARD_DOG_DEFAULTS, { buildUpJumpDeg: 25 }).buildUpJumpDeg).toBe(25);
  });

  it('cues a rep that jumps deeper with the default, and lets it pass when the physio allows a bigger jump', () => {
    expect(jumpFaults(undefined)).toContain('depth-jump');
    expect(jumpFaults({ buildUpJumpDeg: 30 })).not.toContain('depth-jump');
  });

  it('refuses a build-up jump outside its bounds', () => {
    expect(() => createChecker({ exercise: 'upward-dog', overrides: { buildUpJumpDeg: 2 } })).toThrow(/buildUpJumpDeg = 2 deg is out of bounds: it must lie in 5..30 deg/);
  });
});
