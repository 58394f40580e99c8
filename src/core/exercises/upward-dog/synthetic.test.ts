/**
 * The upward dog checker on synthetic tracks (test/synthetic/): a figure
 * whose every rep, hold and fault is known, seen by a camera that adds the
 * corruption of a real pose model.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../engine/analysis.ts';
import { ExerciseEngine } from '../../engine/exercise-engine.ts';
import {
  getSet,
  lieDown,
  offFrameU,
  precede,
  sequence,
  standingPose,
  standStill,
  upwardDog,
  walkIn,
  type BuiltExercise,
  type UpwardDogFault as SyntheticFault,
  type UpwardDogOptions,
} from '../../../../test/synthetic/motions.ts';
import { UPWARD_DOG } from '../../../../test/synthetic/parameters.ts';
import { synthesizeTrack, type TraceOptions } from '../../../../test/synthetic/trace.ts';
import { UpwardDogChecker } from './checker.ts';
import { UPWARD_DOG_DEFAULTS } from './config.ts';
import type { UpwardDogFault } from './faults.ts';

/** The robustness bar: keypoint noise sigma 3% of torso length, 10% of frames dropped. */
const NOISY: Partial<TraceOptions> = { noiseSigma: 0.03, dropFraction: 0.1 };
/**
 * The lead-in in the start position before the first rep. The engine skips
 * short pose dropouts, so the generator's 2 s suffice with 10% of frames
 * dropped; kept as a name so the tests say what they rely on.
 */
const NOISY_LEAD_IN_MS = 2000;
const SEEDS = [1, 2, 3] as const;

const FAULT_OF: Readonly<Record<SyntheticFault, UpwardDogFault>> = {
  handsForward: 'hands-not-under-shoulders',
  kneesBent: 'knees-bent',
  depthJump: 'depth-jump',
  shouldersShrugged: 'shoulders-sunk',
  headBack: 'head-thrown-back',
};

function run(built: BuiltExercise, options: Partial<TraceOptions> = {}): AnalysisReport {
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 7, ...options });
  return analyzeTrack(track, new UpwardDogChecker());
}

const noisyUpDog = (options: UpwardDogOptions = {}): BuiltExercise<SyntheticFault> => upwardDog({ startDelayMs: NOISY_LEAD_IN_MS, ...options });

