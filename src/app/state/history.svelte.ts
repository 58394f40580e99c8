/**
 * The history list's actions over the app's archive: read the list and the
 * storage figures, delete one session or all of them (each with its
 * recording), ask for persistent storage. Confirmation is the screen's part;
 * what went wrong is kept here as a message key and its detail.
 */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { Known } from '../storage/storage-status.ts';
import type { Recordings } from '../components/history/recordings.ts';
import type { Archive } from './archive.svelte.ts';

export interface HistoryNotice {
  readonly key: MessageKey;
  readonly detail: string;
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class HistoryList {
  /** false until the first list was read */
  loaded = $state(false);
  notice = $state.raw<HistoryNotice | null>(null);
  /** the browser's answer to the last request for persistent storage (null: not asked) */
  persistAnswer = $state<Known<boolean> | null>(null);

  constructor(
    private readonly archive: Archive,
    private readonly recordings: Recordings,
  ) {}

  get sessions() {
    return this.archive.sessions;
  }

  get storage() {
    return this.archive.storage;
  }

  async load(): Promise<void> {
    await this.archive.refresh();
    this.loaded = true;
  }

  /** Deletes one session and then its recording; false when the session was not deleted. */
  async deleteOne(id: string): Promise<boolean> {
    this.notice = null;
    if (!(await this.archive.delete(id))) {
      this.notice = { key: 'history.deleteFailed', detail: this.archive.problem?.detail ?? '' };
      return false;
    }
    try {
      await this.recordings.delete(id);
    } catch (err) {
      // the record is gone; a recording left behind is said, not hidden
      this.notice = { key: 'history.recordingDeleteFailed', detail: detailOf(err) };
    }
    return true;
  }

  /** Deletes every session, then every recording; false when the sessions were not deleted. */
  async deleteAll(): Promise<boolean> {
    this.notice = null;
    if (!(await this.archive.deleteAll())) {
      this.notice = { key: 'history.deleteFailed', detail: this.archive.problem?.detail ?? '' };
      return false;
    }
    try {
      await this.recordings.deleteAll();
    } catch (err) {
      this.notice = { key: 'history.recordingDeleteFailed', detail: detailOf(err) };
    }
    return true;
  }

  async persist(): Promise<void> {
    this.persistAnswer = await this.archive.requestPersistence();
  }
}
