import { describe, expect, it } from 'vitest';
import type { RepRecord } from '../engine/events.ts';
import { isExerciseId } from '../exercises/ids.ts';
import type { KeypointTrack } from '../track.ts';
import { hasTrack, loadTrack } from '../../../test/helpers/tracks.ts';
import { isVideo, loadFixtures } from '../../../test/helpers/fixtures.ts';
import { repCounts, sessionRecordOf, sourceOf } from './record.ts';
import type { SessionRecord, SessionRep } from './schema.ts';
import { recordOfTrack, reportOfTrack } from './test-records.ts';
import { validateSessionRecord } from './validate.ts';
import { SESSION_SCHEMA_VERSION, UNKNOWN } from './vocabulary.ts';

const MODEL = 'movenet-lightning';
const clips = loadFixtures().filter((f) => isVideo(f) && isExerciseId(f.exercise) && hasTrack(f.file, MODEL));
const hipThrustTrack = (): KeypointTrack => loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', MODEL);

/** A record as it comes out of JSON.parse (NaN written as null), to edit into a broken one. */
const asJson = (record: SessionRecord): Record<string, unknown> => JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
const errorOf = (value: unknown): string => {
  const result = validateSessionRecord(value);
  if (result.ok) throw new Error('expected the record to be refused');
  return result.error;
};

// the schema's rep is the engine's rep, both ways round (this does not compile if they drift apart)
const _repIn: SessionRep = {} as RepRecord;
const _repOut: RepRecord = {} as SessionRep;

describe('the session record schema', () => {
  it('has fixture clips to check against', () => {
    expect(clips.length).toBeGreaterThanOrEqual(12);
  });

  it.each(clips.map((f) => [f.file, f] as const))('accepts the record of %s as the engine reports it', (_file, fixture) => {
    const track = loadTrack(fixture.file, MODEL);
    const exercise = fixture.exercise;
    if (!isExerciseId(exercise)) throw new Error(exercise);
    const report = reportOfTrack(track, exercise);
    const result = sessionRecordOf({ id: 'fixture-1', startedAt: '2025-03-01T10:00:00.000Z', endedAt: '2025-03-01T10:01:00.000Z', language: 'en', samplingFps: track.fps, report, track, stopReason: 'clip-end' });
    expect(result.ok ? 'valid' : result.error).toBe('valid');
    if (!result.ok) return;
    expect(result.record.schemaVersion).toBe(SESSION_SCHEMA_VERSION);
    expect(result.record.events.reps).toEqual(report.repDetails);
    expect(repCounts(result.record)).toEqual({ reps: report.reps, partialReps: report.partialReps });
    expect(result.record.settings).toMatchObject({ exercise, model: MODEL, variant: report.variant, source: sourceOf(track.source) });
  });

  it('reads its own JSON back as the same record, not-measured values (NaN, null in JSON) included', () => {
    const record = recordOfTrack(hipThrustTrack(), 'hip-thrust');
    const notMeasured = record.events.reps.flatMap((r) => Object.values(r.metrics)).filter((x) => Number.isNaN(x));
    expect(notMeasured.length).toBeGreaterThan(0);
    const back = validateSessionRecord(JSON.parse(JSON.stringify(record)));
    expect(back.ok ? back.record : back.error).toEqual(record);
  });

  it('takes a record without a track (null), and keeps "unknown" as unknown', () => {
    const record = { ...asJson(recordOfTrack(hipThrustTrack(), 'hip-thrust')), track: null, startedAt: UNKNOWN, endedAt: UNKNOWN };
    const result = validateSessionRecord(record);
    expect(result.ok ? [result.record.track, result.record.startedAt] : result.error).toEqual([null, UNKNOWN]);
  });

  describe('refuses, saying where and what', () => {
    const base = (): Record<string, unknown> & { events: { reps: Record<string, unknown>[] }; settings: Record<string, unknown>; track: { frames: Record<string, unknown>[] } } =>
      asJson(recordOfTrack(hipThrustTrack(), 'hip-thrust')) as never;

    it('a rep time that is not a number', () => {
      const record = base();
      record.events.reps[0]!.peakMs = 'soon';
      expect(errorOf(record)).toBe('events.reps[0].peakMs: expected a number, got "soon"');
    });

    it('a missing field and a field the format does not have', () => {
      const missing = base();
      delete missing.stopReason;
      expect(errorOf(missing)).toBe('stopReason: missing');
      const extra = { ...base(), colour: 'red' };
      expect(errorOf(extra)).toBe('colour: unknown field (not part of this format)');
    });

    it('an unknown exercise, model, cue and fault, each by name', () => {
      const exercise = base();
      exercise.settings.exercise = 'squat';
      expect(errorOf(exercise)).toBe('settings.exercise: unknown exercise "squat": expected one of upward-dog, superman, good-morning, hip-thrust');
      const model = base();
      model.settings.model = 'posenet';
      expect(errorOf(model)).toMatch(/^settings\.model: unknown pose model "posenet": expected one of movenet-lightning/);
      const cue = base() as ReturnType<typeof base> & { events: { cues: Record<string, unknown>[] } };
      cue.events.cues[0]!.key = 'say-hello';
      expect(errorOf(cue)).toBe('events.cues[0].key: unknown cue "say-hello"');
      const fault = base();
      fault.events.reps[0]!.faults = ['wobbly'];
      expect(errorOf(fault)).toBe('events.reps[0].faults[0]: unknown fault "wobbly"');
    });

    it('a bad frame inside the track, with the path into the track (its own validation)', () => {
      const record = base();
      record.track.frames[3]!.score = 2;
      expect(errorOf(record)).toBe('track.frames[3].score: expected a number in 0..1');
    });

    it('a time that is not ISO 8601, and a pain score off the 0-10 scale', () => {
      const time = { ...base(), startedAt: 'yesterday' };
      expect(errorOf(time)).toBe('startedAt: expected an ISO 8601 time such as 2025-01-31T09:15:00.000Z, or "unknown"');
      const pain = { ...base(), pain: { before: 11, after: null } };
      expect(errorOf(pain)).toBe('pain.before: expected a pain score 0-10');
    });

    it('fields that contradict each other: a metric of another exercise, a track of another model, an end before the start', () => {
      const metric = base();
      (metric.events.reps[0]!.metrics as Record<string, unknown>).kneeLiftTorso = 0.2;
      expect(errorOf(metric)).toBe('events.reps[0].metrics.kneeLiftTorso: not a metric of hip-thrust');
      const model = base();
      model.settings.model = 'movenet-thunder';
      expect(errorOf(model)).toBe('track.model: "movenet-lightning" is not the record\'s model (settings.model "movenet-thunder")');
      const order = { ...base(), startedAt: '2025-03-01T10:00:00.000Z', endedAt: '2025-03-01T09:00:00.000Z' };
      expect(errorOf(order)).toBe('endedAt: 2025-03-01T09:00:00.000Z comes before startedAt 2025-03-01T10:00:00.000Z');
    });

    it('a variant the exercise does not have', () => {
      const record = asJson(recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'superman')) as { settings: Record<string, unknown> };
      record.settings.variant = 'bench';
      expect(errorOf(record)).toBe('settings.variant: superman has no variant "bench" (expected null)');
    });
  });
});
