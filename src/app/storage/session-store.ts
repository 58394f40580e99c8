/**
 * The session history in the browser: session records (docs/session-format.md)
 * in IndexedDB, through `idb`. An adapter around the pure core
 * (src/core/session): what is stored is the record's JSON form (what an
 * export holds: not-measured NaN as null), and what is read back is checked
 * and migrated by the core's `migrate`, exactly as an imported file is. So a
 * record written by an older FormCoach comes back in the current version, and
 * a stored value that does not pass comes back as a problem entry (its id and
 * the validation's line) instead of vanishing or breaking the list.
 *
 * Two versions live here, and they are not the same thing:
 * - the record's `schemaVersion` (the core's SESSION_SCHEMA_VERSION): records
 *   are migrated when they are read, one by one; the stored value is left as
 *   it was written until it is written again;
 * - the database's version (DB_UPGRADES.length): the object stores and
 *   indexes. Each version has one upgrade step, run in order from the version
 *   on disk up (in the `versionchange` transaction). Version 1: `sessions`.
 *   Version 2 will add `chunks` (the annotated recording's encoded chunks, as
 *   ArrayBuffers, keyed by [recordingId, sequence number]) as one more step;
 *   nothing else changes.
 *
 * Layout, version 1: the store `sessions`, out-of-line keys (the record's id,
 * given on every write), so every stored value has its id even when the value
 * itself is broken; indexes `startedAt` and `exercise` (settings.exercise) for
 * date ranges and per-exercise views (a value without a readable field there
 * is simply not in that index: `list()` reads the store itself, so it misses
 * nothing).
 *
 * Tabs: a tab that opens a newer database version asks every other tab to
 * close its connection (`blocking` here: this tab closes at once, and its
 * next call fails with StorageClosedError 'upgraded-elsewhere': reload). A
 * tab whose upgrade stays blocked (an older tab that does not close) gives up
 * after `blockedWaitMs` with StorageBlockedError ("close the other FormCoach
 * tab") instead of hanging.
 *
 * Import rule: an id already stored is kept as stored and the file's record
 * is skipped (records are not edited in place, so a second import of the same
 * file changes nothing), except when the stored value cannot be read (a
 * problem entry): then the file's record replaces it.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { parseSessionExport, sessionExportOf, sessionJson } from '../../core/session/export.ts';
import { migrate } from '../../core/session/migrate.ts';
import { repCounts } from '../../core/session/record.ts';
import type { SessionRecord } from '../../core/session/schema.ts';
import { validateSessionRecord } from '../../core/session/validate.ts';
import { UNKNOWN } from '../../core/session/vocabulary.ts';
import {
  InvalidSessionError,
  isQuotaError,
  StorageBlockedError,
  StorageClosedError,
  StorageQuotaError,
  StorageUnavailableError,
  StorageVersionError,
  StorageWriteError,
  type CloseReason,
} from './storage-errors.ts';

export const DB_NAME = 'formcoach';
export const SESSIONS = 'sessions';

export interface SessionDb extends DBSchema {
  sessions: {
    /** the record's id */
    key: string;
    /**
     * The record's JSON form as it was written, of whatever version wrote it.
     * Read back it is checked, never trusted: hence unknown.
     */
    value: unknown;
    indexes: { startedAt: string; exercise: string };
  };
}

type UpgradeTransaction = IDBPTransaction<SessionDb, StoreNames<SessionDb>[], 'versionchange'>;

export interface UpgradeStep {
  /** the database version this step reads; it leaves from + 1 */
  readonly from: number;
  readonly up: (db: IDBPDatabase<SessionDb>, transaction: UpgradeTransaction) => void;
}

/** One step per database version: DB_UPGRADES[n] takes version n to n + 1; the database's version is their number. */
export const DB_UPGRADES: readonly UpgradeStep[] = [
  {
    from: 0,
    up: (db) => {
      const sessions = db.createObjectStore(SESSIONS);
      sessions.createIndex('startedAt', 'startedAt');
      sessions.createIndex('exercise', 'settings.exercise');
    },
  },
];

/** A stored record read back: current (migrated where it was older), or why it could not be read. */
export type StoredSession =
  | { readonly ok: true; readonly id: string; readonly record: SessionRecord; /** the version it was stored in */ readonly fromVersion: number }
  | SessionProblem;

/** A stored value that does not read as a session record: its key and the line that says why. */
export interface SessionProblem {
  readonly ok: false;
  readonly id: string;
  readonly error: string;
}

