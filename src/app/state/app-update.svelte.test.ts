import { describe, it, expect } from 'vitest';
import { AppUpdate } from './app-update.svelte.ts';
import { Flow } from './flow.svelte.ts';

const aSet = { reps: 3, partialReps: 0, repRecords: [], faultCues: new Map(), endedBy: 'user' as const, sessionId: 'set-1', file: null, track: null, record: null };

function inTraining(): Flow {
  const flow = new Flow();
  flow.choose('good-morning');
  flow.answerSafety(false);
  flow.startTraining();
  return flow;
}

describe('AppUpdate', () => {
  it('offers nothing while no new version waits', async () => {
    const update = new AppUpdate(() => false);
    expect(update.offered).toBe(false);
    expect(await update.applyNow()).toBe(false);
  });

  it('holds a new version back during a set and offers it once the set has ended', async () => {
    const flow = inTraining();
    const update = new AppUpdate(() => flow.screen === 'training');
    let applied = 0;
    update.offer(async () => void applied++);

    expect(update.waiting).toBe(true);
    expect(update.offered).toBe(false);
    expect(await update.applyNow()).toBe(false);
    expect(applied).toBe(0);

    flow.endSet(aSet);
    expect(flow.screen).toBe('summary');
    expect(update.offered).toBe(true);
    expect(await update.applyNow()).toBe(true);
    expect(applied).toBe(1);
  });

  it('hides the offer again when the next set starts before it was taken', () => {
    const flow = inTraining();
    flow.endSet(aSet);
    const update = new AppUpdate(() => flow.screen === 'training');
    update.offer(async () => undefined);
    expect(update.offered).toBe(true);
    flow.startTraining();
    expect(update.offered).toBe(false);
  });

  it('applies once: the offer disappears while the reload is under way', async () => {
    const update = new AppUpdate(() => false);
    let finish: () => void = () => undefined;
    update.offer(() => new Promise<void>((resolve) => (finish = resolve)));
    const applying = update.applyNow();
    expect(update.applying).toBe(true);
    expect(update.offered).toBe(false);
    expect(await update.applyNow()).toBe(false);
    finish();
    expect(await applying).toBe(true);
  });

  it('offers the update again when taking over failed', async () => {
    const update = new AppUpdate(() => false);
    update.offer(() => Promise.reject(new Error('the service worker went away')));
    await expect(update.applyNow()).rejects.toThrow('went away');
    expect(update.offered).toBe(true);
  });
});
