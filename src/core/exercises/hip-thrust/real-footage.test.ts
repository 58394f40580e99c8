/**
 * The hip thrust checker on the real fixture clips and photos, replayed from
 * their committed keypoint tracks (test/data/tracks) against labels.json.
 * MoveNet Lightning (the live default) must be there; the other models are
 * checked where their tracks have been extracted.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../engine/analysis.ts';
import { BodyState } from '../../engine/body-state.ts';
import type { RepRecord } from '../../engine/events.ts';
import { loadLabelFile, isVideo, type Fixture } from '../../../../test/helpers/fixtures.ts';
import { hasTrack, loadTrack, trackPath } from '../../../../test/helpers/tracks.ts';
import { HipThrustChecker } from './checker.ts';
import { hipThrustConfigFor } from './config.ts';
import { faultsOfStillTop } from './faults.ts';

const DEFAULT_MODEL = 'movenet-lightning';
const MODELS = [DEFAULT_MODEL, 'movenet-thunder', 'blazepose-full', 'blazepose-lite'] as const;
/** labels.json: "peaks_s: ... +-0.5 s"; a rep's peak within 0.7 s of the label is the same moment */
const PEAK_TOLERANCE_S = 0.7;

// the clips these tests were written on (labels.json); test/unit/fixture-counts.test.ts replays all 18
const fixtures = loadLabelFile('labels.json').filter((f) => f.exercise === 'hip-thrust');
const clips = fixtures.filter(isVideo);
const clip = (needle: string): Fixture => {
  const found = clips.find((f) => f.file.includes(needle));
  if (!found) throw new Error(`no hip-thrust clip matching "${needle}" in labels.json`);
  return found;
};
const photo = (needle: string): Fixture => {
  const found = fixtures.find((f) => f.kind === 'image' && f.file.includes(needle));
  if (!found) throw new Error(`no hip-thrust photo matching "${needle}" in labels.json`);
  return found;
};

/**
 * Where a model's keypoints cannot carry the count (not a threshold to tune):
 * kept as known failures, so a better track or checker shows up as a change.
 */
const MODEL_MISSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // BlazePose Full puts the shoulder on the chest in the ballsqueeze close-up; it counts there on
  // the hips' lift (hip-lift.ts) and is no longer a miss
  'blazepose-lite': {
    [clip('ballsqueeze').file]: 'its keypoints of this close-up fold over (signed hip angles of 200-290 deg from 6.5 s on), leaving 1 of 3 reps',
  },
};
const modelMiss = (file: string, model: string): string | undefined => MODEL_MISSES[model]?.[file];

/** The label's view of each clip: exact counts in side views, within one in oblique ones (a true side view gives the real angle). */
const isSideView = (f: Fixture): boolean => f.view === 'side';

/** Only the default model must have its tracks; the others are extracted in the background and skipped until they exist. */
const trackMissing = (file: string, model: string): boolean => model !== DEFAULT_MODEL && !hasTrack(file, model);
const missingNote = (file: string, model: string): string => (trackMissing(file, model) ? ` (skipped: ${trackPath(file, model)} not extracted yet)` : '');

function analyze(f: Fixture, model: string): AnalysisReport {
  return analyzeTrack(loadTrack(f.file, model), HipThrustChecker.forRequest(undefined, model));
}

const fullReps = (reps: readonly RepRecord[]): RepRecord[] => reps.filter((r) => r.full);
const repsPeakingIn = (reps: readonly RepRecord[], fromS: number, toS: number): number => fullReps(reps).filter((r) => r.peakMs >= fromS * 1000 && r.peakMs <= toS * 1000).length;

