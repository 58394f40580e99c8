/** Archive.mapRecords: every readable stored record, mapped one at a time (the progress charts and the CSV read them so). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { recordOfTrack } from '../../core/session/test-records.ts';
import { openSessionStore } from '../storage/session-store.ts';
import { Archive } from './archive.svelte.ts';

const track = loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning');
const early = recordOfTrack(track, 'superman', { id: 'sm-early', startedAt: '2025-03-01T10:00:00.000Z' });
const late = recordOfTrack(track, 'superman', { id: 'sm-late', startedAt: '2025-03-08T10:00:00.000Z' });

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('Archive.mapRecords', () => {
  it('maps every stored record, newest first, skipping what cannot be read', async () => {
    const archive = new Archive(() => openSessionStore({ name: 'map-records' }));
    await archive.save(early);
    await archive.save(late);
    // a value that does not read as a record (listed as a problem, never mapped)
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('map-records');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('sessions', 'readwrite');
      tx.objectStore('sessions').put({ schemaVersion: 1, id: 'broken' }, 'broken');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    expect(await archive.mapRecords((r) => r.id)).toEqual(['sm-late', 'sm-early']);
    expect(await archive.mapRecords((r) => r.events.reps.length)).toEqual([early.events.reps.length, late.events.reps.length]);
  });

  it('is empty, with the problem said, when the history cannot be opened', async () => {
    const archive = new Archive(() => Promise.reject(new Error('no IndexedDB')));
    expect(await archive.mapRecords((r) => r.id)).toEqual([]);
    expect(archive.problem).not.toBeNull();
  });
});
