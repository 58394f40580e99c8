/** The reference recorder's state with stored sessions (the file and camera paths run in the browser: test/e2e/reference.test.ts). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { recordOfTrack } from '../../core/session/test-records.ts';
import type { PoseEstimator } from '../../pose/estimator.ts';
import { openSessionStore } from '../storage/session-store.ts';
import { Archive } from './archive.svelte.ts';
import { ReferenceRecorder, type RecorderTarget } from './reference-recorder.svelte.ts';

const MODEL = 'movenet-lightning';
const goodMornings = recordOfTrack(loadTrack('good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4', MODEL), 'good-morning', { id: 'gm', startedAt: '2025-03-01T10:00:00.000Z' });
const bridges = recordOfTrack(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'hip-thrust', { id: 'bridge', startedAt: '2025-03-02T10:00:00.000Z' });
/** no source is started in these tests */
const noEstimator = (): Promise<PoseEstimator> => Promise.reject(new Error('not in this test'));

let n = 0;
async function recorderWith(target: RecorderTarget): Promise<ReferenceRecorder> {
  const archive = new Archive(() => openSessionStore({ name: `reference-recorder-${n++}` }));
  await archive.save(goodMornings);
  await archive.save(bridges);
  await archive.save({ ...goodMornings, id: 'gm-no-track', track: null });
  return new ReferenceRecorder(() => target, noEstimator, archive);
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

describe('recording a reference from the history', () => {
  it('lists only the stored sessions of the exercise that kept their keypoints', async () => {
    const recorder = await recorderWith({ exercise: 'good-morning', variant: null });
    await recorder.listSessions();
    expect(recorder.sessions.map((s) => s.id)).toEqual(['gm']);
  });

  it('offers a stored set’s full reps, each with its similarity to the others, and keeps the ticked ones', async () => {
    const recorder = await recorderWith({ exercise: 'good-morning', variant: null });
    await recorder.fromSession('gm', '1 March');
    expect(recorder.status).toBe('offered');
    expect(recorder.reps).toHaveLength(3);
    for (const r of recorder.reps) expect(r.againstOthers?.similarity).toBeGreaterThanOrEqual(85);
    recorder.kept[1] = false;
    const reference = recorder.reference();
    expect(reference?.exercise).toBe('good-morning');
    expect(reference?.reps).toEqual([recorder.reps[0]?.rep, recorder.reps[2]?.rep]);
  });

  it('refuses to keep no rep at all, and says so', async () => {
    const recorder = await recorderWith({ exercise: 'good-morning', variant: null });
    await recorder.fromSession('gm', '1 March');
    recorder.kept = recorder.kept.map(() => false);
    expect(recorder.reference()).toBeNull();
    expect(recorder.problem).toEqual({ kind: 'none-kept' });
  });

  it('says a stored session has no keypoints to take reps from', async () => {
    const recorder = await recorderWith({ exercise: 'good-morning', variant: null });
    await recorder.fromSession('gm-no-track', '1 March');
    expect(recorder.status).toBe('problem');
    expect(recorder.problem).toEqual({ kind: 'no-track' });
  });

  it('says which exercise a recording shows when it holds no full rep of the one asked for', async () => {
    const recorder = await recorderWith({ exercise: 'good-morning', variant: null });
    await recorder.fromSession('bridge', '2 March');
    expect(recorder.problem).toEqual({ kind: 'no-full-rep', looksLike: 'hip-thrust' });
    expect(recorder.reference()).toBeNull();
  });
});
