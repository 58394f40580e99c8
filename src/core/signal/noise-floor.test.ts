import { describe, it, expect } from 'vitest';
import { NoiseFloor } from './noise-floor.ts';

describe('NoiseFloor', () => {
  it('settles on the level and the mean absolute deviation of a resting signal', () => {
    const floor = new NoiseFloor(500);
    // a square wave +-d around L: every sample is d from the level, so the deviation is d
    const L = 0.02;
    const d = 0.01;
    for (let i = 0; i < 600; i++) floor.update(L + (i % 2 ? d : -d), i * 33);
    expect(floor.level).toBeCloseTo(L, 3);
    expect(floor.spread).toBeCloseTo(d, 3);
    expect(floor.samples).toBe(600);
  });

  it('follows a new level within a few half-lives and skips unknown samples', () => {
    const floor = new NoiseFloor(200);
    floor.update(0, 0);
    floor.update(Number.NaN, 100);
    for (let t = 100; t <= 2000; t += 50) floor.update(1, t);
    // after 1.9 s = 9.5 half-lives the old level is 0.5^9.5 of the way
    expect(floor.level).toBeGreaterThan(1 - Math.pow(0.5, 9));
    expect(floor.samples).toBe(1 + 39);
  });

  it('knows nothing after a reset', () => {
    const floor = new NoiseFloor(100);
    floor.update(3, 0);
    floor.reset();
    expect(floor.level).toBeNaN();
    expect(floor.spread).toBeNaN();
    expect(floor.samples).toBe(0);
  });
});
