import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats.ts';

describe('percentile', () => {
  it('matches numpy.percentile (default "linear" method) on reference inputs', () => {
    // Values printed by numpy 1.x/2.x: np.percentile(values, p)
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 12);
    expect(percentile([3, 1, 2], 90)).toBeCloseTo(2.8, 12);
    expect(percentile([5], 73)).toBe(5);
  });

  it('interpolates linearly between the two closest ranks, rank = p/100 * (n - 1)', () => {
    const sorted = [2, 4, 8, 16, 32];
    for (const p of [0, 10, 33, 50, 62.5, 99, 100]) {
      const rank = (p / 100) * (sorted.length - 1);
      const lo = Math.floor(rank);
      const hi = Math.min(lo + 1, sorted.length - 1);
      const expected = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
      expect(percentile(sorted, p)).toBeCloseTo(expected, 12);
    }
  });

  it('gives the smallest value at p = 0 and the largest at p = 100', () => {
    const values = [7, -3, 12, 0, 5];
    expect(percentile(values, 0)).toBe(Math.min(...values));
    expect(percentile(values, 100)).toBe(Math.max(...values));
  });

  it('sorts numerically, not as strings', () => {
    // as strings, 100 < 9 < 20
    expect(percentile([100, 9, 20], 0)).toBe(9);
    expect(percentile([100, 9, 20], 100)).toBe(100);
  });

  it('rises with p', () => {
    const values = [4, 1, 9, 2, 7, 3];
    let previous = -Infinity;
    for (let p = 0; p <= 100; p += 5) {
      const v = percentile(values, p);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });

  it('gives NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError naming p for p = %s', (p) => {
    expect(() => percentile([1, 2, 3], p)).toThrow(RangeError);
    expect(() => percentile([1, 2, 3], p)).toThrow(`got ${p}`);
  });

  it('does not reorder the array it is given', () => {
    const values = [5, 3, 9, 1];
    const copy = [...values];
    percentile(values, 30);
    median(values);
    expect(values).toEqual(copy);
  });
});

describe('median', () => {
  it('is the middle value for an odd number of values', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([42])).toBe(42);
  });

  it('is the mean of the two middle values for an even number of values', () => {
    const values = [10, 7, 4, 3, 2, 1];
    const middle = [3, 4];
    expect(median(values)).toBe((middle[0]! + middle[1]!) / 2);
  });

  it('equals the 50th percentile', () => {
    const values = [0.3, 12, -4, 8.5, 2, 2];
    expect(median(values)).toBe(percentile(values, 50));
  });

  it('gives NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('percentile argument checks', () => {
  it('rejects a p out of range even for an empty list', () => {
    expect(() => percentile([], 150)).toThrow(RangeError);
  });
});
