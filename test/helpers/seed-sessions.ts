/**
 * Session records for the browser tests of the history: committed keypoint
 * tracks replayed through the engine (recordOfTrack), spread over days with
 * pain scores, written as one export file the app's import reads. Also the
 * IndexedDB read the tests use to see what the history holds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sessionExportOf, sessionJson } from '../../src/core/session/export.ts';
import type { SessionRecord } from '../../src/core/session/schema.ts';
import { recordOfTrack } from '../../src/core/session/test-records.ts';
import { validateSessionRecord } from '../../src/core/session/validate.ts';
import type { ExerciseId } from '../../src/core/exercises/ids.ts';
import { SCRATCH } from './paths.ts';
import { loadTrack } from './tracks.ts';

const MODEL = 'movenet-lightning';

interface Seed {
  readonly clip: string;
  readonly exercise: ExerciseId;
  readonly variant?: string;
  readonly day: number;
  readonly pain: { readonly before: number | null; readonly after: number | null };
}

const SEEDS: readonly Seed[] = [
  { clip: 'bridge_PhysioPlus_side_1rep_hold.mp4', exercise: 'hip-thrust', variant: 'floor', day: 3, pain: { before: 4, after: 3 } },
  { clip: 'bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', exercise: 'hip-thrust', variant: 'floor', day: 6, pain: { before: 3, after: 3 } },
  { clip: 'glutebridge_lena_selfrec_side_3reps.mp4', exercise: 'hip-thrust', variant: 'floor', day: 10, pain: { before: 3, after: null } },
  { clip: 'bridge_ballsqueeze_side_3reps_holds.mp4', exercise: 'hip-thrust', variant: 'floor', day: 13, pain: { before: 2, after: 1 } },
  { clip: 'bridge_medball_fitbod_oblique+side_6reps.mp4', exercise: 'hip-thrust', variant: 'floor', day: 17, pain: { before: 1, after: 1 } },
  { clip: 'superman_fitbod_SIDEONLY_3reps_derived.mp4', exercise: 'superman', day: 4, pain: { before: 2, after: 2 } },
  { clip: 'superman_fitbod_frontoblique+side_6reps.mp4', exercise: 'superman', day: 11, pain: { before: null, after: null } },
  // its lifts are quick: three 'too-fast' faults, from the engine
  { clip: 'superman_klarfit_sideoblique_2cams_3lifts.mp4', exercise: 'superman', day: 18, pain: { before: 3, after: 4 } },
];

/** The hip thrust of the 17th, with what the clean clips lack: faults on two reps and a partial rep between them (a report shows all three). */
export const ANNOTATED_ID = 'seed-hip-thrust-17';

function withFaultsAndPartial(record: SessionRecord): SessionRecord {
  const reps = record.events.reps.map((rep) => (rep.index === 2 ? { ...rep, faults: ['over-arch' as const] } : rep.index === 5 ? { ...rep, faults: ['no-pause' as const, 'feet-too-far' as const] } : rep));
  const third = reps.findIndex((r) => r.index === 3);
  const before = reps[third - 1];
  const at = reps[third];
  if (!before || !at) throw new Error('the 6-rep clip has no third rep');
  // a short lift between reps 2 and 3 that did not reach the line
  const startMs = before.endMs;
  const endMs = at.startMs;
  const partial = { ...at, index: 0, full: false, startMs, peakMs: Math.round((startMs + endMs) / 2), endMs, peak: at.peak - 25, holdS: 0, faults: ['incomplete-extension' as const], partialReason: 'higher' as const };
  const events = {
    ...record.events,
    reps: [...reps.slice(0, third), partial, ...reps.slice(third)],
    partials: [...record.events.partials, { startMs, endMs, peak: partial.peak, reason: 'higher' as const, text: 'Push your hips higher, squeeze your glutes' }],
  };
  const result = validateSessionRecord(JSON.parse(sessionJson({ ...record, events })));
  if (!result.ok) throw new Error(`the annotated seed is not a valid record: ${result.error}`);
  return result.record;
}

/** The seeded records (ids `seed-<exercise>-<day>`), as the app stores them. */
export function seedRecords(): SessionRecord[] {
  return SEEDS.map((s) => {
    const startedAt = `2025-03-${String(s.day).padStart(2, '0')}T09:30:00.000Z`;
    const record = recordOfTrack(loadTrack(s.clip, MODEL), s.exercise, { id: `seed-${s.exercise}-${s.day}`, startedAt, variant: s.variant });
    const seeded: SessionRecord = { ...record, pain: s.pain, stopReason: 'target' };
    return seeded.id === ANNOTATED_ID ? withFaultsAndPartial(seeded) : seeded;
  });
}

/** Writes records as one export file into test-results/<folder>; returns its path. */
export function writeExportFile(records: readonly SessionRecord[], folder: string, name = 'seed.json'): string {
  const dir = join(SCRATCH, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, sessionJson(sessionExportOf(records, new Date('2025-03-20T12:00:00.000Z'))));
  return path;
}

/** The ids stored in the app's history (IndexedDB `formcoach`, store `sessions`), sorted. */
export async function storedIds(page: Page): Promise<string[]> {
  const ids = await page.evaluate(
    async () =>
      // opening a database that does not exist would create an empty one the app then finds at its version: look first
      !(await indexedDB.databases()).some((d) => d.name === 'formcoach')
        ? []
        : new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('formcoach');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) {
            db.close();
            resolve([]);
            return;
          }
          const keys = db.transaction('sessions').objectStore('sessions').getAllKeys();
          keys.onerror = () => reject(keys.error);
          keys.onsuccess = () => {
            resolve(keys.result.map(String));
            db.close();
          };
        };
      }),
  );
  return ids.sort();
}

/** A long set for the one-page report: the annotated hip thrust four times over (28 reps, 4 partial), id `long-set`. */
export function longSetRecord(): SessionRecord {
  const base = seedRecords().find((r) => r.id === ANNOTATED_ID);
  if (!base) throw new Error('no annotated seed');
  const spanMs = 30_000;
  let index = 0;
  const rounds = [0, 1, 2, 3];
  const reps = rounds.flatMap((k) => base.events.reps.map((r) => ({ ...r, index: r.full ? ++index : 0, startMs: r.startMs + k * spanMs, peakMs: r.peakMs + k * spanMs, endMs: r.endMs + k * spanMs })));
  const partials = rounds.flatMap((k) => base.events.partials.map((p) => ({ ...p, startMs: p.startMs + k * spanMs, endMs: p.endMs + k * spanMs })));
  const holds = rounds.flatMap(() => base.events.holds);
  const result = validateSessionRecord(JSON.parse(sessionJson({ ...base, id: 'long-set', track: null, events: { ...base.events, reps, partials, holds } })));
  if (!result.ok) throw new Error(`the long set is not a valid record: ${result.error}`);
  return result.record;
}
