import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../pose/models.ts';
import { EXERCISE_IDS } from '../exercises/ids.ts';
import { EXERCISE_VOCABULARY, FAULT_KEYS, METRIC_KEYS, SESSION_MODEL_IDS } from './vocabulary.ts';

describe('the session vocabulary', () => {
  it('names the same pose models as src/pose/models.ts (the core may not import it)', () => {
    expect([...SESSION_MODEL_IDS].sort()).toEqual([...MODEL_IDS].sort());
  });

  it('has the metrics and faults of every exercise, each key once in the combined lists', () => {
    expect(Object.keys(EXERCISE_VOCABULARY).sort()).toEqual([...EXERCISE_IDS].sort());
    const allMetrics = new Set(Object.values(EXERCISE_VOCABULARY).flatMap((v) => [...v.metrics]));
    expect(new Set(METRIC_KEYS)).toEqual(allMetrics);
    expect(METRIC_KEYS.length).toBe(allMetrics.size);
    const allFaults = new Set(Object.values(EXERCISE_VOCABULARY).flatMap((v) => [...v.faults]));
    expect(FAULT_KEYS.length).toBe(allFaults.size);
  });
});
