/**
 * Version 0: what came before session records. The analysis report as
 * `npm run analyze -- <clip> --exercise X` writes it (engine/analysis.ts
 * AnalysisReport, as of the report with `partials`), a JSON object without
 * `schemaVersion`. It migrates into a version 1 record with what it has:
 * what it does not say is written as 'unknown' (start and end, sampling
 * rate, the language when its cues do not tell), or null where there is none
 * (no track, no pain scores given).
 *
 * The item schemas (reps, cues, ...) are version 1's, which are the
 * report's own; when version 2 changes one of them, freeze a copy here.
 */
import * as v from 'valibot';
import type { Cue, NumberedCue, PlainCueKey } from '../engine/cues.ts';
import { isNumberedCueKey } from '../engine/cues.ts';
import { cueText } from '../i18n/cue-texts.ts';
import { LANGUAGES, type Language } from '../i18n/messages.ts';
import { eventsOf, sourceOf } from './record.ts';
import { CueLineSchema, ExerciseIdSchema, FaultLineSchema, PartialLineSchema, RepSchema, WarningLineSchema } from './schema.ts';
import type { SessionRecordV1Input } from './v1.ts';
import { firstIssue } from './validate.ts';
import { UNKNOWN, type Unknown } from './vocabulary.ts';

export const ReportV0Schema = v.pipe(
  v.object({
    exercise: ExerciseIdSchema,
    variant: v.nullable(v.string()),
    model: v.string(),
    source: v.string(),
    reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    partialReps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    holds: v.array(v.pipe(v.number(), v.minValue(0))),
    countingStartedMs: v.nullable(v.pipe(v.number(), v.minValue(0))),
    repDetails: v.array(RepSchema),
    partials: v.array(PartialLineSchema),
    cues: v.array(CueLineSchema),
    warnings: v.array(WarningLineSchema),
    faults: v.array(FaultLineSchema),
  }),
  v.check((r) => r.reps === r.repDetails.filter((d) => d.full).length, (i) => `reps: ${String((i.input as { reps: number }).reps)} does not match the full reps listed in repDetails`),
  v.check((r) => r.partialReps === r.repDetails.filter((d) => !d.full).length, (i) => `partialReps: ${String((i.input as { partialReps: number }).partialReps)} does not match the partial reps listed in repDetails`),
);
export type ReportV0 = v.InferOutput<typeof ReportV0Schema>;

/** Whether an object without schemaVersion is shaped like a version 0 report (then it is checked as one). */
export const looksLikeReportV0 = (value: Record<string, unknown>): boolean => 'exercise' in value && 'repDetails' in value;

/** The language whose texts every cue has; 'unknown' with no cues or when they do not settle it. */
export function languageOfCues(cues: ReportV0['cues']): Language | Unknown {
  if (cues.length === 0) return UNKNOWN;
  const cueOf = (c: ReportV0['cues'][number]): Cue => (isNumberedCueKey(c.key) && c.n !== undefined ? ({ key: c.key, n: c.n } as NumberedCue) : (c.key as PlainCueKey));
  const matching = LANGUAGES.filter((lang) => cues.every((c) => cueText(lang, cueOf(c)) === c.text));
  return matching.length === 1 && matching[0] !== undefined ? matching[0] : UNKNOWN;
}

/** A stable id for a record that had none: the same report always gets the same id (cyrb53 of its JSON). */
export function contentId(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Version 0 -> version 1 (not yet checked as one: migrate does that). */
export function migrateV0(value: unknown): { ok: true; value: SessionRecordV1Input } | { ok: false; error: string } {
  const parsed = firstIssue(ReportV0Schema, value);
  if (!parsed.ok) return parsed;
  const report = parsed.output;
  const source = sourceOf(report.source);
  const record = {
    schemaVersion: 1 as const,
    id: `v0-${contentId(value)}`,
    startedAt: UNKNOWN,
    endedAt: UNKNOWN,
    settings: {
      exercise: report.exercise,
      variant: report.variant,
      model: report.model,
      language: languageOfCues(report.cues),
      source,
      samplingFps: UNKNOWN,
    },
    track: null,
    events: eventsOf(report),
    pain: { before: null, after: null },
    // the CLI reads a file to its end; a camera track's end says nothing of why the set ended
    stopReason: source.kind === 'file' ? ('clip-end' as const) : UNKNOWN,
  };
  // variant and model are plain strings in a report: the version 1 check that follows names a bad one
  return { ok: true, value: record as SessionRecordV1Input };
}
