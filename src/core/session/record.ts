/**
 * A session record from what a set produced: the analysis report (engine
 * events), the keypoint track and the settings around them. The CLI builds
 * one per analysed clip; the app will build one per set. The result is
 * validated, so nothing is stored or written that an import would refuse.
 */
import type { AnalysisReport } from '../engine/analysis.ts';
import type { Language } from '../i18n/messages.ts';
import type { RepComparison } from '../reference/score.ts';
import type { KeypointTrack } from '../track.ts';
import type { ComparisonLine, SessionProgramRef, SessionRecord } from './schema.ts';
import { validateSessionRecord, type RecordValidation } from './validate.ts';
import { SESSION_SCHEMA_VERSION, type SourceKind, type StopReason, type Unknown } from './vocabulary.ts';

export interface SessionSource {
  readonly kind: SourceKind;
  readonly fileName: string | null;
}

/** Where a track's frames came from: its `source` is "camera" or a file name (folders dropped). */
export function sourceOf(trackSource: string): SessionSource {
  if (trackSource === 'camera') return { kind: 'camera', fileName: null };
  return { kind: 'file', fileName: trackSource.split(/[\\/]/).pop() || trackSource };
}

export interface SessionParts {
  readonly id: string;
  /** ISO 8601 (Date.toISOString()) */
  readonly startedAt: string | Unknown;
  readonly endedAt: string | Unknown;
  /** the language the report's cue texts are in */
  readonly language: Language;
  readonly samplingFps: number | Unknown;
  readonly report: AnalysisReport;
  /** null when no track is kept */
  readonly track: KeypointTrack | null;
  readonly pain?: { readonly before: number | null; readonly after: number | null };
  readonly stopReason: StopReason | Unknown;
  /** the program the set followed (its id, title and item); none outside a program */
  readonly program?: SessionProgramRef | null;
  /** the reps scored against the program's reference rep (comparisonLineOf), in order; none without a reference */
  readonly comparisons?: readonly ComparisonLine[];
}

/** The record of one set; refused (with the line saying why) when the parts do not make a valid one. */
export function sessionRecordOf(parts: SessionParts): RecordValidation {
  const { report } = parts;
  const record = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: parts.id,
    startedAt: parts.startedAt,
    endedAt: parts.endedAt,
    settings: {
      exercise: report.exercise,
      variant: report.variant,
      model: report.model,
      language: parts.language,
      source: sourceOf(report.source),
      samplingFps: parts.samplingFps,
    },
    track: parts.track,
    events: { ...eventsOf(report), comparisons: parts.comparisons ?? [] },
    pain: { before: parts.pain?.before ?? null, after: parts.pain?.after ?? null },
    stopReason: parts.stopReason,
    program: parts.program ?? null,
  };
  return validateSessionRecord(record);
}

/** The report fields a record keeps as its events. */
type ReportEventKey = keyof Pick<AnalysisReport, 'countingStartedMs' | 'repDetails' | 'partials' | 'holds' | 'cues' | 'warnings' | 'faults'>;

/** The report's events, as the record keeps them (an engine report, or a version 0 report read from a file). */
export function eventsOf<R extends { readonly [K in ReportEventKey]: unknown }>(report: R) {
  return {
    countingStartedMs: report.countingStartedMs,
    reps: report.repDetails,
    partials: report.partials,
    holds: report.holds,
    cues: report.cues,
    warnings: report.warnings,
    faults: report.faults,
  };
}

/** A rep's comparison with the reference (reference/score.ts) as the record keeps it; `repIndex` is the rep's position in events.reps (from 0). */
export function comparisonLineOf(repIndex: number, c: RepComparison): ComparisonLine {
  return { repIndex, similarity: c.similarity, depth: c.depth, shape: c.shape, tempo: c.tempo, hold: c.hold, cue: c.cue };
}

/** Full and partial reps of a record (the report's `reps` and `partialReps`). */
export function repCounts(record: SessionRecord): { readonly reps: number; readonly partialReps: number } {
  const full = record.events.reps.filter((r) => r.full).length;
  return { reps: full, partialReps: record.events.reps.length - full };
}
