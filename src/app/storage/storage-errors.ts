/**
 * What can go wrong with the browser's storage of session records, one class
 * per thing the user can be told (and, where it applies, what to do). Each
 * has a `code` the UI turns into a message in the user's language; the
 * English `message` is for logs and tests.
 *
 * Every error thrown by a write carries `unsaved`: the records that were not
 * stored, so the app can offer them as a download at once. Nothing recorded
 * is lost silently.
 */
import type { SessionRecord } from '../../core/session/schema.ts';

export type StorageErrorCode = 'unavailable' | 'newer-version' | 'blocked' | 'closed' | 'quota' | 'write-failed' | 'invalid-record';

/** Why a connection is closed. */
export type CloseReason =
  /** another tab opened a newer version of the database (this tab runs older code: reload it) */
  | 'upgraded-elsewhere'
  /** the browser closed it (storage cleared, disk error) */
  | 'terminated'
  /** `close()` was called */
  | 'closed';

export abstract class SessionStorageError extends Error {
  abstract readonly code: StorageErrorCode;
  /** the records a failed write did not store (empty for reads and for opening) */
  readonly unsaved: readonly SessionRecord[];

  constructor(message: string, unsaved: readonly SessionRecord[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.unsaved = unsaved;
  }
}

/** No IndexedDB here (some private modes, storage disabled by the user or a policy), or it refused to open. */
export class StorageUnavailableError extends SessionStorageError {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'unavailable';
}

/** The stored database is of a newer version than this FormCoach (a newer one ran in this browser): update or reload. */
export class StorageVersionError extends SessionStorageError {
  override readonly name = 'StorageVersionError';
  readonly code = 'newer-version';
}

/** Another open FormCoach tab holds an older version of the database and did not let go: close it and try again. */
export class StorageBlockedError extends SessionStorageError {
  override readonly name = 'StorageBlockedError';
  readonly code = 'blocked';
  constructor(
    /** the version the other tab has open */
    readonly openVersion: number,
    /** the version this tab needs */
    readonly wantedVersion: number,
  ) {
    super(`another FormCoach tab has the session history open (database version ${openVersion}) and blocks the upgrade to version ${wantedVersion}: close the other FormCoach tab, then try again`);
  }
}

/** The connection is closed; `reason` says why. Writes attempted on it carry their records in `unsaved`. */
export class StorageClosedError extends SessionStorageError {
  override readonly name = 'StorageClosedError';
  readonly code = 'closed';
  constructor(
    readonly reason: CloseReason,
    unsaved: readonly SessionRecord[] = [],
  ) {
    super(
      reason === 'upgraded-elsewhere'
        ? 'the session history was upgraded by a newer FormCoach in another tab: reload this tab'
        : reason === 'terminated'
          ? 'the browser closed the session history (was site data cleared?): reload the page'
          : 'the session history is closed',
      unsaved,
    );
  }
}

/** The browser's storage quota for this site is used up: the records in `unsaved` were not stored. */
export class StorageQuotaError extends SessionStorageError {
  override readonly name = 'StorageQuotaError';
  readonly code = 'quota';
  constructor(unsaved: readonly SessionRecord[], cause?: unknown) {
    super(`the browser's storage for FormCoach is full: ${unsaved.length === 1 ? 'the session was' : `${unsaved.length} sessions were`} not saved (download ${unsaved.length === 1 ? 'it' : 'them'}, or delete older sessions)`, unsaved, cause);
  }
}

/** A write failed for another reason than the quota (`cause` says which). */
export class StorageWriteError extends SessionStorageError {
  override readonly name = 'StorageWriteError';
  readonly code = 'write-failed';
  constructor(unsaved: readonly SessionRecord[], cause: unknown) {
    super(`the session history could not be written (${detailOf(cause)})`, unsaved, cause);
  }
}

/** `put` was given a record that does not pass validation (a bug upstream: sessionRecordOf refuses such records). */
export class InvalidSessionError extends SessionStorageError {
  override readonly name = 'InvalidSessionError';
  readonly code = 'invalid-record';
  constructor(
    record: SessionRecord,
    /** the validation's line */
    readonly problem: string,
  ) {
    super(`session ${JSON.stringify(record.id)} is not a valid record, not stored: ${problem}`, [record]);
  }
}

export const detailOf = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** Whether an error (or the transaction's) is the browser saying the quota is used up. */
export function isQuotaError(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null && 'name' in err ? err.name : undefined;
  // the second is Firefox's name from before DOMException names were unified
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
