import { describe, it, expect } from 'vitest';
import { matchPeaks, peakErrorS, scoreClip, totalsOf, type ClipLabel, type CountedRep } from './score.ts';
import { parseLabels } from './labels.ts';

const rep = (peakS: number, holdS = 0, full = true): CountedRep => ({ full, peakMs: peakS * 1000, holdS });

describe('peak-time error', () => {
  it('is the distance to the counted top for a rep without a hold', () => {
    expect(peakErrorS(rep(3.4), 3.0)).toBeCloseTo(0.4, 9);
  });
  it('runs from the nearer edge of a hold centred on the counted top', () => {
    // a 2 s hold around 5.0 s spans 4.0-6.0 s: a label at 6.5 s is 0.5 s outside it
    expect(peakErrorS(rep(5, 2), 6.5)).toBeCloseTo(0.5, 9);
    expect(peakErrorS(rep(5, 2), 5.9)).toBe(0);
  });
});

describe('matching labelled peaks to counted reps', () => {
  it('takes each rep once, nearest first in label order, and leaves far labels unmatched', () => {
    const { errorsS, unmatched } = matchPeaks([rep(1.1), rep(4.8), rep(9.0, 0, false)], [1.0, 5.0, 9.0]);
    expect(errorsS.map((e) => Math.round(e * 10) / 10)).toEqual([0.1, 0.2]);
    expect(unmatched).toBe(1);
  });
});

describe('a clip score', () => {
  const segmented: ClipLabel = {
    file: 'x/clip.mp4',
    exercise: 'superman',
    kind: 'reps',
    view: 'oblique then side',
    segments: [
      { from_s: 0, to_s: 10, view: 'oblique', expected: 2 },
      { from_s: 10.2, to_s: 20, view: 'side', expected: 1 },
    ],
  };
  it('counts full reps per segment by their peak time', () => {
    const s = scoreClip(segmented, [rep(2), rep(6), rep(8, 0, false), rep(15)], 1);
    expect(s.units.map((u) => [u.expected, u.counted])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(s.partialReps).toBe(1);
  });
  it('expects no full rep of an alternating clip', () => {
    const s = scoreClip({ file: 'a.mp4', exercise: 'superman', kind: 'alternating', view: 'side' }, [rep(1)], 0);
    expect(s.units[0]).toMatchObject({ expected: 0, counted: 1 });
  });
  it('totals exact, within one and the mean absolute error over all units', () => {
    const a = scoreClip({ file: 'a.mp4', exercise: 'superman', kind: 'reps', view: 'side', expected: 3 }, [rep(1), rep(2), rep(3)], 0);
    const b = scoreClip({ file: 'b.mp4', exercise: 'superman', kind: 'reps', view: 'side', expected: 3 }, [rep(1)], 0);
    const t = totalsOf([a, b]);
    expect(t).toMatchObject({ units: 2, exact: 1, withinOne: 1, meanAbsError: (0 + 2) / 2 });
  });
});

describe('a labels file', () => {
  it('parses the fixtures format', () => {
    const r = parseLabels(JSON.stringify({ fixtures: [{ file: 'a.mp4', exercise: 'good-morning', kind: 'reps', expected: 2, view: 'side', peaks_s: [1, 2] }] }));
    expect(r.ok && r.labels[0]?.expected).toBe(2);
  });
  it.each([
    ['{', /^not JSON/],
    ['{"clips": []}', /no "fixtures" array/],
    ['{"fixtures": [{"file": "a.mp4", "exercise": "superman", "kind": "laps", "view": "side"}]}', /fixture 1 \(a\.mp4\): "kind" must be one of/],
    ['{"fixtures": [{"file": "a.mp4", "exercise": "superman", "kind": "reps", "view": "side"}]}', /"expected" is missing/],
    ['{"fixtures": [{"file": "a.mp4", "exercise": "superman", "kind": "reps", "view": "side", "expected": 2, "segments": [{"from_s": 5, "to_s": 1, "view": "side", "expected": 1}]}]}', /segment 1: from_s and to_s/],
  ])('refuses %s with a message that names what is wrong', (text, message) => {
    const r = parseLabels(text);
    expect(r.ok ? 'accepted' : r.error).toMatch(message);
  });
});
