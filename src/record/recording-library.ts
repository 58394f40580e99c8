/**
 * The stored annotated recordings, for the rest of the app (history, review,
 * recovery banner): each is kept under its set's session id, as encoded
 * packets (recording-db.ts), and muxed into a file when asked for.
 *
 * Stable API (other features rely on these names):
 *   recordingFor(sessionId)      a finished recording as a file, or null
 *   deleteRecording(sessionId)   removes one (no error if there is none)
 *   deleteAllRecordings()
 *   listInterruptedRecordings()  recordings a reload or crash left unfinished
 *   recoverRecording(sessionId)  muxes what an interrupted one stored, and marks it finished
 *   holdRecordingLock(sessionId) held by a running recording (so it is never offered for recovery)
 */
import { recordingFileName } from './file-name.ts';
import { muxPackets, NothingRecordedError } from './mux.ts';
import { durationMsOf } from './packet-stream.ts';
import { RecordingStore, type RecordingMeta } from './recording-db.ts';
import { isInterrupted, lockNameOf } from './recovery.ts';

export interface RecordingFile {
  readonly blob: Blob;
  readonly mimeType: string;
  readonly durationMs: number;
  /** e.g. formcoach-superman-2026-12-06-1412.webm */
  readonly fileName: string;
}

export interface InterruptedRecording {
  readonly sessionId: string;
  /** what was recorded ("superman") */
  readonly what: string;
  readonly startedAt: Date;
  /** time recorded up to the last stored packet */
  readonly recordedMs: number;
}

let opening: Promise<RecordingStore> | null = null;

/** The app's one connection to the recordings database (opened on first use). */
export function recordingStore(): Promise<RecordingStore> {
  opening ??= RecordingStore.open().catch((err: unknown) => {
    // the next call tries again (another tab may have let go)
    opening = null;
    throw err;
  });
  return opening;
}

/** The most recently muxed file, so the review screen asking twice does not mux twice (one file at most: memory). */
let cached: { readonly sessionId: string; readonly file: RecordingFile } | null = null;

const fileNameOf = (meta: RecordingMeta): string => recordingFileName(meta.what, new Date(meta.startedAt), meta.mimeType);

async function muxStored(store: RecordingStore, meta: RecordingMeta, onPacket?: (muxed: number) => void): Promise<RecordingFile | null> {
  if (!meta.decoderConfig) return null;
  try {
    const muxed = await muxPackets(meta.codec, meta.decoderConfig, store.packets(meta.sessionId), onPacket);
    return { blob: muxed.blob, mimeType: muxed.mimeType, durationMs: muxed.durationMs, fileName: fileNameOf(meta) };
  } catch (err) {
    if (err instanceof NothingRecordedError) return null;
    throw err;
  }
}

/** A finished recording of this session as a file (WebM or MP4, with duration and seek index), or null when there is none. */
export async function recordingFor(sessionId: string): Promise<RecordingFile | null> {
  if (cached?.sessionId === sessionId) return cached.file;
  const store = await recordingStore();
  const meta = await store.meta(sessionId);
  if (!meta || meta.state !== 'finished') return null;
  const file = await muxStored(store, meta);
  if (file) cached = { sessionId, file };
  return file;
}

/** Whether a finished recording is stored for this session (cheap: no muxing). */
export async function hasRecording(sessionId: string): Promise<boolean> {
  const meta = await (await recordingStore()).meta(sessionId);
  return meta?.state === 'finished';
}

export async function deleteRecording(sessionId: string): Promise<void> {
  if (cached?.sessionId === sessionId) cached = null;
  await (await recordingStore()).delete(sessionId);
}

export async function deleteAllRecordings(): Promise<void> {
  cached = null;
  await (await recordingStore()).deleteAll();
}

async function heldLocks(): Promise<ReadonlySet<string> | null> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return null;
  try {
    const { held } = await navigator.locks.query();
    return new Set((held ?? []).flatMap((lock) => (lock.name ? [lock.name] : [])));
  } catch {
    return null;
  }
}

/** Recordings left unfinished by a reload or crash (not those another tab is recording now), oldest first. */
export async function listInterruptedRecordings(): Promise<InterruptedRecording[]> {
  const store = await recordingStore();
  const locks = await heldLocks();
  const out: InterruptedRecording[] = [];
  for (const meta of await store.allMeta()) {
    if (!isInterrupted(meta, locks)) continue;
    const last = await store.lastPacket(meta.sessionId);
    if (!last || !meta.decoderConfig) {
      // stopped before its first frame was stored: nothing to offer
      await store.delete(meta.sessionId);
      continue;
    }
    out.push({ sessionId: meta.sessionId, what: meta.what, startedAt: new Date(meta.startedAt), recordedMs: durationMsOf(last.timestampUs) });
  }
  return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/**
 * Muxes what an interrupted recording stored into a file and marks it
 * finished (so it is offered no more, and recordingFor finds it). Null when
 * nothing playable was stored: it is then deleted.
 */
export async function recoverRecording(sessionId: string, onPacket?: (muxed: number) => void): Promise<RecordingFile | null> {
  const store = await recordingStore();
  const meta = await store.meta(sessionId);
  if (!meta) return null;
  const file = await muxStored(store, meta, onPacket);
  if (!file) {
    await store.delete(sessionId);
    return null;
  }
  await store.putMeta({ ...meta, state: 'finished', durationMs: file.durationMs });
  cached = { sessionId, file };
  return file;
}

/**
 * Holds the Web Lock of a running recording until the returned function is
 * called (or the page goes away: the browser then releases it, and the
 * recording shows as interrupted). Without Web Locks, a no-op.
 */
export function holdRecordingLock(sessionId: string): () => void {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks.request(lockNameOf(sessionId), () => held).catch(() => undefined);
  return release;
}

/**
 * The set's recording once its stop has finished storing it (the set ends,
 * then the last packets are written and it is marked finished, a moment
 * later), or null when the set was not recorded. Gives up after `waitMs`.
 */
export async function finishedRecordingFor(sessionId: string, options: { readonly waitMs?: number; readonly signal?: AbortSignal } = {}): Promise<RecordingFile | null> {
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  const store = await recordingStore();
  for (;;) {
    if (options.signal?.aborted) return null;
    const meta = await store.meta(sessionId);
    if (!meta) return null;
    if (meta.state === 'finished') return recordingFor(sessionId);
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
