/** The messages between the batch's main thread (batch.ts) and its worker threads (batch-worker.ts). */
import type { ExerciseId, HipThrustVariant } from '../core/exercises/ids.ts';
import type { Language } from '../core/i18n/messages.ts';
import type { ModelId } from '../pose/models.ts';
import type { BatchRow } from './batch-summary.ts';

/** What every clip of the batch is analysed with: handed to each worker once, as its workerData. */
export interface BatchSettings {
  readonly model: ModelId;
  readonly fps: number;
  /** undefined: each clip gives a keypoint track only */
  readonly exercise: ExerciseId | undefined;
  readonly variant: HipThrustVariant | undefined;
  readonly lang: Language;
  /** some clip is a video: load the model as the worker starts (a batch of track files needs none) */
  readonly loadModelAtStart: boolean;
}

/** main -> worker: analyse this clip (then wait for the next) */
export interface ClipJob {
  readonly kind: 'clip';
  /** the clip's place in the batch's order */
  readonly index: number;
  readonly file: string;
  /** where its report (with --exercise) or track goes; undefined: nowhere */
  readonly outFile: string | undefined;
  /** where its session record goes; undefined: nowhere */
  readonly sessionFile: string | undefined;
}

/** worker -> main: the clip's row, done or failed (a worker never throws a clip's error at the main thread) */
export interface ClipResult {
  readonly kind: 'row';
  readonly index: number;
  readonly row: BatchRow;
}
