/**
 * Reference reps from a recorded set: the keypoint track is replayed through
 * the engine (as analyzeTrack does), the key angle is recorded frame by
 * frame, and every full rep the engine reports becomes a reference rep. The
 * physio then keeps the reps they mean (all of them by default).
 */
import type { RepRecord } from '../engine/events.ts';
import { ExerciseEngine, type EngineOptions } from '../engine/exercise-engine.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { describeExercise, createChecker } from '../exercises/registry.ts';
import type { ExerciseId, HipThrustVariant } from '../exercises/ids.ts';
import { isHipThrustVariant } from '../exercises/ids.ts';
import type { KeypointTrack } from '../track.ts';
import { SESSION_MODEL_IDS, type SessionModelId } from '../session/vocabulary.ts';
import { MAX_REFERENCE_REPS, parseReference, REFERENCE_VERSION, type Reference, type ReferenceRep } from './format.ts';
import { REFERENCE_SAMPLE_MS, RepSeriesRecorder } from './rep-series.ts';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** One rep as a reference keeps it: the engine's record, the recorder's key angle over it. */
export function referenceRepOf(rep: RepRecord, recorder: RepSeriesRecorder, sampleMs = REFERENCE_SAMPLE_MS): ReferenceRep {
  const durationMs = rep.endMs - rep.startMs;
  // the phases as the engine measured them, to the ms; toPeakS + fromPeakS make up the duration exactly
  const toPeakS = round3((rep.peakMs - rep.startMs) / 1000);
  return {
    durationMs,
    peak: round3(rep.peak),
    toPeakS,
    holdS: round2(Math.min(rep.holdS, durationMs / 1000)),
    fromPeakS: round3(durationMs / 1000 - toPeakS),
    keyAngle: recorder.cut(rep, sampleMs),
  };
}

export interface ReferenceRequest {
  readonly exercise: ExerciseId;
  readonly variant?: HipThrustVariant | undefined;
  readonly engine?: EngineOptions;
}

/** The reps the engine found in a track, each as a reference rep, with the engine's record beside it. */
export interface TrackReps {
  readonly exercise: ExerciseId;
  /** the checker's variant (the hip thrust's detected one when none was asked for), null for none */
  readonly variant: HipThrustVariant | null;
  readonly model: string;
  readonly reps: readonly { readonly record: RepRecord; readonly rep: ReferenceRep }[];
}

/**
 * Replays `track` through the engine and cuts out every rep, full and
 * partial (a partial rep can be a patient's rep to score; a reference takes
 * full ones).
 */
export function repsOfTrack(track: KeypointTrack, request: ReferenceRequest): TrackReps {
  const checker = createChecker({ exercise: request.exercise, variant: request.variant, model: track.model });
  const engine = new ExerciseEngine(checker, request.engine);
  const recorder = new RepSeriesRecorder();
  const records: RepRecord[] = [];
  const take = (events: ReturnType<ExerciseEngine['update']>): void => {
    for (const e of events) if (e.kind === 'rep' || e.kind === 'partial-rep') records.push(e.rep);
  };
  const frame = { timestampMs: 0, imageWidth: track.width, imageHeight: track.height, score: 0, keypoints: [] as PoseFrame['keypoints'] };
  for (const f of track.frames) {
    frame.timestampMs = f.t;
    frame.score = f.score;
    frame.keypoints = f.keypoints;
    const events = engine.update(frame);
    // record before taking the events: a rep that ends on this frame includes it
    recorder.pushEngine(f.t, engine);
    take(events);
  }
  const last = track.frames[track.frames.length - 1];
  if (last) take(engine.finish(last.t));
  const variant = checker.variant !== null && isHipThrustVariant(checker.variant) ? checker.variant : null;
  return { exercise: request.exercise, variant, model: track.model, reps: records.map((record) => ({ record, rep: referenceRepOf(record, recorder) })) };
}

export type ReferenceBuild = { readonly ok: true; readonly reference: Reference } | { readonly ok: false; readonly error: string };

/**
 * A reference from a physio's recorded set: its full reps (or those at
 * `pick`, 0-based among the full reps), at most MAX_REFERENCE_REPS.
 * Refused with a message when the set has no full rep, or the track's model
 * is not one FormCoach knows.
 */
export function buildReference(track: KeypointTrack, request: ReferenceRequest & { readonly pick?: readonly number[] }): ReferenceBuild {
  const model = SESSION_MODEL_IDS.find((id): id is SessionModelId => id === track.model);
  if (model === undefined) return { ok: false, error: `the track was read by an unknown pose model ${JSON.stringify(track.model)}` };
  const found = repsOfTrack(track, request);
  const full = found.reps.filter((r) => r.record.full);
  if (full.length === 0) return { ok: false, error: `no full ${request.exercise} rep in this recording: a reference needs at least one good rep` };
  const picked = request.pick ? request.pick.map((i) => full[i]) : full;
  if (picked.some((r) => r === undefined)) return { ok: false, error: `pick ${JSON.stringify(request.pick)}: the recording has ${full.length} full reps (0-based)` };
  const kept = picked.slice(0, MAX_REFERENCE_REPS).flatMap((r) => (r ? [r.rep] : []));
  const description = describeExercise(request.exercise);
  const candidate: Reference = {
    version: REFERENCE_VERSION,
    exercise: request.exercise,
    variant: found.variant,
    model,
    keyAngle: description.keyAngleScale.label,
    depthUnit: description.depthUnit,
    reps: kept,
  };
  // the same checks as a reference read from a link: what is built here can always be read back
  const parsed = parseReference(candidate);
  return parsed.ok ? { ok: true, reference: parsed.reference } : { ok: false, error: parsed.error };
}
