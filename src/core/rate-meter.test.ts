import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter.ts';

/** fps over frames finished at `stamps`: (n - 1) intervals in the span between first and last. */
const fpsOf = (stamps: readonly number[]): number => ((stamps.length - 1) * 1000) / (stamps[stamps.length - 1]! - stamps[0]!);
const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

describe('RateMeter', () => {
  it('reports 0 fps and 0 ms before any frame', () => {
    const meter = new RateMeter(5);
    expect(meter.fps).toBe(0);
    expect(meter.meanDurationMs).toBe(0);
  });

  it('reports 0 fps with one frame (no interval yet) but already a mean duration', () => {
    const meter = new RateMeter(5);
    meter.update(1000, 12);
    expect(meter.fps).toBe(0);
    expect(meter.meanDurationMs).toBe(12);
  });

  it('measures fps as (n - 1) * 1000 / span while the window fills', () => {
    const meter = new RateMeter(10);
    const stamps = [0, 33, 70, 100, 140];
    const durations = [20, 25, 18, 30, 22];
    stamps.forEach((t, i) => meter.update(t, durations[i]!));
    expect(meter.fps).toBeCloseTo(fpsOf(stamps), 10);
    expect(meter.meanDurationMs).toBeCloseTo(mean(durations), 10);
  });

  it('reports 0 fps when all frames finished at the same time', () => {
    const meter = new RateMeter(4);
    meter.update(500, 1);
    meter.update(500, 1);
    expect(meter.fps).toBe(0);
  });

  it('only counts the last windowSize frames once the ring buffer wraps around', () => {
    const windowSize = 4;
    const meter = new RateMeter(windowSize);
    // slow at first (10 fps), then fast (50 fps): the window must forget the slow part
    const stamps = [0, 100, 200, 300, 400, 420, 440, 460, 480, 500, 520];
    const durations = [90, 90, 90, 90, 90, 15, 16, 17, 18, 19, 20];
    stamps.forEach((t, i) => meter.update(t, durations[i]!));
    expect(meter.fps).toBeCloseTo(fpsOf(stamps.slice(-windowSize)), 10);
    expect(meter.meanDurationMs).toBeCloseTo(mean(durations.slice(-windowSize)), 10);
  });

  it('stays right at every step through several wrap-arounds', () => {
    const windowSize = 3;
    const meter = new RateMeter(windowSize);
    const stamps: number[] = [];
    const durations: number[] = [];
    let t = 0;
    for (let i = 0; i < 11; i++) {
      t += 10 + i * 7; // intervals grow, so every window has a different fps
      stamps.push(t);
      durations.push(i * 3 + 1);
      meter.update(t, i * 3 + 1);
      const inWindow = stamps.slice(-windowSize);
      expect(meter.fps).toBeCloseTo(inWindow.length < 2 ? 0 : fpsOf(inWindow), 10);
      expect(meter.meanDurationMs).toBeCloseTo(mean(durations.slice(-windowSize)), 10);
    }
  });

  it('uses a window of 30 frames by default', () => {
    const meter = new RateMeter();
    // intervals grow by 1 ms per frame, so a window of 29 or 31 frames would give another fps
    const stamps: number[] = [];
    let t = 0;
    for (let i = 0; i < 40; i++) stamps.push((t += 10 + i));
    for (const s of stamps) meter.update(s, 1);
    expect(meter.fps).toBeCloseTo(fpsOf(stamps.slice(-30)), 10);
    expect(meter.fps).not.toBeCloseTo(fpsOf(stamps.slice(-29)), 3);
    expect(meter.fps).not.toBeCloseTo(fpsOf(stamps.slice(-31)), 3);
  });

  it('forgets everything on reset', () => {
    const meter = new RateMeter(4);
    for (const [t, d] of [[0, 100], [10, 100], [20, 100], [30, 100], [40, 100], [50, 100]] as const) meter.update(t, d);
    meter.reset();
    expect(meter.fps).toBe(0);
    expect(meter.meanDurationMs).toBe(0);
    meter.update(10_000, 4);
    meter.update(10_040, 6);
    expect(meter.fps).toBeCloseTo(fpsOf([10_000, 10_040]), 10);
    expect(meter.meanDurationMs).toBe(mean([4, 6]));
  });

  it.each([1, 0, -3, 2.5, Number.NaN])('rejects a window size of %s', (size) => {
    expect(() => new RateMeter(size)).toThrow(RangeError);
  });

  it('accepts the smallest useful window, 2 frames', () => {
    const meter = new RateMeter(2);
    meter.update(0, 1);
    meter.update(100, 1);
    meter.update(150, 1);
    expect(meter.fps).toBeCloseTo(fpsOf([100, 150]), 10);
  });
});
