import { describe, it, expect } from 'vitest';
import { watchPeople } from './people-watch.ts';
import type { WorkerPoseEstimator } from './worker-estimator.ts';
import type { WorkerEstimate } from './protocol.ts';
import type { PeopleMode } from '../../core/people/people-schedule.ts';
import type { Keypoint, PoseFrame } from '../../core/frame/pose-frame.ts';
import type { PeopleEvent } from '../../core/people/subject-picker.ts';

const W = 640;
const H = 360;
/** 17 confident keypoints in a 100 px box around (x, 200) */
const body = (x: number): Keypoint[] => Array.from({ length: 17 }, (_, i) => ({ name: `k${i}`, x: x - 50 + ((i * 7) % 17) * 6, y: 150 + ((i * 5) % 17) * 6, score: 0.9 }));
const SUBJECT_X = 200;
const OTHER_X = 500;

/**
 * A worker estimator on a scene: the subject at x 200 throughout, someone
 * else at x 500 from `otherFromMs`; the coaching model's one pose follows
 * the other person from `jumpFromMs` on.
 */
function fakeWorker(scene: { otherFromMs: number; jumpFromMs: number }, modes: PeopleMode[]): WorkerPoseEstimator {
  const single = (t: number): PoseFrame => ({ timestampMs: t, imageWidth: W, imageHeight: H, score: 0.8, keypoints: body(t >= scene.jumpFromMs ? OTHER_X : SUBJECT_X) });
  const people = (t: number) => ({
    timestampMs: t,
    imageWidth: W,
    imageHeight: H,
    poses: [{ id: 1, score: 0.8, keypoints: body(SUBJECT_X) }, ...(t >= scene.otherFromMs ? [{ id: 2, score: 0.9, keypoints: body(OTHER_X) }] : [])],
  });
  return {
    model: 'movenet-lightning',
    backend: 'wasm',
    modelBytesLoaded: 1,
    wasmThreads: 1,
    lastTiming: null,
    estimate: (_input, t) => Promise.resolve(single(t)),
    estimateWithPeople(_input, t, mode): Promise<WorkerEstimate> {
      modes.push(mode);
      if (mode === 'single') return Promise.resolve({ kind: 'single', frame: single(t), inferenceMs: 1 });
      if (mode === 'people') return Promise.resolve({ kind: 'people', people: people(t), inferenceMs: 1 });
      return Promise.resolve({ kind: 'watch', frame: single(t), people: people(t), inferenceMs: 1 });
    },
    loadPeople: () => Promise.resolve(true),
    reset: () => undefined,
    memory: () => Promise.resolve({ numTensors: 0, numBytes: 0 }),
    dispose: () => undefined,
  };
}

const image = {} as ImageData;
const centreX = (frame: PoseFrame): number | null => (frame.keypoints.length === 0 ? null : frame.keypoints.reduce((s, k) => s + k.x, 0) / frame.keypoints.length);

describe('watchPeople', () => {
  it('passes every frame through untouched while it follows nobody (a video file: the CLI’s frames)', async () => {
    const modes: PeopleMode[] = [];
    const watcher = watchPeople(fakeWorker({ otherFromMs: 0, jumpFromMs: 0 }, modes));
    watcher.follow(null);
    const frame = await watcher.estimate(image, 0);
    expect(centreX(frame)).toBeGreaterThan(400);
    expect(modes).toEqual([]);
  });

  it('hands on only the subject’s pose, tells of the other person, and never passes the coaching model’s jump to them', async () => {
    const modes: PeopleMode[] = [];
    const events: PeopleEvent['kind'][] = [];
    const watcher = watchPeople(fakeWorker({ otherFromMs: 2000, jumpFromMs: 3000 }, modes));
    let counting = false;
    watcher.follow({ coaching: () => ({ counting, waitingForStart: false }), onEvent: (e) => events.push(e.kind) });
    await Promise.resolve();
    const xs: (number | null)[] = [];
    for (let t = 0; t < 5000; t += 1000 / 15) {
      if (t > 1000) counting = true;
      xs.push(centreX(await watcher.estimate(image, t)));
    }
    expect(events).toContain('other-person-in-view');
    // nothing near the other person ever reaches the engine; the subject still does (through the people model's looks)
    expect(xs.filter((x) => x !== null && x > 350)).toEqual([]);
    expect(xs.slice(Math.round(3.5 * 15)).filter((x) => x !== null).length).toBeGreaterThan(0);
    expect(modes).toContain('watch');
  });

  it('watches from the first coached frame when the people model came with the coaching model (platform.ts), and loads it no second time', async () => {
    const modes: PeopleMode[] = [];
    const worker = fakeWorker({ otherFromMs: 0, jumpFromMs: 99_000 }, modes);
    let loads = 0;
    const watcher = watchPeople({ ...worker, loadPeople: () => (loads++, Promise.resolve(true)) }, true);
    watcher.follow({ coaching: () => ({ counting: false, waitingForStart: true }), onEvent: () => undefined });
    await watcher.estimate(image, 0);
    expect(loads).toBe(0);
    expect(modes[0]).not.toBe('single');
  });

  it('still coaches with the single-pose guard when the people model fails to load', async () => {
    const modes: PeopleMode[] = [];
    const worker = fakeWorker({ otherFromMs: 99_000, jumpFromMs: 99_000 }, modes);
    const watcher = watchPeople({ ...worker, loadPeople: () => Promise.reject(new Error('people model missing')) });
    watcher.follow({ coaching: () => ({ counting: false, waitingForStart: true }), onEvent: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await watcher.estimate(image, 0);
    expect(modes).toEqual(['single']);
  });
});
