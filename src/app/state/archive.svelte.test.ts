/**
 * The app's history (Archive) over the IndexedDB store, with fake-indexeddb:
 * a set's record is listed after it is saved, a write the quota refuses keeps
 * the record for download instead of losing it, and a refused import changes
 * nothing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { parseSessionExport } from '../../core/session/export.ts';
import { recordOfTrack } from '../../core/session/test-records.ts';
import { openSessionStore } from '../storage/session-store.ts';
import { Archive } from './archive.svelte.ts';

const superman = recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning'), 'superman', { id: 'sm-1' });

const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let name = 0;
const anArchive = (): Archive => {
  const dbName = `archive-test-${++name}`;
  return new Archive(() => openSessionStore({ name: dbName }));
};

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('Archive', () => {
  it('lists a saved set with its rep count', async () => {
    const archive = anArchive();
    expect(await archive.save(superman)).toBe(true);
    await archive.refresh();
    expect(archive.sessions).toHaveLength(1);
    expect(archive.sessions[0]).toMatchObject({ ok: true, id: 'sm-1', exercise: 'superman', reps: 3 });
    expect(archive.problem).toBeNull();
  });

  it('keeps a record the quota refused, says so, and offers it as an export file', async () => {
    const archive = anArchive();
    await archive.ready();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });
    expect(await archive.save(superman)).toBe(false);
    put.mockRestore();
    expect(archive.problem?.code).toBe('quota');
    expect(archive.unsaved.map((r) => r.id)).toEqual(['sm-1']);
    const offered = parseSessionExport(archive.unsavedExportText());
    expect(offered.ok && offered.sessions.map((r) => r.id)).toEqual(['sm-1']);
    // once there is room again, saving it clears it from the unsaved list
    expect(await archive.save(superman)).toBe(true);
    expect(archive.unsaved).toEqual([]);
  });

  it('keeps the record when there is no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const archive = new Archive();
    expect(await archive.save(superman)).toBe(false);
    expect(archive.state).toBe('failed');
    expect(archive.problem?.code).toBe('unavailable');
    expect(archive.unsaved).toHaveLength(1);
  });

  it('refuses a cut-off import with its message and leaves the history as it was', async () => {
    const archive = anArchive();
    await archive.save(superman);
    const result = await archive.importText('{"kind": "formcoach-sessions", "sessions": [');
    expect(result.ok).toBe(false);
    await archive.refresh();
    expect(archive.sessions.map((s) => s.id)).toEqual(['sm-1']);
  });

  it('deletes one session, then all', async () => {
    const archive = anArchive();
    await archive.save(superman);
    await archive.save({ ...superman, id: 'sm-2' });
    expect(await archive.delete('sm-1')).toBe(true);
    expect(archive.sessions.map((s) => s.id)).toEqual(['sm-2']);
    expect(await archive.deleteAll()).toBe(true);
    expect(archive.sessions).toEqual([]);
  });
});
