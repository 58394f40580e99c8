/**
 * The reference: a physio's good reps of one exercise, as FormCoach keeps
 * them with a program (issue 10, "Reference rep"), version 1. Each rep is
 * what the engine reported of it (the counting signal's peak in the
 * exercise's unit, its phases) and the exercise's key angle over the rep,
 * sampled at a fixed interval from the rep's start. Angles need no scaling
 * for body size, and a key angle is measured at the hip, so neither where the
 * person lies nor how big they look on camera changes it; the peak is in
 * degrees or torso lengths (DepthUnit), size-free too. No keypoints are kept:
 * a 3-rep reference stays a few hundred numbers, small enough for a program
 * link and its QR code.
 *
 * Valibot, as the session record (session/schema.ts): a tampered or broken
 * reference is refused with a message that names what is wrong.
 */
import * as v from 'valibot';
import type { DepthUnit } from '../exercises/exercise.ts';
import { EXERCISE_IDS, HIP_THRUST_VARIANTS, type ExerciseId } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import type { KeyAngleLabel } from '../engine/key-angle.ts';
import { SESSION_MODEL_IDS } from '../session/vocabulary.ts';

export const REFERENCE_VERSION = 1;

/** At most this many reps in a reference: a physio shows a few good ones; more only lengthens the link. */
export const MAX_REFERENCE_REPS = 10;
/** The sampling interval bounds, ms: 200 ms (5 fps) is the coarsest that still shows a 1 s phase's shape; 10 ms is finer than any camera. */
export const MIN_SAMPLE_MS = 10;
export const MAX_SAMPLE_MS = 200;
/** A rep lasts at most this long: the checkers' longest maxRepMs is 45 s (the up dog's hold, upward-dog/config.ts). */
export const MAX_REP_MS = 60_000;

const KEY_ANGLE_LABELS = ['torsoInclination', 'hipAngle', 'torsoElevation'] as const satisfies readonly KeyAngleLabel[];
const DEPTH_UNITS = ['deg', 'torso'] as const satisfies readonly DepthUnit[];
const names = (values: readonly string[]): string => values.join(', ');

const seconds = (what: string) => v.pipe(v.number(`${what}: expected seconds`), v.finite(`${what}: expected a finite number of seconds`), v.minValue(0, (i) => `${what}: expected seconds >= 0, got ${String(i.input)}`));

/** The key angle over one rep: deg[k] at the rep's start + k * sampleMs. */
export const KeyAngleSeriesSchema = v.strictObject({
  sampleMs: v.pipe(
    v.number('keyAngle.sampleMs: expected a number of ms'),
    v.check((x) => x >= MIN_SAMPLE_MS && x <= MAX_SAMPLE_MS, (i) => `keyAngle.sampleMs: expected ${MIN_SAMPLE_MS}-${MAX_SAMPLE_MS} ms between samples, got ${String(i.input)}`),
  ),
  deg: v.pipe(
    v.array(
      v.pipe(
        v.number('keyAngle.deg: expected angles in degrees'),
        v.check((x) => Number.isFinite(x) && x >= -180 && x <= 360, (i) => `keyAngle.deg: expected angles between -180 and 360 deg, got ${String(i.input)}`),
      ),
      'keyAngle.deg: expected a list of angles',
    ),
    v.minLength(3, 'keyAngle.deg: a rep needs at least 3 samples'),
    v.readonly(),
  ),
});

