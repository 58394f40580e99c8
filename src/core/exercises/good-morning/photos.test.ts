/**
 * The good-morning photos of labels.json, one frame each (committed MoveNet
 * Lightning tracks): the rounded-back bottom raises the fault, the clean
 * bottoms do not, and the tops read as standing tall or close to it.
 */
import { describe, it, expect } from 'vitest';
import { BodyState } from '../../engine/body-state.ts';
import { GoodMorningChecker, headLineDeg, isBackRounding } from './checker.ts';
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

  for (const photo of photos.filter((p) => p.phase === 'bottom')) {
    const rounded = photo.fault === 'rounded-back';
    it(`${rounded ? 'raises' : 'does not raise'} the rounded-back fault on ${photo.file}`, () => {
      const body = bodyOf(photo.file);
      expect(isBackRounding(checker.forwardInclinationDeg(body), headLineDeg(body))).toBe(rounded);
    });
  }
});
