/**
 * A joint at the frame edge (issue 8, points 3 and 7): read as near the
 * edge, not as missing, unless it is really gone from the picture. Synthetic
 * figures placed so that a knee or the feet touch the image border, with the
 * issue's noise (3% of a torso length, 10% of frames dropped), count
 * exactly; a joint that left the image (the model cannot see it, or it is
 * far outside, or clamped to the border) stops the count with
 * 'not-whole-body'.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../src/core/engine/analysis.ts';
import { EDGE_RULES } from '../../src/core/engine/body-state.ts';
import { ExerciseEngine, OUT_OF_FRAME_AFTER_MS } from '../../src/core/engine/exercise-engine.ts';
import { FakeChecker } from '../../src/core/engine/fake-checker.ts';
import type { ExerciseChecker } from '../../src/core/engine/checker.ts';
import { figure, times } from '../../src/core/engine/test-frames.ts';
import { GoodMorningChecker } from '../../src/core/exercises/good-morning/checker.ts';
import { HipThrustChecker } from '../../src/core/exercises/hip-thrust/checker.ts';
import { SupermanChecker } from '../../src/core/exercises/superman/checker.ts';
import type { KeypointTrack } from '../../src/core/track.ts';
import { CAMERA_DEFAULTS } from '../synthetic/body-model.ts';
import { goodMorning, hipThrust, superman, type BuiltExercise } from '../synthetic/motions.ts';
import { synthesizeTrack, type TraceOptions } from '../synthetic/trace.ts';

const NOISY = { noiseSigma: 0.03, dropFraction: 0.1 } as const satisfies Partial<TraceOptions>;
const SEEDS = [1, 2, 3] as const;
const H = CAMERA_DEFAULTS.imageHeightPx;
const DEFAULT_FLOOR_Y = H * CAMERA_DEFAULTS.floorFraction;

/** The highest (smallest) or lowest image y a joint reaches in the clean track with the default camera. */
function extremeY(built: Pick<BuiltExercise, 'motion' | 'truth'>, joint: 'knee' | 'ankle', which: 'top' | 'bottom'): number {
  const clean = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs });
  const ys = clean.frames.flatMap((f) => f.keypoints.filter((k) => k.name.endsWith(`_${joint}`)).map((k) => k.y));
  return which === 'top' ? Math.min(...ys) : Math.max(...ys);
}

/** The camera's floor line that puts that extreme at image y `atY` (the whole figure moves with the floor). */
function floorPlacing(built: Pick<BuiltExercise, 'motion' | 'truth'>, joint: 'knee' | 'ankle', which: 'top' | 'bottom', atY: number): number {
  return DEFAULT_FLOOR_Y + atY - extremeY(built, joint, which);
}

function run(built: BuiltExercise, checker: ExerciseChecker, seed: number, options: Partial<TraceOptions>): { report: AnalysisReport; track: KeypointTrack; problems: Set<string> } {
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, ...NOISY, seed, ...options });
  const problems = new Set<string>();
  const report = analyzeTrack(track, checker, { onEvent: (e) => e.kind === 'setup' && e.problems.forEach((p) => problems.add(p)) });
  return { report, track, problems };
}

describe('a hip thrust whose knees touch the top edge of a tight frame at the top of each rep', () => {
  const built = hipThrust({ reps: 4 });

  it.each([
    ['just inside the edge', 1],
    ['on the edge', 0],
    ['3 px past the edge (the model still places them there)', -3],
  ] as const)('counts exactly with the knees %s', (_what, atY) => {
    for (const seed of SEEDS) {
      const { report, track, problems } = run(built, new HipThrustChecker(), seed, { floorYPx: floorPlacing(built, 'knee', 'top', atY), offImage: 'placed' });
      // the knees do touch the border: noise takes them over it in some frames
      const onBorder = track.frames.filter((f) => f.keypoints.some((k) => k.name.endsWith('_knee') && k.y <= 1)).length;
      expect(onBorder, `seed ${seed}`).toBeGreaterThan(0);
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
      expect(problems.has('not-whole-body'), `seed ${seed}`).toBe(false);
    }
  });

  it('stops with not-whole-body when the knees leave the picture for real (the model cannot see them)', () => {
    // the knees rise a third of a torso above the top edge: clamped, unseen (the generator's 'lost')
    for (const seed of SEEDS) {
      const { report, problems } = run(built, new HipThrustChecker(), seed, { floorYPx: floorPlacing(built, 'knee', 'top', -CAMERA_DEFAULTS.cameraDistancePx / 3), offImage: 'lost' });
      expect(problems.has('not-whole-body'), `seed ${seed}`).toBe(true);
      expect(report.reps, `seed ${seed}`).toBeLessThan(built.truth.fullReps);
    }
  });
});

