/**
 * The physio's overview of a program (issue 10, point 5): the sets stored on
 * this device that followed it, one row per program item per day, with the
 * adherence (sets and full reps done against those prescribed), the mean
 * similarity of the reps scored against the reference, and the pain before
 * and after. Pure: the app gives it the records (Archive.mapRecords) and the
 * program when it is on this device (without it, the prescribed figures are
 * null: nothing is guessed).
 */
import type { ExerciseId, HipThrustVariant } from '../exercises/ids.ts';
import type { SessionRecord } from '../session/schema.ts';
import { UNKNOWN } from '../session/vocabulary.ts';
import type { Program } from './program.ts';

export interface OverviewRow {
  /** the calendar day the sets started (dayOf), or "unknown" */
  readonly day: string;
  readonly itemIndex: number;
  readonly exercise: ExerciseId;
  readonly variant: HipThrustVariant | null;
  readonly setsDone: number;
  /** null when the program is not known here */
  readonly setsPrescribed: number | null;
  readonly fullReps: number;
  /** sets x reps of the item; null for a hold-only item or an unknown program */
  readonly repsPrescribed: number | null;
  /** mean similarity (0-100) of the reps compared with the reference; null when none was */
  readonly similarity: number | null;
  /** the first pain score before a set that day, and the last one after */
  readonly painBefore: number | null;
  readonly painAfter: number | null;
}

/** The records' program fields of those that followed `programId`, grouped by day and item, oldest first. */
export function programOverview(programId: string, records: readonly SessionRecord[], program: Program | null, dayOf: (iso: string) => string = (iso) => iso.slice(0, 10)): OverviewRow[] {
  const known = program && program.id === programId ? program : null;
  const groups = new Map<string, SessionRecord[]>();
  const followed = records.filter((r) => r.program?.id === programId);
  // oldest first; undated sets after the dated ones
  followed.sort((a, b) => (a.startedAt === UNKNOWN ? 1 : 0) - (b.startedAt === UNKNOWN ? 1 : 0) || a.startedAt.localeCompare(b.startedAt));
  for (const r of followed) {
    const day = r.startedAt === UNKNOWN ? UNKNOWN : dayOf(r.startedAt);
    const key = `${day}\u0000${r.program?.itemIndex ?? 0}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((sets) => rowOf(sets, known, dayOf));
}

function rowOf(sets: readonly SessionRecord[], program: Program | null, dayOf: (iso: string) => string): OverviewRow {
  const first = sets[0]!;
  const itemIndex = first.program?.itemIndex ?? 0;
  const item = program?.items[itemIndex] ?? null;
  // an item only counts as prescribed when it is still the same exercise
  const prescribed = item && item.exercise === first.settings.exercise ? item : null;
  const similarities = sets.flatMap((s) => s.events.comparisons.map((c) => c.similarity));
  const before = sets.map((s) => s.pain.before).find((p) => p !== null) ?? null;
  const after = [...sets].reverse().map((s) => s.pain.after).find((p) => p !== null) ?? null;
  return {
    day: first.startedAt === UNKNOWN ? UNKNOWN : dayOf(first.startedAt),
    itemIndex,
    exercise: first.settings.exercise,
    variant: first.settings.variant,
    setsDone: sets.length,
    setsPrescribed: prescribed ? prescribed.sets : null,
    fullReps: sets.reduce((sum, s) => sum + s.events.reps.filter((r) => r.full).length, 0),
    repsPrescribed: prescribed && prescribed.reps !== null ? prescribed.sets * prescribed.reps : null,
    similarity: similarities.length ? similarities.reduce((a, b) => a + b, 0) / similarities.length : null,
    painBefore: before,
    painAfter: after,
  };
}

/** The programs the records followed (id and the last title seen), for links to their overviews. */
export function programsOf(records: readonly SessionRecord[]): { readonly id: string; readonly title: string }[] {
  const out = new Map<string, string>();
  for (const r of records) if (r.program) out.set(r.program.id, r.program.title);
  return [...out].map(([id, title]) => ({ id, title }));
}
