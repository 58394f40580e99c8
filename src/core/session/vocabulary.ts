/**
 * The words a session record is written in: its version, the explicit
 * 'unknown', why a set ended, where the frames came from, the pose models,
 * and the runtime lists of the typed keys the engine uses (so the schema can
 * check them). Pure: no DOM, Svelte, tfjs or node.
 */
import type { WarningKey } from '../engine/events.ts';
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { MetricKey } from '../exercises/metric-keys.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { EXERCISES } from '../exercises/registry.ts';

/** The version this code writes; `migrate` brings every earlier one up to it (docs/session-format.md). */
export const SESSION_SCHEMA_VERSION = 2;

/**
 * Written where a fact existed but was not recorded (a version 0 report has
 * no start time, language or sampling rate). Never a stand-in that looks real.
 */
export const UNKNOWN = 'unknown';
export type Unknown = typeof UNKNOWN;

/**
 * Why a set ended, as the app records it (src/app/state/flow.svelte.ts
 * `SetResult['endedBy']`, copied here: the core imports nothing from the app).
 * 'target': the set target was reached; 'user': ended by hand; 'clip-end':
 * the video file or track ran out; 'pain': "stop, this hurts".
 */
export const STOP_REASONS = ['target', 'user', 'clip-end', 'pain'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** Where the frames came from. */
export const SOURCE_KINDS = ['camera', 'file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The pose models a record may name. The list lives in src/pose/models.ts
 * (MODEL_IDS), which the core may not import (ESLint: no ../pose/* from
 * src/core); this copy is held equal to it by vocabulary.test.ts.
 */
export const SESSION_MODEL_IDS = ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full'] as const;
export type SessionModelId = (typeof SESSION_MODEL_IDS)[number];

/** Every setup warning the engine reports (events.ts WarningKey has no runtime list). */
export const WARNING_KEYS = ['no-person', 'not-whole-body', 'front-view', 'oblique-view', 'wrong-posture', 'not-in-start-position', 'label-swaps', 'alternating-lifts'] as const satisfies readonly WarningKey[];
// a WarningKey added to events.ts and missing here fails to compile
const _everyWarning: readonly (typeof WARNING_KEYS)[number][] = [] as WarningKey[];

interface ExerciseVocabulary {
  readonly metrics: readonly MetricKey[];
  readonly faults: readonly FaultKey[];
}
const vocabularyOf = (id: ExerciseId): ExerciseVocabulary => ({ metrics: EXERCISES[id].metrics, faults: EXERCISES[id].faults });

/** Per exercise: the metric keys its reps report and the faults it can raise, as each exercise describes itself (registry.ts). */
export const EXERCISE_VOCABULARY: Readonly<Record<ExerciseId, ExerciseVocabulary>> = {
  'upward-dog': vocabularyOf('upward-dog'),
  superman: vocabularyOf('superman'),
  'good-morning': vocabularyOf('good-morning'),
  'hip-thrust': vocabularyOf('hip-thrust'),
};

const unique = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/** Every metric key of every exercise, once. */
export const METRIC_KEYS: readonly MetricKey[] = unique(Object.values(EXERCISE_VOCABULARY).map((v) => v.metrics));
/** Every fault key of every exercise, once. */
export const FAULT_KEYS: readonly FaultKey[] = unique(Object.values(EXERCISE_VOCABULARY).map((v) => v.faults));

export const metricsOf = (exercise: ExerciseId): readonly MetricKey[] => EXERCISE_VOCABULARY[exercise].metrics;
export const faultsOf = (exercise: ExerciseId): readonly FaultKey[] => EXERCISE_VOCABULARY[exercise].faults;
