import { describe, expect, it } from 'vitest';
import { HoldClock, MAX_HOLD_STEP_MS } from './hold-clock.ts';

/** ticks every `stepMs` from `fromMs` (exclusive) to `toMs` (inclusive) */
function tickEvery(clock: HoldClock, fromMs: number, toMs: number, stepMs: number, counts = true): void {
  for (let t = fromMs + stepMs; t <= toMs; t += stepMs) clock.tick(t, counts);
}

describe('the hold clock', () => {
  it('adds up the time at the top frame by frame', () => {
    const clock = new HoldClock();
    clock.start(1_000);
    tickEvery(clock, 1_000, 3_500, 100);
    expect(clock.seconds).toBeCloseTo(2.5);
  });

  it('stops while the person is out of view and goes on from there when they are back', () => {
    const clock = new HoldClock();
    clock.start(0);
    tickEvery(clock, 0, 1_000, 100);
    tickEvery(clock, 1_000, 21_000, 100, false); // 20 s nobody in view
    expect(clock.seconds).toBeCloseTo(1);
    tickEvery(clock, 21_000, 22_000, 100);
    expect(clock.seconds).toBeCloseTo(2);
  });

  it('does not run on over a gap in the frames (a hidden tab, a camera lost and resumed)', () => {
    const clock = new HoldClock();
    clock.start(0);
    tickEvery(clock, 0, 1_000, 100);
    clock.tick(61_000, true); // the next frame comes a minute later
    tickEvery(clock, 61_000, 61_500, 100);
    expect(clock.seconds).toBeCloseTo(1.5);
  });

  it('counts a slow frame that is no gap', () => {
    const clock = new HoldClock();
    clock.start(0);
    clock.tick(MAX_HOLD_STEP_MS, true);
    expect(clock.seconds).toBeCloseTo(MAX_HOLD_STEP_MS / 1000);
  });

  it('does not count the step after a pause, however short', () => {
    const clock = new HoldClock();
    clock.start(0);
    tickEvery(clock, 0, 1_000, 100);
    clock.gap();
    clock.tick(1_400, true);
    tickEvery(clock, 1_400, 1_600, 100);
    expect(clock.seconds).toBeCloseTo(1.2);
  });

  it('reads 0 once the person leaves the top', () => {
    const clock = new HoldClock();
    clock.start(0);
    tickEvery(clock, 0, 1_000, 100);
    clock.stop();
    clock.tick(1_100, true);
    expect(clock.seconds).toBe(0);
  });
});
