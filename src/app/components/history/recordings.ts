/**
 * What the history needs of the stored annotated recordings
 * (src/record/recording-library.ts), as one small interface, so the state
 * classes can be tested with a fake and the screens never touch the
 * recordings database themselves.
 */
import { deleteAllRecordings, deleteRecording, recordingFor, recordingStore } from '../../../record/recording-library.ts';

export interface StoredRecording {
  readonly blob: Blob;
  readonly durationMs: number;
  /** when the recording started, ms since the epoch (NaN when not known): lines the video up with the keypoint track */
  readonly startedAtMs: number;
}

export interface Recordings {
  /** the finished recording of a session, or null when none was kept */
  find(sessionId: string): Promise<StoredRecording | null>;
  delete(sessionId: string): Promise<void>;
  deleteAll(): Promise<void>;
}

/** The app's recordings (the recording library's IndexedDB). */
export const storedRecordings: Recordings = {
  async find(sessionId) {
    const file = await recordingFor(sessionId);
    if (!file) return null;
    const meta = await (await recordingStore()).meta(sessionId);
    return { blob: file.blob, durationMs: file.durationMs, startedAtMs: meta ? Date.parse(meta.startedAt) : Number.NaN };
  },
  delete: (sessionId) => deleteRecording(sessionId),
  deleteAll: () => deleteAllRecordings(),
};
