/** The physio's overview: sets of a program grouped per day and item, against the prescription. */
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { recordOfTrack } from '../session/test-records.ts';
import type { ComparisonLine, SessionRecord } from '../session/schema.ts';
import { newProgram } from './draft.ts';
import { programOverview, programsOf } from './overview.ts';

const base = recordOfTrack(loadTrack('hip_thrust/bridge_ballsqueeze_side_3reps_holds.mp4', 'movenet-lightning'), 'hip-thrust', { variant: 'floor' });
const fullReps = base.events.reps.filter((r) => r.full).length;
const program = (() => {
  const p = newProgram('en', ['hip-thrust', 'good-morning']);
  return { ...p, id: 'prog-1', title: 'Week 1', items: [{ ...p.items[0]!, sets: 2, reps: 5 }, p.items[1]!] };
})();
const comparison = (similarity: number): ComparisonLine => ({
  repIndex: 0,
  similarity,
  depth: { score: similarity, difference: 0, unit: 'deg', peak: 170, referencePeak: 170 },
  shape: null,
  tempo: { score: 100, approachRatio: 1, returnRatio: 1, approachS: 1, returnS: 1, referenceApproachS: 1, referenceReturnS: 1 },
  hold: null,
  cue: { kind: 'matches' },
});
const set = (id: string, startedAt: string, more: Partial<SessionRecord> = {}): SessionRecord => ({ ...base, id, startedAt, endedAt: startedAt, program: { id: 'prog-1', title: 'Week 1', itemIndex: 0 }, ...more });

describe('the program overview', () => {
  const records = [
    set('b', '2025-03-02T09:10:00.000Z', { pain: { before: null, after: 3 }, events: { ...base.events, comparisons: [comparison(60), comparison(80)] } }),
    set('a', '2025-03-02T09:00:00.000Z', { pain: { before: 2, after: 2 } }),
    set('c', '2025-03-03T09:00:00.000Z'),
    { ...base, id: 'other', program: null },
  ];

  it('groups the sets of the program by day and item, against the prescribed sets and reps', () => {
    const rows = programOverview('prog-1', records, program);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      day: '2025-03-02',
      itemIndex: 0,
      exercise: 'hip-thrust',
      variant: 'floor',
      setsDone: 2,
      setsPrescribed: 2,
      fullReps: 2 * fullReps,
      repsPrescribed: 10,
      similarity: 70,
      painBefore: 2,
      painAfter: 3,
    });
    expect(rows[1]).toMatchObject({ day: '2025-03-03', setsDone: 1, similarity: null, painBefore: null });
  });

  it('leaves the prescription out when the program is not on this device, instead of guessing it', () => {
    expect(programOverview('prog-1', records, null)[0]).toMatchObject({ setsPrescribed: null, repsPrescribed: null, setsDone: 2 });
  });

  it('lists the programs the records followed', () => {
    expect(programsOf(records)).toEqual([{ id: 'prog-1', title: 'Week 1' }]);
  });
});
