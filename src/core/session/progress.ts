/**
 * Progress over sessions, per exercise: one point per session (full and
 * partial reps, the mean depth of its full reps, the mean hold, faults per
 * rep, pain before and after), in the order the sessions were done. The
 * progress charts draw these; nothing here knows how.
 *
 * A value that a session does not have is NaN (no full rep with a measured
 * depth, no hold, no rep to rate, no pain score), never 0: a chart leaves a
 * gap there instead of drawing a drop. Sessions without a known start time
 * ("unknown", an imported version 0 report) cannot be placed in time: they are
 * counted in `undated` (the charts say so) instead of being put anywhere.
 */
import { EXERCISE_IDS, type ExerciseId } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import type { DepthUnit } from '../exercises/exercise.ts';
import type { SessionRecord } from './schema.ts';
import { UNKNOWN } from './vocabulary.ts';

/** One session as a point of the progress charts. */
export interface ProgressPoint {
  readonly id: string;
  /** ISO 8601, when the set started */
  readonly startedAt: string;
  readonly fullReps: number;
  readonly partialReps: number;
  /** the mean peak of the full reps whose peak was measured, in the exercise's unit (deg, or torso lengths); NaN when none */
  readonly meanPeak: number;
  /** the mean hold at the top of the full reps that held, s; NaN when none held (or the exercise has no holds) */
  readonly meanHoldS: number;
  /** form faults per rep (full and partial reps, each rep's faults counted); NaN without reps */
  readonly faultsPerRep: number;
  /** 0-10; NaN when no score was given */
  readonly painBefore: number;
  readonly painAfter: number;
}

/** One exercise's sessions over time. */
export interface ExerciseProgress {
  readonly exercise: ExerciseId;
  readonly depthUnit: DepthUnit;
  /** whether its reps hold at the top (the hold chart is only for these) */
  readonly countsHolds: boolean;
  /** oldest first */
  readonly points: readonly ProgressPoint[];
  /** sessions of this exercise without a known start time: not in `points` */
  readonly undated: number;
}

/** The part of a record the progress reads (a record without its track fits). */
export type ProgressInput = Pick<SessionRecord, 'id' | 'startedAt' | 'settings' | 'events' | 'pain'>;

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);

/** One session's point (its start time as recorded, possibly "unknown"). */
export function progressPointOf(record: ProgressInput): ProgressPoint {
  const reps = record.events.reps;
  const full = reps.filter((r) => r.full);
  const faults = reps.reduce((n, r) => n + r.faults.length, 0);
  return {
    id: record.id,
    startedAt: record.startedAt,
    fullReps: full.length,
    partialReps: reps.length - full.length,
    meanPeak: mean(full.map((r) => r.peak).filter(Number.isFinite)),
    // `holds` lists the holds that counted as holds (>= 0.5 s at the top)
    meanHoldS: mean(record.events.holds.filter(Number.isFinite)),
    faultsPerRep: reps.length === 0 ? Number.NaN : faults / reps.length,
    painBefore: record.pain.before ?? Number.NaN,
    painAfter: record.pain.after ?? Number.NaN,
  };
}

/** Oldest first; ties by id, so the order never depends on the input's. */
const byStart = (a: ProgressPoint, b: ProgressPoint): number => (a.startedAt !== b.startedAt ? (Date.parse(a.startedAt) < Date.parse(b.startedAt) ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Per exercise that has sessions (in EXERCISE_IDS order): its points, oldest first. */
export function progressByExercise(records: readonly ProgressInput[]): ExerciseProgress[] {
  const out: ExerciseProgress[] = [];
  for (const exercise of EXERCISE_IDS) {
    const own = records.filter((r) => r.settings.exercise === exercise);
    if (own.length === 0) continue;
    const dated = own.filter((r) => r.startedAt !== UNKNOWN).map(progressPointOf).sort(byStart);
    const description = describeExercise(exercise);
    out.push({ exercise, depthUnit: description.depthUnit, countsHolds: description.countsHolds, points: dated, undated: own.length - dated.length });
  }
  return out;
}
