/** The progress charts' numbers: one point per session, per exercise, oldest first. */
import { describe, expect, it } from 'vitest';
import type { ExerciseId } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import { progressByExercise, progressPointOf, type ProgressInput } from './progress.ts';
import type { SessionRep } from './schema.ts';

const rep = (full: boolean, peak: number, faults: SessionRep['faults'] = [], holdS = 0): SessionRep => ({
  index: full ? 1 : 0,
  full,
  startMs: 0,
  peakMs: 500,
  endMs: 1000,
  peak,
  toPeakS: 0.5,
  fromPeakS: 0.5,
  holdS,
  metrics: {},
  faults,
});

interface Session {
  readonly id: string;
  readonly exercise?: ExerciseId;
  readonly startedAt?: string;
  readonly reps?: readonly SessionRep[];
  readonly holds?: readonly number[];
  readonly pain?: { readonly before: number | null; readonly after: number | null };
}

function session(s: Session): ProgressInput {
  return {
    id: s.id,
    startedAt: s.startedAt ?? '2025-03-01T10:00:00.000Z',
    settings: { exercise: s.exercise ?? 'hip-thrust', variant: null, model: 'movenet-lightning', language: 'en', source: { kind: 'camera', fileName: null }, samplingFps: 15 },
    events: { countingStartedMs: 0, reps: s.reps ?? [], partials: [], holds: s.holds ?? [], cues: [], warnings: [], faults: [], comparisons: [] },
    pain: s.pain ?? { before: null, after: null },
  };
}

describe('a session as a progress point', () => {
  it('counts full and partial reps, and averages the depth of the full reps only', () => {
    const point = progressPointOf(session({ id: 'a', reps: [rep(true, 170), rep(false, 120), rep(true, 180)] }));
    expect(point.fullReps).toBe(2);
    expect(point.partialReps).toBe(1);
    expect(point.meanPeak).toBe(175);
  });

  it('leaves a full rep whose depth was not measured out of the mean depth, not counted as 0', () => {
    expect(progressPointOf(session({ id: 'a', reps: [rep(true, Number.NaN), rep(true, 160)] })).meanPeak).toBe(160);
  });

  it('has no depth (NaN) when no full rep was measured', () => {
    expect(progressPointOf(session({ id: 'a', reps: [rep(false, 100)] })).meanPeak).toBeNaN();
  });

  it('averages the holds the set counted', () => {
    expect(progressPointOf(session({ id: 'a', holds: [4, 5, 6] })).meanHoldS).toBe(5);
    expect(progressPointOf(session({ id: 'b', holds: [] })).meanHoldS).toBeNaN();
  });

  it('rates faults per rep over full and partial reps', () => {
    const point = progressPointOf(session({ id: 'a', reps: [rep(true, 170, ['over-arch', 'no-pause']), rep(true, 170), rep(false, 120, ['incomplete-extension']), rep(true, 170)] }));
    expect(point.faultsPerRep).toBe(0.75);
    expect(progressPointOf(session({ id: 'b' })).faultsPerRep).toBeNaN();
  });

  it('keeps the pain scores, and no score as NaN rather than 0 (no pain)', () => {
    const scored = progressPointOf(session({ id: 'a', pain: { before: 0, after: 3 } }));
    expect([scored.painBefore, scored.painAfter]).toEqual([0, 3]);
    const unscored = progressPointOf(session({ id: 'b', pain: { before: 2, after: null } }));
    expect(unscored.painBefore).toBe(2);
    expect(unscored.painAfter).toBeNaN();
  });
});

describe('progress per exercise', () => {
  const records = [
    session({ id: 'ht-late', startedAt: '2025-03-09T10:00:00.000Z' }),
    session({ id: 'sm-1', exercise: 'superman', startedAt: '2025-03-02T10:00:00.000Z' }),
    session({ id: 'ht-early', startedAt: '2025-03-01T08:00:00.000Z' }),
    session({ id: 'ht-undated', startedAt: 'unknown' }),
    session({ id: 'ht-mid', startedAt: '2025-03-05T10:00:00.000Z' }),
  ];

  it('groups the sessions by exercise, in the exercises’ order, leaving out exercises without sessions', () => {
    expect(progressByExercise(records).map((p) => p.exercise)).toEqual(['superman', 'hip-thrust']);
  });

  it('orders each exercise’s sessions oldest first, whatever order they come in', () => {
    const hipThrust = progressByExercise(records).find((p) => p.exercise === 'hip-thrust');
    expect(hipThrust?.points.map((p) => p.id)).toEqual(['ht-early', 'ht-mid', 'ht-late']);
    expect(progressByExercise([...records].reverse()).find((p) => p.exercise === 'hip-thrust')?.points.map((p) => p.id)).toEqual(['ht-early', 'ht-mid', 'ht-late']);
  });

  it('counts sessions without a start time as undated instead of placing them anywhere', () => {
    const hipThrust = progressByExercise(records).find((p) => p.exercise === 'hip-thrust');
    expect(hipThrust?.undated).toBe(1);
    expect(hipThrust?.points.some((p) => p.id === 'ht-undated')).toBe(false);
  });

  it('says how the exercise reads depth and whether it holds, as the exercise describes itself', () => {
    const [superman, hipThrust] = progressByExercise(records);
    expect(superman?.depthUnit).toBe(describeExercise('superman').depthUnit);
    expect(hipThrust?.countsHolds).toBe(describeExercise('hip-thrust').countsHolds);
    // the good morning's bottom is a turn, not a hold: its progress has no hold chart
    expect(progressByExercise([session({ id: 'gm', exercise: 'good-morning' })])[0]?.countsHolds).toBe(false);
  });

  it('is empty without sessions', () => {
    expect(progressByExercise([])).toEqual([]);
  });
});
