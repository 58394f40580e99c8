/**
 * The annotated recordings' encoded video in IndexedDB (database
 * `formcoach-recordings`, apart from the session history so that a large
 * recording and its upgrades never hold up the records).
 *
 * Crash safety comes from the layout: each encoded packet is written, in a
 * transaction of its own, the moment the encoder gives it, as an ArrayBuffer
 * (some browsers refuse Blobs in IndexedDB). A reload or crash loses only the
 * packets not yet committed; what is stored is a prefix of the recording
 * (readwrite transactions on the same store commit in the order they were
 * created), starting with a key frame, and muxes into a playable file.
 *
 * Layout, version 1:
 *   - `recordings`: one `RecordingMeta` per recording, key: the set's session id;
 *   - `packets`: one `StoredPacket` per encoded packet, key [sessionId, seq].
 * Each database version has one upgrade step in RECORDING_DB_UPGRADES, run in
 * order from the version on disk up.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordingMimeType } from './file-name.ts';

export const RECORDING_DB_NAME = 'formcoach-recordings';
export const RECORDINGS = 'recordings';
export const PACKETS = 'packets';

/** The decoder config the encoder gave with its first packet, in a form IndexedDB stores (no views into other buffers). */
export interface StoredDecoderConfig {
  /** the WebCodecs codec string ("vp8", "vp09.00.10.08", "avc1.42001f") */
  readonly codec: string;
  readonly codedWidth: number;
  readonly codedHeight: number;
  /** codec-specific setup bytes (H.264's avcC); absent for VP8 and VP9 */
  readonly description?: ArrayBuffer;
}

/** The codecs a recording may be encoded with (mediabunny's names). */
export type RecordingCodec = 'vp8' | 'vp9' | 'avc';

export interface RecordingMeta {
  /** the set's session id (SetSession.sessionId): its session record has the same id */
  readonly sessionId: string;
  /** what was recorded, for the file name ("superman") */
  readonly what: string;
  /** ISO time the recording started */
  readonly startedAt: string;
  readonly mimeType: RecordingMimeType;
  readonly codec: RecordingCodec;
  readonly width: number;
  readonly height: number;
  /** 'recording' until stopped and finalised; one left at 'recording' with nobody recording it was interrupted */
  readonly state: 'recording' | 'finished';
  /** null until the encoder's first packet */
  readonly decoderConfig: StoredDecoderConfig | null;
  /** the finished recording's duration; 0 while recording */
  readonly durationMs: number;
}

export interface StoredPacket {
  readonly sessionId: string;
  /** decode order, from 0, no gaps while recording */
  readonly seq: number;
  readonly data: ArrayBuffer;
  /** presentation time from the recording's start, microseconds */
  readonly timestampUs: number;
  readonly key: boolean;
}

export interface RecordingDb extends DBSchema {
  recordings: { key: string; value: RecordingMeta };
  packets: { key: [string, number]; value: StoredPacket };
}

/** One step per database version: step i takes version i to i + 1. */
export const RECORDING_DB_UPGRADES: readonly ((db: IDBPDatabase<RecordingDb>) => void)[] = [
  (db) => {
    db.createObjectStore(RECORDINGS, { keyPath: 'sessionId' });
    db.createObjectStore(PACKETS, { keyPath: ['sessionId', 'seq'] });
  },
];

export const RECORDING_DB_VERSION = RECORDING_DB_UPGRADES.length;

/** The recording database could not be opened (no IndexedDB, a newer version on disk, another tab blocks its upgrade). */
export class RecordingStoreUnavailableError extends Error {
  override readonly name = 'RecordingStoreUnavailableError';
}

/** How long an upgrade blocked by another tab is waited for before giving up (the recording then runs in memory). */
const BLOCKED_WAIT_MS = 3000;

/** Packets of one recording, all of them: [sessionId, 0] .. [sessionId, +inf]. */
const packetRange = (sessionId: string): IDBKeyRange => IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]);

/**
 * The recordings in one IndexedDB database. Every method throws what
 * IndexedDB throws (a quota error comes through as it is, for
 * storage-errors.ts isQuotaError to recognise).
 */
export class RecordingStore {
  private constructor(private readonly db: IDBPDatabase<RecordingDb>) {}