/** What the history list shows of one session. */
export interface SessionSummary {
  readonly ok: true;
  readonly id: string;
  readonly startedAt: SessionRecord['startedAt'];
  readonly endedAt: SessionRecord['endedAt'];
  readonly exercise: SessionRecord['settings']['exercise'];
  readonly variant: SessionRecord['settings']['variant'];
  readonly source: SessionRecord['settings']['source']['kind'];
  readonly reps: number;
  readonly partialReps: number;
  /** form faults raised during the set */
  readonly faults: number;
  readonly stopReason: SessionRecord['stopReason'];
  readonly hasTrack: boolean;
  /** the version it was stored in (below the current one: it was migrated when read) */
  readonly fromVersion: number;
}

export type SessionListEntry = SessionSummary | SessionProblem;

export type ImportResult =
  | {
      readonly ok: true;
      /** ids stored by this import */
      readonly added: readonly string[];
      /** ids already stored, kept as they were */
      readonly skipped: readonly string[];
      /** ids whose stored value could not be read, replaced by the file's record */
      readonly replaced: readonly string[];
      /** how many of the file's records came from an earlier version */
      readonly migrated: number;
    }
  /** the file was refused (the core's message); nothing was stored */
  | { readonly ok: false; readonly error: string };

export interface ExportResult {
  /** the JSON text of a formcoach-sessions export of every readable record */
  readonly text: string;
  readonly count: number;
  /** stored values that could not be read, so are not in the file (say so: they are not silently left out) */
  readonly problems: readonly SessionProblem[];
}

export interface OpenOptions {
  /** the database's name (tests use their own) */
  readonly name?: string;
  /** how long an upgrade blocked by another tab is waited for before StorageBlockedError, ms */
  readonly blockedWaitMs?: number;
  /** called once when the connection closes for a reason of its own (another tab's upgrade, the browser) */
  readonly onClose?: (reason: CloseReason) => void;
  /** the upgrade steps (tests pass a later version's) */
  readonly upgrades?: readonly UpgradeStep[];
}

export const DEFAULT_BLOCKED_WAIT_MS = 3000;

/** The record's JSON form, as stored: what JSON.parse makes of its export text (NaN as null). */
const jsonFormOf = (record: SessionRecord): unknown => JSON.parse(sessionJson(record));

/** A stored value as a current record, or why not. */
function readStored(id: string, value: unknown): StoredSession {
  const result = migrate(value);
  if (!result.ok) return { ok: false, id, error: result.error };
  if (result.record.id !== id) return { ok: false, id, error: `stored under the id ${JSON.stringify(id)}, but the record's id is ${JSON.stringify(result.record.id)}` };
  return { ok: true, id, record: result.record, fromVersion: result.fromVersion };
}

function summaryOf(stored: Extract<StoredSession, { ok: true }>): SessionSummary {
  const { record } = stored;
  return {
    ok: true,
    id: record.id,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    exercise: record.settings.exercise,
    variant: record.settings.variant,
    source: record.settings.source.kind,
    ...repCounts(record),
    faults: record.events.faults.length,
    stopReason: record.stopReason,
    hasTrack: record.track !== null,
    fromVersion: stored.fromVersion,
  };
}