describe('upward dog on synthetic traces: counting', () => {
  it.each([
    { facing: 1, nearSide: 'left', fromPlank: false },
    { facing: -1, nearSide: 'right', fromPlank: false },
    { facing: 1, nearSide: 'right', fromPlank: true },
    { facing: -1, nearSide: 'left', fromPlank: true },
  ] as const)('counts every press and hold exactly with noise and dropped frames (facing $facing, near side $nearSide, from a plank: $fromPlank)', ({ facing, nearSide, fromPlank }) => {
    for (const seed of SEEDS) {
      const built = noisyUpDog({ reps: 4, fromPlank });
      const report = run(built, { ...NOISY, facing, nearSide, seed });
      expect(report.countingStartedMs, `seed ${seed}`).toBeLessThan(built.truth.reps[0]?.startMs ?? 0);
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
      expect(report.faults, `seed ${seed}`).toEqual([]);
    }
  });

  it.each([20, 45])('counts exactly with the camera turned %i deg toward the head (oblique, and foreshortened into a "front" reading)', (viewYawDeg) => {
    for (const seed of SEEDS) {
      const built = noisyUpDog({ reps: 3 });
      const report = run(built, { ...NOISY, seed, viewYawDeg, yawAxis: 'vertical' });
      expect(report.reps, `seed ${seed}`).toBe(3);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
      expect(report.faults, `seed ${seed}`).toEqual([]);
    }
  });

  it('says a press that stops short of fullAt was partial for want of height (higher); the full presses carry no reason', () => {
    const { partialFrom, fullAt } = UPWARD_DOG_DEFAULTS.counter;
    // halfway between where a press counts as partial and where it is full, by the checker's own rule
    const shortDepth = (partialFrom + fullAt) / 2 / UPWARD_DOG.peakElevationDeg;
    const built = noisyUpDog({ reps: 3, depths: [1, shortDepth, 1] });
    for (const seed of SEEDS) {
      const report = run(built, { noiseSigma: 0.01, dropFraction: 0.1, seed });
      expect(report.repDetails.map((r) => [r.full, r.partialReason]), `seed ${seed}`).toEqual([
        [true, undefined],
        [false, 'higher'],
        [true, undefined],
      ]);
    }
  });

  it('reads nothing when the torso points into the camera: no start position, so no counting', () => {
    const built = noisyUpDog({ reps: 3 });
    const report = run(built, { ...NOISY, viewYawDeg: 75, yawAxis: 'vertical' });
    expect(report.reps + report.partialReps).toBe(0);
    expect(report.countingStartedMs).toBeNull();
  });

  it('stops reading, and says so, when the camera turns toward the head in the middle of a set', () => {
    const side = noisyUpDog({ reps: 2 });
    const sideTrack = synthesizeTrack(side.motion, { durationMs: side.truth.durationMs, seed: 3, ...NOISY });
    const frontTrack = synthesizeTrack(side.motion, { durationMs: side.truth.durationMs, seed: 3, ...NOISY, viewYawDeg: 75, yawAxis: 'vertical' });
    const offsetMs = side.truth.durationMs + 100;
    const track = { ...sideTrack, frames: [...sideTrack.frames, ...frontTrack.frames.map((f) => ({ ...f, t: f.t + offsetMs }))] };
    const report = analyzeTrack(track, new UpwardDogChecker());
    expect(report.reps).toBe(2);
    expect(report.warnings.filter((w) => w.key === 'front-view').length).toBeGreaterThan(0);
  });

  it('counts exactly through brief left/right label swaps', () => {
    const built = noisyUpDog({ reps: 4 });
    const report = run(built, { ...NOISY, swaps: 6, seed: 11 });
    expect(report.reps).toBe(4);
    expect(report.faults).toEqual([]);
  });

  it('counts deep up dogs like those of the real clips (50 deg) as full reps', () => {
    const built = noisyUpDog({ reps: 3, peakElevationDeg: 50 });
    const report = run(built, NOISY);
    expect(report.reps).toBe(3);
    for (const rep of report.repDetails) expect(rep.peak).toBeGreaterThan(50 - UPWARD_DOG_DEFAULTS.counter.topBand);
  });

  it('puts each top at the arrival on the true hold, and reports one hold per rep as long as the true hold at least', () => {
    const holdMs = 3000;
    const built = upwardDog({ reps: 3, holdMs });
    const report = run(built);
    expect(report.reps).toBe(3);
    report.repDetails.forEach((rep, i) => {
      const truth = built.truth.reps[i];
      if (!truth) throw new Error(`no true rep ${i}`);
      // within topArrivalBandDeg of the top: the last ~0.2 s of the press, and ~0.1 s of smoothing lag
      expect(Math.abs(rep.peakMs - truth.holdStartMs)).toBeLessThanOrEqual(300);
    });
    expect(report.holds).toHaveLength(3);
    // within topBand of the peak includes the last and first degrees of the press and the lowering
    for (const hold of report.holds) expect(hold).toBeGreaterThanOrEqual(holdMs / 1000);
    for (const hold of report.holds) expect(hold).toBeLessThan(holdMs / 1000 + (built.truth.reps[0]?.downMs ?? 0) / 1000);
  });

  it('puts each top on its true hold under noise and dropped frames too', () => {
    const built = noisyUpDog({ reps: 3 });
    for (const seed of SEEDS) {
      const report = run(built, { ...NOISY, seed });
      report.repDetails.forEach((rep, i) => {
        const truth = built.truth.reps[i];
        if (!truth) throw new Error(`no true rep ${i}`);
        expect(rep.peakMs, `seed ${seed} rep ${i}`).toBeGreaterThanOrEqual(truth.holdStartMs - 500);
        expect(rep.peakMs, `seed ${seed} rep ${i}`).toBeLessThanOrEqual(truth.holdEndMs);
      });
    }
  });

  it('measures each top like the figure was built', () => {
    const built = upwardDog({ reps: 2 });
    const report = run(built);
    report.repDetails.forEach((rep, i) => {
      const truth = built.truth.reps[i]?.measured;
      if (!truth) throw new Error(`no true rep ${i}`);
      expect(rep.metrics.peakElevationDeg).toBeCloseTo(truth.torsoElevationDeg ?? Number.NaN, 0);
      expect(rep.metrics.elbowAtTopDeg).toBeCloseTo(truth.elbowAtTopDeg ?? Number.NaN, 0);
      expect(rep.metrics.kneeAtTopDeg).toBeCloseTo(truth.kneeAtTopDeg ?? Number.NaN, 0);
      expect(rep.metrics.handOffsetTorso).toBeCloseTo(truth.handOffsetTorso ?? Number.NaN, 1);
      const ratio = (truth.earShoulderAtTopTorso ?? Number.NaN) / (truth.earShoulderAtRestTorso ?? Number.NaN);
      expect(rep.metrics.earShoulderRatio).toBeCloseTo(ratio, 1);
    });
  });
});

describe('upward dog on synthetic traces: nothing to count', () => {
  const start = upwardDog({ reps: 0 }).startPose;
  const standing = standingPose();

  it('counts nothing while the person walks in and stands', () => {
    const idle = sequence([walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }), standStill(standing, 5000)]);
    const track = synthesizeTrack(idle.motion, { durationMs: idle.durationMs, seed: 7, ...NOISY });
    const report = analyzeTrack(track, new UpwardDogChecker());
    expect(report.reps + report.partialReps).toBe(0);
    // standing is not lying: the start position is never there
    expect(report.countingStartedMs).toBeNull();
  });

  it('counts nothing while the person lies down and gets set', () => {
    const leadIn = [
      walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }),
      lieDown({ from: standing, to: start, durationMs: 3000 }),
      getSet({ pose: start, durationMs: 6000, seed: 5 }),
      standStill(start, 3000),
    ];
    const report = run(precede(leadIn, upwardDog({ reps: 0 })), NOISY);
    expect(report.reps + report.partialReps).toBe(0);
  });

  it('counts nothing on a plank held and lowered without a press', () => {
    const report = run(upwardDog({ reps: 0, fromPlank: true, startDelayMs: 10_000 }), NOISY);
    expect(report.reps + report.partialReps).toBe(0);
  });

  it('counts the reps after a walk-in and a lie-down, and only those', () => {
    const built = upwardDog({ reps: 3 });
    const leadIn = [
      walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }),
      lieDown({ from: standing, to: built.startPose, durationMs: 3000 }),
      getSet({ pose: built.startPose, durationMs: 3000, seed: 2 }),
    ];
    const report = run(precede(leadIn, built), NOISY);
    expect(report.reps).toBe(3);
    expect(report.partialReps).toBe(0);
  });
});

