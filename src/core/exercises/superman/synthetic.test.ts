/**
 * The superman checker on synthetic tracks (test/synthetic/): a figure whose
 * every rep, hold and fault is known, seen by a camera that adds the
 * corruption of a real pose model (keypoint noise, dropped frames, brief
 * left/right label swaps).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../engine/analysis.ts';
import {
  getSet,
  lieDown,
  offFrameU,
  precede,
  sequence,
  standingPose,
  standStill,
  superman,
  walkIn,
  type BuiltExercise,
  type Segment,
  type SupermanFault as SyntheticFault,
  type SupermanOptions,
} from '../../../../test/synthetic/motions.ts';
import { synthesizeTrack, type TraceOptions } from '../../../../test/synthetic/trace.ts';
import { SupermanChecker } from './checker.ts';
import type { SupermanFault } from './faults.ts';

/** The robustness bar: keypoint noise sigma 3% of torso length, 10% of frames dropped. */
const NOISY: Partial<TraceOptions> = { noiseSigma: 0.03, dropFraction: 0.1 };
/**
 * The engine starts counting once the start position has held 1 s without a
 * break, and a dropped frame is a break: with 10% of frames dropped, one
 * clean second (15 frames in a row: 0.9^15 = 21% per try) can take a few
 * seconds to come. A lead-in of getting set in the start position gives it room.
 */
const LEAD_IN_MS = 6000;
const SEEDS = [1, 2, 3] as const;
/** the rep counter reports the peak of the lift; the figure's peak is the middle of its hold */
const PEAK_TOLERANCE_MS = 1000;

const FAULT_OF: Readonly<Record<SyntheticFault, SupermanFault>> = {
  feetOnly: 'feet-hands-only',
  overArch: 'big-arch',
  fast: 'too-fast',
  headCranked: 'head-up',
};

/** Getting set in the start position first, then the supermans. */
const withLeadIn = (built: BuiltExercise<SyntheticFault>, seed: number): BuiltExercise<SyntheticFault> => precede([getSet({ pose: built.startPose, durationMs: LEAD_IN_MS, seed })], built);

function run(built: BuiltExercise, options: Partial<TraceOptions> = {}): AnalysisReport {
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 7, ...options });
  return analyzeTrack(track, new SupermanChecker());
}

const oneSidedLifts = (report: AnalysisReport): number => report.warnings.filter((w) => w.key === 'alternating-lifts').length;

function expectExactCount(built: BuiltExercise, report: AnalysisReport, label: string): void {
  expect(report.countingStartedMs, label).toBeLessThan(built.truth.reps[0]?.startMs ?? 0);
  expect(report.reps, label).toBe(built.truth.fullReps);
  expect(report.partialReps, label).toBe(0);
  expect(report.faults, label).toEqual([]);
  expect(oneSidedLifts(report), label).toBe(0);
  // each rep's peak lands in its hold, one per rep
  const peaks = report.repDetails.map((r) => r.peakMs);
  built.truth.reps.forEach((rep, i) => expect(Math.abs((peaks[i] ?? Number.NaN) - rep.peakMs), `${label}, rep ${i + 1}`).toBeLessThanOrEqual(PEAK_TOLERANCE_MS));
}

describe('superman on synthetic traces: counting', () => {
  it.each([
    { facing: 1, nearSide: 'left' },
    { facing: 1, nearSide: 'right' },
    { facing: -1, nearSide: 'left' },
    { facing: -1, nearSide: 'right' },
  ] as const)('counts every lift exactly with noise and dropped frames (facing $facing, near side $nearSide)', ({ facing, nearSide }) => {
    for (const seed of SEEDS) {
      const built = withLeadIn(superman({ reps: 4 }), seed);
      expectExactCount(built, run(built, { ...NOISY, facing, nearSide, seed }), `seed ${seed}`);
    }
  });

  it('counts exactly through brief left/right label swaps', () => {
    for (const seed of SEEDS) {
      const built = withLeadIn(superman({ reps: 4 }), seed);
      expectExactCount(built, run(built, { ...NOISY, swaps: 8, seed }), `seed ${seed}`);
    }
  });

  it('counts exactly from a far camera (60 px per torso) and a slightly turned one (15 deg)', () => {
    const built = withLeadIn(superman({ reps: 3 }), 1);
    expectExactCount(built, run(built, { ...NOISY, cameraDistancePx: 60 }), 'far camera');
    expectExactCount(built, run(built, { ...NOISY, viewYawDeg: 15 }), 'turned camera');
  });

  it('counts exactly with the camera 45 deg toward the head, where the shoulders\' spread already reads "front"', () => {
    for (const seed of SEEDS) {
      const built = withLeadIn(superman({ reps: 3 }), seed);
      expectExactCount(built, run(built, { ...NOISY, viewYawDeg: 45, yawAxis: 'vertical', seed }), `seed ${seed}`);
      const alternating = withLeadIn(superman({ reps: 4, alternating: true }), seed);
      const report = run(alternating, { ...NOISY, viewYawDeg: 45, yawAxis: 'vertical', seed });
      expect(report.reps + report.partialReps, `alternating, seed ${seed}`).toBe(0);
      expect(oneSidedLifts(report), `alternating, seed ${seed}`).toBe(alternating.truth.reps.length);
    }
  });

  it('counts nothing (rather than miscounting) when the torso points into the camera (75 deg toward the head)', () => {
    for (const alternating of [false, true]) {
      const built = withLeadIn(superman({ reps: 4, alternating }), 1);
      const report = run(built, { ...NOISY, viewYawDeg: 75, yawAxis: 'vertical' });
      expect(report.reps + report.partialReps, `alternating ${alternating}`).toBe(0);
      expect(report.faults).toEqual([]);
    }
  });

  it('measures the hold at the top, and the lifts of knees, elbows, ankles and wrists', () => {
    const built = withLeadIn(superman({ reps: 3, holdMs: 2000 }), 1);
    const report = run(built, NOISY);
    expect(report.repDetails).toHaveLength(3);
    report.repDetails.forEach((rep, i) => {
      const truth = built.truth.reps[i]!;
      // the counter's top band takes in a little of the lift and the lowering around the hold
      expect(rep.holdS).toBeGreaterThanOrEqual(truth.holdS - 0.5);
      expect(rep.holdS).toBeLessThanOrEqual(truth.holdS + 1);
      for (const key of ['kneeLiftTorso', 'elbowLiftTorso', 'ankleLiftTorso', 'wristLiftTorso', 'torsoElevationDeg'] as const) {
        const tolerance = key === 'torsoElevationDeg' ? 3 : 0.06;
        expect(Math.abs((rep.metrics[key] ?? Number.NaN) - (truth.measured[key] ?? Number.NaN)), `rep ${i + 1} ${key}`).toBeLessThanOrEqual(tolerance);
      }
    });
  });
});

