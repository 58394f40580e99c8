import { describe, expect, it } from 'vitest';
import { Dtw } from './dtw.ts';

const pathOf = (dtw: Dtw, a: readonly number[], b: readonly number[], radius: number): { cost: number; meanCost: number; path: [number, number][] } => {
  const r = dtw.run(a, a.length, b, b.length, radius);
  const path: [number, number][] = [];
  for (let k = 0; k < r.pathLength; k++) path.push([r.pathA[k]!, r.pathB[k]!]);
  return { cost: r.cost, meanCost: r.meanCost, path };
};

describe('dynamic time warping within a Sakoe-Chiba band', () => {
  it('puts two identical series on the diagonal at no cost', () => {
    const a = [10, 20, 35, 50, 35, 20, 10];
    expect(pathOf(new Dtw(), a, a, 2)).toEqual({ cost: 0, meanCost: 0, path: a.map((_, i) => [i, i]) });
  });

  it('absorbs a sample held twice at no cost: [0, 0, 1, 2] onto [0, 1, 2]', () => {
    expect(pathOf(new Dtw(), [0, 0, 1, 2], [0, 1, 2], 1)).toEqual({
      cost: 0,
      meanCost: 0,
      path: [
        [0, 0],
        [1, 0],
        [2, 1],
        [3, 2],
      ],
    });
  });

  it('costs the sum of |a - b| along the cheapest path, the diagonal winning ties: [1, 2, 3] onto [2, 2, 2] costs 1 + 0 + 1', () => {
    // D = [[1, 2, 3], [1, 1, 1], [2, 2, 2]] by the recurrence; back from (2, 2) the diagonal D(1, 1) = 1 ties with D(1, 2) = 1
    const { cost, meanCost, path } = pathOf(new Dtw(), [1, 2, 3], [2, 2, 2], Number.POSITIVE_INFINITY);
    expect(cost).toBe(2);
    expect(meanCost).toBeCloseTo(2 / 3, 12);
    expect(path).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('of two constant series costs the difference times the longer length (the shortest path has max(n, m) cells)', () => {
    const dtw = new Dtw();
    expect(pathOf(dtw, [5, 5, 5, 5], [2, 2, 2, 2, 2, 2], 0).cost).toBe(3 * 6);
    expect(pathOf(dtw, [5, 5, 5, 5], [2, 2, 2, 2, 2, 2], 0).meanCost).toBe(3);
    expect(pathOf(dtw, [7, 7, 7], [7.5, 7.5, 7.5], 1).cost).toBe(1.5);
  });

  it('with a band of 0 compares sample by sample; a band of 1 lets a bump one sample late line up', () => {
    const a = [0, 1, 0, 0];
    const b = [0, 0, 1, 0];
    const dtw = new Dtw(4);
    // radius 0: |0-0| + |1-0| + |0-1| + |0-0|
    expect(pathOf(dtw, a, b, 0)).toEqual({
      cost: 2,
      meanCost: 0.5,
      path: [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    });
    expect(pathOf(dtw, a, b, 1)).toEqual({
      cost: 0,
      meanCost: 0,
      path: [
        [0, 0],
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 3],
      ],
    });
  });

  it('keeps out of the band: a bump three samples late is not lined up within a radius of 2', () => {
    const a = [0, 9, 0, 0, 0, 0];
    const b = [0, 0, 0, 0, 9, 0];
    const dtw = new Dtw();
    expect(pathOf(dtw, a, b, 3).cost).toBe(0);
    expect(pathOf(dtw, a, b, 2).cost).toBeGreaterThan(0);
    for (const [i, j] of pathOf(dtw, a, b, 2).path) expect(Math.abs(i - j)).toBeLessThanOrEqual(2);
  });

  it('always reaches the last cell, whatever the lengths and the radius', () => {
    const dtw = new Dtw();
    for (let n = 1; n <= 9; n++) {
      for (let m = 1; m <= 9; m++) {
        for (const radius of [0, 1, 2]) {
          const a = Array.from({ length: n }, (_, i) => Math.sin(i));
          const b = Array.from({ length: m }, (_, j) => Math.cos(j));
          const r = dtw.run(a, n, b, m, radius);
          expect(Number.isFinite(r.cost), `n ${n} m ${m} radius ${radius}`).toBe(true);
          expect(r.pathA[r.pathLength - 1]).toBe(n - 1);
          expect(r.pathB[r.pathLength - 1]).toBe(m - 1);
        }
      }
    }
  });

  it('refuses an empty series or a negative radius with a clear message', () => {
    const dtw = new Dtw();
    expect(() => dtw.run([], 0, [1], 1, 1)).toThrow(/need 1 <= n/);
    expect(() => dtw.run([1], 1, [1], 1, -1)).toThrow(/radius must be >= 0/);
  });

  it('reuses its result and buffers: a second call of the same size gives the same arrays back', () => {
    const dtw = new Dtw(8);
    const first = dtw.run([1, 2, 3], 3, [1, 2, 3], 3, 1);
    const pathA = first.pathA;
    const second = dtw.run([3, 2, 1], 3, [1, 2, 3], 3, 1);
    expect(second).toBe(first);
    expect(second.pathA).toBe(pathA);
  });
});
