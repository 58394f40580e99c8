/**
 * A physio's program (issue 10, "Prescription"), version 1: exercises in
 * order, each with its variant, sets x reps and/or a hold, rest, the
 * exercise's tunable thresholds (exercises/tunables.ts), and an optional
 * reference rep (reference/format.ts); a personal note and the patient's
 * language. It travels in a link (link.ts) and is checked here with valibot,
 * every refusal with a message that names the field and the bound.
 *
 * Nothing is filled in: an item lists every tunable of its exercise with the
 * value the physio chose (the builder starts from the defaults), so a program
 * that lacks one is refused instead of quietly coached with a default.
 *
 * Where the bounds come from. The article (shared design/exercises.md) gives
 * no doses; targets.ts holds the app's starting points (2-3 sets of 5-12 reps,
 * holds of 0-5 s, 45-60 s rest). The bounds are wide around them and stop
 * where a set stops being the controlled body-weight work the article means:
 * - sets 1-10: one set is a start; beyond 10 sets of one exercise is
 *   endurance training, not the rehabilitation the article describes;
 * - reps 1-30 per set: the targets' 12 more than doubled; beyond that the
 *   set becomes a fatigue test (and the patient's form drifts);
 * - hold 1-60 s at the top of each rep: the checkers end a rep held longer
 *   than 45 s (upward-dog config maxRepMs) and a reference rep is at most
 *   60 s (reference/format.ts MAX_REP_MS); a hold of 0 is "no hold": null;
 * - rest 10-300 s between sets: 10 s to reset the position, 5 minutes is a
 *   long pause for body-weight work (the targets use 45-60);
 * - note up to 500 characters: a few sentences, short enough for the link.
 */
import * as v from 'valibot';
import { EXERCISE_IDS, HIP_THRUST_VARIANTS, type ExerciseId } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import { checkOverrides, type ThresholdOverrides, type TunableKey } from '../exercises/tunables.ts';
import { LANGUAGES } from '../i18n/messages.ts';
import { ReferenceSchema } from '../reference/format.ts';

export const PROGRAM_VERSION = 1;

/** The bounds of a prescription (see the file comment for where each comes from). */
export const PROGRAM_BOUNDS = {
  sets: { min: 1, max: 10 },
  reps: { min: 1, max: 30 },
  holdS: { min: 1, max: 60 },
  restS: { min: 10, max: 300 },
  noteChars: 500,
  titleChars: 80,
  items: { min: 1, max: 12 },
} as const;

const names = (values: readonly string[]): string => values.join(', ');

/** A whole number within [min, max], with the field's name and the bound in every message. */
const whole = (field: string, unit: string, bounds: { readonly min: number; readonly max: number }) =>
  v.pipe(
    v.number((i) => `${field}: expected a number of ${unit}, got ${JSON.stringify(i.input)}`),
    v.check((x) => Number.isInteger(x), (i) => `${field}: expected a whole number of ${unit}, got ${String(i.input)}`),
    v.check((x) => x >= bounds.min && x <= bounds.max, (i) => `${field} = ${String(i.input)} ${unit} is out of bounds: it must lie in ${bounds.min}..${bounds.max} ${unit}`),
  );

const tunableValue = (key: TunableKey) => v.optional(v.number((i) => `overrides.${key}: expected a number, got ${JSON.stringify(i.input)}`));

/** Every tunable key of every exercise may appear (spelled out so the type is exact); which belong to the item's exercise is checked below. */
const OverridesSchema = v.strictObject(
  {
    pressRiseDeg: tunableValue('pressRiseDeg'),
    topMinElbowDeg: tunableValue('topMinElbowDeg'),
    buildUpJumpDeg: tunableValue('buildUpJumpDeg'),
    liftTorso: tunableValue('liftTorso'),
    maxArchDeg: tunableValue('maxArchDeg'),
    hingeDepthDeg: tunableValue('hingeDepthDeg'),
    minRepSeconds: tunableValue('minRepSeconds'),
    hipsUpToLineDeg: tunableValue('hipsUpToLineDeg'),
    hipThrustMinPauseS: tunableValue('hipThrustMinPauseS'),
  } satisfies { [K in TunableKey]: ReturnType<typeof tunableValue> },
  (i) => `overrides: expected an object of tunable thresholds, got ${JSON.stringify(i.input)}`,
);

/** The first problem of an item's overrides against its exercise's tunables, or null: every one listed, none foreign, each within its bounds. */
export function overridesProblem(exercise: ExerciseId, overrides: ThresholdOverrides): string | null {
  const tunables = describeExercise(exercise).tunables;
  const missing = tunables.filter((t) => overrides[t.key] === undefined).map((t) => t.key);
  if (missing.length) return `overrides: ${missing.join(', ')} missing (a program states every threshold of its exercise; none is filled in with a default)`;
  try {
    checkOverrides(exercise, tunables, overrides);
  } catch (e) {
    return `overrides: ${e instanceof Error ? e.message : String(e)}`;
  }
  return null;
}

