import { describe, expect, it } from 'vitest';
import { trackMsAtVideoStart } from './video-clock.ts';

describe('lining a recording up with its keypoint track', () => {
  it('puts the video start at the track time the record button was pressed', () => {
    // the set's last frame at track 60 s was taken at wall 1_000_060_000; recording began at wall 1_000_012_000
    expect(trackMsAtVideoStart(1_000_012_000, 1_000_060_000, 60_000)).toBe(12_000);
  });

  it('falls back to the track start when a wall-clock time is not known', () => {
    expect(trackMsAtVideoStart(Number.NaN, 1_000_060_000, 60_000)).toBe(0);
    expect(trackMsAtVideoStart(1_000_012_000, Number.NaN, 60_000)).toBe(0);
  });
});
