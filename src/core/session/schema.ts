/**
 * The session record, version 2 (docs/session-format.md): what one set was
 * (settings, when, why it ended, pain scores, the program it followed), what
 * the camera or file gave (the keypoint track, in its own format: track.ts)
 * and what the engine made of it (the analysis report's events: reps with
 * their metrics, partial reps, holds, cues, warnings, faults; each rep
 * scored against the physio's reference, when the program had one).
 * Version 1 had no program and no comparisons (migrate.ts). The app stores it, exports and imports it;
 * `npm run analyze --session` writes it. Types come from the schema.
 *
 * Valibot, not zod: zod 4 compiles validators with `new Function`, which the
 * app's planned Content-Security-Policy forbids.
 *
 * Numbers that were not measured are NaN in memory and null in JSON
 * (JSON.stringify writes NaN as null); the schema reads null back as NaN.
 */
import * as v from 'valibot';
import { CUE_KEYS, isNumberedCueKey } from '../engine/cues.ts';
import { PARTIAL_REASONS } from '../engine/events.ts';
import { EXERCISE_IDS, HIP_THRUST_VARIANTS } from '../exercises/ids.ts';
import { LANGUAGES } from '../i18n/messages.ts';
import { validateTrack } from '../track.ts';
import { FAULT_KEYS, METRIC_KEYS, SESSION_MODEL_IDS, SESSION_SCHEMA_VERSION, SOURCE_KINDS, STOP_REASONS, UNKNOWN, WARNING_KEYS } from './vocabulary.ts';

const names = (values: readonly string[]): string => values.join(', ');
/** a list the record holds; read-only in the types, as records are not edited in place */
const listOf = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.readonly());

/** ms from the start of the source (the track's clock) */
const timeMs = v.pipe(v.number(), v.minValue(0, (i) => `expected a time in ms >= 0, got ${String(i.input)}`));
const seconds = v.pipe(v.number(), v.minValue(0, (i) => `expected seconds >= 0, got ${String(i.input)}`));
/** a measurement: NaN (null in JSON) when it was not measured */
const measured = v.pipe(
  v.union([v.number(), v.nan(), v.null()], 'expected a number, or null where it was not measured'),
  v.transform((x: number | null): number => x ?? Number.NaN),
);
const wholeNumber = (min: number, max?: number) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.minValue(min),
    v.maxValue(max ?? Number.MAX_SAFE_INTEGER),
  );

export const ExerciseIdSchema = v.picklist(EXERCISE_IDS, (i) => `unknown exercise ${JSON.stringify(i.input)}: expected one of ${names(EXERCISE_IDS)}`);

/** One rep as the engine reports it (events.ts RepRecord), full or partial. */
export const RepSchema = v.pipe(
  v.strictObject({
    index: wholeNumber(0),
    full: v.boolean(),
    startMs: timeMs,
    peakMs: timeMs,
    endMs: timeMs,
    peak: measured,
    toPeakS: seconds,
    fromPeakS: seconds,
    holdS: seconds,
    metrics: v.record(v.picklist(METRIC_KEYS, (i) => `unknown metric ${JSON.stringify(i.input)}`), measured),
    faults: listOf(v.picklist(FAULT_KEYS, (i) => `unknown fault ${JSON.stringify(i.input)}`)),
    partialReason: v.exactOptional(v.picklist(PARTIAL_REASONS)),
  }),
  v.check((r) => (r.full ? r.index >= 1 : r.index === 0), 'a full rep is numbered from 1, a partial rep has index 0'),
  v.check((r) => !(r.full && r.partialReason !== undefined), 'a full rep has no partialReason'),
  v.check((r) => r.startMs <= r.peakMs && r.peakMs <= r.endMs, (i) => `the peak (${String((i.input as { peakMs: number }).peakMs)} ms) must lie between the start and the end of the rep`),
);

/** A partial rep as the report lists it: when, its peak, and what it missed (text in the record's language). */
export const PartialLineSchema = v.strictObject({
  startMs: timeMs,
  endMs: timeMs,
  peak: measured,
  reason: v.nullable(v.picklist(PARTIAL_REASONS)),
  text: v.nullable(v.string()),
});

export const CueLineSchema = v.pipe(
  v.strictObject({
    t: timeMs,
    key: v.picklist(CUE_KEYS, (i) => `unknown cue ${JSON.stringify(i.input)}`),
    n: v.exactOptional(v.number()),
    text: v.string(),
  }),
  v.check((c) => isNumberedCueKey(c.key) === (c.n !== undefined), (i) => `cue ${JSON.stringify((i.input as { key: string }).key)}: a cue with a number has its n, and only such a cue`),
);

