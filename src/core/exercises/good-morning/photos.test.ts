/**
 * The good-morning photos of labels.json, one frame each (committed MoveNet
 * Lightning tracks): the clean bottoms raise no rounded-back fault, the rounded one is a
 * known limit of 2D keypoints, and the tops read as standing tall or close to it.
 */
import { describe, it, expect } from 'vitest';
import { BodyState } from '../../engine/body-state.ts';
import { GoodMorningChecker, headLineDeg, isBackRounding } from './checker.ts';
import { GOOD_MORNING_DEFAULTS } from './config.ts';
import { loadFixtures } from '../../../../test/helpers/fixtures.ts';
import { loadTrack } from '../../../../test/helpers/tracks.ts';

const photos = loadFixtures().filter((f) => f.exercise === 'good-morning' && f.kind === 'image');

function bodyOf(file: string): BodyState {
  const track = loadTrack(file, 'movenet-lightning');
  const frame = track.frames[0];
  if (!frame) throw new Error(`${file}: no frame`);
  return new BodyState().update({ timestampMs: 0, imageWidth: track.width, imageHeight: track.height, score: frame.score, keypoints: frame.keypoints });
}

describe('good-morning photos', () => {
  const checker = new GoodMorningChecker();
  it('include a rounded-back bottom and clean bottoms', () => {
    expect(photos.filter((p) => p.fault === 'rounded-back')).toHaveLength(1);
    expect(photos.filter((p) => p.phase === 'bottom' && !p.fault).length).toBeGreaterThanOrEqual(3);
  });

  for (const photo of photos.filter((p) => p.phase === 'bottom' && p.fault !== 'rounded-back')) {
    it(`does not raise the rounded-back fault on ${photo.file}`, () => {
      const body = bodyOf(photo.file);
      expect(isBackRounding(checker.forwardInclinationDeg(body), headLineDeg(body))).toBe(false);
    });
  }

  // A known limit of 2D keypoints, said so rather than fitted: the rounded photo's torso hangs at
  // 90 deg with a 179 deg head line, the same as gm_12pt_bodyweight_side's clean, long-backed
  // hinges (87-94 deg), so neither depth nor head line can tell them apart (config.ts).
  for (const photo of photos.filter((p) => p.fault === 'rounded-back')) {
    it(`cannot see the rounding on ${photo.file}: its torso and head line read like a clean deep hinge`, () => {
      const body = bodyOf(photo.file);
      const inclination = checker.forwardInclinationDeg(body);
      expect(inclination).toBeGreaterThan(85);
      expect(inclination).toBeLessThan(GOOD_MORNING_DEFAULTS.roundedBackInclinationDeg);
      expect(headLineDeg(body)).toBeGreaterThan(GOOD_MORNING_DEFAULTS.roundedBackBelowDeg);
      expect(isBackRounding(inclination, headLineDeg(body))).toBe(false);
    });
  }
});