describe('superman on synthetic traces: alternating lifts', () => {
  it.each([1, -1] as const)('counts no rep, and reports each one-sided lift with the "lift together" cue (facing %i)', (facing) => {
    for (const seed of SEEDS) {
      const built = withLeadIn(superman({ reps: 4, alternating: true }), seed);
      const report = run(built, { ...NOISY, facing, seed });
      expect(built.truth.fullReps).toBe(0);
      expect(report.reps, `seed ${seed}`).toBe(0);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
      expect(oneSidedLifts(report), `seed ${seed}`).toBe(built.truth.reps.length);
      expect(new Set(report.faults.map((f) => f.fault)), `seed ${seed}`).toEqual(new Set(['not-together']));
      expect(report.cues.map((c) => c.key)).toContain('superman.lift-together');
    }
  });
});

describe('superman on synthetic traces: faults', () => {
  it.each(Object.keys(FAULT_OF) as SyntheticFault[])('flags %s on the rep it was put in, and nowhere else', (fault) => {
    for (const seed of SEEDS) {
      const options: SupermanOptions = { reps: 3, faults: { [fault]: [1] } };
      const built = withLeadIn(superman(options), seed);
      const report = run(built, { ...NOISY, seed });
      const faulty = built.truth.reps[1]!;
      const flagged = report.faults.filter((f) => f.t >= faulty.startMs && f.t <= faulty.endMs + 1000).map((f) => f.fault);
      expect(flagged, `seed ${seed}`).toEqual([FAULT_OF[fault]]);
      expect(report.faults, `seed ${seed}`).toHaveLength(1);
      // the faulty rep is still seen as a rep: full, except feet/hands only (knees and elbows stayed down)
      const rep = report.repDetails.find((r) => r.peakMs >= faulty.startMs && r.peakMs <= faulty.endMs);
      expect(rep?.faults, `seed ${seed}`).toEqual([FAULT_OF[fault]]);
      expect(rep?.full, `seed ${seed}`).toBe(fault !== 'feetOnly');
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
    }
  });

  it('flags nothing on clean traces', () => {
    for (const seed of SEEDS) {
      for (const facing of [1, -1] as const) {
        const built = withLeadIn(superman({ reps: 4 }), seed);
        expect(run(built, { ...NOISY, facing, swaps: 4, seed }).faults, `seed ${seed}, facing ${facing}`).toEqual([]);
      }
    }
  });
});

describe('superman on synthetic traces: nothing to count', () => {
  const lyingStart = superman({ reps: 1 }).startPose;
  const standing = standingPose({ ankleU: lyingStart.rootU - 1.5 });
  const leadIn = (seed: number): Segment[] => [
    walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 }),
    standStill(standing, 1000),
    lieDown({ from: standing, to: lyingStart, durationMs: 3000 }),
    getSet({ pose: lyingStart, durationMs: 8000, seed }),
  ];

  it.each([1, -1] as const)('counts nothing while walking in, lying down and getting set (facing %i)', (facing) => {
    for (const seed of SEEDS) {
      const idle = sequence(leadIn(seed));
      const track = synthesizeTrack(idle.motion, { durationMs: idle.durationMs + 2000, ...NOISY, swaps: 4, facing, seed });
      const report = analyzeTrack(track, new SupermanChecker());
      expect(report.reps + report.partialReps, `seed ${seed}`).toBe(0);
      expect(report.faults, `seed ${seed}`).toEqual([]);
      expect(oneSidedLifts(report), `seed ${seed}`).toBe(0);
    }
  });

  it('counts nothing lying still', () => {
    const still = standStill(lyingStart, 15_000);
    const report = analyzeTrack(synthesizeTrack(still.motion, { durationMs: still.durationMs, ...NOISY, seed: 3 }), new SupermanChecker());
    expect(report.countingStartedMs).not.toBeNull();
    expect(report.reps + report.partialReps).toBe(0);
    expect(report.faults).toEqual([]);
  });

  it('counts nothing standing: a superman starts lying prone', () => {
    const still = standStill(standing, 8000);
    const report = analyzeTrack(synthesizeTrack(still.motion, { durationMs: still.durationMs, ...NOISY, seed: 4 }), new SupermanChecker());
    expect(report.countingStartedMs).toBeNull();
    expect(report.reps).toBe(0);
  });

  it('counts exactly after walking in, lying down and getting set', () => {
    for (const seed of SEEDS) {
      const built = precede(leadIn(seed), superman({ reps: 3 }));
      expectExactCount(built, run(built, { ...NOISY, swaps: 4, seed }), `seed ${seed}`);
    }
  });
});
