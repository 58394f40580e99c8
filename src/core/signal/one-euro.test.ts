import { describe, it, expect } from 'vitest';
import { OneEuroFilter } from './one-euro.ts';
import { Hysteresis, HeldFor } from './hysteresis.ts';

describe('OneEuroFilter', () => {
  it('passes the first value through and holds a constant exactly', () => {
    const f = new OneEuroFilter({ minCutoffHz: 1, beta: 0, derivativeCutoffHz: 1 });
    expect(f.update(5, 0)).toBe(5);
    for (let t = 1; t < 20; t++) expect(f.update(5, t * 33)).toBeCloseTo(5, 12);
  });

  it('with beta 0 is a first-order low-pass with alpha = 1 / (1 + tau / dt)', () => {
    const f = new OneEuroFilter({ minCutoffHz: 1, beta: 0, derivativeCutoffHz: 1 });
    f.update(0, 0);
    const dt = 0.1;
    const alpha = 1 / (1 + 1 / (2 * Math.PI * 1) / dt);
    expect(f.update(10, 100)).toBeCloseTo(alpha * 10, 10);
  });

  it('reduces jitter of a still point', () => {
    const f = new OneEuroFilter({ minCutoffHz: 1, beta: 0.01, derivativeCutoffHz: 1 });
    let rawVar = 0;
    let outVar = 0;
    for (let i = 0; i < 300; i++) {
      const hash = Math.sin(i * 12.9898) * 43758.5453;
      const noise = (hash - Math.floor(hash) - 0.5) * 8; // deterministic white-ish jitter in +-4
      const out = f.update(100 + noise, i * 66.7);
      if (i > 30) {
        rawVar += noise * noise;
        outVar += (out - 100) ** 2;
      }
    }
    expect(outVar).toBeLessThan(rawVar / 4);
  });

  it('lags less on a fast move when beta is higher', () => {
    const lagAfterStep = (beta: number): number => {
      const f = new OneEuroFilter({ minCutoffHz: 1, beta, derivativeCutoffHz: 1 });
      let out = 0;
      for (let i = 0; i < 30; i++) out = f.update(i < 10 ? 0 : 100, i * 33);
      return 100 - out;
    };
    expect(lagAfterStep(1)).toBeLessThan(lagAfterStep(0));
  });

  it('lets NaN through without disturbing its state', () => {
    const f = new OneEuroFilter({ minCutoffHz: 1, beta: 0, derivativeCutoffHz: 1 });
    f.update(3, 0);
    expect(f.update(Number.NaN, 33)).toBeNaN();
    expect(f.update(3, 66)).toBeCloseTo(3, 12);
  });

  it('rejects cutoffs that are not positive', () => {
    expect(() => new OneEuroFilter({ minCutoffHz: 0, beta: 0, derivativeCutoffHz: 1 })).toThrow(RangeError);
  });
});

describe('Hysteresis', () => {
  it('switches on above `on`, off only below `off`', () => {
    const h = new Hysteresis(20, 12);
    expect([10, 19, 21, 15, 13, 11, 15, 21].map((v) => h.update(v))).toEqual([false, false, true, true, true, false, false, true]);
  });
  it('keeps its state on NaN', () => {
    const h = new Hysteresis(20, 12);
    h.update(25);
    expect(h.update(Number.NaN)).toBe(true);
  });
  it('needs on above off', () => {
    expect(() => new Hysteresis(10, 10)).toThrow(/on \(10\) must be above off \(10\)/);
  });
});

describe('HeldFor', () => {
  it('is true once the condition has held for the time, false as soon as it breaks', () => {
    const held = new HeldFor(1000);
    expect(held.update(true, 0)).toBe(false);
    expect(held.update(true, 999)).toBe(false);
    expect(held.update(true, 1000)).toBe(true);
    expect(held.update(false, 1100)).toBe(false);
    expect(held.update(true, 1200)).toBe(false);
    expect(held.heldMs(1700)).toBe(500);
  });
});
