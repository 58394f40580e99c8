/**
 * Golden tests, real footage replayed: every labelled clip of
 * ../shared/fixtures (labels.json and labels-more.json, 18 clips), with the
 * committed keypoint track of each of the four models, through the same
 * engine as the CLI and the browser (analyzeTrack, which also ends the set
 * at the clip's last frame).
 *
 * - The default model (MoveNet Lightning) counts every clip and view segment
 *   exactly, side, oblique and front alike; the other models within one.
 * - Alternating supermans count no full rep.
 * - No fault on a clip of good form; the faults a person can see in a clip
 *   are listed with what is seen.
 * - Rep peaks land near the labelled peak times.
 *
 * Misses that remain are listed in KNOWN_MISSES with the reason: each must
 * still miss as described (a fix makes that test fail, so the list shrinks).
 */
import { describe, it, expect } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../src/core/engine/analysis.ts';
import { createChecker } from '../../src/core/exercises/registry.ts';
import { isExerciseId } from '../../src/core/exercises/ids.ts';
import { scoreClip } from '../../src/core/evaluation/score.ts';
import { DEFAULT_MODEL, MODEL_IDS, type ModelId } from '../../src/pose/models.ts';
import { loadFixtures, isVideo, type Fixture } from '../helpers/fixtures.ts';
import { loadTrack } from '../helpers/tracks.ts';

/** labels: peaks are read "about 0.3 s either way" by eye; ours are frame times at 15 fps, a hold's anywhere in it. */
const PEAK_TOLERANCE_S = 0.7;

type ClipFile = string;

/** Counts that are still wrong, per model and clip, with what goes wrong: the count the model gives now. */
const KNOWN_MISSES: Partial<Record<ModelId, Readonly<Record<ClipFile, { readonly counted: number; readonly why: string }>>>> = {
  // BlazePose Full on this clip reads the chest as the shoulder; it counts on the hips' lift
  // (hip-thrust/hip-lift.ts). Lite has no usable hips: after the first rep its hip keypoint sits
  // at the knee's height at rest (y 157-171 px, where MoveNet puts the knee at 153-159) and its
  // hips read 0.02-0.07 torso LOWER at the holds than at rest, so neither the hip angle nor the
  // lift sees reps 2 and 3.
  'blazepose-lite': {
    'hip_thrust/bridge_ballsqueeze_side_3reps_holds.mp4': { counted: 1, why: 'filmed from the feet in close-up: after the first rep BlazePose Lite puts the hip where the knee is, and the hips read lower at the holds than at rest' },
  },
};

/**
 * Faults a person sees in a clip, so they are right to be raised (the other
 * clips are labelled good form). Seen in the frames by eye.
 */
const SEEN_FAULTS: Readonly<Record<ClipFile, { readonly faults: readonly string[]; readonly seen: string }>> = {
  'upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4': { faults: ['head-thrown-back'], seen: 'at 6.5 s the gaze goes straight up to the ceiling, the neck folded back' },
  'upward_dog/updog_aris_side_1hold.mp4': { faults: ['head-thrown-back'], seen: 'at 4 s the chin is lifted and the head tilted back over the shoulders' },
  'superman/superman_klarfit_sideoblique_2cams_3lifts.mp4': { faults: ['too-fast'], seen: 'labels-more.json: "quick lifts of arms and legs together", 0.5-0.7 s up and down' },
  'superman/superman_alternating_fitbod_8lifts.mp4': { faults: ['not-together'], seen: 'one arm and the opposite leg rise at a time: the alternating variant, not the superman of the article' },
};

function analyse(fixture: Fixture, model: ModelId): AnalysisReport {
  if (!isExerciseId(fixture.exercise)) throw new Error(`unknown exercise ${fixture.exercise}`);
  const track = loadTrack(fixture.file, model);
  return analyzeTrack(track, createChecker({ exercise: fixture.exercise, variant: fixture.variant, model: track.model }));
}

const clips = loadFixtures().filter(isVideo);

describe('the labelled clips', () => {
  it('are the 18 of labels.json and labels-more.json', () => {
    expect(clips).toHaveLength(18);
  });
});

for (const model of MODEL_IDS) {
  const exact = model === DEFAULT_MODEL;
  describe(`fixture clips with ${model} (${exact ? 'the default model: exact' : 'within one'})`, () => {
    for (const fixture of clips) {
      describe(fixture.file, () => {
        const report = (() => {
          let cached: AnalysisReport | undefined;
          return () => (cached ??= analyse(fixture, model));
        })();
        const score = () => scoreClip(fixture, report().repDetails, report().partialReps);
        const miss = KNOWN_MISSES[model]?.[fixture.file];

        if (miss) {
          it(`still misses: counts ${miss.counted} of ${fixture.expected ?? 0} (${miss.why})`, () => {
            expect(report().reps).toBe(miss.counted);
          });
          return;
        }

        for (const unit of scoreClip(fixture, [], 0).units) {
          it(`counts ${unit.expected} ${exact ? 'exactly' : 'within one'}: ${unit.name} (${unit.view})`, () => {
            const counted = score().units.find((u) => u.name === unit.name)?.counted ?? Number.NaN;
            if (exact) expect(counted).toBe(unit.expected);
            else expect(Math.abs(counted - unit.expected)).toBeLessThanOrEqual(1);
          });
        }

        if (exact && fixture.kind !== 'alternating' && fixture.peaks_s) {
          it(`puts every labelled peak within ${PEAK_TOLERANCE_S} s of a counted rep’s top (or inside its hold)`, () => {
            const s = score();
            expect(s.unmatchedPeaks).toBe(0);
            for (const e of s.peakErrorsS) expect(e).toBeLessThanOrEqual(PEAK_TOLERANCE_S);
          });
        }

        if (exact) {
          const seen = SEEN_FAULTS[fixture.file];
          it(seen ? `raises only the faults a person sees: ${seen.faults.join(', ')} (${seen.seen})` : 'raises no form fault on a clip of good form', () => {
            const raised = [...new Set(report().faults.map((f) => f.fault))].sort();
            expect(raised).toEqual([...(seen?.faults ?? [])].sort());
          });
        }
      });
    }
  });
}
