/**
 * The session history at the app's edge: one open connection to the
 * IndexedDB store (src/app/storage/session-store.ts), the list the history
 * screen shows, the storage figures, and what went wrong in words the user
 * can act on. Screens read it; every write goes through it, so a failed
 * write always ends in `unsaved` (offered for download) and never vanishes.
 */
import type { SessionRecord } from '../../core/session/schema.ts';
import { sessionExportOf, sessionJson } from '../../core/session/export.ts';
import { openSessionStore, type ExportResult, type ImportResult, type SessionListEntry, type SessionStore, type StoredSession } from '../storage/session-store.ts';
import { SessionStorageError, StorageClosedError, detailOf, type StorageErrorCode } from '../storage/storage-errors.ts';
import { requestPersistentStorage, storageStatus, type Known, type StorageStatus } from '../storage/storage-status.ts';

export type ArchiveState = 'closed' | 'opening' | 'ready' | 'failed';

/** What went wrong, as the UI says it: the storage error's code (a message each) and the English detail for the log. */
export interface ArchiveProblem {
  readonly code: StorageErrorCode;
  readonly detail: string;
}

export type StoreOpener = () => Promise<SessionStore>;

export class Archive {
  state = $state<ArchiveState>('closed');
  problem = $state.raw<ArchiveProblem | null>(null);
  /** newest first; unreadable stored values as problems (listed, never dropped) */
  sessions = $state.raw<readonly SessionListEntry[]>([]);
  storage = $state.raw<StorageStatus | null>(null);
  /** records a write could not store (quota, a closed database): offered as a download, kept until then */
  unsaved = $state.raw<readonly SessionRecord[]>([]);

  private store: SessionStore | null = null;
  private opening: Promise<SessionStore | null> | null = null;

  constructor(private readonly open: StoreOpener = () => openSessionStore()) {}

  /** The open store, opening it on first use; null (with `problem` set) when it cannot be opened. */
  async ready(): Promise<SessionStore | null> {
    if (this.store && this.store.closed === null) return this.store;
    if (this.opening) return this.opening;
    this.state = 'opening';
    this.opening = this.open().then(
      (store) => {
        this.store = store;
        this.state = 'ready';
        if (this.problem?.code !== 'quota') this.problem = null;
        return store;
      },
      (err: unknown) => {
        this.state = 'failed';
        this.fail(err);
        return null;
      },
    );
    try {
      return await this.opening;
    } finally {
      this.opening = null;
    }
  }

  private fail(err: unknown): void {
    if (err instanceof SessionStorageError) {
      this.problem = { code: err.code, detail: err.message };
      if (err.unsaved.length) this.keepUnsaved(err.unsaved);
      if (err instanceof StorageClosedError) this.state = 'failed';
    } else {
      this.problem = { code: 'write-failed', detail: detailOf(err) };
    }
    console.error('FormCoach storage:', err);
  }

  private keepUnsaved(records: readonly SessionRecord[]): void {
    const ids = records.map((r) => r.id);
    this.unsaved = [...this.unsaved.filter((r) => !ids.includes(r.id)), ...records];
  }

  /** Re-reads the list and the storage figures. */
  async refresh(): Promise<void> {
    const store = await this.ready();
    if (!store) return;
    try {
      this.sessions = await store.list();
    } catch (err) {
      this.fail(err);
    }
    this.storage = await storageStatus();
  }

  /** Stores a record (a new one, or a new version of one: the pain score after the set); false when it was not stored (it is then in `unsaved`). */
  async save(record: SessionRecord): Promise<boolean> {
    const store = await this.ready();
    if (!store) {
      this.keepUnsaved([record]);
      return false;
    }
    try {
      await store.put(record);
      // a newer version of a record that was waiting in `unsaved` is stored now
      if (this.unsaved.some((r) => r.id === record.id)) this.unsaved = this.unsaved.filter((r) => r.id !== record.id);
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  async get(id: string): Promise<StoredSession | null> {
    const store = await this.ready();
    if (!store) return null;
    try {
      return await store.get(id);
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  async delete(id: string): Promise<boolean> {
    return this.write((store) => store.delete(id));
  }

  async deleteAll(): Promise<boolean> {
    return this.write((store) => store.deleteAll());
  }

  /** Imports an export's text; refused files come back with their message and change nothing. */
  async importText(text: string): Promise<ImportResult> {
    const store = await this.ready();
    if (!store) return { ok: false, error: this.problem?.detail ?? 'the session history is not available' };
    try {
      const result = await store.importExport(text);
      await this.refresh();
      return result;
    } catch (err) {
      this.fail(err);
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async exportAll(): Promise<ExportResult | null> {
    const store = await this.ready();
    if (!store) return null;
    try {
      return await store.exportAll();
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  /** The records that could not be stored, as one export file's text (empty export when none). */
  unsavedExportText(nowMs: number = Date.now()): string {
    return unsavedExportText(this.unsaved, nowMs);
  }

  /** The user downloaded the unsaved records: they are theirs now. */
  forgetUnsaved(): void {
    this.unsaved = [];
    if (this.problem?.code === 'quota' || this.problem?.code === 'write-failed') this.problem = null;
  }

  dismissProblem(): void {
    this.problem = null;
  }

  /** Asks the browser to keep the history under storage pressure; the figures are re-read. */
  async requestPersistence(): Promise<Known<boolean>> {
    const granted = await requestPersistentStorage();
    this.storage = await storageStatus();
    return granted;
  }

  /**
   * Every readable stored record, each passed through `map` as it is read
   * (one at a time: a chart or a CSV needs a record's events, not its track,
   * so the tracks need not all be in memory at once). Unreadable entries are
   * not mapped (the list shows them as problems). Empty when the history is
   * not available (`problem` says why).
   */
  async mapRecords<T>(map: (record: SessionRecord) => T): Promise<T[]> {
    const store = await this.ready();
    if (!store) return [];
    const out: T[] = [];
    try {
      for (const entry of await store.list()) {
        if (!entry.ok) continue;
        const stored = await store.get(entry.id);
        if (stored?.ok) out.push(map(stored.record));
      }
    } catch (err) {
      this.fail(err);
    }
    return out;
  }

  private async write(work: (store: SessionStore) => Promise<void>): Promise<boolean> {
    const store = await this.ready();
    if (!store) return false;
    try {
      await work(store);
      await this.refresh();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }
}

/** An export file of records (a plain function: the export's date is a value, not reactive state). */
function unsavedExportText(records: readonly SessionRecord[], nowMs: number): string {
  return sessionJson(sessionExportOf(records, new Date(nowMs)));
}

/** The app's one history: opened on first use, shared by the screens that read or write it. */
export const archive = new Archive();
