import { describe, it, expect } from 'vitest';
import { SetSession } from './set-session.svelte.ts';
import { Flow } from './flow.svelte.ts';
import type { PoseEstimator } from '../../pose/estimator.ts';

/** The estimator is never called in these tests: no source is started. */
const noEstimator = (): Promise<PoseEstimator> => Promise.reject(new Error('not in this test'));

function inTraining(): { flow: Flow; set: SetSession } {
  const flow = new Flow();
  flow.choose('good-morning');
  flow.answerSafety(false);
  const set = new SetSession(flow, noEstimator, () => 'en');
  flow.startTraining();
  return { flow, set };
}

describe('SetSession', () => {
  it('ends the set into the summary with what was counted', () => {
    const { flow, set } = inTraining();
    set.endSet('user');
    expect(flow.screen).toBe('summary');
    expect(flow.sets[0]).toMatchObject({ set: 1, reps: 0, endedBy: 'user' });
  });

  it('ends only once, whatever ends it first', () => {
    const { flow, set } = inTraining();
    set.endSet('clip-end');
    set.endSet('user');
    expect(flow.sets).toHaveLength(1);
  });

  it('stops for pain at once and records why', () => {
    const { flow, set } = inTraining();
    set.stopForPain();
    expect(flow.screen).toBe('blocked');
    expect(flow.stopReason).toBe('pain-during');
  });

  it('pauses and resumes with Space, and by itself while the tab is hidden', () => {
    const { set } = inTraining();
    set.togglePause();
    expect(set.pausedBy).toBe('user');
    set.togglePause();
    expect(set.pausedBy).toBeNull();
    set.visibility(true);
    expect(set.pausedBy).toBe('hidden');
    set.visibility(false);
    expect(set.pausedBy).toBeNull();
  });

  it('does not resume a user pause when the tab comes back', () => {
    const { set } = inTraining();
    set.pause('user');
    set.visibility(true);
    set.visibility(false);
    expect(set.pausedBy).toBe('user');
  });
});
