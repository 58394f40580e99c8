/**
 * What a physio's recording offers as a reference, before they keep any of
 * it: its full reps, each scored against the other full reps (a rep unlike
 * the others, a slip or a rep done for the camera, shows as a low figure and
 * can be dropped), or why there is nothing to keep: no full rep of the
 * exercise, and then whether the recording looks like another exercise.
 */
import type { RepRecord } from '../engine/events.ts';
import { EXERCISE_IDS, type ExerciseId } from '../exercises/ids.ts';
import type { KeypointTrack } from '../track.ts';
import { buildReference, repsOfTrack, type ReferenceRequest } from './build.ts';
import { MAX_REFERENCE_REPS, parseReference, type Reference, type ReferenceRep } from './format.ts';
import { PreparedReference } from './prepared.ts';
import { RepScorer, type RepComparison } from './score.ts';

export interface OfferedRep {
  /** the rep's place among the full reps, 0-based: buildReference's `pick` */
  readonly pick: number;
  readonly record: RepRecord;
  readonly rep: ReferenceRep;
  /** this rep against a reference of the other full reps; null when it is the only one */
  readonly againstOthers: RepComparison | null;
}

export type RecordingOffer =
  | { readonly ok: true; readonly reference: Reference; readonly reps: readonly OfferedRep[] }
  /** no full rep of the exercise; `looksLike` another exercise whose full reps the recording holds, or null */
  | { readonly ok: false; readonly problem: 'no-full-rep'; readonly looksLike: ExerciseId | null }
  /** a refusal of the reference format (an unknown pose model): its English detail */
  | { readonly ok: false; readonly problem: 'refused'; readonly detail: string };

/**
 * The full reps of `track` as `request`'s exercise counts them, each with
 * its similarity to the others, and the reference of all of them (the
 * physio's default). Runs the engine once per exercise at most: cheap next
 * to reading the video.
 */
export function offerOfRecording(track: KeypointTrack, request: ReferenceRequest): RecordingOffer {
  const built = buildReference(track, request);
  if (!built.ok) {
    const full = repsOfTrack(track, request).reps.filter((r) => r.record.full);
    if (full.length > 0) return { ok: false, problem: 'refused', detail: built.error };
    return { ok: false, problem: 'no-full-rep', looksLike: otherExerciseIn(track, request.exercise) };
  }
  const full = repsOfTrack(track, request).reps.filter((r) => r.record.full);
  const reps = full.map((r, pick): OfferedRep => {
    const others = full.filter((_, i) => i !== pick).slice(0, MAX_REFERENCE_REPS).map((o) => o.rep);
    const parsed = others.length > 0 ? parseReference({ ...built.reference, reps: others }) : null;
    const againstOthers = parsed?.ok ? new RepScorer(new PreparedReference(parsed.reference)).score(r.rep) : null;
    return { pick, record: r.record, rep: r.rep, againstOthers };
  });
  return { ok: true, reference: built.reference, reps };
}

/** The exercise, other than `exercise`, with the most full reps in the track (at least one), or null. */
export function otherExerciseIn(track: KeypointTrack, exercise: ExerciseId): ExerciseId | null {
  let best: ExerciseId | null = null;
  let bestReps = 0;
  for (const other of EXERCISE_IDS) {
    if (other === exercise) continue;
    const reps = repsOfTrack(track, { exercise: other }).reps.filter((r) => r.record.full).length;
    if (reps > bestReps) {
      best = other;
      bestReps = reps;
    }
  }
  return best;
}
