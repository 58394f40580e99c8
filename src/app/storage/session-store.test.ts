/**
 * The session history in IndexedDB (fake-indexeddb in Node: a fresh,
 * in-memory factory per test), on real session records: fixture tracks run
 * through the engine (test-records.ts), and the version 0 report as the CLI
 * wrote it (src/core/session/testdata).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { parseSessionExport, sessionExportOf, sessionJson } from '../../core/session/export.ts';
import { migrate } from '../../core/session/migrate.ts';
import type { SessionRecord } from '../../core/session/schema.ts';
import { recordOfTrack } from '../../core/session/test-records.ts';
import { SESSION_SCHEMA_VERSION } from '../../core/session/vocabulary.ts';
import { DB_UPGRADES, openSessionStore, SESSIONS, type SessionStore, type StoredSession, type UpgradeStep } from './session-store.ts';
import { StorageBlockedError, StorageClosedError, StorageQuotaError, StorageUnavailableError, StorageVersionError, type CloseReason } from './storage-errors.ts';

const MODEL = 'movenet-lightning';
const hipThrust = recordOfTrack(loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', MODEL), 'hip-thrust', { id: 'ht-1', startedAt: '2025-03-01T10:00:00.000Z' });
const superman = recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'superman', { id: 'sm-2', lang: 'nl', startedAt: '2025-03-04T18:30:00.000Z' });
const upwardDog = recordOfTrack(loadTrack('upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4', MODEL), 'upward-dog', { id: 'ud-3', startedAt: '2025-03-02T07:15:00.000Z' });
const V0_TEXT = readFileSync(new URL('../../core/session/testdata/v0-report.hip-thrust.en.json', import.meta.url), 'utf8');

const NAME = 'formcoach-test';
/** a later database version that changes nothing: enough to be blocked, and to block */
const V2_UPGRADES: readonly UpgradeStep[] = [...DB_UPGRADES, { from: 1, up: () => {} }];

let opened: SessionStore[] = [];
async function open(options: Parameters<typeof openSessionStore>[0] = {}): Promise<SessionStore> {
  const store = await openSessionStore({ name: NAME, ...options });
  opened.push(store);
  return store;
}

/** A value written as it is, past the store's checks: what an older FormCoach, or a damaged disk, left there. */
async function writeRaw(key: string, value: unknown): Promise<void> {
  const db = await openDB(NAME);
  await db.put(SESSIONS, value, key);
  db.close();
}

/** The record's JSON form, as plain JSON to break in one place. */
const jsonOf = (record: SessionRecord) => JSON.parse(sessionJson(record)) as { events: { reps: Record<string, unknown>[] } } & Record<string, unknown>;

const recordOf = (stored: StoredSession | null): SessionRecord => {
  if (stored === null || !stored.ok) throw new Error(`expected a readable record, got ${JSON.stringify(stored)}`);
  return stored.record;
};

const idsOf = async (store: SessionStore): Promise<string[]> => (await store.list()).map((e) => e.id);

beforeEach(() => {
  // a fresh, empty IndexedDB for every test (the globals of fake-indexeddb/auto stay)
  vi.stubGlobal('indexedDB', new IDBFactory());
  opened = [];
});

