import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { describeExercise } from '../exercises/registry.ts';
import { compareFigures, reanalyze, storedFigures } from './reanalysis.ts';
import { recordOfTrack } from './test-records.ts';

const MODEL = 'movenet-lightning';
const hipThrust = recordOfTrack(loadTrack('bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'hip-thrust');
const goodMorning = recordOfTrack(loadTrack('gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4', MODEL), 'good-morning');

describe('re-analysis of a stored set with changed thresholds', () => {
  it('gives the stored counts back with no overrides', () => {
    const result = reanalyze(hipThrust);
    if (!result.ok) throw new Error(result.error);
    expect(result.figures.reps).toBe(storedFigures(hipThrust).reps);
    expect(result.figures.partialReps).toBe(storedFigures(hipThrust).partialReps);
  });

  it('turns full hip-thrust reps partial when the hips must come up further', () => {
    const stored = storedFigures(hipThrust);
    expect(stored.reps).toBe(3);
    const result = reanalyze(hipThrust, { hipsUpToLineDeg: 180 });
    if (!result.ok) throw new Error(result.error);
    expect(result.figures.reps).toBeLessThan(stored.reps);
    expect(result.figures.reps + result.figures.partialReps).toBe(stored.reps + stored.partialReps);
  });

  it('counts more full hip-thrust reps, never fewer, with a lower target', () => {
    const result = reanalyze(hipThrust, { hipsUpToLineDeg: 150 });
    if (!result.ok) throw new Error(result.error);
    expect(result.figures.reps).toBeGreaterThanOrEqual(storedFigures(hipThrust).reps);
  });

  it('turns full good-morning reps partial with a deeper hinge', () => {
    const stored = storedFigures(goodMorning);
    expect(stored.reps).toBeGreaterThan(0);
    const result = reanalyze(goodMorning, { hingeDepthDeg: 90 });
    if (!result.ok) throw new Error(result.error);
    expect(result.figures.reps).toBe(0);
    expect(result.figures.partialReps).toBe(stored.reps + stored.partialReps);
  });

  it('leaves the stored record as it was', () => {
    const before = JSON.stringify(hipThrust);
    reanalyze(hipThrust, { hipsUpToLineDeg: 180 });
    expect(JSON.stringify(hipThrust)).toBe(before);
  });

  it('refuses an override out of bounds with a line naming it and its bounds', () => {
    const result = reanalyze(hipThrust, { hipsUpToLineDeg: 190 });
    expect(result).toEqual({ ok: false, error: 'hip-thrust overrides: hipsUpToLineDeg = 190 deg is out of bounds: it must lie in 150..180 deg' });
  });

  it("refuses another exercise's threshold, naming the ones it has", () => {
    const result = reanalyze(hipThrust, { hingeDepthDeg: 60 });
    expect(result).toEqual({ ok: false, error: 'hip-thrust overrides: "hingeDepthDeg" is not one of its tunable thresholds (hipsUpToLineDeg, hipThrustMinPauseS)' });
  });

  it('refuses a value that is not a number', () => {
    const result = reanalyze(hipThrust, { hipsUpToLineDeg: Number.NaN });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('hipsUpToLineDeg must be a number');
  });

  it('says so when the record kept no track', () => {
    const result = reanalyze({ ...hipThrust, track: null });
    expect(result).toEqual({ ok: false, error: 'this session kept no keypoint track, so it cannot be replayed' });
  });

  it('compares counts and faults row by row', () => {
    const result = reanalyze(hipThrust, { hipsUpToLineDeg: 180 });
    if (!result.ok) throw new Error(result.error);
    const rows = compareFigures(storedFigures(hipThrust), result.figures);
    expect(rows[0]).toEqual({ kind: 'reps', stored: 3, replayed: result.figures.reps });
    expect(rows[1]).toEqual({ kind: 'partial-reps', stored: 0, replayed: result.figures.partialReps });
  });
});

describe('every tunable threshold', () => {
  for (const id of ['upward-dog', 'superman', 'good-morning', 'hip-thrust'] as const) {
    const { tunables } = describeExercise(id);
    it(`${id}: lists at least one, each default within its bounds, and every bound makes a valid checker`, () => {
      expect(tunables.length).toBeGreaterThan(0);
      for (const t of tunables) {
        expect(t.defaultValue).toBeGreaterThanOrEqual(t.min);
        expect(t.defaultValue).toBeLessThanOrEqual(t.max);
        for (const value of [t.min, t.max, t.defaultValue]) {
          expect(() => describeExercise(id).createChecker({ overrides: { [t.key]: value } })).not.toThrow();
        }
      }
    });
  }
});
