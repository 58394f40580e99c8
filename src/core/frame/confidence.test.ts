import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_KEYPOINT_SCORE, FADED_ALPHA, isKeypointKnown, keypointAlpha } from './confidence.ts';

/** Scores 0, 0.01, ..., 1. */
const scores = Array.from({ length: 101 }, (_, i) => i / 100);

describe('keypointAlpha', () => {
  it('never decreases as the score rises', () => {
    for (let i = 1; i < scores.length; i++) {
      expect(keypointAlpha(scores[i]!)).toBeGreaterThanOrEqual(keypointAlpha(scores[i - 1]!));
    }
  });

  it('never decreases as the score rises, for another threshold too', () => {
    for (let i = 1; i < scores.length; i++) {
      expect(keypointAlpha(scores[i]!, 0.5)).toBeGreaterThanOrEqual(keypointAlpha(scores[i - 1]!, 0.5));
    }
  });

  it('fades keypoints below the threshold', () => {
    for (const score of scores.filter((s) => s < DEFAULT_MIN_KEYPOINT_SCORE)) {
      expect(keypointAlpha(score)).toBe(FADED_ALPHA);
    }
  });

  it('draws a keypoint at the threshold more visibly than a faded one', () => {
    expect(keypointAlpha(DEFAULT_MIN_KEYPOINT_SCORE)).toBeGreaterThan(FADED_ALPHA);
  });

  it('draws keypoints at or above 0.7 fully opaque', () => {
    for (const score of scores.filter((s) => s >= 0.7)) {
      expect(keypointAlpha(score)).toBe(1);
    }
  });

  it('rises strictly between the threshold and 0.7, reaching 1 without a jump', () => {
    const between = scores.filter((s) => s >= DEFAULT_MIN_KEYPOINT_SCORE && s < 0.7);
    for (let i = 1; i < between.length; i++) {
      expect(keypointAlpha(between[i]!)).toBeGreaterThan(keypointAlpha(between[i - 1]!));
    }
    expect(keypointAlpha(0.7 - 1e-9)).toBeCloseTo(1, 6);
  });

  it('stays within 0..1', () => {
    for (const score of [-1, ...scores, 2]) {
      const alpha = keypointAlpha(score);
      expect(alpha).toBeGreaterThan(0);
      expect(alpha).toBeLessThanOrEqual(1);
    }
  });

  it('fades a NaN score', () => {
    expect(keypointAlpha(Number.NaN)).toBe(FADED_ALPHA);
  });

  it('uses the given threshold instead of the default', () => {
    const score = (DEFAULT_MIN_KEYPOINT_SCORE + 0.6) / 2;
    expect(keypointAlpha(score)).toBeGreaterThan(FADED_ALPHA);
    expect(keypointAlpha(score, 0.6)).toBe(FADED_ALPHA);
  });
});

describe('isKeypointKnown', () => {
  it('knows keypoints at or above the threshold and not below', () => {
    expect(isKeypointKnown(DEFAULT_MIN_KEYPOINT_SCORE)).toBe(true);
    expect(isKeypointKnown(0.95)).toBe(true);
    expect(isKeypointKnown(DEFAULT_MIN_KEYPOINT_SCORE - 0.01)).toBe(false);
    expect(isKeypointKnown(0)).toBe(false);
  });

  it('does not know a keypoint with a NaN score', () => {
    expect(isKeypointKnown(Number.NaN)).toBe(false);
  });

  it('uses the given threshold instead of the default', () => {
    expect(isKeypointKnown(0.4, 0.5)).toBe(false);
    expect(isKeypointKnown(0.4, 0.2)).toBe(true);
  });

  it('agrees with keypointAlpha: exactly the unknown keypoints are faded', () => {
    for (const score of scores) {
      expect(keypointAlpha(score) === FADED_ALPHA).toBe(!isKeypointKnown(score));
    }
  });
});
