/**
 * How much the browser lets FormCoach keep, and whether it may evict it:
 * `navigator.storage.estimate()` and `persisted()` / `persist()`, each
 * feature-detected ('unknown' where the browser lacks it, as over plain
 * http, or when it fails).
 *
 * `storageStatus()` never asks the user anything; `requestPersistentStorage()`
 * may show a prompt (Firefox), so call it from a user action (the first save,
 * a button in the history).
 */

/** The parts of StorageManager used here, each of which a browser may lack. */
export interface StorageManagerLike {
  readonly estimate?: () => Promise<{ readonly usage?: number; readonly quota?: number }>;
  readonly persisted?: () => Promise<boolean>;
  readonly persist?: () => Promise<boolean>;
}

export type Known<T> = T | 'unknown';

export interface StorageStatus {
  /** bytes this site uses (all its storage, not only the sessions) */
  readonly usageBytes: Known<number>;
  /** bytes the browser would let it use */
  readonly quotaBytes: Known<number>;
  /** whether the browser keeps it under storage pressure instead of evicting it */
  readonly persisted: Known<boolean>;
}

/** The browser's StorageManager, if there is one (none outside a secure context, none in Node). */
export function browserStorage(): StorageManagerLike | undefined {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return undefined;
  return navigator.storage ?? undefined;
}

const finite = (n: unknown): Known<number> => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 'unknown');

/** What a feature-detected call gives; undefined where there is no such call, or it fails. */
async function attempt<T>(call: (() => Promise<T>) | undefined): Promise<T | undefined> {
  if (typeof call !== 'function') return undefined;
  try {
    return await call();
  } catch {
    return undefined;
  }
}

export async function storageStatus(storage: StorageManagerLike | undefined = browserStorage()): Promise<StorageStatus> {
  const estimate = await attempt(storage?.estimate?.bind(storage));
  const persisted = await attempt(storage?.persisted?.bind(storage));
  return {
    usageBytes: finite(estimate?.usage),
    quotaBytes: finite(estimate?.quota),
    persisted: typeof persisted === 'boolean' ? persisted : 'unknown',
  };
}

/** Asks the browser to keep FormCoach's data under storage pressure; what it granted, or 'unknown' where it cannot be asked. */
export async function requestPersistentStorage(storage: StorageManagerLike | undefined = browserStorage()): Promise<Known<boolean>> {
  const granted = await attempt(storage?.persist?.bind(storage));
  return typeof granted === 'boolean' ? granted : 'unknown';
}
