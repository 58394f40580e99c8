import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { ExerciseEngine } from '../engine/exercise-engine.ts';
import { keyAngleOf } from '../engine/key-angle.ts';
import type { RepRecord } from '../engine/events.ts';
import { createChecker, describeExercise } from '../exercises/registry.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import type { KeypointTrack } from '../track.ts';
import { pairReps, rejudge, verdictChanged } from './rejudge.ts';
import { RollingBuffer } from './rolling-buffer.ts';

const MODEL = 'movenet-lightning';
const HIP_THRUST = { exercise: 'hip-thrust', model: MODEL } as const;

/** A live set as the app runs it: each frame through the coach's engine, then into the buffer with what the coach showed. */
function liveSet(track: KeypointTrack, buffer: RollingBuffer): RepRecord[] {
  const engine = new ExerciseEngine(createChecker(HIP_THRUST));
  const reps: RepRecord[] = [];
  for (const f of track.frames) {
    const frame: PoseFrame = { timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints };
    for (const e of engine.update(frame)) {
      if (e.kind === 'rep' || e.kind === 'partial-rep') {
        reps.push(e.rep);
        buffer.pushEvent({ kind: 'rep', tMs: e.tMs, rep: e.rep });
      }
    }
    const moment = { reps: engine.reps, partialReps: engine.partialReps, holdS: 0, phase: engine.phase, cue: engine.currentCue };
    buffer.push(frame, moment, engine.counting ? keyAngleOf(engine.checker, engine.body) : null);
  }
  return reps;
}

const bandCount = describeExercise('hip-thrust').keyAngleScale.zones.length;

describe('re-judging the buffered reps with other thresholds', () => {
  // three full hip thrusts in 12.3 s (fixture labels), all within a 12 s buffer but its first 0.3 s
  const track = loadTrack('bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL);

  it('judges every buffered rep as the live coach did, with the same thresholds on both sides', () => {
    const buffer = new RollingBuffer({ bandCount });
    const live = liveSet(track, buffer);
    expect(live.filter((r) => r.full)).toHaveLength(3);
    const result = rejudge(buffer, { ...HIP_THRUST, current: {}, proposed: {} });
    if (!result.ok) throw new Error(result.error);
    const finished = result.reps.filter((r) => !r.inProgress);
    expect(finished.map((r) => r.before?.full)).toEqual(buffer.repsInBuffer().map((r) => r.full));
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(result.reps.some(verdictChanged)).toBe(false);
  });

  it('turns a full rep partial, for want of height, when the hips must come up to the line', () => {
    const buffer = new RollingBuffer({ bandCount });
    liveSet(track, buffer);
    const result = rejudge(buffer, { ...HIP_THRUST, current: {}, proposed: { hipsUpToLineDeg: 180 } });
    if (!result.ok) throw new Error(result.error);
    const turned = result.reps.filter((r) => r.before?.full === true && r.after?.full === false);
    expect(turned.length).toBeGreaterThanOrEqual(1);
    expect(turned.every((r) => r.after?.reason === 'higher' && verdictChanged(r))).toBe(true);
  });

  it('gives the reps back their full verdict when the threshold goes back to the one the coach runs with', () => {
    const buffer = new RollingBuffer({ bandCount });
    liveSet(track, buffer);
    const result = rejudge(buffer, { ...HIP_THRUST, current: { hipsUpToLineDeg: 180 }, proposed: {} });
    if (!result.ok) throw new Error(result.error);
    expect(result.reps.some((r) => r.before?.full === false && r.after?.full === true)).toBe(true);
  });

  it('refuses a threshold out of bounds with the line that names it', () => {
    const buffer = new RollingBuffer({ bandCount });
    liveSet(track, buffer);
    expect(rejudge(buffer, { ...HIP_THRUST, current: {}, proposed: { hipsUpToLineDeg: 190 } })).toEqual({
      ok: false,
      error: 'hip-thrust overrides: hipsUpToLineDeg = 190 deg is out of bounds: it must lie in 150..180 deg',
    });
  });

  it('finds no rep in an empty buffer', () => {
    expect(rejudge(new RollingBuffer({ bandCount }), { ...HIP_THRUST, current: {}, proposed: {} })).toEqual({ ok: true, reps: [] });
  });
});

describe('pairing the reps of two replays', () => {
  const rep = (startMs: number, endMs: number, full: boolean): RepRecord => ({
    index: full ? 1 : 0,
    full,
    startMs,
    peakMs: (startMs + endMs) / 2,
    endMs,
    peak: 0,
    toPeakS: 0,
    fromPeakS: 0,
    holdS: 0,
    metrics: {},
    faults: [],
    ...(full ? {} : { partialReason: 'higher' as const }),
  });
  const replayed = (startMs: number, endMs: number, full: boolean) => ({ rep: rep(startMs, endMs, full), inProgress: false });

  it('pairs reps that overlap in time, and lists a rep only one side saw on its own', () => {
    const rows = pairReps([replayed(0, 2_000, true), replayed(3_000, 5_000, true)], [replayed(100, 2_100, false), replayed(6_000, 7_000, false)]);
    expect(rows.map((r) => [r.startMs, r.before?.full ?? null, r.after?.full ?? null])).toEqual([
      [0, true, false],
      [3_000, true, null],
      [6_000, null, false],
    ]);
    expect(rows.map(verdictChanged)).toEqual([true, true, true]);
  });
});