export const WarningLineSchema = v.strictObject({
  t: timeMs,
  key: v.picklist(WARNING_KEYS, (i) => `unknown warning ${JSON.stringify(i.input)}`),
  detail: v.exactOptional(v.string()),
});

export const FaultLineSchema = v.strictObject({
  t: timeMs,
  fault: v.picklist(FAULT_KEYS, (i) => `unknown fault ${JSON.stringify(i.input)}`),
});

const score = v.pipe(v.number('expected a score 0-100'), v.minValue(0, 'expected a score 0-100'), v.maxValue(100, 'expected a score 0-100'));
const finite = v.pipe(v.number(), v.finite('expected a finite number'));
const wholeAtLeast1 = v.pipe(v.number(), v.integer(), v.minValue(1));

/** The cue of a comparison (reference/cue.ts ReferenceCue): its text in any language comes from cueMessage. */
export const ReferenceCueSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('matches') }),
    v.strictObject({ kind: v.picklist(['deeper', 'less-deep', 'higher', 'less-high']), unit: v.literal('deg'), byDeg: wholeAtLeast1 }),
    v.strictObject({ kind: v.picklist(['deeper', 'less-deep', 'higher', 'less-high']), unit: v.literal('torso'), byPctTorso: wholeAtLeast1 }),
    v.strictObject({ kind: v.picklist(['slower-up', 'faster-up', 'slower-down', 'faster-down']) }),
    v.strictObject({ kind: v.picklist(['hold-longer', 'hold-shorter']), byS: wholeAtLeast1 }),
  ],
  (i) => `unknown reference cue ${JSON.stringify(i.input)}`,
);

/**
 * One rep scored against the program's reference rep (reference/score.ts
 * RepComparison): the similarity and its parts, each with its difference in
 * its unit. `repIndex` is the rep's position in `events.reps` (from 0).
 */
export const ComparisonLineSchema = v.strictObject({
  repIndex: wholeNumber(0),
  /** 0-100, the mean of the parts' scores */
  similarity: score,
  depth: v.strictObject({
    score,
    /** patient - reference, in `unit` (negative: shallower, or lower) */
    difference: finite,
    unit: v.picklist(['deg', 'torso']),
    peak: finite,
    referencePeak: finite,
  }),
  /** the key angle's mean difference after warping, deg; null when it was not read */
  shape: v.nullable(v.strictObject({ score, meanDifferenceDeg: finite })),
  /** patient / reference time into the peak region and back out of it (> 1 slower), with the seconds */
  tempo: v.strictObject({
    score,
    approachRatio: finite,
    returnRatio: finite,
    approachS: seconds,
    returnS: seconds,
    referenceApproachS: seconds,
    referenceReturnS: seconds,
  }),
  /** null for an exercise without holds */
  hold: v.nullable(v.strictObject({ score, differenceS: finite, holdS: seconds, referenceHoldS: seconds })),
  cue: ReferenceCueSchema,
});

/** The engine's events of the set, as the analysis report has them (engine/analysis.ts AnalysisReport), and the reps' comparisons with the reference. */
export const EventsSchema = v.strictObject({
  countingStartedMs: v.nullable(timeMs),
  /** every rep, full and partial, in order (the report's repDetails) */
  reps: listOf(RepSchema),
  partials: listOf(PartialLineSchema),
  /** seconds held at the top, one per full rep that held (none for exercises without holds) */
  holds: listOf(seconds),
  cues: listOf(CueLineSchema),
  warnings: listOf(WarningLineSchema),
  faults: listOf(FaultLineSchema),
  /** one per rep scored against the program's reference rep; empty without a reference (version 2) */
  comparisons: listOf(ComparisonLineSchema),
});

const unknownOr = <T extends v.GenericSchema>(schema: T, what: string) => v.union([v.literal(UNKNOWN), schema], `expected ${what}, or "${UNKNOWN}"`);

