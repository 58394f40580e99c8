import { describe, expect, it } from 'vitest';
import { TrackReplay, type ReplayState } from './track-replay.ts';
import { analyzeTrack } from '../../core/engine/analysis.ts';
import type { CheckerOutput } from '../../core/engine/checker.ts';
import { DEFAULT_START_HOLD_MS } from '../../core/engine/exercise-engine.ts';
import { FakeChecker, fullRep, phase, repRecord } from '../../core/engine/fake-checker.ts';
import { figures, trackOf } from '../../core/engine/test-frames.ts';
import { createChecker } from '../../core/exercises/registry.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';
import { sampleTimeMs } from '../../core/frame-sampling.ts';
import { loadTrack } from '../../../test/helpers/tracks.ts';

/** sample times of a 15 fps analysis, rounded to the ms as the track stores them */
const sampleTimes = (count: number): number[] => Array.from({ length: count }, (_, n) => Math.round(sampleTimeMs(n)));
/** output frame times of a video at `fps`, up to `untilMs` */
const frameTimes = (fps: number, untilMs: number): number[] => {
  const out: number[] = [];
  for (let k = 0; (k * 1000) / fps <= untilMs; k++) out.push((k * 1000) / fps);
  return out;
};
/** a copy of the parts of a state a test compares (the replay rewrites its one state object) */
const snapshot = (s: ReplayState): { t: number; sampleMs: number | null; reps: number; partialReps: number; holdS: number; finished: boolean } => ({
  t: s.timestampMs,
  sampleMs: s.frame?.timestampMs ?? null,
  reps: s.reps,
  partialReps: s.partialReps,
  holdS: s.holdS,
  finished: s.finished,
});

const SAMPLES = sampleTimes(61); // 0 .. 4000 ms
const TOP_MS = SAMPLES[24]!; // 1600
const REP_MS = SAMPLES[30]!; // 2000
const track = trackOf(figures(SAMPLES), 'set.mp4', 'movenet-lightning');

describe('TrackReplay on a synthetic 15 fps track', () => {
  const checker = (): FakeChecker => new FakeChecker().at(TOP_MS, phase('top')).at(REP_MS, fullRep({ holdS: 0.4 }), phase('rest'));

  it('shows on each 30 fps frame the last sample at or before it, and counts the rep from its own sample on, never before', () => {
    expect(TOP_MS).toBeGreaterThan(DEFAULT_START_HOLD_MS); // counting has started by then
    const replay = new TrackReplay(track, checker());
    const states = frameTimes(30, 4000).map((t) => snapshot(replay.update(t)));
    for (const s of states) {
      const expectedSample = Math.max(...SAMPLES.filter((t) => t - 1 <= s.t));
      expect(s.sampleMs, `frame at ${s.t.toFixed(1)} ms`).toBe(expectedSample);
      expect(s.reps, `frame at ${s.t.toFixed(1)} ms`).toBe(s.t >= REP_MS - 1 ? 1 : 0);
    }
    // every 2nd frame of 30 fps is a sample's own frame; the one between repeats it
    expect(states.slice(0, 5).map((s) => s.sampleMs)).toEqual([0, 0, 67, 67, 133]);
  });

  it('times the hold at the top by the sample shown, and drops it when the rep ends', () => {
    const replay = new TrackReplay(track, checker());
    expect(replay.update(TOP_MS - 20).holdS).toBe(0);
    expect(replay.update(TOP_MS).holdS).toBe(0);
    // 1800 ms on a 30 fps clip: the sample of 1800 ms is shown, 200 ms into the top
    expect(replay.update(1800).holdS).toBeCloseTo(0.2, 6);
    expect(replay.update(1820).holdS).toBeCloseTo(0.2, 6);
    expect(replay.update(REP_MS).holdS).toBe(0);
  });

  it('counts a rep still at its top when the clip ends only on the last sample, and says the replay is finished', () => {
    class EndsAtTop extends FakeChecker {
      override finish(tMs: number, out?: CheckerOutput): void {
        super.finish(tMs);
        out?.rep(repRecord(true, tMs));
      }
    }
    const last = SAMPLES[SAMPLES.length - 1]!;
    const replay = new TrackReplay(track, new EndsAtTop());
    const before = snapshot(replay.update(last - 10));
    expect(before).toMatchObject({ reps: 0, finished: false });
    const atEnd = snapshot(replay.update(last));
    expect(atEnd).toMatchObject({ reps: 1, finished: true, sampleMs: last });
    expect(analyzeTrack(track, new EndsAtTop()).reps).toBe(1);
  });

  it('refuses to go back in time (the engine only moves forward)', () => {
    const replay = new TrackReplay(track, checker());
    replay.update(500);
    expect(() => replay.update(499)).toThrow(/only moves forward/);
    expect(() => replay.update(Number.NaN)).toThrow(/finite/);
  });

  it('shows no sample before the first one', () => {
    const late = trackOf(figures(SAMPLES.map((t) => t + 500)), 'late.mp4', 'movenet-lightning');
    const state = new TrackReplay(late, new FakeChecker()).update(100);
    expect(state.frame).toBeNull();
    expect(state.reps).toBe(0);
  });
});

interface Clip {
  readonly file: string;
  readonly exercise: ExerciseId;
  readonly variant?: string;
}

const CLIPS: readonly Clip[] = [
  { file: 'hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', exercise: 'hip-thrust', variant: 'floor' },
  { file: 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', exercise: 'superman' },
  { file: 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4', exercise: 'good-morning' },
  { file: 'upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4', exercise: 'upward-dog' },
];
const MODEL = 'movenet-lightning';

describe('TrackReplay on the committed fixture tracks', () => {
  for (const clip of CLIPS) {
    for (const fps of [30, 60000 / 1001]) {
      it(`${clip.file} at ${fps.toFixed(2)} fps: ends on analyzeTrack's count, never shows a rep before it ended`, () => {
        const stored = loadTrack(clip.file, MODEL);
        const request = { exercise: clip.exercise, model: MODEL, ...(clip.variant ? { variant: clip.variant } : {}) };
        const report = analyzeTrack(stored, createChecker(request));
        expect(report.reps).toBeGreaterThan(0);
        const replay = new TrackReplay(stored, createChecker(request));
        const end = replay.lastSampleMs + 500;
        let previous = 0;
        for (const t of frameTimes(fps, end)) {
          const s = replay.update(t);
          expect(s.reps).toBeGreaterThanOrEqual(previous);
          previous = s.reps;
          // every rep shown had ended by this frame's time
          const endedByNow = report.repDetails.filter((r) => r.full && r.endMs <= t + 1).length;
          expect(s.reps, `${s.reps} reps shown at ${t.toFixed(1)} ms, ${endedByNow} ended by then`).toBeLessThanOrEqual(endedByNow);
        }
        const last = replay.update(end);
        expect({ reps: last.reps, partialReps: last.partialReps, finished: last.finished }).toEqual({ reps: report.reps, partialReps: report.partialReps, finished: true });
      });
    }
  }
});
