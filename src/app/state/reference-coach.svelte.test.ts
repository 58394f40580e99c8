import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import type { KeypointTrack } from '../../core/track.ts';
import { buildReference, repsOfTrack } from '../../core/reference/build.ts';
import type { ReferenceCue } from '../../core/reference/cue.ts';
import type { Reference } from '../../core/reference/format.ts';
import { PreparedReference } from '../../core/reference/prepared.ts';
import { RepScorer } from '../../core/reference/score.ts';
import { comparisonLineOf, sessionRecordOf } from '../../core/session/record.ts';
import { Coach } from './coach.svelte.ts';

const MODEL = 'movenet-lightning';
const REFERENCE_CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
const PATIENT_CLIP = 'good_morning/gm_12pt_bodyweight_side_5reps_trim.mp4';

const framesOf = (track: KeypointTrack): PoseFrame[] =>
  track.frames.map((f) => ({ timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints }));

function referenceOf(clip: string): Reference {
  const built = buildReference(loadTrack(clip, MODEL), { exercise: 'good-morning' });
  if (!built.ok) throw new Error(built.error);
  return built.reference;
}

describe('the coach with a reference rep', () => {
  it('scores every rep of a patient’s clip as it ends, as a replay of the clip does, and says its cue', () => {
    const reference = referenceOf(REFERENCE_CLIP);
    const coach = new Coach('good-morning', MODEL, undefined, { reference });
    const said: ReferenceCue[] = [];
    coach.listen({ referenceCue: (cue) => said.push(cue) });
    const patient = loadTrack(PATIENT_CLIP, MODEL);
    for (const f of framesOf(patient)) coach.update(f);
    coach.finish();

    const scorer = new RepScorer(new PreparedReference(reference));
    const replayed = repsOfTrack(patient, { exercise: 'good-morning' }).reps.map((r) => scorer.score(r.rep));
    expect(coach.comparisons).toEqual(replayed);
    expect(coach.comparisons).toHaveLength(coach.repRecords.length);
    expect(coach.similarity).toBe(replayed[replayed.length - 1]?.similarity);
    for (const c of coach.comparisons) expect(c.similarity).toBeGreaterThanOrEqual(0);
    // the patient's good mornings go some 20 deg deeper than the physio's: that is what is said
    expect(said.length).toBeGreaterThan(0);
    expect(said[0]?.kind).toBe('less-deep');
  });

  it('says its cue only while the engine shows no cue', () => {
    const coach = new Coach('good-morning', MODEL, undefined, { reference: referenceOf(REFERENCE_CLIP) });
    const engineShowingWhenSaid: boolean[] = [];
    coach.listen({ referenceCue: () => engineShowingWhenSaid.push(coach.cue !== null) });
    for (const f of framesOf(loadTrack(PATIENT_CLIP, MODEL))) coach.update(f);
    expect(engineShowingWhenSaid.length).toBeGreaterThan(0);
    expect(engineShowingWhenSaid.every((showing) => !showing)).toBe(true);
  });

  it('finds the physio’s own reps just like the reference', () => {
    const coach = new Coach('good-morning', MODEL, undefined, { reference: referenceOf(REFERENCE_CLIP) });
    for (const f of framesOf(loadTrack(REFERENCE_CLIP, MODEL))) coach.update(f);
    coach.finish();
    expect(coach.comparisons).toHaveLength(3);
    for (const c of coach.comparisons) expect(c.similarity).toBeGreaterThanOrEqual(85);
  });

  it('scores nothing against a reference of another exercise, and nothing without one', () => {
    const hipThrust = buildReference(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), { exercise: 'hip-thrust', variant: 'floor' });
    if (!hipThrust.ok) throw new Error(hipThrust.error);
    for (const coach of [new Coach('good-morning', MODEL, undefined, { reference: hipThrust.reference }), new Coach('good-morning', MODEL)]) {
      for (const f of framesOf(loadTrack(REFERENCE_CLIP, MODEL))) coach.update(f);
      expect(coach.reps).toBe(3);
      expect(coach.reference).toBeNull();
      expect(coach.similarity).toBeNull();
      expect(coach.comparisons).toEqual([]);
    }
  });

  it('keeps every scored rep in the set’s session record, by its place among the reps', () => {
    const coach = new Coach('good-morning', MODEL, undefined, { reference: referenceOf(REFERENCE_CLIP) });
    const patient = loadTrack(PATIENT_CLIP, MODEL);
    for (const f of framesOf(patient)) coach.update(f);
    coach.finish();
    const built = sessionRecordOf({
      id: 'reference-set',
      startedAt: '2026-01-01T10:00:00.000Z',
      endedAt: '2026-01-01T10:01:00.000Z',
      language: 'en',
      samplingFps: 15,
      report: coach.report({ model: MODEL, source: patient.source, lang: 'en' }),
      track: patient,
      stopReason: 'clip-end',
      comparisons: coach.comparisons.map((c, i) => comparisonLineOf(i, c)),
    });
    if (!built.ok) throw new Error(built.error);
    expect(built.record.events.comparisons.map((c) => c.repIndex)).toEqual(built.record.events.reps.map((_, i) => i));
    expect(built.record.events.comparisons.map((c) => c.similarity)).toEqual(coach.comparisons.map((c) => c.similarity));
  });
});