/** ISO 8601 in UTC as Date.toISOString() writes it, e.g. 2025-01-31T09:15:00.000Z */
const isoTime = v.pipe(
  v.string(),
  v.isoTimestamp('expected an ISO 8601 time such as 2025-01-31T09:15:00.000Z, or "unknown"'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

export const SourceSchema = v.pipe(
  v.strictObject({
    kind: v.picklist(SOURCE_KINDS),
    /** the video file's name (no folders) for a file; null for the camera */
    fileName: v.nullable(v.string()),
  }),
  v.check((s) => (s.kind === 'camera' ? s.fileName === null : s.fileName !== null && s.fileName !== ''), 'a file source names its file; a camera source has fileName null'),
);

export const SettingsSchema = v.strictObject({
  exercise: ExerciseIdSchema,
  /** the exercise's variant (the hip thrust's floor | bench); null for an exercise without variants */
  variant: v.nullable(v.picklist(HIP_THRUST_VARIANTS, (i) => `unknown variant ${JSON.stringify(i.input)}: expected one of ${names(HIP_THRUST_VARIANTS)}, or null`)),
  model: v.picklist(SESSION_MODEL_IDS, (i) => `unknown pose model ${JSON.stringify(i.input)}: expected one of ${names(SESSION_MODEL_IDS)}`),
  /** the language of the cue texts in the record */
  language: v.picklist([...LANGUAGES, UNKNOWN], (i) => `unknown language ${JSON.stringify(i.input)}: expected one of ${names(LANGUAGES)}, or "${UNKNOWN}"`),
  source: SourceSchema,
  /** frames analysed per second (the sampling rate for a file, measured for a camera) */
  samplingFps: unknownOr(v.pipe(v.number(), v.gtValue(0), v.maxValue(240)), 'frames per second (0 < fps <= 240)'),
});

/** A pain score: 0 (none) to 10, whole numbers; null when none was given. */
const painScore = v.nullable(
  v.pipe(
    v.number('expected a pain score 0-10, or null'),
    v.integer('expected a whole pain score 0-10'),
    v.minValue(0, 'expected a pain score 0-10'),
    v.maxValue(10, 'expected a pain score 0-10'),
  ),
);

/**
 * The keypoint track in its own format, checked by track.ts `validateTrack`
 * (not described twice). Its message names the path inside the track, so it
 * continues this one: `track.frames[3].t: ...`.
 */
export const TrackSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = validateTrack(dataset.value);
    if (result.ok) return result.track;
    addIssue({ message: result.error.replace(/^track/, '') });
    return NEVER;
  }),
);

/** Ids: letters, digits and . _ : - (a UUID fits), so a CSV cell or file name made of one stays harmless. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The program a set followed (program/program.ts): its id and title as the
 * link gave them, and which of its items (from 0) the set was. The whole
 * program is not copied into every set.
 */
export const ProgramRefSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{4,40}$/, (i) => `expected a program id of 4-40 letters, digits, - or _, got ${JSON.stringify(i.input)}`)),
  title: v.pipe(v.string(), v.maxLength(80, 'expected a title of at most 80 characters')),
  itemIndex: wholeNumber(0, 11),
});

export const SessionRecordSchema = v.strictObject({
  schemaVersion: v.literal(SESSION_SCHEMA_VERSION),
  id: v.pipe(v.string(), v.regex(SESSION_ID_PATTERN, (i) => `expected an id of letters, digits and . _ : - (at most 128), got ${JSON.stringify(i.input)}`)),
  /** when the set started and ended (wall clock; for a file, when it was analysed) */
  startedAt: unknownOr(isoTime, 'an ISO 8601 time such as 2025-01-31T09:15:00.000Z'),
  endedAt: unknownOr(isoTime, 'an ISO 8601 time such as 2025-01-31T09:15:00.000Z'),
  settings: SettingsSchema,
  /** the analysed frames; null when none was kept (a version 0 report has none) */
  track: v.nullable(TrackSchema),
  events: EventsSchema,
  pain: v.strictObject({ before: painScore, after: painScore }),
  stopReason: v.picklist([...STOP_REASONS, UNKNOWN], (i) => `unknown stop reason ${JSON.stringify(i.input)}: expected one of ${names(STOP_REASONS)}, or "${UNKNOWN}"`),
  /** the program the set followed; null for a set outside any program (version 2) */
  program: v.nullable(ProgramRefSchema),
});

/** A session record as the app and the CLI hold it (measurements NaN where not measured). */
export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;
/** A session record as JSON carries it (measurements null where not measured). */
export type SessionRecordInput = v.InferInput<typeof SessionRecordSchema>;
export type SessionSettings = SessionRecord['settings'];
export type SessionEvents = SessionRecord['events'];
export type SessionRep = SessionEvents['reps'][number];
export type ComparisonLine = SessionEvents['comparisons'][number];
export type SessionProgramRef = NonNullable<SessionRecord['program']>;
