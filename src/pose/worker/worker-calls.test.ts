import { describe, it, expect } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WorkerCalls } from './worker-calls.ts';

/** node's gc(), without starting node with --expose-gc */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('WorkerCalls', () => {
  it('passes on what each call returns, and holds nothing of a call once it has settled', async () => {
    const calls = new WorkerCalls();
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => calls.call(Promise.resolve(i))));
    expect(results[999]).toBe(999);
    await expect(calls.call(Promise.reject(new Error('no model')))).rejects.toThrow('no model');
    // a frame's call must not stay reachable after it settled (the soak's +5 MB in 30 minutes)
    expect(calls.pending).toBe(0);
  });

  it('fails a call still waiting when the worker dies, and every later call at once', async () => {
    const calls = new WorkerCalls();
    const never = new Promise<number>(() => undefined);
    const waiting = calls.call(never);
    expect(calls.pending).toBe(1);
    calls.fail(new Error('the pose worker failed: its script could not run'));
    await expect(waiting).rejects.toThrow('its script could not run');
    await expect(calls.call(Promise.resolve(1))).rejects.toThrow('its script could not run');
    expect(calls.pending).toBe(0);
  });

  it('leaves the heap where it was after 200 000 calls (a race with a promise that never settles kept ~120 bytes a call: 24 MB)', async () => {
    const gc = exposeGc();
    const calls = new WorkerCalls();
    const frame = { keypoints: 17 };
    for (let i = 0; i < 20_000; i++) await calls.call(Promise.resolve(frame));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200_000; i++) await calls.call(Promise.resolve(frame));
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(grownMb).toBeLessThan(4);
  });
});
