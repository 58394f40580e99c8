import { describe, expect, it } from 'vitest';
import { SetClock } from './set-clock.ts';

const START = Date.parse('2026-03-01T09:00:00.000Z');

describe('a set clock', () => {
  it('gives the end of a set as its start plus the monotonic time that passed', () => {
    const clock = new SetClock(START, 1_000);
    expect(new Date(clock.wallAt(91_000)).toISOString()).toBe('2026-03-01T09:01:30.000Z');
  });

  it('ignores the wall clock jumping back hours mid-set: the set still ends after it began', () => {
    const clock = new SetClock(START, 0);
    // the wall clock now reads 3 hours earlier; only the monotonic time is asked
    const end = clock.wallAt(45_000);
    expect(end - START).toBe(45_000);
  });

  it('never gives a time before the start, even for an instant read before it', () => {
    expect(new SetClock(START, 5_000).wallAt(4_000)).toBe(START);
  });
});
