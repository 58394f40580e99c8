/**
 * A reference built from one fixture clip (its committed MoveNet Lightning
 * track) and a patient's reps from another clip of the same exercise, for
 * each exercise with two side-view clips: the figures the coordinator asked
 * for are printed (similarity per rep, its parts, the cue).
 */
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { format } from '../i18n/messages.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { buildReference, repsOfTrack } from './build.ts';
import { cueMessage } from './cue.ts';
import { parseReference } from './format.ts';
import { PreparedReference } from './prepared.ts';
import { RepScorer, type RepComparison } from './score.ts';

const MODEL = 'movenet-lightning';

const PAIRS: readonly { readonly exercise: ExerciseId; readonly variant?: 'floor'; readonly reference: string; readonly patient: string }[] = [
  { exercise: 'good-morning', reference: 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4', patient: 'good_morning/gm_12pt_bodyweight_side_5reps_trim.mp4' },
  { exercise: 'hip-thrust', variant: 'floor', reference: 'hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', patient: 'hip_thrust/glutebridge_lena_selfrec_side_3reps.mp4' },
  { exercise: 'hip-thrust', variant: 'floor', reference: 'hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', patient: 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4' },
  { exercise: 'superman', reference: 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', patient: 'superman/superman_klarfit_sideoblique_2cams_3lifts.mp4' },
  { exercise: 'upward-dog', reference: 'upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4', patient: 'upward_dog/updog_aris_side_1hold.mp4' },
  { exercise: 'upward-dog', reference: 'upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4', patient: 'upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4' },
];

const clipName = (file: string): string => file.split('/').pop()!.replace('.mp4', '');

function line(c: RepComparison): string {
  const unit = c.depth.unit === 'deg' ? 'deg' : 'torso';
  const parts = [
    `similarity ${c.similarity}`,
    `depth ${c.depth.score} (${c.depth.difference >= 0 ? '+' : ''}${c.depth.difference.toFixed(c.depth.unit === 'deg' ? 1 : 3)} ${unit})`,
    `shape ${c.shape ? `${c.shape.score} (${c.shape.meanDifferenceDeg.toFixed(1)} deg)` : '-'}`,
    `tempo ${c.tempo.score} (in x${c.tempo.approachRatio.toFixed(2)}, back x${c.tempo.returnRatio.toFixed(2)})`,
    `hold ${c.hold ? `${c.hold.score} (${c.hold.differenceS >= 0 ? '+' : ''}${c.hold.differenceS.toFixed(1)} s)` : '-'}`,
  ];
  const { key, params } = cueMessage(c.cue);
  return `${parts.join(', ')}: "${format('en', key, params)}" / "${format('nl', key, params)}"`;
}

describe('reference reps from one fixture clip, a patient clip of the same exercise scored against them', () => {
  for (const pair of PAIRS) {
    const request = { exercise: pair.exercise, variant: pair.variant };
    it(`${pair.exercise}: ${clipName(pair.reference)} as the reference, ${clipName(pair.patient)} as the patient`, () => {
      const built = buildReference(loadTrack(pair.reference, MODEL), request);
      if (!built.ok) throw new Error(built.error);
      const reference = built.reference;
      // what is stored goes through JSON (a program link) and reads back the same
      expect(parseReference(JSON.parse(JSON.stringify(reference)))).toEqual({ ok: true, reference });
      const scorer = new RepScorer(new PreparedReference(reference));

      const own = repsOfTrack(loadTrack(pair.reference, MODEL), request).reps.filter((r) => r.record.full).map((r) => scorer.score(r.rep));
      const patient = repsOfTrack(loadTrack(pair.patient, MODEL), request).reps.map((r) => scorer.score(r.rep));
      const out = [`${pair.exercise}: reference ${clipName(pair.reference)} (${reference.reps.length} reps), patient ${clipName(pair.patient)}`];
      own.forEach((c, i) => out.push(`  reference rep ${i + 1} against its own reference: ${line(c)}`));
      patient.forEach((c, i) => out.push(`  patient rep ${i + 1}: ${line(c)}`));
      console.log(out.join('\n'));

      // the physio's own reps are the reference: each is within its noise of it
      for (const c of own) expect(c.similarity).toBeGreaterThanOrEqual(85);
      expect(patient.length).toBeGreaterThan(0);
      for (const c of patient) {
        expect(c.similarity).toBeGreaterThanOrEqual(0);
        expect(c.similarity).toBeLessThanOrEqual(100);
      }
    });
  }
});
