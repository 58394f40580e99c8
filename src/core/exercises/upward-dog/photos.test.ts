/**
 * The upward dog photos of the fixtures, one frame each: a clean up-dog top
 * (side), a cobra (the near miss: hips on the mat, elbows bent, head thrown
 * back), and a group of about six people. Measured with the same pure
 * functions the checker judges a hold with.
 */
import { describe, expect, it } from 'vitest';
import { BodyState } from '../../engine/body-state.ts';
import { analyzeTrack } from '../../engine/analysis.ts';
import { hasTrack, loadTrack } from '../../../../test/helpers/tracks.ts';
import { loadFixtures } from '../../../../test/helpers/fixtures.ts';
import { UPWARD_DOG_PARTIAL_REASONS, UpwardDogChecker } from './checker.ts';
import { upwardDogConfigForModel } from './config.ts';
import { notFullReason, topShows, TOP_FAULTS, type TopShape } from './faults.ts';
import { measureUpwardDog, newUpwardDogMeasures, type UpwardDogMeasures } from './measures.ts';

const MODELS = ['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite'] as const;
const CLEAN_TOP = 'upward_dog/updog_wikimedia_PaxAhimsaGethen_side.jpg';
const COBRA = 'upward_dog/near_miss_cobra/cobra_pixahive_165228_side.jpg';
const GROUP = 'upward_dog/updog_pexels_yankrukov_8436589_group.jpg';

function bodyOfPhoto(file: string, model: string): BodyState {
  const track = loadTrack(file, model);
  const frame = track.frames[0];
  if (!frame) throw new Error(`${file}: the track has no frame`);
  return new BodyState().update({ timestampMs: frame.t, imageWidth: track.width, imageHeight: track.height, score: frame.score, keypoints: frame.keypoints });
}

const measuresOfPhoto = (file: string, model: string): UpwardDogMeasures => measureUpwardDog(bodyOfPhoto(file, model), newUpwardDogMeasures());

/** A photo's one frame is both the peak and the hold; it has no start position to compare the shoulders with. */
const topFormOf = (m: UpwardDogMeasures) => ({ peakElevationDeg: m.torsoElevationDeg, holdElevationDeg: m.torsoElevationDeg, hipLiftTorso: m.hipLiftTorso, elbowDeg: m.elbowDeg });
const shapeOf = (m: UpwardDogMeasures): TopShape => ({ handOffsetTorso: m.handOffsetTorso, kneeDeg: m.kneeDeg, earShoulderRatio: Number.NaN, headLineDeg: m.headLineDeg, obliqueView: false });

describe('the labels', () => {
  it('list the three upward dog photos these tests read', () => {
    const photos = loadFixtures()
      .filter((f) => f.exercise === 'upward-dog' && f.kind === 'image')
      .map((f) => f.file);
    expect(photos).toEqual(expect.arrayContaining([CLEAN_TOP, COBRA, GROUP]));
  });
});

/** Why a model's photo track cannot be used yet, or null when it can. */
function unusable(file: string, model: string): string | null {
  if (!hasTrack(file, model)) return `no ${model} track of ${file} in test/data/tracks yet`;
  if (loadTrack(file, model).frames.length === 0) return `the ${model} track of ${file} has no frame (its extraction produced none)`;
  return null;
}

describe.each(MODELS)('upward dog photos, %s', (model) => {
  // only the background extraction of the other models can be missing or empty; Lightning is committed (never skipped)
  const photoTest = (files: readonly string[], title: string, test: () => void): void => {
    const why = model === 'movenet-lightning' ? null : files.map((f) => unusable(f, model)).find((w) => w !== null);
    if (why) it.skip(`${title} (skipped: ${why})`, test);
    else it(title, test);
  };
  const maybe = (title: string, test: () => void): void => photoTest([CLEAN_TOP, COBRA], title, test);
  const config = upwardDogConfigForModel(model);

  maybe('reads the clean side photo as a full up-dog top with no fault', () => {
    const m = measuresOfPhoto(CLEAN_TOP, model);
    expect(m.torsoElevationDeg).toBeGreaterThanOrEqual(config.counter.fullAt);
    expect(notFullReason(topFormOf(m), config)).toBeNull();
    for (const fault of TOP_FAULTS) expect({ fault, shows: topShows(fault, shapeOf(m), config) }).toEqual({ fault, shows: false });
  });

  maybe('does not read the cobra photo as a full up-dog top: the torso stands near vertical with the hips on the mat', () => {
    const m = measuresOfPhoto(COBRA, model);
    const clean = measuresOfPhoto(CLEAN_TOP, model);
    expect(notFullReason(topFormOf(m), config)).not.toBeNull();
    expect(m.torsoElevationDeg).toBeGreaterThan(config.topMaxElevationDeg);
    // the hips sit lower above the hands and feet than in the up dog
    expect(m.hipLiftTorso).toBeLessThan(clean.hipLiftTorso);
  });

  maybe('says the cobra photo, as the top of a rep, was partial for want of hips lifted off the mat', () => {
    const reason = notFullReason(topFormOf(measuresOfPhoto(COBRA, model)), config);
    expect(reason === null ? null : UPWARD_DOG_PARTIAL_REASONS[reason]).toBe('hips-up');
  });

  maybe('sees the cobra photo\'s head thrown back, and the clean photo\'s long neck', () => {
    const cobra = measuresOfPhoto(COBRA, model);
    const clean = measuresOfPhoto(CLEAN_TOP, model);
    expect(cobra.headLineDeg).toBeGreaterThan(config.maxHeadLineDeg);
    expect(topShows('head-thrown-back', shapeOf(cobra), config)).toBe(true);
    expect(clean.headLineDeg).toBeLessThanOrEqual(config.maxHeadLineDeg);
  });

  maybe('counts nothing on a single photo (no start position was held)', () => {
    for (const file of [CLEAN_TOP, COBRA]) {
      const report = analyzeTrack(loadTrack(file, model), new UpwardDogChecker(config));
      expect({ file, reps: report.reps, partial: report.partialReps, started: report.countingStartedMs }).toEqual({ file, reps: 0, partial: 0, started: null });
    }
  });

  photoTest([GROUP], 'survives the group photo: one pose of the six people, nothing counted', () => {
    const track = loadTrack(GROUP, model);
    // a single-pose model returns one (mixed) person
    expect(track.frames).toHaveLength(1);
    const report = analyzeTrack(track, new UpwardDogChecker(config));
    expect(report.reps).toBe(0);
    expect(report.partialReps).toBe(0);
    const m = measuresOfPhoto(GROUP, model);
    // whatever it measured is a number or unknown, never an exception
    for (const value of Object.values(m)) expect(typeof value).toBe('number');
  });
});
