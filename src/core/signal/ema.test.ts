import { describe, it, expect } from 'vitest';
import { Ema } from './ema.ts';

describe('Ema', () => {
  it('moves halfway to a new sample after one half-life, whatever the frame times', () => {
    const ema = new Ema(200);
    ema.update(0, 0);
    expect(ema.update(1, 200)).toBeCloseTo(0.5, 12);
    // two steps of 100 ms: each keeps 0.5^0.5 of the gap
    const steps = new Ema(200);
    steps.update(0, 0);
    steps.update(1, 100);
    expect(steps.update(1, 200)).toBeCloseTo(1 - 0.5, 12);
  });

  it('starts at the first sample, skips unknown samples and forgets on reset', () => {
    const ema = new Ema(100);
    expect(ema.update(3, 0)).toBe(3);
    expect(ema.update(Number.NaN, 50)).toBe(3);
    ema.reset();
    expect(ema.current).toBeNaN();
  });
});