/** Newest first; sessions without a known start after those with one; problems last; ties by id. */
function byNewest(a: SessionListEntry, b: SessionListEntry): number {
  const rank = (e: SessionListEntry): number => (!e.ok ? 2 : e.startedAt === UNKNOWN ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a.ok && b.ok && a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const errorName = (err: unknown): string | undefined => (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string' ? err.name : undefined);

/** The IndexedDB factory, or why there is none (some browsers throw a SecurityError just for asking). */
function indexedDbPresent(): { ok: true } | { ok: false; cause: unknown } {
  try {
    return typeof indexedDB === 'undefined' || indexedDB === null ? { ok: false, cause: new Error('indexedDB is not defined') } : { ok: true };
  } catch (err) {
    return { ok: false, cause: err };
  }
}

/**
 * Opens (creating or upgrading) the session history. Rejects with
 * StorageUnavailableError (no IndexedDB, or it refused), StorageVersionError
 * (the database on disk is newer than this code) or StorageBlockedError
 * (another tab blocks the upgrade for longer than `blockedWaitMs`).
 */
export async function openSessionStore(options: OpenOptions = {}): Promise<SessionStore> {
  const name = options.name ?? DB_NAME;
  const upgrades = options.upgrades ?? DB_UPGRADES;
  const version = upgrades.length;
  const blockedWaitMs = options.blockedWaitMs ?? DEFAULT_BLOCKED_WAIT_MS;
  const present = indexedDbPresent();
  if (!present.ok) throw new StorageUnavailableError('this browser gives FormCoach no IndexedDB (a private window, or site data turned off?): sessions cannot be kept', [], present.cause);

  // set once the connection is open; the callbacks below reach the store through it
  const holder: { store: SessionStore | null } = { store: null };
  return new Promise<SessionStore>((resolve, reject) => {
    let settled = false;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    const fail = (err: Error) => {
      clearTimeout(blockedTimer);
      if (settled) return;
      settled = true;
      reject(err);
    };
    let opening: Promise<IDBPDatabase<SessionDb>>;
    try {
      opening = openDB<SessionDb>(name, version, {
        upgrade(db, oldVersion, _newVersion, transaction) {
          for (let v = oldVersion; v < version; v++) {
            const step = upgrades[v];
            if (step === undefined || step.from !== v) throw new Error(`no database upgrade from version ${v} (a bug: the upgrades must have one step per version)`);
            step.up(db, transaction);
          }
        },
        blocked(openVersion) {
          if (blockedTimer !== undefined || settled) return;
          // the other tab may still close within a moment (its own `blocking`); give it that, not forever
          blockedTimer = setTimeout(() => fail(new StorageBlockedError(openVersion, version)), blockedWaitMs);
        },
        blocking() {
          holder.store?.closeFor('upgraded-elsewhere');
        },
        terminated() {
          holder.store?.closeFor('terminated');
        },
      });
    } catch (err) {
      fail(new StorageUnavailableError(`IndexedDB refused to open the session history (${errorName(err) ?? String(err)})`, [], err));
      return;
    }
    opening.then(
      (db) => {
        clearTimeout(blockedTimer);
        // opened after we gave up on it (the blocking tab closed later): let it go, nobody holds it
        if (settled) {
          db.close();
          return;
        }
        settled = true;
        holder.store = new SessionStore(db, options.onClose);
        resolve(holder.store);
      },
      (err: unknown) => {
        if (errorName(err) === 'VersionError') {
          fail(new StorageVersionError(`the session history was written by a newer FormCoach (database version above ${version}): reload the page to get the new version`, [], err));
        } else {
          fail(new StorageUnavailableError(`IndexedDB refused to open the session history (${errorName(err) ?? String(err)})`, [], err));
        }
      },
    );
  });
}

/** One open connection to the session history. */
export class SessionStore {
  #closed: CloseReason | null = null;

  constructor(
    private readonly db: IDBPDatabase<SessionDb>,
    private readonly onClose?: (reason: CloseReason) => void,
  ) {}

  /** why the connection is closed; null while it is open */
  get closed(): CloseReason | null {
    return this.#closed;
  }

  close(): void {
    if (this.#closed !== null) return;
    this.#closed = 'closed';
    this.db.close();
  }

  /** @internal the open callbacks' way in: another tab's upgrade, or the browser, closed it */
  closeFor(reason: Exclude<CloseReason, 'closed'>): void {
    if (this.#closed !== null) return;
    this.#closed = reason;
    this.db.close();
    this.onClose?.(reason);
  }

  #ensureOpen(unsaved: readonly SessionRecord[] = []): void {
    if (this.#closed !== null) throw new StorageClosedError(this.#closed, unsaved);
  }

  /**
   * Stores a record (replacing one with its id). Throws StorageQuotaError or
   * StorageWriteError (a failed write), StorageClosedError or
   * InvalidSessionError; each carries the record in `unsaved`.
   */
  async put(record: SessionRecord): Promise<void> {
    this.#ensureOpen([record]);
    const value = jsonFormOf(record);
    // what would not read back is not written (it would come back as a problem)
    const check = validateSessionRecord(value);
    if (!check.ok) throw new InvalidSessionError(record, check.error);
    await this.#write([record], async (tx) => {
      await tx.store.put(value, record.id);
    });
  }

  /** The record stored under `id` (migrated to the current version), a problem entry when it cannot be read, or null when there is none. */
  async get(id: string): Promise<StoredSession | null> {
    this.#ensureOpen();
    const value = await this.db.get(SESSIONS, id);
    if (value === undefined) return null;
    return readStored(id, value);
  }

  /**
   * Every stored session as its summary, newest first (see `byNewest`); a
   * value that cannot be read is listed as a problem with its id. Each record
   * is read and checked in full (one at a time, through a cursor).
   */
  async list(): Promise<SessionListEntry[]> {
    const entries: SessionListEntry[] = [];
    await this.#eachStored((stored) => {
      entries.push(stored.ok ? summaryOf(stored) : stored);
    });
    return entries.sort(byNewest);
  }

  /** Deletes the session stored under `id` (nothing happens when there is none). */
  async delete(id: string): Promise<void> {
    this.#ensureOpen();
    await this.#write([], async (tx) => {
      await tx.store.delete(id);
    });
  }

  async deleteAll(): Promise<void> {
    this.#ensureOpen();
    await this.#write([], async (tx) => {
      await tx.store.clear();
    });
  }

  /** Every readable record as one formcoach-sessions export (newest first), and the values that could not be read. */
  async exportAll(now: Date = new Date()): Promise<ExportResult> {
    const read: { record: SessionRecord; summary: SessionSummary }[] = [];
    const problems: SessionProblem[] = [];
    await this.#eachStored((stored) => {
      if (stored.ok) read.push({ record: stored.record, summary: summaryOf(stored) });
      else problems.push(stored);
    });
    read.sort((a, b) => byNewest(a.summary, b.summary));
    const sessions = read.map((r) => r.record);
    return { text: sessionJson(sessionExportOf(sessions, now)), count: sessions.length, problems };
  }

  /**
   * Imports the text of an export, one record, or a version 0 report
   * (parseSessionExport). All or nothing: a refused file, or a write that
   * fails, leaves what is stored as it was. The rule for ids already stored
   * is at the top of this file.
   */
  async importExport(text: string): Promise<ImportResult> {
    this.#ensureOpen();
    const parsed = parseSessionExport(text);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const added: string[] = [];
    const skipped: string[] = [];
    const replaced: string[] = [];
    await this.#write(parsed.sessions, async (tx) => {
      for (const record of parsed.sessions) {
        const existing = await tx.store.get(record.id);
        if (existing !== undefined && readStored(record.id, existing).ok) {
          skipped.push(record.id);
          continue;
        }
        await tx.store.put(jsonFormOf(record), record.id);
        (existing === undefined ? added : replaced).push(record.id);
      }
    });
    return { ok: true, added, skipped, replaced, migrated: parsed.migrated };
  }

  /** Reads every stored value through a cursor, one at a time. */
  async #eachStored(visit: (stored: StoredSession) => void): Promise<void> {
    this.#ensureOpen();
    const tx = this.db.transaction(SESSIONS, 'readonly');
    for (let cursor = await tx.store.openCursor(); cursor !== null; cursor = await cursor.continue()) {
      visit(readStored(cursor.key, cursor.value));
    }
    await tx.done;
  }

  /**
   * One readwrite transaction: committed whole, or aborted whole. Failures
   * become StorageQuotaError / StorageWriteError carrying `unsaved`.
   */
  async #write(unsaved: readonly SessionRecord[], work: (tx: IDBPTransaction<SessionDb, ['sessions'], 'readwrite'>) => Promise<void>): Promise<void> {
    this.#ensureOpen(unsaved);
    let tx: IDBPTransaction<SessionDb, ['sessions'], 'readwrite'>;
    try {
      tx = this.db.transaction([SESSIONS], 'readwrite');
    } catch (err) {
      // the connection went away under us (closing, or closed by the browser)
      throw this.#closed !== null ? new StorageClosedError(this.#closed, unsaved) : new StorageWriteError(unsaved, err);
    }
    // seen by whichever of `work` and `done` fails first; the other's rejection is handled here too
    const done = tx.done;
    done.catch(() => {});
    try {
      await work(tx);
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted: nothing was committed by this transaction after the failure
      }
      throw this.#writeError(unsaved, err, tx);
    }
    try {
      await done;
    } catch (err) {
      throw this.#writeError(unsaved, err, tx);
    }
  }

  #writeError(unsaved: readonly SessionRecord[], err: unknown, tx: { readonly error: DOMException | null }): Error {
    // a quota failure may reach us as the request's error, or as an AbortError with the transaction's error saying why
    if (isQuotaError(err) || isQuotaError(tx.error)) return new StorageQuotaError(unsaved, isQuotaError(err) ? err : tx.error);
    if (this.#closed !== null) return new StorageClosedError(this.#closed, unsaved);
    return new StorageWriteError(unsaved, err);
  }
}