export const ReferenceRepSchema = v.pipe(
  v.strictObject({
    /** from leaving rest to being back at rest, ms (RepRecord endMs - startMs) */
    durationMs: v.pipe(v.number('durationMs: expected ms'), v.check((x) => x > 0 && x <= MAX_REP_MS, (i) => `durationMs: expected a rep of 0-${MAX_REP_MS} ms, got ${String(i.input)}`)),
    /** the counting signal at the rep's deepest or highest point, in the reference's depthUnit (RepRecord.peak) */
    peak: v.pipe(v.number('peak: expected a number in the exercise unit'), v.finite('peak: expected a finite number')),
    /** the engine's phases (RepRecord): rest to the peak, held near the peak, the peak back to rest */
    toPeakS: seconds('toPeakS'),
    holdS: seconds('holdS'),
    fromPeakS: seconds('fromPeakS'),
    /** null when the key angle could not be read through the rep (a view the exercise reads no angle in) */
    keyAngle: v.nullable(KeyAngleSeriesSchema),
  }),
  v.check((r) => Math.abs(r.toPeakS + r.fromPeakS - r.durationMs / 1000) <= 0.002, (i) => {
    const r = i.input as { toPeakS: number; fromPeakS: number; durationMs: number };
    return `toPeakS + fromPeakS (${r.toPeakS + r.fromPeakS} s) must make up the rep's duration (${r.durationMs / 1000} s)`;
  }),
  v.check((r) => r.holdS <= r.durationMs / 1000 + 0.001, 'holdS cannot be longer than the rep'),
  v.check(
    (r) => r.keyAngle === null || Math.abs((r.keyAngle.deg.length - 1) * r.keyAngle.sampleMs - r.durationMs) <= r.keyAngle.sampleMs,
    (i) => {
      const r = i.input as { durationMs: number; keyAngle: { sampleMs: number; deg: readonly number[] } };
      return `keyAngle: ${r.keyAngle.deg.length} samples every ${r.keyAngle.sampleMs} ms do not span the rep's ${r.durationMs} ms`;
    },
  ),
);

export const ReferenceSchema = v.pipe(
  v.strictObject({
    version: v.literal(REFERENCE_VERSION, (i) => `unsupported reference version ${JSON.stringify(i.input)}: this FormCoach reads version ${REFERENCE_VERSION}`),
    exercise: v.picklist(EXERCISE_IDS, (i) => `unknown exercise ${JSON.stringify(i.input)}: expected one of ${names(EXERCISE_IDS)}`),
    variant: v.nullable(v.picklist(HIP_THRUST_VARIANTS, (i) => `unknown variant ${JSON.stringify(i.input)}: expected one of ${names(HIP_THRUST_VARIANTS)}, or null`)),
    /** the pose model that read the reference (its noise is the one in the thresholds) */
    model: v.picklist(SESSION_MODEL_IDS, (i) => `unknown pose model ${JSON.stringify(i.input)}: expected one of ${names(SESSION_MODEL_IDS)}`),
    /** which angle keyAngle.deg holds, and the unit of every peak: both as the exercise describes itself */
    keyAngle: v.picklist(KEY_ANGLE_LABELS, (i) => `unknown key angle ${JSON.stringify(i.input)}: expected one of ${names(KEY_ANGLE_LABELS)}`),
    depthUnit: v.picklist(DEPTH_UNITS, (i) => `unknown depth unit ${JSON.stringify(i.input)}: expected one of ${names(DEPTH_UNITS)}`),
    reps: v.pipe(
      v.array(ReferenceRepSchema, 'reps: expected a list of reps'),
      v.minLength(1, 'a reference needs at least one rep'),
      v.maxLength(MAX_REFERENCE_REPS, `a reference holds at most ${MAX_REFERENCE_REPS} reps`),
      v.readonly(),
    ),
  }),
  v.check((r) => describeExercise(r.exercise).keyAngleScale.label === r.keyAngle, (i) => {
    const r = i.input as { exercise: ExerciseId; keyAngle: string };
    return `the ${r.exercise}'s key angle is ${describeExercise(r.exercise).keyAngleScale.label}, not ${r.keyAngle}`;
  }),
  v.check((r) => describeExercise(r.exercise).depthUnit === r.depthUnit, (i) => {
    const r = i.input as { exercise: ExerciseId; depthUnit: string };
    return `the ${r.exercise}'s depth is in ${describeExercise(r.exercise).depthUnit}, not ${r.depthUnit}`;
  }),
  // an exercise with variants may leave it null (the checker detected it); one without has none
  v.check((r) => describeExercise(r.exercise).variants.length > 0 || r.variant === null, (i) => `the ${(i.input as { exercise: ExerciseId }).exercise} has no variants: variant must be null`),
);

export type Reference = v.InferOutput<typeof ReferenceSchema>;
export type ReferenceRep = Reference['reps'][number];
export type KeyAngleSeries = NonNullable<ReferenceRep['keyAngle']>;

export type ReferenceParse = { readonly ok: true; readonly reference: Reference } | { readonly ok: false; readonly error: string };

/** Checks a reference read from JSON (a program link, a file); the error names the first problem and where it is. */
export function parseReference(input: unknown): ReferenceParse {
  const result = v.safeParse(ReferenceSchema, input);
  if (result.success) return { ok: true, reference: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: path ? `reference.${path}: ${issue.message}` : `reference: ${issue.message}` };
}