function expectPeaksNearLabels(reps: readonly RepRecord[], peaksS: readonly number[]): void {
  const full = fullReps(reps);
  const peaks = full.map((r) => r.peakMs / 1000);
  for (const labelled of peaksS) {
    // the highest point of a 3-4 s hold (ball-squeeze) can be anywhere in it: half the hold counts as the same moment
    const nearest = Math.min(...full.map((r) => Math.abs(r.peakMs / 1000 - labelled) - Math.max(0, r.holdS / 2 - PEAK_TOLERANCE_S)));
    expect(nearest, `a counted rep peaks within ${PEAK_TOLERANCE_S} s of the labelled ${labelled} s (peaks at ${peaks.map((p) => p.toFixed(1)).join(', ')} s)`).toBeLessThanOrEqual(PEAK_TOLERANCE_S);
  }
}

function expectCountsAsLabelled(reps: readonly RepRecord[], f: Fixture): void {
  if (f.segments) {
    for (const s of f.segments) {
      const counted = repsPeakingIn(reps, s.from_s, s.to_s);
      if (s.view === 'side') expect(counted, `${s.view} segment ${s.from_s}-${s.to_s} s`).toBe(s.expected);
      else expect(Math.abs(counted - s.expected), `${s.view} segment ${s.from_s}-${s.to_s} s: counted ${counted}, labelled ${s.expected}`).toBeLessThanOrEqual(1);
    }
    return;
  }
  const counted = fullReps(reps).length;
  if (isSideView(f)) expect(counted).toBe(f.expected);
  else expect(Math.abs(counted - (f.expected ?? 0)), `counted ${counted}, labelled ${f.expected}`).toBeLessThanOrEqual(1);
}

describe.each(MODELS)('hip thrust on the real clips, %s', (model) => {
  for (const f of clips) {
    const miss = modelMiss(f.file, model);
    describe(`${f.file} (${f.view}, ${f.expected} reps)${missingNote(f.file, model)}`, () => {
      // where the model's keypoints cannot carry the count, the test is a known failure (MODEL_MISSES)
      const counting = miss ? it.skipIf(trackMissing(f.file, model)).fails : it.skipIf(trackMissing(f.file, model));
      counting(`counts the labelled reps: exactly in side views, within one in oblique ones, with no partial reps${miss ? ` (not with ${model}: ${miss})` : ''}`, () => {
        const report = analyze(f, model);
        // the ball-squeeze label says "side", but the camera looks from the feet: the checker counts it as oblique, and exactly
        expectCountsAsLabelled(report.repDetails, f);
        expect(report.partialReps).toBe(0);
      });

      it.skipIf(trackMissing(f.file, model))('raises no form fault on a clean clip', () => {
        expect(analyze(f, model).faults).toEqual([]);
      });

      it.skipIf(trackMissing(f.file, model))('detects the variant the label gives', () => {
        const checker = HipThrustChecker.forRequest(undefined, model);
        analyzeTrack(loadTrack(f.file, model), checker);
        expect(checker.variant).toBe(f.variant);
      });

      // the labelled peaks were read off the Lightning track; in oblique views the 2D angle's top is projection, not the joint's
      it.runIf(model === DEFAULT_MODEL && isSideView(f))('puts each rep top within 0.7 s of the labelled moment (or within a long hold around it)', () => {
        expectPeaksNearLabels(analyze(f, model).repDetails, f.peaks_s ?? []);
      });
    });
  }
});

describe('the PhysioPlus clip: the one rep starts 0.4 s in, inside the engine 1 s start hold', () => {
  const f = clip('PhysioPlus');

  it('holds the bottom at the very start, and the rise that follows keeps the start position', () => {
    const report = analyze(f, DEFAULT_MODEL);
    // counting starts 1 s after the first frame: the start hold ran from the bottom through the rise
    expect(report.countingStartedMs).toBeLessThanOrEqual(1000 + 100);
    const [rep] = report.repDetails;
    expect(rep?.full).toBe(true);
    // the rep is dated from where the hips left the bottom (0.4-0.5 s), not from when counting started
    expect(rep!.startMs / 1000).toBeLessThan(0.6);
  });

  it('leaves the pause unjudged: the top began before counting did', () => {
    const [rep] = analyze(f, DEFAULT_MODEL).repDetails;
    expect(rep?.metrics.pauseS).toBeNaN();
  });
});

