import { describe, it, expect } from 'vitest';
import { Flow } from './flow.svelte.ts';
import { SET_TARGETS } from '../../core/exercises/targets.ts';
import { newProgram } from '../../core/program/draft.ts';

const aSet = (reps: number) => ({ reps, partialReps: 0, repRecords: [], faultCues: new Map(), endedBy: 'user' as const, sessionId: `set-${reps}`, file: null, track: null, record: null });

describe('Flow', () => {
  it('always puts the safety check between choosing an exercise and the camera', () => {
    const flow = new Flow();
    flow.choose('hip-thrust', 'bench');
    expect(flow.screen).toBe('safety');
    expect(flow.variant).toBe('bench');
    flow.startTraining();
    expect(flow.screen).toBe('safety');
  });

  it('blocks the session on sharp pain and records why', () => {
    const flow = new Flow();
    flow.choose('superman');
    flow.answerSafety(true);
    expect(flow.screen).toBe('blocked');
    expect(flow.stopReason).toBe('sharp-pain-before');
  });

  it('goes setup -> training -> summary -> next set -> ... -> done, numbering the sets', () => {
    const flow = new Flow();
    flow.choose('good-morning');
    flow.answerSafety(false);
    expect(flow.screen).toBe('setup');
    flow.startTraining();
    expect(flow.screen).toBe('training');
    flow.endSet(aSet(10));
    expect(flow.screen).toBe('summary');
    expect(flow.sets.map((s) => s.set)).toEqual([1]);
    flow.nextSet();
    expect(flow.setNumber).toBe(2);
    flow.startTraining();
    flow.endSet(aSet(8));
    expect(flow.totalReps).toBe(18);
    flow.finish();
    expect(flow.screen).toBe('done');
  });

  it('stops at once for pain during a set, keeping the reps done', () => {
    const flow = new Flow();
    flow.choose('good-morning');
    flow.answerSafety(false);
    flow.startTraining();
    flow.stopForPain(aSet(4));
    expect(flow.screen).toBe('blocked');
    expect(flow.stopReason).toBe('pain-during');
    expect(flow.sets[0]).toMatchObject({ reps: 4, endedBy: 'pain' });
  });

  it('takes the set target of the chosen exercise', () => {
    const flow = new Flow();
    flow.choose('upward-dog');
    expect(flow.target).toBe(SET_TARGETS['upward-dog']);
  });

  it('opens a deep link at the safety check of the linked exercise, never past it', () => {
    const flow = new Flow();
    flow.applyDeepLink(new URLSearchParams('exercise=hip-thrust&variant=bench&lang=nl'));
    expect(flow.screen).toBe('safety');
    expect(flow.exercise).toBe('hip-thrust');
    expect(flow.variant).toBe('bench');
  });

  it('ignores an unknown exercise in a link and opens the camera check with view=lab', () => {
    const flow = new Flow();
    flow.applyDeepLink(new URLSearchParams('exercise=squat'));
    expect(flow.screen).toBe('home');
    flow.applyDeepLink(new URLSearchParams('view=lab'));
    expect(flow.screen).toBe('lab');
  });

  it('saves each set\'s record, and saves it again with the pain score given after the set', async () => {
    const { recordOfTrack } = await import('../../core/session/test-records.ts');
    const { loadTrack } = await import('../../../test/helpers/tracks.ts');
    const record = recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning'), 'superman', { id: 'set-one' });
    const saved: { id: string; after: number | null }[] = [];
    const flow = new Flow((r) => saved.push({ id: r.id, after: r.pain.after }));
    flow.choose('superman');
    flow.answerSafety(false);
    flow.startTraining();
    flow.endSet({ ...aSet(3), record });
    flow.setPainAfter(2);
    expect(saved).toEqual([
      { id: 'set-one', after: null },
      { id: 'set-one', after: 2 },
    ]);
    expect(flow.sets[0]?.record?.pain.after).toBe(2);
  });

  describe('following a program', () => {
    const program = () => {
      const p = newProgram('nl', ['good-morning', 'hip-thrust']);
      const hip = p.items[1]!;
      return { ...p, id: 'flow-test', title: 'Week 1', items: [p.items[0]!, { ...hip, variant: 'bench' as const, sets: 2, reps: 5, holdS: 3, restS: 30, overrides: { ...hip.overrides, hipsUpToLineDeg: 175 } }] };
    };

    it("takes the item's exercise, variant, target and thresholds, with the safety check first", () => {
      const flow = new Flow();
      flow.chooseItem(program(), 1);
      expect(flow.screen).toBe('safety');
      expect(flow.exercise).toBe('hip-thrust');
      expect(flow.variant).toBe('bench');
      expect(flow.target).toEqual({ sets: 2, reps: 5, holdS: 3, restS: 30 });
      expect(flow.overrides).toMatchObject({ hipsUpToLineDeg: 175 });
      expect(flow.programRef).toEqual({ id: 'flow-test', title: 'Week 1', itemIndex: 1 });
    });

    it('forgets the program item when an exercise is chosen on its own', () => {
      const flow = new Flow();
      flow.chooseItem(program(), 1);
      flow.choose('hip-thrust');
      expect(flow.target).toEqual(SET_TARGETS['hip-thrust']);
      expect(flow.overrides).toBeUndefined();
      expect(flow.programRef).toBeNull();
    });

    it('makes a hold-only item one rep held for its seconds', () => {
      const p = program();
      const flow = new Flow();
      flow.chooseItem({ ...p, items: [{ ...p.items[1]!, reps: null, holdS: 20 }] }, 0);
      expect(flow.target).toEqual({ sets: 2, reps: 1, holdS: 20, restS: 30 });
    });
  });
});