afterEach(() => {
  for (const store of opened) store.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the session store', () => {
  it('gives back a stored record as it was put, and null for an id it does not have', async () => {
    const store = await open();
    await store.put(hipThrust);
    expect(await store.get('ht-1')).toEqual({ ok: true, id: 'ht-1', record: hipThrust, fromVersion: SESSION_SCHEMA_VERSION });
    expect(await store.get('nope')).toBeNull();
  });

  it('keeps its records when the page is opened again (a new connection)', async () => {
    const first = await open();
    await first.put(superman);
    first.close();
    const second = await open();
    expect(recordOf(await second.get('sm-2'))).toEqual(superman);
  });

  it('stores the JSON form, with not-measured values as null', async () => {
    const store = await open();
    await store.put(hipThrust);
    const db = await openDB(NAME);
    expect(await db.get(SESSIONS, 'ht-1')).toEqual(JSON.parse(sessionJson(hipThrust)));
    db.close();
  });

  it('replaces the record stored under the same id on a second put', async () => {
    const store = await open();
    await store.put(hipThrust);
    const after = { ...hipThrust, pain: { before: 2, after: 3 } };
    await store.put(after);
    expect(recordOf(await store.get('ht-1')).pain).toEqual({ before: 2, after: 3 });
    expect(await idsOf(store)).toEqual(['ht-1']);
  });

  it('lists the sessions newest first, each with its date, exercise, reps and partial reps', async () => {
    const store = await open();
    for (const record of [hipThrust, superman, upwardDog]) await store.put(record);
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual(['sm-2', 'ud-3', 'ht-1']);
    const full = (r: SessionRecord) => r.events.reps.filter((rep) => rep.full).length;
    expect(list[0]).toEqual({
      ok: true,
      id: 'sm-2',
      startedAt: superman.startedAt,
      endedAt: superman.endedAt,
      exercise: 'superman',
      variant: superman.settings.variant,
      source: 'file',
      reps: full(superman),
      partialReps: superman.events.reps.length - full(superman),
      faults: superman.events.faults.length,
      stopReason: 'clip-end',
      hasTrack: true,
      fromVersion: SESSION_SCHEMA_VERSION,
    });
    expect(list[0]?.ok && list[0].reps).toBeGreaterThan(0);
  });

  it('lists a session without a known start after the dated ones', async () => {
    const store = await open();
    const undated = { ...hipThrust, id: 'undated', startedAt: 'unknown' as const, endedAt: 'unknown' as const };
    for (const record of [undated, hipThrust, superman]) await store.put(record);
    expect(await idsOf(store)).toEqual(['sm-2', 'ht-1', 'undated']);
  });

  it('deletes one session, then all of them', async () => {
    const store = await open();
    for (const record of [hipThrust, superman, upwardDog]) await store.put(record);
    await store.delete('sm-2');
    expect(await idsOf(store)).toEqual(['ud-3', 'ht-1']);
    expect(await store.get('sm-2')).toBeNull();
    await store.deleteAll();
    expect(await store.list()).toEqual([]);
  });

  it('refuses to store a record that would not read back, and hands the record back', async () => {
    const store = await open();
    const broken = { ...hipThrust, stopReason: 'bored' } as unknown as SessionRecord; // only a bug upstream makes one
    await expect(store.put(broken)).rejects.toMatchObject({ code: 'invalid-record', unsaved: [broken], problem: expect.stringContaining('stopReason') });
    expect(await store.list()).toEqual([]);
  });
});

describe('reading back what an older version or a damaged disk left', () => {
  it('brings a record stored in an older schema version up to date', async () => {
    const v0 = JSON.parse(V0_TEXT) as unknown;
    const expected = migrate(v0);
    if (!expected.ok) throw new Error(expected.error);
    const store = await open();
    await writeRaw(expected.record.id, v0);
    expect(await store.get(expected.record.id)).toEqual({ ok: true, id: expected.record.id, record: expected.record, fromVersion: 0 });
    expect(await store.list()).toEqual([expect.objectContaining({ ok: true, id: expected.record.id, exercise: 'hip-thrust', fromVersion: 0 })]);
  });

  it('lists a record that fails validation as a problem with its id and message, and the others as they are', async () => {
    const store = await open();
    await store.put(hipThrust);
    await store.put(superman);
    const bad = jsonOf(upwardDog);
    bad.events.reps[0] = { ...bad.events.reps[0], peakMs: 'soon' };
    await writeRaw('ud-3', bad);
    await writeRaw('junk', 'not a record at all');
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual(['sm-2', 'ht-1', 'junk', 'ud-3']);
    expect(list.slice(2)).toEqual([
      { ok: false, id: 'junk', error: 'expected a session record (a JSON object), got "not a record at all"' },
      { ok: false, id: 'ud-3', error: 'events.reps[0].peakMs: expected a number, got "soon"' },
    ]);
    expect(await store.get('ud-3')).toEqual({ ok: false, id: 'ud-3', error: 'events.reps[0].peakMs: expected a number, got "soon"' });
  });

  it('reports a record stored under another id than its own', async () => {
    const store = await open();
    await writeRaw('elsewhere', jsonOf(hipThrust));
    expect(await store.get('elsewhere')).toEqual({ ok: false, id: 'elsewhere', error: `stored under the id "elsewhere", but the record's id is "ht-1"` });
  });
});

