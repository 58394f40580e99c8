/**
 * Any known version of a session record -> the current one. Each version
 * has one step to the next (MIGRATIONS[n] takes version n to n + 1, checking
 * its input as version n); a record walks the steps from its version up, and
 * the result is checked as a current record. Version 2 needs one step
 * function here and its schema; nothing else changes (version 2: v1.ts).
 * (docs/session-format.md, "Versions and migrations")
 */
import { describeValue } from './issues.ts';
import type { SessionRecord } from './schema.ts';
import { looksLikeReportV0, migrateV0 } from './v0.ts';
import { migrateV1 } from './v1.ts';
import { validateSessionRecord } from './validate.ts';
import { SESSION_SCHEMA_VERSION } from './vocabulary.ts';

type StepResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface MigrationStep {
  /** the version this step reads; it writes from + 1 */
  readonly from: number;
  readonly up: (value: unknown) => StepResult;
}

export const MIGRATIONS: readonly MigrationStep[] = [
  { from: 0, up: migrateV0 },
  { from: 1, up: migrateV1 },
];

export type MigrationResult =
  | { readonly ok: true; readonly record: SessionRecord; readonly fromVersion: number }
  | { readonly ok: false; readonly error: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The version a parsed JSON value claims, or why it has none we can read. */
export function versionOf(value: unknown): { ok: true; version: number } | { ok: false; error: string } {
  if (!isObject(value)) return { ok: false, error: `expected a session record (a JSON object), got ${describeValue(value)}` };
  if (!('schemaVersion' in value)) {
    if (looksLikeReportV0(value)) return { ok: true, version: 0 };
    if ('frames' in value && 'version' in value) {
      return { ok: false, error: 'this is a keypoint track, not a session record (npm run analyze -- track.json --exercise ID --session FILE makes one)' };
    }
    return { ok: false, error: 'not a FormCoach session record: it has no schemaVersion, and it is not an analysis report (version 0) either' };
  }
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, error: `schemaVersion: expected a whole number, got ${describeValue(version)}` };
  if (version > SESSION_SCHEMA_VERSION) {
    return { ok: false, error: `schemaVersion ${version} is newer than this FormCoach reads (versions up to ${SESSION_SCHEMA_VERSION}): update FormCoach to import it` };
  }
  if (version < 1) return { ok: false, error: `schemaVersion: expected 1 to ${SESSION_SCHEMA_VERSION}, got ${version} (a version 0 report has no schemaVersion)` };
  return { ok: true, version };
}

/** A current record from a parsed JSON value of any known version, or the line that says why not. */
export function migrate(value: unknown): MigrationResult {
  const claimed = versionOf(value);
  if (!claimed.ok) return claimed;
  let current = value;
  for (let n = claimed.version; n < SESSION_SCHEMA_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (step === undefined || step.from !== n) return { ok: false, error: `no migration from version ${n} (a bug: MIGRATIONS must have one step per version)` };
    const next = step.up(current);
    if (!next.ok) return { ok: false, error: n === 0 ? `analysis report (version 0): ${next.error}` : `version ${n}: ${next.error}` };
    current = next.value;
  }
  const checked = validateSessionRecord(current);
  if (!checked.ok) return { ok: false, error: claimed.version < SESSION_SCHEMA_VERSION ? `${checked.error} (after migrating from version ${claimed.version})` : checked.error };
  return { ok: true, record: checked.record, fromVersion: claimed.version };
}