describe('a standing good morning with the feet on the bottom edge of the frame', () => {
  const built = goodMorning({ reps: 4 });

  it.each([
    ['on the edge', H - 1],
    ['2 px past it', H + 2],
  ] as const)('counts exactly with the ankles %s', (_what, atY) => {
    for (const seed of SEEDS) {
      const { report, problems } = run(built, new GoodMorningChecker(), seed, { floorYPx: floorPlacing(built, 'ankle', 'bottom', atY), offImage: 'placed' });
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
      expect(problems.has('not-whole-body'), `seed ${seed}`).toBe(false);
    }
  });

  it(`stops with not-whole-body when the model places the ankles far below the image (more than ${EDGE_RULES.outsideFraction * 100}% of its height)`, () => {
    const past = H * (1 + 2 * EDGE_RULES.outsideFraction);
    for (const seed of SEEDS) {
      const { report, problems } = run(built, new GoodMorningChecker(), seed, { floorYPx: floorPlacing(built, 'ankle', 'bottom', past), offImage: 'placed' });
      expect(problems.has('not-whole-body'), `seed ${seed}`).toBe(true);
      expect(report.reps, `seed ${seed}`).toBe(0);
    }
  });
});

describe('a joint clamped to the border', () => {
  const STEP = 100;

  /** The time the engine first reports not-whole-body for a standing figure whose near knee sits at `kneeY(t)`. */
  function firstNotWholeBodyMs(kneeY: (i: number) => number): number | undefined {
    const engine = new ExerciseEngine(new FakeChecker());
    for (const [i, t] of times(0, 4000, STEP).entries()) {
      for (const e of engine.update(figure({ t, set: { left_knee: { y: kneeY(i), score: 0.9 } } }))) {
        if (e.kind === 'setup' && e.problems.includes('not-whole-body')) return t;
      }
    }
    return undefined;
  }

  it(`is missing once pinned at the same coordinate for ${EDGE_RULES.clampedAfterMs} ms, even with a good score, then after OUT_OF_FRAME_AFTER_MS`, () => {
    // pinned from the second frame (100 ms): clamped at 100 + clampedAfterMs, reported OUT_OF_FRAME_AFTER_MS later
    expect(firstNotWholeBodyMs(() => 0)).toBe(STEP + EDGE_RULES.clampedAfterMs + OUT_OF_FRAME_AFTER_MS);
  });

  it('is there while the model keeps placing it on the border, moving a pixel or two', () => {
    expect(firstNotWholeBodyMs((i) => (i % 3) - 1)).toBeUndefined();
  });
});

describe('a superman whose feet are out of the picture (a laptop on the floor cuts them off)', () => {
  // hipU -2 puts the figure's ankles past the left edge of the 640 px frame (hipU -1.5: at x 6-11): the
  // trace reports them off the image, unknown (score under the gate); the knees stay inside
  const built = superman({ reps: 3, hipU: -2 });

  it('counts every lift on the knees and elbows, and does not ask for the whole body', () => {
    for (const seed of SEEDS) {
      const { report, track, problems } = run(built, new SupermanChecker(), seed, {});
      const feetSeen = track.frames.filter((f) => f.keypoints.some((k) => k.name.endsWith('_ankle') && k.score >= 0.3)).length;
      expect(feetSeen, `seed ${seed}`).toBe(0);
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
      expect(problems.has('not-whole-body'), `seed ${seed}`).toBe(false);
    }
  });
});
