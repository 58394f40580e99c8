/**
 * The history's state over a real Archive (fake-indexeddb) and a fake
 * recordings library: deleting a session deletes its recording, a recording
 * that cannot be deleted is said, the review shows the stored record and
 * lets its recording's object URL go when it closes, and the skeleton
 * player finds the frame at a time.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { recordOfTrack } from '../../core/session/test-records.ts';
import type { KeypointTrack } from '../../core/track.ts';
import { openSessionStore } from '../storage/session-store.ts';
import type { Recordings, StoredRecording } from '../components/history/recordings.ts';
import { Archive } from './archive.svelte.ts';
import { HistoryList } from './history.svelte.ts';
import { ReviewSession } from './history-review.svelte.ts';
import { frameIndexAt, personBox, TrackPlayer } from './history-player.svelte.ts';

const track = loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning');
const superman = recordOfTrack(track, 'superman', { id: 'sm-1' });
const other = recordOfTrack(track, 'superman', { id: 'sm-2', startedAt: '2025-03-02T10:00:00.000Z' });

let name = 0;
const anArchive = (): Archive => {
  const dbName = `history-test-${++name}`;
  return new Archive(() => openSessionStore({ name: dbName }));
};

class FakeRecordings implements Recordings {
  deleted: string[] = [];
  deletedAll = 0;
  failDelete = false;
  constructor(private readonly kept: ReadonlyMap<string, StoredRecording> = new Map()) {}
  find(sessionId: string): Promise<StoredRecording | null> {
    return Promise.resolve(this.kept.get(sessionId) ?? null);
  }
  delete(sessionId: string): Promise<void> {
    if (this.failDelete) return Promise.reject(new Error('the recordings database is closed'));
    this.deleted.push(sessionId);
    return Promise.resolve();
  }
  deleteAll(): Promise<void> {
    this.deletedAll++;
    return Promise.resolve();
  }
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('the history list', () => {
  it('deletes one session and its recording, and keeps the others', async () => {
    const archive = anArchive();
    await archive.save(superman);
    await archive.save(other);
    const recordings = new FakeRecordings();
    const list = new HistoryList(archive, recordings);
    await list.load();
    expect(list.sessions.map((s) => s.id)).toEqual(['sm-2', 'sm-1']);
    expect(await list.deleteOne('sm-1')).toBe(true);
    expect(list.sessions.map((s) => s.id)).toEqual(['sm-2']);
    expect(recordings.deleted).toEqual(['sm-1']);
    expect(list.notice).toBeNull();
  });

  it('deletes every session and every recording', async () => {
    const archive = anArchive();
    await archive.save(superman);
    await archive.save(other);
    const recordings = new FakeRecordings();
    const list = new HistoryList(archive, recordings);
    await list.load();
    expect(await list.deleteAll()).toBe(true);
    expect(list.sessions).toEqual([]);
    expect(recordings.deletedAll).toBe(1);
  });

  it('says so when the session went but its recording could not be deleted', async () => {
    const archive = anArchive();
    await archive.save(superman);
    const recordings = new FakeRecordings();
    recordings.failDelete = true;
    const list = new HistoryList(archive, recordings);
    await list.load();
    expect(await list.deleteOne('sm-1')).toBe(true);
    expect(list.notice).toEqual({ key: 'history.recordingDeleteFailed', detail: 'the recordings database is closed' });
  });
});

describe('the review of one session', () => {
  it('shows the stored record and no video when no recording was kept', async () => {
    const archive = anArchive();
    await archive.save(superman);
    const review = new ReviewSession('sm-1', archive, new FakeRecordings());
    await review.open();
    expect(review.load.state).toBe('ready');
    expect(review.stored?.reps).toBe(3);
    expect(review.video).toEqual({ state: 'none' });
  });

  it('says the session is not there any more', async () => {
    const review = new ReviewSession('gone', anArchive(), new FakeRecordings());
    await review.open();
    expect(review.load).toEqual({ state: 'missing' });
  });

  it('gives the recording an object URL and lets it go on leaving', async () => {
    const archive = anArchive();
    await archive.save(superman);
    const recording: StoredRecording = { blob: new Blob(['x']), durationMs: 5000, startedAtMs: Number.NaN };
    const revoked: string[] = [];
    const review = new ReviewSession('sm-1', archive, new FakeRecordings(new Map([['sm-1', recording]])), () => 'blob:review-1', (url) => revoked.push(url));
    await review.open();
    expect(review.video).toMatchObject({ state: 'ready', url: 'blob:review-1', trackMsAtStart: 0 });
    review.dispose();
    expect(revoked).toEqual(['blob:review-1']);
  });

  it('re-analyses with an override and leaves the stored figures alone', async () => {
    const archive = anArchive();
    await archive.save(superman);
    const review = new ReviewSession('sm-1', archive, new FakeRecordings());
    await review.open();
    review.setOverride('liftTorso', 0.3);
    const result = review.reanalysis('en');
    expect(result?.ok && result.figures.reps).toBe(0);
    expect(review.stored?.reps).toBe(3);
    review.resetOverrides();
    const again = review.reanalysis('en');
    expect(again?.ok && again.figures.reps).toBe(3);
  });
});

describe('the skeleton replay', () => {
  const tiny: KeypointTrack = {
    version: 1,
    source: 'camera',
    model: 'movenet-lightning',
    width: 100,
    height: 100,
    fps: 10,
    frames: [
      { t: 100, score: 1, keypoints: [{ name: 'nose', x: 40, y: 50, score: 0.9 }] },
      { t: 200, score: 1, keypoints: [{ name: 'nose', x: 60, y: 70, score: 0.9 }] },
      { t: 300, score: 0, keypoints: [] },
    ],
  };

  it('shows the last frame at or before the time', () => {
    expect(frameIndexAt(tiny.frames, 0)).toBe(0);
    expect(frameIndexAt(tiny.frames, 199)).toBe(0);
    expect(frameIndexAt(tiny.frames, 200)).toBe(1);
    expect(frameIndexAt(tiny.frames, 10_000)).toBe(2);
  });

  it('seeks within the track and plays at the track’s own timing', () => {
    const steps: ((now: number) => void)[] = [];
    const player = new TrackPlayer(tiny, (step) => steps.push(step), () => undefined);
    player.seek(-50);
    expect(player.timeMs).toBe(100);
    player.play();
    steps.shift()?.(1000); // anchors the clock
    steps.shift()?.(1150); // 150 ms later
    expect(player.timeMs).toBe(250);
    expect(player.frame?.t).toBe(200);
    steps.shift()?.(2000); // past the end: it stops there
    expect(player.timeMs).toBe(300);
    expect(player.playing).toBe(false);
  });

  it('frames the part of the picture the person moved in', () => {
    const box = personBox(tiny, 0.3, 0);
    expect(box).toEqual({ x: 40, y: 50, width: 20, height: 20 });
    expect(personBox({ ...tiny, frames: [] })).toEqual({ x: 0, y: 0, width: 100, height: 100 });
  });
});
