/**
 * Re-analysis of a stored set: its keypoint track replayed through the engine
 * with changed thresholds (tunables.ts), beside what the record says. Pure:
 * the record is read, never changed. Replaying costs microseconds per frame,
 * so the review screen re-runs it on every slider move.
 */
import { analyzeTrack, type AnalysisReport } from '../engine/analysis.ts';
import type { FaultKey } from '../exercises/fault-keys.ts';
import { createChecker } from '../exercises/registry.ts';
import type { ThresholdOverrides } from '../exercises/tunables.ts';
import type { Language } from '../i18n/messages.ts';
import type { SessionRecord } from './schema.ts';

/** What a set came to: the figures the review compares. */
export interface SetFigures {
  readonly reps: number;
  readonly partialReps: number;
  /** seconds held at the top, one per full rep that held */
  readonly holds: readonly number[];
  /** faults over all reps, by fault, in the order first seen */
  readonly faults: ReadonlyMap<FaultKey, number>;
  /** every rep in order: full or partial, when, its faults (for the timeline and the table) */
  readonly repList: readonly RepLike[];
}

/** A rep as the record and the report both have it (schema.ts SessionRep, events.ts RepRecord). */
export interface RepLike {
  readonly full: boolean;
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
  readonly faults: readonly FaultKey[];
}

function figuresOf(reps: readonly RepLike[], holds: readonly number[]): SetFigures {
  const faults = new Map<FaultKey, number>();
  for (const rep of reps) for (const f of rep.faults) faults.set(f, (faults.get(f) ?? 0) + 1);
  const full = reps.filter((r) => r.full).length;
  return { reps: full, partialReps: reps.length - full, holds, faults, repList: reps };
}

/** The figures as the record stored them (what the live coach or the CLI counted). */
export function storedFigures(record: SessionRecord): SetFigures {
  return figuresOf(record.events.reps, record.events.holds);
}

/** The figures of an analysis report (a replay). */
export function reportFigures(report: AnalysisReport): SetFigures {
  return figuresOf(report.repDetails, report.holds);
}

export type Reanalysis =
  | { readonly ok: true; readonly report: AnalysisReport; readonly figures: SetFigures }
  /** no track was kept, or an override was refused: the line says which */
  | { readonly ok: false; readonly error: string };

/**
 * The record's track replayed through its exercise's checker, for the
 * record's variant and pose model, with `overrides` of the exercise's
 * tunable thresholds (refused, with the checker's line, when one is not the
 * exercise's or lies out of bounds).
 */
export function reanalyze(record: SessionRecord, overrides: ThresholdOverrides = {}, lang: Language = 'en'): Reanalysis {
  const { track, settings } = record;
  if (!track) return { ok: false, error: 'this session kept no keypoint track, so it cannot be replayed' };
  let checker;
  try {
    checker = createChecker({ exercise: settings.exercise, variant: settings.variant ?? undefined, model: settings.model, overrides });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, error: err.message };
    throw err;
  }
  const report = analyzeTrack(track, checker, { lang });
  return { ok: true, report, figures: reportFigures(report) };
}

/** One line of the comparison: a figure as stored and as re-analysed. */
export type ComparisonRow =
  | { readonly kind: 'reps' | 'partial-reps' | 'holds'; readonly stored: number; readonly replayed: number }
  | { readonly kind: 'fault'; readonly fault: FaultKey; readonly stored: number; readonly replayed: number };

/** Stored against re-analysed: full reps, partial reps, holds, then every fault either one saw. */
export function compareFigures(stored: SetFigures, replayed: SetFigures): readonly ComparisonRow[] {
  const rows: ComparisonRow[] = [
    { kind: 'reps', stored: stored.reps, replayed: replayed.reps },
    { kind: 'partial-reps', stored: stored.partialReps, replayed: replayed.partialReps },
    { kind: 'holds', stored: stored.holds.length, replayed: replayed.holds.length },
  ];
  const faults = new Set<FaultKey>([...stored.faults.keys(), ...replayed.faults.keys()]);
  for (const fault of faults) rows.push({ kind: 'fault', fault, stored: stored.faults.get(fault) ?? 0, replayed: replayed.faults.get(fault) ?? 0 });
  return rows;
}