  /** Opens (and creates or upgrades) the database; `name` for tests. */
  static async open(name = RECORDING_DB_NAME): Promise<RecordingStore> {
    if (typeof indexedDB === 'undefined') throw new RecordingStoreUnavailableError('IndexedDB is not available here');
    let holder: RecordingStore | undefined;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    let onBlocked = (): void => undefined;
    // the executor runs at once: onBlocked is set before openDB can call it
    const blocked = new Promise<never>((_, reject) => {
      onBlocked = () => {
        // the other tab may close within a moment (its `blocking`); otherwise give up instead of hanging
        blockedTimer ??= setTimeout(() => reject(new RecordingStoreUnavailableError('another FormCoach tab blocks the upgrade of the recordings database: close it')), BLOCKED_WAIT_MS);
      };
    });
    const opening = openDB<RecordingDb>(name, RECORDING_DB_VERSION, {
      upgrade(db, oldVersion) {
        for (let v = oldVersion; v < RECORDING_DB_VERSION; v++) RECORDING_DB_UPGRADES[v]?.(db);
      },
      blocked: () => onBlocked(),
      blocking() {
        // a newer FormCoach in another tab needs the database: let it have it
        holder?.db.close();
      },
    });
    try {
      const db = await Promise.race([opening, blocked]);
      holder = new RecordingStore(db);
      return holder;
    } catch (err) {
      // opened after we gave up on it: nobody holds it, let it go
      void opening.then((db) => holder === undefined && db.close(), () => undefined);
      if (err instanceof RecordingStoreUnavailableError) throw err;
      throw new RecordingStoreUnavailableError(err instanceof Error ? `${err.name}: ${err.message}` : String(err), { cause: err });
    } finally {
      clearTimeout(blockedTimer);
    }
  }

  close(): void {
    this.db.close();
  }

  async putMeta(meta: RecordingMeta): Promise<void> {
    const tx = this.db.transaction(RECORDINGS, 'readwrite');
    await Promise.all([tx.store.put(meta), tx.done]);
  }

  async meta(sessionId: string): Promise<RecordingMeta | undefined> {
    return this.db.get(RECORDINGS, sessionId);
  }

  async allMeta(): Promise<RecordingMeta[]> {
    return this.db.getAll(RECORDINGS);
  }

  /** Stores one packet in its own transaction: resolves once it is committed (on disk as far as the browser goes). */
  async putPacket(packet: StoredPacket): Promise<void> {
    const tx = this.db.transaction(PACKETS, 'readwrite');
    await Promise.all([tx.store.put(packet), tx.done]);
  }

  /**
   * The recording's packets in decode order, read `batch` at a time so a
   * long recording is never all in memory twice while it is muxed.
   */
  async *packets(sessionId: string, batch = 64): AsyncGenerator<StoredPacket> {
    let from = 0;
    for (;;) {
      const range = IDBKeyRange.bound([sessionId, from], [sessionId, Infinity]);
      const page = await this.db.getAll(PACKETS, range, batch);
      for (const p of page) yield p;
      const last = page.at(-1);
      if (page.length < batch || !last) return;
      from = last.seq + 1;
    }
  }

  /** The last stored packet (the end of an interrupted recording), if any. */
  async lastPacket(sessionId: string): Promise<StoredPacket | undefined> {
    const cursor = await this.db.transaction(PACKETS).store.openCursor(packetRange(sessionId), 'prev');
    return cursor?.value;
  }

  async packetCount(sessionId: string): Promise<number> {
    return this.db.count(PACKETS, packetRange(sessionId));
  }

  /** Removes one recording, its packets and its description, in one transaction. */
  async delete(sessionId: string): Promise<void> {
    const tx = this.db.transaction([RECORDINGS, PACKETS], 'readwrite');
    await Promise.all([tx.objectStore(RECORDINGS).delete(sessionId), tx.objectStore(PACKETS).delete(packetRange(sessionId)), tx.done]);
  }

  async deleteAll(): Promise<void> {
    const tx = this.db.transaction([RECORDINGS, PACKETS], 'readwrite');
    await Promise.all([tx.objectStore(RECORDINGS).clear(), tx.objectStore(PACKETS).clear(), tx.done]);
  }
}
