import { describe, expect, it } from 'vitest';
import { formatElapsed } from './elapsed.ts';

describe('formatElapsed', () => {
  it('shows minutes and seconds, both two digits, under an hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(7_999)).toBe('00:07');
    expect(formatElapsed(754_000)).toBe('12:34');
  });
  it('adds hours from an hour on', () => {
    expect(formatElapsed(3_600_000 + 65_000)).toBe('1:01:05');
  });
  it('shows a negative or non-finite time as zero', () => {
    expect(formatElapsed(-5)).toBe('00:00');
    expect(formatElapsed(Number.NaN)).toBe('00:00');
  });
});