/** Photos whose one frame a model reads differently from the label (kept as known failures). */
const PHOTO_MISSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'movenet-thunder': { Pelvic_Tilt_Bridge_1_PARTIAL: 'Thunder puts the hip on the knee-shoulder line (181 deg, Lightning 165)' },
  'blazepose-full': { Pelvic_Tilt_Bridge_1_PARTIAL: 'BlazePose full puts the hip on the line (180-184 deg)' },
  'blazepose-lite': {
    Pelvic_Tilt_Bridge_1_PARTIAL: 'BlazePose lite puts the hip near the line (174-179 deg)',
    Barbell_Glute_Bridge_1_top: 'BlazePose lite loses the hips behind the barbell plate (135-138 deg)',
  },
};

/** A photo's one-frame track; undefined when it is missing or empty (only for the models other than the default). */
function photoBody(f: Fixture, model: string): BodyState | undefined {
  if (!hasTrack(f.file, model)) {
    if (model === DEFAULT_MODEL) throw new Error(`${trackPath(f.file, model)} is missing`);
    return undefined;
  }
  const track = loadTrack(f.file, model);
  const [frame] = track.frames;
  if (!frame) {
    if (model === DEFAULT_MODEL) throw new Error(`${trackPath(f.file, model)} has no frame: the photo was not analysed`);
    return undefined;
  }
  return new BodyState().update({ timestampMs: frame.t, imageWidth: track.width, imageHeight: track.height, score: frame.score, keypoints: frame.keypoints });
}

describe.each(MODELS)('hip thrust photos (one-frame tracks), %s', (model) => {
  const judge = (needle: string): ReturnType<typeof faultsOfStillTop> => {
    const f = photo(needle);
    const body = photoBody(f, model)!;
    return faultsOfStillTop(body, f.variant === 'bench' ? 'bench' : 'floor', hipThrustConfigFor(model));
  };
  const unusable = (needle: string): boolean => photoBody(photo(needle), model) === undefined;
  const note = (needle: string): string => (unusable(needle) ? ` (skipped: ${trackPath(photo(needle).file, model)} missing or without a frame)` : '');
  const partial = 'Pelvic_Tilt_Bridge_1_PARTIAL';
  const miss = PHOTO_MISSES[model]?.[partial];
  (miss ? it.skipIf(unusable(partial)).fails : it.skipIf(unusable(partial)))(
    `the partial bridge (hips only partly extended) raises incomplete extension: its hip angle stays under the full-extension threshold${miss ? ` (not with ${model}: ${miss})` : ''}${note(partial)}`,
    () => {
      expect(photo(partial).fault).toBe('incomplete-extension');
      expect(judge(partial)).toContain('incomplete-extension');
    },
  );

  for (const needle of ['Barbell_Glute_Bridge_1_top', 'Single_Leg_Glute_Bridge_1_top', 'Barbell_Hip_Thrust_1_top']) {
    const cleanMiss = PHOTO_MISSES[model]?.[needle];
    (cleanMiss ? it.skipIf(unusable(needle)).fails : it.skipIf(unusable(needle)))(`the clean top ${needle} does not (or is not judged, in an oblique view)${cleanMiss ? ` (not with ${model}: ${cleanMiss})` : ''}${note(needle)}`, () => {
      expect(photo(needle).phase).toBe('top');
      expect(judge(needle) ?? []).not.toContain('incomplete-extension');
    });
  }

  it.runIf(model === DEFAULT_MODEL)('the clean bench top (Barbell_Hip_Thrust_1_top) is not judged at all: Lightning sees it as an oblique view (spread 0.33), with the hips hidden behind the plates (150 deg)', () => {
    expect(judge('Barbell_Hip_Thrust_1_top')).toBeNull();
  });
});