describe('export and import', () => {
  it('exports every record, and an import of that file into an empty history gives identical records', async () => {
    const source = await open();
    for (const record of [hipThrust, superman, upwardDog]) await source.put(record);
    const exported = await source.exportAll(new Date('2025-03-05T08:00:00.000Z'));
    expect(exported.count).toBe(3);
    expect(exported.problems).toEqual([]);
    expect(exported.text).toBe(sessionJson(sessionExportOf([superman, upwardDog, hipThrust], new Date('2025-03-05T08:00:00.000Z'))));
    await source.deleteAll();
    expect(await source.importExport(exported.text)).toEqual({ ok: true, added: ['sm-2', 'ud-3', 'ht-1'], skipped: [], replaced: [], migrated: 0 });
    for (const record of [hipThrust, superman, upwardDog]) expect(recordOf(await source.get(record.id))).toEqual(record);
  });

  it('says which stored values the export could not include', async () => {
    const store = await open();
    await store.put(hipThrust);
    await writeRaw('junk', 42);
    const exported = await store.exportAll();
    expect(exported.count).toBe(1);
    expect(exported.problems).toEqual([{ ok: false, id: 'junk', error: 'expected a session record (a JSON object), got 42' }]);
    expect(parseSessionExport(exported.text)).toMatchObject({ ok: true, sessions: [hipThrust] });
  });

  it('refuses a truncated file and a file of the wrong shape with their messages, and leaves the history as it was', async () => {
    const store = await open();
    await store.put(hipThrust);
    const before = await store.list();
    const whole = sessionJson(sessionExportOf([superman, upwardDog], new Date()));
    const cut = whole.slice(0, 2000);
    expect(await store.importExport(cut)).toEqual({ ok: false, error: `the file is cut off: its JSON ends after ${cut.length} characters, before it is complete (an interrupted download or copy?)` });
    expect(await store.importExport('{"name": "shopping list"}')).toEqual({
      ok: false,
      error: 'not a FormCoach session record: it has no schemaVersion, and it is not an analysis report (version 0) either',
    });
    // one bad record in an otherwise good export: none of it is stored
    const mixed = JSON.parse(whole) as { sessions: Record<string, unknown>[] };
    mixed.sessions[1] = { ...mixed.sessions[1], stopReason: 'bored' };
    expect(await store.importExport(JSON.stringify(mixed))).toMatchObject({ ok: false, error: expect.stringContaining('session 2 (id "ud-3"): stopReason') });
    expect(await store.list()).toEqual(before);
  });

  it('keeps a stored record when the file has one with its id, and adds the rest', async () => {
    const store = await open();
    await store.put(hipThrust);
    const edited = { ...hipThrust, pain: { before: 7, after: 7 } };
    const text = sessionJson(sessionExportOf([edited, superman], new Date()));
    expect(await store.importExport(text)).toEqual({ ok: true, added: ['sm-2'], skipped: ['ht-1'], replaced: [], migrated: 0 });
    expect(recordOf(await store.get('ht-1'))).toEqual(hipThrust);
    // the same file again changes nothing
    expect(await store.importExport(text)).toMatchObject({ ok: true, added: [], skipped: ['ht-1', 'sm-2'] });
  });

  it('replaces a stored value that cannot be read with the file’s record of that id', async () => {
    const store = await open();
    await writeRaw('ht-1', { ...jsonOf(hipThrust), stopReason: 'bored' });
    const result = await store.importExport(sessionJson(hipThrust));
    expect(result).toEqual({ ok: true, added: [], skipped: [], replaced: ['ht-1'], migrated: 0 });
    expect(recordOf(await store.get('ht-1'))).toEqual(hipThrust);
  });

  it('imports a version 0 report, migrated', async () => {
    const store = await open();
    const result = await store.importExport(V0_TEXT);
    expect(result).toMatchObject({ ok: true, migrated: 1, added: [expect.stringMatching(/^v0-/)] });
    expect(await store.list()).toEqual([expect.objectContaining({ exercise: 'hip-thrust', fromVersion: SESSION_SCHEMA_VERSION })]);
  });
});

