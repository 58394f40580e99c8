/**
 * One clip through the CLI's stages: input -> keypoint track -> report ->
 * session record. The single-clip run (analyze.ts) and each batch worker
 * (batch-worker.ts) use these same functions, so a clip counts the same either way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseTrack, type KeypointTrack } from '../core/track.ts';
import { UsageError } from './args.ts';
import { analyzeVideo } from './analyze-video.ts';
import type { PoseEstimator } from '../pose/estimator.ts';
import type { ModelId } from '../pose/models.ts';
import type { Language } from '../core/i18n/messages.ts';
import { analyzeTrack, type AnalysisReport } from '../core/engine/analysis.ts';
import { createChecker } from '../core/exercises/registry.ts';
import type { ExerciseId, HipThrustVariant } from '../core/exercises/ids.ts';
import { repCounts, sessionRecordOf } from '../core/session/record.ts';
import { sessionJson } from '../core/session/export.ts';

export interface TrackOptions {
  readonly model: ModelId;
  readonly fps: number;
  /** a model to reuse across clips (a batch worker's); one is made and disposed per clip when left out */
  readonly estimator?: PoseEstimator;
  readonly onProgress?: (done: number, total: number) => void;
  /** ffmpeg's decoding threads; default: ffmpeg's choice */
  readonly decodeThreads?: number;
}

export const isTrackFile = (path: string): boolean => path.toLowerCase().endsWith('.json');

/** Input -> track: the composable first stage (later stages analyse the track). */
export async function trackOfInput(input: string, options: TrackOptions): Promise<KeypointTrack> {
  if (!existsSync(input)) throw new UsageError(`input not found: ${input}`);
  if (isTrackFile(input)) {
    const result = parseTrack(await readFile(input, 'utf8'));
    if (!result.ok) throw new UsageError(`${input}: invalid keypoint track: ${result.error}`);
    return result.track;
  }
  return analyzeVideo(input, { model: options.model, fps: options.fps, onProgress: options.onProgress, estimator: options.estimator, decodeThreads: options.decodeThreads });
}

export interface SetOptions {
  readonly exercise: ExerciseId;
  readonly variant: HipThrustVariant | undefined;
  readonly lang: Language;
}

/** Track -> report: the exercise's checker and the engine, as the app runs them. */
export function reportOfTrack(track: KeypointTrack, options: SetOptions): AnalysisReport {
  const checker = createChecker({ exercise: options.exercise, variant: options.variant, model: track.model });
  return analyzeTrack(track, checker, { lang: options.lang });
}

/**
 * The session record of an analysed clip: when it was analysed (a file's own
 * recording time is not known), the settings it ran with, its track and the
 * report; the clip ran to its end, and no pain scores were asked. Returns
 * the line that says what was written.
 */
export async function writeSessionRecord(file: string, lang: Language, track: KeypointTrack, report: AnalysisReport, startedAt: Date): Promise<string> {
  const result = sessionRecordOf({
    id: globalThis.crypto.randomUUID(),
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    language: lang,
    samplingFps: track.fps,
    report,
    track,
    stopReason: 'clip-end',
  });
  if (!result.ok) throw new Error(`the session record does not validate (a bug): ${result.error}`);
  await writeFile(file, sessionJson(result.record) + '\n');
  const { reps, partialReps } = repCounts(result.record);
  return `wrote the session record (${reps} reps, ${partialReps} partial) to ${file}`;
}
