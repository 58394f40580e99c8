/**
 * Version 1 -> version 2 of the session record: a version 1 record (written
 * by the version 1 code, testdata/v1-record.hip-thrust.json) followed no
 * program and had no reference, and says so after the step; a version 2
 * record keeps the program it followed and its reps' comparisons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { buildReference, repsOfTrack } from '../reference/build.ts';
import { PreparedReference } from '../reference/prepared.ts';
import { RepScorer } from '../reference/score.ts';
import { parseSessionExport, sessionJson } from './export.ts';
import { migrate } from './migrate.ts';
import { comparisonLineOf, sessionRecordOf } from './record.ts';
import { reportOfTrack } from './test-records.ts';
import { SESSION_SCHEMA_VERSION } from './vocabulary.ts';

const V1_TEXT = readFileSync(new URL('./testdata/v1-record.hip-thrust.json', import.meta.url), 'utf8');
const v1 = (): Record<string, unknown> & { events: Record<string, unknown> } => JSON.parse(V1_TEXT) as never;

const REFERENCE_CLIP = 'hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4';
const PATIENT_CLIP = 'hip_thrust/bridge_ballsqueeze_side_3reps_holds.mp4';

describe('session record version 2', () => {
  it('migrates a version 1 record: no program, no comparisons, everything else as it was', () => {
    const result = migrate(v1());
    if (!result.ok) throw new Error(result.error);
    expect(result.fromVersion).toBe(1);
    expect(result.record.schemaVersion).toBe(SESSION_SCHEMA_VERSION);
    expect(result.record.program).toBeNull();
    expect(result.record.events.comparisons).toEqual([]);
    const { program: _p, schemaVersion: _v, events, ...rest } = JSON.parse(JSON.stringify(result.record)) as Record<string, unknown> & { events: Record<string, unknown> };
    const { comparisons: _c, ...eventsRest } = events;
    const { schemaVersion: _v1, events: v1Events, ...v1Rest } = v1();
    expect(rest).toEqual(v1Rest);
    expect(eventsRest).toEqual(v1Events);
  });

  it('imports an export of version 1 records, each migrated', () => {
    const record = v1();
    const text = JSON.stringify({ kind: 'formcoach-sessions', schemaVersion: 1, exportedAt: '2025-03-02T08:00:00.000Z', sessions: [record, { ...record, id: 'v1-hip-thrust-2' }] });
    const result = parseSessionExport(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.migrated).toBe(2);
    expect(result.sessions.map((s) => [s.id, s.program, s.events.comparisons])).toEqual([
      ['v1-hip-thrust-1', null, []],
      ['v1-hip-thrust-2', null, []],
    ]);
  });

  it('refuses a version 1 record that carries a version 2 field', () => {
    expect(migrate({ ...v1(), program: null })).toEqual({ ok: false, error: 'version 1: program: unknown field in version 1 (it came with version 2)' });
    const record = v1();
    expect(migrate({ ...record, events: { ...record.events, comparisons: [] } })).toEqual({ ok: false, error: 'version 1: events.comparisons: unknown field in version 1 (it came with version 2)' });
  });

  describe('with a program and a reference', () => {
    const built = buildReference(loadTrack(REFERENCE_CLIP, 'movenet-lightning'), { exercise: 'hip-thrust', variant: 'floor' });
    if (!built.ok) throw new Error(built.error);
    const scorer = new RepScorer(new PreparedReference(built.reference));
    const track = loadTrack(PATIENT_CLIP, 'movenet-lightning');
    const report = reportOfTrack(track, 'hip-thrust', { variant: 'floor' });
    const reps = repsOfTrack(track, { exercise: 'hip-thrust', variant: 'floor' }).reps;
    const comparisons = reps.map((r, i) => comparisonLineOf(i, scorer.score(r.rep)));
    const parts = {
      id: 'with-program',
      startedAt: '2025-03-01T10:00:00.000Z',
      endedAt: '2025-03-01T10:01:00.000Z',
      language: 'en' as const,
      samplingFps: track.fps,
      report,
      track: null,
      stopReason: 'clip-end' as const,
      program: { id: 'prog-1234', title: 'Hips, week 1', itemIndex: 0 },
      comparisons,
    };

    it('keeps the program it followed and one comparison per scored rep, through an export and back', () => {
      expect(comparisons.length).toBeGreaterThan(0);
      const made = sessionRecordOf(parts);
      if (!made.ok) throw new Error(made.error);
      expect(made.record.program).toEqual(parts.program);
      const back = parseSessionExport(sessionJson(made.record));
      if (!back.ok) throw new Error(back.error);
      expect(back.sessions[0]).toEqual(made.record);
      expect(back.sessions[0]?.events.comparisons.map((c) => c.cue.kind)).toEqual(comparisons.map((c) => c.cue.kind));
    });

    it('refuses a comparison of a rep the record does not have, and a program item out of range', () => {
      const past = { ...comparisons[0]!, repIndex: report.repDetails.length };
      expect(sessionRecordOf({ ...parts, comparisons: [past] })).toEqual({ ok: false, error: `events.comparisons[0].repIndex: ${past.repIndex} is not a rep of events.reps (${report.repDetails.length} reps)` });
      const made = sessionRecordOf({ ...parts, program: { ...parts.program, itemIndex: 12 } });
      expect(made.ok).toBe(false);
      expect(made.ok ? '' : made.error).toMatch(/^program\.itemIndex: /);
    });
  });
});