/** Makes every put on an object store fail as a full disk does. */
function fillTheDisk(): void {
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

/** Aborts a fake-indexeddb transaction with an error of the given name (its internal `_abort`; the public abort() always says AbortError). */
function abortWith(tx: IDBTransaction, errorName: string): void {
  if (!('_abort' in tx) || typeof tx._abort !== 'function') throw new Error('fake-indexeddb no longer has IDBTransaction._abort: find another way to fail a commit');
  tx._abort(errorName);
}

describe('a full disk', () => {
  it('fails a put with the quota error, carrying the record that was not stored', async () => {
    const store = await open();
    await store.put(hipThrust);
    fillTheDisk();
    const failure = store.put(superman);
    await expect(failure).rejects.toBeInstanceOf(StorageQuotaError);
    await expect(failure).rejects.toMatchObject({ code: 'quota', unsaved: [superman] });
    vi.restoreAllMocks();
    expect(await idsOf(store)).toEqual(['ht-1']);
  });

  it('fails a put whose transaction the browser aborts at commit for the quota (as Chromium does), carrying the record', async () => {
    const store = await open();
    await store.put(hipThrust);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = original.apply(this, args);
      const tx = this.transaction;
      // the write itself succeeds; committing it does not (fake-indexeddb's own abort, which sets the transaction's error)
      request.addEventListener('success', () => abortWith(tx, 'QuotaExceededError'));
      return request;
    });
    await expect(store.put(superman)).rejects.toMatchObject({ code: 'quota', unsaved: [superman] });
    vi.restoreAllMocks();
    expect(await idsOf(store)).toEqual(['ht-1']);
  });

  it('stores none of an import that runs out of room half way, and hands back its records', async () => {
    const store = await open();
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const failure = store.importExport(sessionJson(sessionExportOf([hipThrust, superman, upwardDog], new Date())));
    await expect(failure).rejects.toMatchObject({ code: 'quota', unsaved: [hipThrust, superman, upwardDog] });
    expect(puts).toBe(2);
    vi.restoreAllMocks();
    expect(await store.list()).toEqual([]);
  });
});

describe('opening', () => {
  it('has one database upgrade step for every version, each from its own version', () => {
    expect(DB_UPGRADES.map((s) => s.from)).toEqual(DB_UPGRADES.map((_, i) => i));
  });

  it('creates the sessions store with its indexes on startedAt and settings.exercise', async () => {
    await open();
    const db = await openDB(NAME);
    const tx = db.transaction(SESSIONS);
    expect(db.version).toBe(DB_UPGRADES.length);
    expect([...tx.store.indexNames].sort()).toEqual(['exercise', 'startedAt']);
    expect(tx.store.index('exercise').keyPath).toBe('settings.exercise');
    await tx.done;
    db.close();
  });

  it('reports no IndexedDB at all (a private window, site data off) as unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const opening = open();
    await expect(opening).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(opening).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('no IndexedDB (a private window, or site data turned off?)') });
  });

  it('reports an IndexedDB that refuses to open as unavailable', async () => {
    vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
      throw new DOMException('access to IndexedDB denied', 'SecurityError');
    });
    await expect(open()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('SecurityError') });
  });

  it('reports a database of a newer version than this code as newer-version', async () => {
    (await openDB(NAME, 5)).close();
    await expect(open()).rejects.toBeInstanceOf(StorageVersionError);
  });

  it('gives up on an upgrade that another tab blocks, saying to close the other tab, instead of hanging', async () => {
    (await open()).close();
    // an old tab that does not let go of its connection
    const oldTab = await openDB(NAME);
    const started = Date.now();
    const upgrading = open({ upgrades: V2_UPGRADES, blockedWaitMs: 50 });
    await expect(upgrading).rejects.toBeInstanceOf(StorageBlockedError);
    await expect(upgrading).rejects.toMatchObject({ code: 'blocked', openVersion: 1, wantedVersion: 2, message: expect.stringContaining('close the other FormCoach tab') });
    expect(Date.now() - started).toBeLessThan(2000);
    // when the old tab closes, the upgrade it held up goes through and its connection is let go, so nothing blocks the next open
    oldTab.close();
    await vi.waitFor(async () => {
      const db = await openDB(NAME);
      const version = db.version;
      db.close();
      expect(version).toBe(2);
    });
    const store = await open({ upgrades: [...V2_UPGRADES, { from: 2, up: () => {} }], blockedWaitMs: 50 });
    expect(store.closed).toBeNull();
  });

  it('closes its connection when another tab upgrades, so that upgrade goes on, and says so', async () => {
    const closedFor: CloseReason[] = [];
    const oldTab = await open({ onClose: (reason) => closedFor.push(reason) });
    const newTab = await open({ upgrades: V2_UPGRADES, blockedWaitMs: 5000 });
    expect(newTab.closed).toBeNull();
    expect(oldTab.closed).toBe('upgraded-elsewhere');
    expect(closedFor).toEqual(['upgraded-elsewhere']);
    const failure = oldTab.put(hipThrust);
    await expect(failure).rejects.toBeInstanceOf(StorageClosedError);
    await expect(failure).rejects.toMatchObject({ reason: 'upgraded-elsewhere', unsaved: [hipThrust], message: expect.stringContaining('reload this tab') });
  });

  it('refuses calls after close()', async () => {
    const store = await open();
    store.close();
    await expect(store.list()).rejects.toMatchObject({ code: 'closed', reason: 'closed' });
  });
});
