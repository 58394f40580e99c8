import { describe, expect, it } from 'vitest';
import { describeExercise } from '../../../core/exercises/registry.ts';
import type { KeyAngleScale } from '../../../core/engine/key-angle.ts';
import { bandBarOf } from './band-bar.ts';

// the hip thrust's shape: amber from 150, green from 170, red past the over-arch at 190 (205: the display's end)
const SCALE: KeyAngleScale = { label: 'hipAngle', edges: [150, 170, 190, 205], zones: ['near', 'good', 'off'], below: 'near', above: 'off' };

describe('the key angle as a bar', () => {
  it('lays the zones out from 15 deg below the first limit to the scale end, in order', () => {
    const bar = bandBarOf(SCALE, null);
    expect(bar.stretches.map((s) => s.zone)).toEqual(['near', 'near', 'good', 'off']);
    expect(bar.stretches[0]!.fromPct).toBe(0);
    expect(bar.stretches[bar.stretches.length - 1]!.toPct).toBe(100);
    expect(bar.ticks.map((t) => t.deg)).toEqual([150, 170, 190]);
    expect(bar.ticks[1]!.pct).toBeCloseTo((170 - 135) / (205 - 135) * 100);
  });

  it('names the good stretch as the target', () => {
    expect(bandBarOf(SCALE, null).target).toEqual({ fromDeg: 170, toDeg: 190 });
  });

  it('merges good stretches, and leaves an open end open', () => {
    // the superman's shape: a chest lift is good up to 20 deg, from lying flat (and below) on
    const superman: KeyAngleScale = { label: 'torsoElevation', edges: [0, 20, 25, 40], zones: ['good', 'near', 'off'], below: 'good', above: 'off' };
    expect(bandBarOf(superman, null).target).toEqual({ fromDeg: null, toDeg: 20 });
    const open: KeyAngleScale = { label: 'hipAngle', edges: [100, 120], zones: ['near'], below: 'off', above: 'good' };
    expect(bandBarOf(open, null).target).toEqual({ fromDeg: 120, toDeg: null });
  });

  it('puts the value on the bar, held at its ends', () => {
    expect(bandBarOf(SCALE, 170).markerPct).toBeCloseTo(50);
    expect(bandBarOf(SCALE, 90).markerPct).toBe(0);
    expect(bandBarOf(SCALE, 260).markerPct).toBe(100);
    expect(bandBarOf(SCALE, null).markerPct).toBeNull();
  });

  it('gives every exercise a target it describes', () => {
    for (const id of ['upward-dog', 'superman', 'good-morning', 'hip-thrust'] as const) {
      const bar = bandBarOf(describeExercise(id).keyAngleScale, null);
      expect(bar.target, id).not.toBeNull();
      expect(bar.stretches.length, id).toBeGreaterThanOrEqual(2);
    }
  });
});
