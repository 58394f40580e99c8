/**
 * Session records for tests: a keypoint track replayed through the engine
 * for an exercise, recorded as the CLI records a clip. Pure (the tests load
 * the tracks); not used by the app.
 */
import { analyzeTrack, type AnalysisReport } from '../engine/analysis.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { createChecker } from '../exercises/registry.ts';
import type { Language } from '../i18n/messages.ts';
import type { KeypointTrack } from '../track.ts';
import { sessionRecordOf } from './record.ts';
import type { SessionRecord } from './schema.ts';

export interface TestRecordOptions {
  readonly id?: string;
  readonly lang?: Language;
  readonly variant?: string;
  readonly startedAt?: string;
}

export function reportOfTrack(track: KeypointTrack, exercise: ExerciseId, options: TestRecordOptions = {}): AnalysisReport {
  return analyzeTrack(track, createChecker({ exercise, variant: options.variant, model: track.model }), { lang: options.lang ?? 'en' });
}

export function recordOfTrack(track: KeypointTrack, exercise: ExerciseId, options: TestRecordOptions = {}): SessionRecord {
  const report = reportOfTrack(track, exercise, options);
  const startedAt = options.startedAt ?? '2025-03-01T10:00:00.000Z';
  const lastT = track.frames[track.frames.length - 1]?.t ?? 0;
  const result = sessionRecordOf({
    id: options.id ?? `test-${exercise}-${track.source.replace(/[^A-Za-z0-9._-]/g, '_')}`,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + lastT).toISOString(),
    language: options.lang ?? 'en',
    samplingFps: track.fps,
    report,
    track,
    stopReason: 'clip-end',
  });
  if (!result.ok) throw new Error(`recordOfTrack(${track.source}, ${exercise}): ${result.error}`);
  return result.record;
}
