import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import { faultCue } from './fault-cues.ts';

describe('a recorded fault in words', () => {
  it('has a cue for every fault every exercise can raise', () => {
    for (const exercise of EXERCISE_IDS) for (const fault of describeExercise(exercise).faults) expect(faultCue(exercise, fault), `${exercise} ${fault}`).not.toBeNull();
  });

  it('reads the same fault key in each exercise’s own words', () => {
    expect(faultCue('superman', 'too-fast')).toBe('superman.slow-controlled');
    expect(faultCue('good-morning', 'too-fast')).toBe('gm.slow-controlled');
  });

  it('has none for a fault of another exercise', () => {
    expect(faultCue('hip-thrust', 'head-up')).toBeNull();
  });
});
