/** Turns anything that went wrong into a message key, its parameters, and whether to offer a video file instead. */
import type { MessageKey, MessageParams } from '../core/i18n/messages.ts';
import { ModelFileError } from '../pose/model-files.ts';
import { FIX_MODELS_COMMAND } from '../pose/models.ts';
import { SourceError, type SourceProblem } from '../pose/sources/source-error.ts';

export interface AppError {
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** a message whose text fills the key's {problem} parameter, in the reader's language */
  readonly problemKey?: MessageKey;
  /** camera problems offer the video file path instead */
  readonly offerFile: boolean;
  /** the problem's name, for tests and logs */
  readonly code: string;
}

const SOURCE_KEYS: Readonly<Record<SourceProblem, MessageKey>> = {
  'no-camera': 'error.noCamera',
  'camera-denied': 'error.cameraDenied',
  'camera-in-use': 'error.cameraInUse',
  'camera-lost': 'error.cameraLost',
  'camera-unsupported': 'error.cameraUnsupported',
  'video-file': 'error.videoFile',
};

/** The estimator could not be created on `backend`; `cause` says why (a ModelFileError, or the backend's own error). */
export class EstimatorStartError extends Error {
  constructor(
    readonly backend: string,
    override readonly cause: unknown,
  ) {
    super(`pose model could not start on ${backend}`);
    this.name = 'EstimatorStartError';
  }
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function toAppError(err: unknown): AppError {
  if (err instanceof EstimatorStartError && !(err.cause instanceof ModelFileError)) {
    return { key: 'error.backend', params: { backend: err.backend, detail: detailOf(err.cause) }, offerFile: false, code: 'backend' };
  }
  if (err instanceof EstimatorStartError) return toAppError(err.cause);
  if (err instanceof SourceError) {
    return { key: SOURCE_KEYS[err.problem], params: { detail: err.message }, offerFile: err.problem !== 'video-file', code: err.problem };
  }
  if (err instanceof ModelFileError) {
    return {
      key: 'error.modelFile',
      params: { file: err.fileName, command: FIX_MODELS_COMMAND },
      problemKey: `error.modelFile.${err.problem}`,
      offerFile: false,
      code: `model-${err.problem}`,
    };
  }
  return { key: 'error.unknown', params: { detail: detailOf(err) }, offerFile: false, code: 'unknown' };
}
