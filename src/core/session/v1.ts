/**
 * Version 1 of the session record: version 2 without the program the set
 * followed and without the reps' comparisons with a reference rep (issue 10).
 * A version 1 record followed no program and had no reference, so the step
 * up says exactly that: `program: null`, `events.comparisons: []`. Nothing
 * else changes; the current schema checks the result (migrate.ts).
 */
import { describeValue } from './issues.ts';
import type { SessionRecordInput } from './schema.ts';

/** A version 1 record as JSON carries it (what v0.ts writes). */
export type SessionRecordV1Input = Omit<SessionRecordInput, 'schemaVersion' | 'program' | 'events'> & {
  readonly schemaVersion: 1;
  readonly events: Omit<SessionRecordInput['events'], 'comparisons'>;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1 -> version 2 (checked as version 2 by migrate). */
export function migrateV1(value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!isObject(value)) return { ok: false, error: `expected a session record (a JSON object), got ${describeValue(value)}` };
  const events = value.events;
  if (!isObject(events)) return { ok: false, error: `events: expected an object, got ${describeValue(events)}` };
  // a version 1 record with version 2's fields is not one: refuse rather than overwrite them
  if ('program' in value) return { ok: false, error: 'program: unknown field in version 1 (it came with version 2)' };
  if ('comparisons' in events) return { ok: false, error: 'events.comparisons: unknown field in version 1 (it came with version 2)' };
  return { ok: true, value: { ...value, schemaVersion: 2, events: { ...events, comparisons: [] }, program: null } };
}
