/**
 * The JSON files a person downloads and imports: one session record, or an
 * export of several (docs/session-format.md):
 *
 *     { "kind": "formcoach-sessions", "schemaVersion": 1,
 *       "exportedAt": "2025-01-31T09:15:00.000Z", "sessions": [ record, ... ] }
 *
 * `parseSessionExport` accepts either (and a version 0 analysis report),
 * migrates every record to the current version, and refuses the whole file
 * with one line that says what is wrong, and where, when anything is.
 */
import * as v from 'valibot';
import { describeValue } from './issues.ts';
import { parseJsonText } from './json-text.ts';
import { migrate } from './migrate.ts';
import type { SessionRecord } from './schema.ts';
import { firstIssue } from './validate.ts';
import { SESSION_SCHEMA_VERSION } from './vocabulary.ts';

export const SESSION_EXPORT_KIND = 'formcoach-sessions';

export interface SessionExport {
  readonly kind: typeof SESSION_EXPORT_KIND;
  /** the version the records were written in (each record says its own too) */
  readonly schemaVersion: number;
  /** ISO 8601, when the file was made */
  readonly exportedAt: string;
  readonly sessions: readonly SessionRecord[];
}

export function sessionExportOf(sessions: readonly SessionRecord[], exportedAt: Date): SessionExport {
  return { kind: SESSION_EXPORT_KIND, schemaVersion: SESSION_SCHEMA_VERSION, exportedAt: exportedAt.toISOString(), sessions };
}

/** The JSON text of a record or an export (not-measured NaN becomes null, which the import reads back as NaN). */
export const sessionJson = (value: SessionRecord | SessionExport): string => JSON.stringify(value);

export type SessionImport =
  | {
      readonly ok: true;
      /** what the file was: one record, or an export */
      readonly kind: 'record' | 'export';
      readonly sessions: readonly SessionRecord[];
      /** an export's exportedAt; null for a single record */
      readonly exportedAt: string | null;
      /** how many of the sessions came from an earlier version */
      readonly migrated: number;
    }
  | { readonly ok: false; readonly error: string };

const EnvelopeSchema = v.strictObject({
  kind: v.literal(SESSION_EXPORT_KIND),
  schemaVersion: v.number(),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 time such as 2025-01-31T09:15:00.000Z')),
  sessions: v.array(v.unknown()),
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a message names a record: by its id when it has a readable one. */
function recordName(value: unknown, index?: number): string {
  const id = isObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : null;
  const ordinal = index === undefined ? 'session' : `session ${index + 1}`;
  if (id === null) return index === undefined ? '' : `${ordinal}`;
  return index === undefined ? `session ${JSON.stringify(id)}` : `${ordinal} (id ${JSON.stringify(id)})`;
}

const prefixed = (name: string, error: string): string => (name === '' ? error : `${name}: ${error}`);

/** One record or an export as JSON text -> current records, or the one line that says why the file is refused. */
export function parseSessionExport(text: string): SessionImport {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!isObject(value)) return { ok: false, error: `expected a session record or a sessions export (a JSON object), got ${describeValue(value)}` };
  if (!('kind' in value)) {
    const one = migrate(value);
    if (!one.ok) return { ok: false, error: prefixed(recordName(value), one.error) };
    return { ok: true, kind: 'record', sessions: [one.record], exportedAt: null, migrated: one.fromVersion < SESSION_SCHEMA_VERSION ? 1 : 0 };
  }
  if (value.kind !== SESSION_EXPORT_KIND) {
    return { ok: false, error: `kind: ${describeValue(value.kind)} is not a FormCoach sessions export (expected "${SESSION_EXPORT_KIND}")` };
  }
  const version = value.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SESSION_SCHEMA_VERSION) {
    return { ok: false, error: `this export's schemaVersion ${version} is newer than this FormCoach reads (versions up to ${SESSION_SCHEMA_VERSION}): update FormCoach to import it` };
  }
  // an export of an earlier version is read too: each of its records migrates on its own
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `schemaVersion: expected 1 to ${SESSION_SCHEMA_VERSION} for a sessions export, got ${describeValue(version)}` };
  }
  const envelope = firstIssue(EnvelopeSchema, value);
  if (!envelope.ok) return envelope;
  const sessions: SessionRecord[] = [];
  const seen = new Map<string, number>();
  let migrated = 0;
  for (const [i, raw] of envelope.output.sessions.entries()) {
    const one = migrate(raw);
    if (!one.ok) return { ok: false, error: prefixed(recordName(raw, i), one.error) };
    const earlier = seen.get(one.record.id);
    if (earlier !== undefined) return { ok: false, error: `sessions ${earlier + 1} and ${i + 1} have the same id ${JSON.stringify(one.record.id)}` };
    seen.set(one.record.id, i);
    if (one.fromVersion < SESSION_SCHEMA_VERSION) migrated++;
    sessions.push(one.record);
  }
  return { ok: true, kind: 'export', sessions, exportedAt: envelope.output.exportedAt, migrated };
}
