/**
 * The ground truth an exercise motion comes with: what a perfect checker
 * would count and flag. Each builder fills it from the same numbers that
 * drive the motion, and measures its peaks on the figure itself.
 */
import type { BodyPose, Motion } from './body-model.ts';
import type { RepInterval } from './schedule.ts';

export type ExerciseName = 'good-morning' | 'hip-thrust' | 'superman' | 'upward-dog';

/** Which reps a fault is put into: true = every rep, false = none, or a list of rep indices. */
export type FaultSelector = boolean | readonly number[];

export interface RepTruth extends RepInterval {
  /** a full rep by the rule in ExerciseTruth.fullRepRule; false = a partial rep */
  readonly full: boolean;
  /** hold time at the peak, seconds */
  readonly holdS: number;
  /** what a checker measures for this rep, on the noise-free near side, named with units */
  readonly measured: Readonly<Record<string, number>>;
  /** the faults injected into this rep */
  readonly faults: readonly string[];
  /** alternating superman: which pair lifted */
  readonly lifted?: 'near-arm+far-leg' | 'far-arm+near-leg';
}

export interface FaultTruth<F extends string = string> {
  readonly fault: F;
  readonly repIndex: number;
  /** when the fault is visible, ms */
  readonly fromMs: number;
  readonly toMs: number;
}

export interface ExerciseTruth<F extends string = string> {
  readonly exercise: ExerciseName;
  readonly variant?: string;
  /** how long a track must run to hold every rep and the rest after the last */
  readonly durationMs: number;
  /** the rule that made a rep full, in words (thresholds from exercises.md) */
  readonly fullRepRule: string;
  readonly reps: readonly RepTruth[];
  readonly fullReps: number;
  readonly partialReps: number;
  /** hold seconds per rep */
  readonly holdsS: readonly number[];
  readonly faults: readonly FaultTruth<F>[];
  /** every fault injected somewhere, once each */
  readonly faultNames: readonly F[];
}

export interface BuiltExercise<F extends string = string> {
  readonly motion: Motion;
  readonly truth: ExerciseTruth<F>;
  /** the pose before the first rep: where a lead-in (walk in, lie down) should end */
  readonly startPose: BodyPose;
}

/** The rep indices a selector picks out of `count` reps. */
export function selectedReps(selector: FaultSelector | undefined, count: number): ReadonlySet<number> {
  if (selector === undefined || selector === false) return new Set();
  if (selector === true) return new Set(Array.from({ length: count }, (_, i) => i));
  for (const index of selector) {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`fault selector: no rep ${index} in ${count} reps`);
  }
  return new Set(selector);
}

/** Adds up the per-rep truth. */
export function summarize<F extends string>(
  exercise: ExerciseName,
  variant: string | undefined,
  durationMs: number,
  fullRepRule: string,
  reps: readonly RepTruth[],
  faults: readonly FaultTruth<F>[],
): ExerciseTruth<F> {
  const fullReps = reps.filter((r) => r.full).length;
  return {
    exercise,
    ...(variant === undefined ? {} : { variant }),
    durationMs,
    fullRepRule,
    reps,
    fullReps,
    partialReps: reps.length - fullReps,
    holdsS: reps.map((r) => r.holdS),
    faults,
    faultNames: [...new Set(faults.map((f) => f.fault))].sort(),
  };
}

/** The same truth, everything later by offsetMs (a lead-in was put before the exercise). */
export function shiftTruth<F extends string>(truth: ExerciseTruth<F>, offsetMs: number): ExerciseTruth<F> {
  const shiftRep = (r: RepTruth): RepTruth => ({
    ...r,
    startMs: r.startMs + offsetMs,
    holdStartMs: r.holdStartMs + offsetMs,
    peakMs: r.peakMs + offsetMs,
    holdEndMs: r.holdEndMs + offsetMs,
    endMs: r.endMs + offsetMs,
  });
  return {
    ...truth,
    durationMs: truth.durationMs + offsetMs,
    reps: truth.reps.map(shiftRep),
    faults: truth.faults.map((f) => ({ ...f, fromMs: f.fromMs + offsetMs, toMs: f.toMs + offsetMs })),
  };
}
