import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, viewOfSpread, type ViewConfig } from './view.ts';

describe('viewOfSpread', () => {
  const { sideBelow, frontAbove } = DEFAULT_VIEW;

  it('keeps the side/front thresholds between the measured side (<= 0.12) and front-oblique (>= 0.46) spreads', () => {
    expect(sideBelow).toBeGreaterThan(0.12);
    expect(sideBelow).toBeLessThan(0.46);
    expect(frontAbove).toBeGreaterThan(sideBelow);
  });

  it('is a side view below sideBelow', () => {
    expect(viewOfSpread(0)).toBe('side');
    expect(viewOfSpread(sideBelow - 1e-9)).toBe('side');
  });

  it('is oblique from sideBelow up to and including frontAbove', () => {
    expect(viewOfSpread(sideBelow)).toBe('oblique');
    expect(viewOfSpread((sideBelow + frontAbove) / 2)).toBe('oblique');
    expect(viewOfSpread(frontAbove)).toBe('oblique');
  });

  it('is frontal above frontAbove', () => {
    expect(viewOfSpread(frontAbove + 1e-9)).toBe('front');
    expect(viewOfSpread(2)).toBe('front');
  });

  it('is unknown for a spread that is not a finite number', () => {
    expect(viewOfSpread(Number.NaN)).toBe('unknown');
    expect(viewOfSpread(Number.POSITIVE_INFINITY)).toBe('unknown');
  });

  it('uses the thresholds it is given', () => {
    const config: ViewConfig = { sideBelow: 0.1, frontAbove: 0.3, halfLifeMs: 100 };
    expect(viewOfSpread(0.2, config)).toBe('oblique');
    expect(viewOfSpread(0.2)).toBe('side');
    expect(viewOfSpread(0.5, config)).toBe('front');
    expect(viewOfSpread(0.5)).toBe('oblique');
  });
});