export const ProgramItemSchema = v.pipe(
  v.strictObject({
    exercise: v.picklist(EXERCISE_IDS, (i) => `exercise: unknown exercise ${JSON.stringify(i.input)}: expected one of ${names(EXERCISE_IDS)}`),
    /** the exercise's variant (the hip thrust's floor | bench); null for an exercise without variants */
    variant: v.nullable(v.picklist(HIP_THRUST_VARIANTS, (i) => `variant: unknown variant ${JSON.stringify(i.input)}: expected one of ${names(HIP_THRUST_VARIANTS)}, or null`)),
    sets: whole('sets', 'sets', PROGRAM_BOUNDS.sets),
    /** full reps per set; null = the set is one hold (holdS) */
    reps: v.nullable(whole('reps', 'reps', PROGRAM_BOUNDS.reps)),
    /** seconds at the top of each rep; null = no hold */
    holdS: v.nullable(whole('holdS', 's', PROGRAM_BOUNDS.holdS)),
    restS: whole('restS', 's', PROGRAM_BOUNDS.restS),
    overrides: OverridesSchema,
    reference: v.nullable(ReferenceSchema),
  }),
  v.check((i) => i.reps !== null || i.holdS !== null, 'an item needs reps, a hold, or both: reps and holdS are both null'),
  v.check((i) => describeExercise(i.exercise).variants.length > 0 === (i.variant !== null), (i) => {
    const d = describeExercise((i.input as { exercise: ExerciseId }).exercise);
    return d.variants.length > 0 ? `variant: the ${d.id} needs its variant (${names(d.variants)})` : `variant: the ${d.id} has no variants: variant must be null`;
  }),
  v.check((i) => describeExercise(i.exercise).countsHolds || i.holdS === null, (i) => `holdS: the ${(i.input as { exercise: ExerciseId }).exercise} has no hold at the top: holdS must be null`),
  v.check(
    (i) => overridesProblem(i.exercise, i.overrides) === null,
    (i) => {
      const item = i.input as { exercise: ExerciseId; overrides: ThresholdOverrides };
      return overridesProblem(item.exercise, item.overrides) ?? 'overrides: invalid';
    },
  ),
  v.check((i) => i.reference === null || i.reference.exercise === i.exercise, (i) => {
    const item = i.input as { exercise: ExerciseId; reference: { exercise: string } };
    return `reference: a reference of the ${item.reference.exercise} cannot stand for the ${item.exercise}`;
  }),
);

export const ProgramSchema = v.strictObject({
  version: v.literal(PROGRAM_VERSION, (i) => `version: this program is version ${JSON.stringify(i.input)}; this FormCoach reads version ${PROGRAM_VERSION}${typeof i.input === 'number' && i.input > PROGRAM_VERSION ? ' (it was made by a newer FormCoach: update this one)' : ''}`),
  /** identifies the program in the session records (record.program.id); letters, digits, - and _ */
  id: v.pipe(v.string('id: expected text'), v.regex(/^[A-Za-z0-9_-]{4,40}$/, (i) => `id: expected 4-40 letters, digits, - or _, got ${JSON.stringify(i.input)}`)),
  title: v.pipe(v.string('title: expected text'), v.maxLength(PROGRAM_BOUNDS.titleChars, (i) => `title: at most ${PROGRAM_BOUNDS.titleChars} characters, got ${i.input.length}`)),
  note: v.pipe(v.string('note: expected text'), v.maxLength(PROGRAM_BOUNDS.noteChars, (i) => `note: at most ${PROGRAM_BOUNDS.noteChars} characters, got ${i.input.length}`)),
  language: v.picklist(LANGUAGES, (i) => `language: expected one of ${names(LANGUAGES)}, got ${JSON.stringify(i.input)}`),
  items: v.pipe(
    v.array(ProgramItemSchema, 'items: expected a list of exercises'),
    v.minLength(PROGRAM_BOUNDS.items.min, 'items: a program needs at least one exercise'),
    v.maxLength(PROGRAM_BOUNDS.items.max, `items: a program holds at most ${PROGRAM_BOUNDS.items.max} exercises`),
    v.readonly(),
  ),
});

export type Program = v.InferOutput<typeof ProgramSchema>;
export type ProgramItem = Program['items'][number];

export type ProgramParse = { readonly ok: true; readonly program: Program } | { readonly ok: false; readonly error: string };

/**
 * Checks a program read from JSON; the error names the first problem and
 * where it is ("items.1: sets = 12 sets is out of bounds: ..."). A message
 * that already starts with its field is not prefixed twice.
 */
export function parseProgram(input: unknown): ProgramParse {
  const result = v.safeParse(ProgramSchema, input);
  if (result.success) return { ok: true, program: result.output };
  const issue = result.issues[0];
  const keys = (issue.path ?? []).map((p) => String(p.key));
  // the message names the last key itself (whole(), picklists): show the path up to it
  const last = keys.at(-1);
  const where = last !== undefined && issue.message.startsWith(`${last}`) ? keys.slice(0, -1) : keys;
  return { ok: false, error: where.length ? `${where.join('.')}: ${issue.message}` : issue.message };
}

/** The item's thresholds as createChecker takes them (every tunable of its exercise, as the program states them). */
export function itemOverrides(item: ProgramItem): ThresholdOverrides {
  const out: { [K in TunableKey]?: number } = {};
  for (const t of describeExercise(item.exercise).tunables) out[t.key] = item.overrides[t.key];
  return out;
}
