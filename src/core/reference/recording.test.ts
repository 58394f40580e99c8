import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { offerOfRecording } from './recording.ts';

const MODEL = 'movenet-lightning';

describe('what a physio’s recording offers as a reference', () => {
  it('offers every full rep of a good clip, each much like the others', () => {
    const offer = offerOfRecording(loadTrack('good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4', MODEL), { exercise: 'good-morning' });
    if (!offer.ok) throw new Error(offer.problem);
    expect(offer.reps.map((r) => r.pick)).toEqual([0, 1, 2]);
    expect(offer.reference.reps).toHaveLength(3);
    for (const r of offer.reps) expect(r.againstOthers?.similarity).toBeGreaterThanOrEqual(85);
  });

  it('has nothing to compare a single rep with', () => {
    const offer = offerOfRecording(loadTrack('upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4', MODEL), { exercise: 'upward-dog' });
    if (!offer.ok) throw new Error(offer.problem);
    expect(offer.reps).toHaveLength(1);
    expect(offer.reps[0]?.againstOthers).toBeNull();
  });

  it('says when a recording holds no full rep of the exercise, and which exercise it looks like', () => {
    const offer = offerOfRecording(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), { exercise: 'good-morning' });
    expect(offer).toEqual({ ok: false, problem: 'no-full-rep', looksLike: 'hip-thrust' });
  });
});