describe('upward dog on synthetic traces: faults', () => {
  it('raises no fault on clean reps', () => {
    for (const fromPlank of [false, true]) expect(run(noisyUpDog({ reps: 4, fromPlank }), NOISY).faults).toEqual([]);
  });

  const cases: readonly { readonly fault: SyntheticFault; readonly options: UpwardDogOptions; readonly reps: readonly number[] }[] = [
    { fault: 'handsForward', options: { faults: { handsForward: true } }, reps: [0, 1, 2] },
    { fault: 'kneesBent', options: { faults: { kneesBent: [1] } }, reps: [1] },
    { fault: 'depthJump', options: { faults: { depthJump: true } }, reps: [1] },
    { fault: 'shouldersShrugged', options: { faults: { shouldersShrugged: [1] } }, reps: [1] },
    { fault: 'headBack', options: { faults: { headBack: [2] } }, reps: [2] },
  ];
  it.each(cases)('detects $fault as its fault in the reps where it was injected, and nothing else', ({ fault, options, reps }) => {
    for (const seed of SEEDS) {
      const built = noisyUpDog({ reps: 3, ...options });
      const report = run(built, { ...NOISY, seed });
      const expected = FAULT_OF[fault];
      expect(report.reps, `seed ${seed}`).toBe(3);
      report.repDetails.forEach((rep, i) => {
        expect({ seed, rep: i, faults: rep.faults }).toEqual({ seed, rep: i, faults: reps.includes(i) ? [expected] : [] });
      });
      expect(report.faults.map((f) => f.fault)).toEqual(reps.map(() => expected));
    }
  });

  it('says so during the hold, not only once the rep is over', () => {
    const built = noisyUpDog({ reps: 2, holdMs: 3000, faults: { kneesBent: [0] } });
    const report = run(built, NOISY);
    const rep = built.truth.reps[0];
    if (!rep) throw new Error('no rep');
    const seen = report.faults.find((f) => f.fault === 'knees-bent');
    expect(seen?.t).toBeGreaterThan(rep.holdStartMs);
    expect(seen?.t).toBeLessThan(rep.holdEndMs);
    expect(report.cues.map((c) => c.key)).toContain('updog.legs-long');
  });

  it('lets the bend grow a little each rep, and stops watching the build-up after the first reps', () => {
    // 35, 41, 47, 53 deg: 6 deg more each time is "a little"
    const gradual = noisyUpDog({ reps: 4, depths: [1, 41 / 35, 47 / 35, 53 / 35] });
    expect(run(gradual, NOISY).faults).toEqual([]);
    // a 20 deg jump on rep 5 comes after the warm-up reps the check watches
    const late = noisyUpDog({ reps: 5, faults: { depthJump: [UPWARD_DOG_DEFAULTS.buildUpReps] } });
    expect(run(late, NOISY).faults).toEqual([]);
  });
});

describe('upward dog live values', () => {
  it('shows the angles and distances of the current frame during a hold, and forgets them on reset', () => {
    const built = upwardDog({ reps: 1, holdMs: 3000 });
    const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 1 });
    const checker = new UpwardDogChecker();
    const engine = new ExerciseEngine(checker);
    const rep = built.truth.reps[0];
    if (!rep) throw new Error('no rep');
    for (const frame of track.frames) {
      engine.update({ timestampMs: frame.t, imageWidth: track.width, imageHeight: track.height, score: frame.score, keypoints: frame.keypoints });
      if (frame.t >= rep.peakMs) break;
    }
    const truth = rep.measured;
    expect(engine.counting).toBe(true);
    expect(checker.live.torsoElevationDeg).toBeCloseTo(truth.torsoElevationDeg ?? Number.NaN, 0);
    expect(checker.live.kneeDeg).toBeCloseTo(truth.kneeAtTopDeg ?? Number.NaN, 0);
    expect(checker.live.elbowDeg).toBeCloseTo(truth.elbowAtTopDeg ?? Number.NaN, 0);
    expect(checker.live.earShoulderRatio).toBeCloseTo(1, 1);
    for (const value of Object.values(checker.live)) expect(Number.isFinite(value)).toBe(true);
    engine.reset();
    for (const value of Object.values(checker.live)) expect(value).toBeNaN();
  });
});
