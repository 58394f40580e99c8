/**
 * The hip thrust checker on synthetic tracks (test/synthetic): a stick figure
 * doing bridges on the floor or a bench with known reps and injected faults,
 * seen through a noisy "pose model" (jitter, dropped frames, label swaps).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack, type AnalysisReport } from '../../engine/analysis.ts';
import { getSet, hipThrust, lieDown, offFrameU, precede, sequence, standingPose, standStill, walkIn, type BuiltExercise, type HipThrustFault as SyntheticFault, type HipThrustOptions, type Segment } from '../../../../test/synthetic/motions.ts';
import { synthesizeTrack, type TraceOptions } from '../../../../test/synthetic/trace.ts';
import { shoulderRidesWithHips } from '../../../../test/synthetic/hip-thrust.ts';
import { HipThrustChecker } from './checker.ts';
import { HIP_THRUST_DEFAULTS } from './config.ts';
import type { HipThrustFault } from './faults.ts';

/** the brief's stress level: jitter of 3% of the torso length on every keypoint, 10% of frames without a pose */
const STRESS = { noiseSigma: 0.03, dropFraction: 0.1 } as const;
/** MoveNet Lightning's own jitter on the fixture clips: ~1-2 px on a 80-170 px torso */
const REALISTIC = { noiseSigma: 0.01, dropFraction: 0.1 } as const;
const SEEDS = [1, 2, 3] as const;
const VARIANTS = ['floor', 'bench'] as const;

type TraceSettings = Omit<TraceOptions, 'durationMs'>;

function run(built: Pick<BuiltExercise, 'motion' | 'truth'>, trace: TraceSettings): { report: AnalysisReport; checker: HipThrustChecker } {
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, ...trace });
  const checker = new HipThrustChecker();
  return { report: analyzeTrack(track, checker), checker };
}

/** what the generator calls each injected fault, in the checker's words */
const FAULT_OF: Readonly<Record<SyntheticFault, HipThrustFault>> = {
  lowHips: 'incomplete-extension',
  overArch: 'over-arch',
  kneeTooOpen: 'feet-too-far',
  kneeTooClosed: 'feet-too-close',
  noPause: 'no-pause',
};

describe('counting synthetic hip thrusts at 3% jitter and 10% dropped frames', () => {
  for (const variant of VARIANTS) {
    for (const facing of [1, -1] as const) {
      for (const nearSide of ['left', 'right'] as const) {
        it(`${variant}: counts every full rep and the low one as partial, facing ${facing > 0 ? '+x' : '-x'}, ${nearSide} side to the camera`, () => {
          for (const seed of SEEDS) {
            const built = hipThrust({ variant, reps: 4, faults: { lowHips: [2] } });
            const { report } = run(built, { ...STRESS, facing, nearSide, seed });
            expect(built.truth.fullReps).toBe(3);
            expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
            expect(report.partialReps, `seed ${seed}`).toBe(built.truth.partialReps);
          }
        });
      }
    }

    it(`${variant}: brief left/right label swaps do not change the count`, () => {
      for (const seed of SEEDS) {
        const built = hipThrust({ variant, reps: 4 });
        const { report } = run(built, { ...STRESS, swaps: 6, seed });
        expect(report.reps, `seed ${seed}`).toBe(4);
        expect(report.partialReps).toBe(0);
      }
    });

    it(`${variant}: brisk reps (0.7 s up, 0.8 s down, no hold) count too`, () => {
      for (const seed of SEEDS) {
        const built = hipThrust({ variant, reps: 4, downMs: 700, holdMs: 0, upMs: 800 });
        expect(run(built, { ...STRESS, seed }).report.reps, `seed ${seed}`).toBe(4);
      }
    });

    it(`${variant}: the peak of each counted rep is the rep's top`, () => {
      const built = hipThrust({ variant, reps: 3 });
      const { report } = run(built, { ...STRESS, seed: 1 });
      report.repDetails.forEach((rep, i) => {
        const truth = built.truth.reps[i]!;
        // anywhere on the held top (holdStartMs..peakMs + hold), within a few frames
        expect(rep.peakMs).toBeGreaterThanOrEqual(truth.holdStartMs - 300);
        expect(rep.peakMs).toBeLessThanOrEqual(truth.peakMs + truth.holdS * 1000 + 300);
      });
    });

    it(`detects the ${variant} variant from the start position`, () => {
      const { checker } = run(hipThrust({ variant, reps: 2 }), { ...STRESS, seed: 1 });
      expect(checker.variant).toBe(variant);
    });
  }

  it('says the low rep was partial for want of height (higher); the full reps carry no reason', () => {
    for (const variant of VARIANTS) {
      const built = hipThrust({ variant, reps: 3, faults: { lowHips: [1] } });
      expect(built.truth.reps.map((r) => r.full)).toEqual([true, false, true]);
      for (const seed of SEEDS) {
        const { report } = run(built, { ...STRESS, seed });
        expect(report.repDetails.map((r) => [r.full, r.partialReason]), `${variant}, seed ${seed}`).toEqual(built.truth.reps.map((r) => [r.full, r.full ? undefined : 'higher']));
      }
    }
  });

  it('counts in an oblique view (camera turned 35 deg), judging no angle there', () => {
    for (const variant of VARIANTS) {
      const built = hipThrust({ variant, reps: 3, faults: { overArch: [1] } });
      const { report, checker } = run(built, { noiseSigma: 0.02, dropFraction: 0.05, viewYawDeg: 35, seed: 1 });
      expect(checker.view).toBe('oblique');
      expect(report.reps).toBe(3);
      // the over-arched rep is not called: in an oblique view the 2D hip angle is mostly projection
      expect(report.faults).toEqual([]);
    }
  });
});

describe('a shoulder keypoint that leaves the floor with the hips (the chest read as the shoulder, filmed from the feet)', () => {
  // BlazePose Full on bridge_ballsqueeze: the shoulder rises 0.9-1.7 times as far as the hips
  const RATIOS = [0.9, 1.2, 1.7] as const;

  for (const yawDeg of [35, 60] as const) {
    it(`camera ${yawDeg} deg off the side: every rep counts exactly, on the hips' lift`, () => {
      const built = hipThrust({ variant: 'floor', reps: 3 });
      const durationMs = built.truth.durationMs;
      const clean = synthesizeTrack(built.motion, { durationMs, viewYawDeg: yawDeg });
      for (const ratio of RATIOS) {
        for (const seed of SEEDS) {
          const noisy = synthesizeTrack(built.motion, { durationMs, viewYawDeg: yawDeg, noiseSigma: 0.02, dropFraction: 0.05, seed });
          const checker = new HipThrustChecker();
          const report = analyzeTrack(shoulderRidesWithHips(noisy, clean, ratio), checker);
          expect(checker.view, `ratio ${ratio}, seed ${seed}`).toBe('oblique');
          expect(checker.obliqueCountsOn, `ratio ${ratio}, seed ${seed}`).toBe('lift');
          expect(report.reps, `ratio ${ratio}, seed ${seed}`).toBe(built.truth.fullReps);
          expect(report.partialReps, `ratio ${ratio}, seed ${seed}`).toBe(0);
          expect(report.faults).toEqual([]);
        }
      }
    });
  }

  it('with the shoulder on the floor the count stays on the hip angle', () => {
    const built = hipThrust({ variant: 'floor', reps: 3 });
    for (const seed of SEEDS) {
      const checker = new HipThrustChecker();
      const report = analyzeTrack(synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, viewYawDeg: 35, noiseSigma: 0.02, dropFraction: 0.05, seed }), checker);
      expect(checker.obliqueCountsOn, `seed ${seed}`).toBe('angle');
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
    }
  });
});

describe('no reps where there is no exercise', () => {
  const built = hipThrust({ variant: 'floor', reps: 3 });
  const standing = { ...standingPose(), rootU: built.startPose.rootU };
  const walk = walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 });
  const lie = lieDown({ from: standing, to: built.startPose, durationMs: 3000 });
  const idle = (segments: readonly Segment[]): Pick<BuiltExercise, 'motion' | 'truth'> => {
    const s = sequence(segments);
    return { motion: s.motion, truth: { ...built.truth, durationMs: s.durationMs + 2000 } };
  };

  it.each([
    ['standing still', [standStill(standing, 8000)]],
    ['walking in', [walk, standStill(standing, 2000)]],
    ['walking in, lying down and getting set', [walk, lie, getSet({ pose: built.startPose, durationMs: 4000, seed: 3 })]],
  ] as const)('%s: 0 reps, 0 partial reps', (_name, segments) => {
    for (const seed of SEEDS) {
      const { report } = run(idle(segments), { ...STRESS, seed });
      expect(report.reps, `seed ${seed}`).toBe(0);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
    }
  });

  it('after walking in, lying down and getting set, counts exactly the reps that follow', () => {
    for (const seed of SEEDS) {
      const withLeadIn = precede([walk, lie, getSet({ pose: built.startPose, durationMs: 3000, seed })], built);
      const { report } = run(withLeadIn, { ...STRESS, seed });
      expect(report.reps, `seed ${seed}`).toBe(withLeadIn.truth.fullReps);
      expect(report.partialReps).toBe(0);
    }
  });
});

describe('form faults on synthetic hip thrusts', () => {
  /** each injected fault, as the generator makes it; knee too closed and no pause need more than its defaults (below) */
  const cases: readonly { readonly name: string; readonly options: HipThrustOptions; readonly reps: readonly number[]; readonly fault: SyntheticFault; readonly trace: TraceSettings }[] = [
    { name: 'hips not up to the line (peak 152 deg)', options: { faults: { lowHips: [1] } }, reps: [1], fault: 'lowHips', trace: STRESS },
    { name: 'over-arched past the line (peak 197 deg)', options: { faults: { overArch: [1] } }, reps: [1], fault: 'overArch', trace: STRESS },
    { name: 'feet too far (knee 125 deg at the top)', options: { faults: { kneeTooOpen: true } }, reps: [0, 1, 2], fault: 'kneeTooOpen', trace: STRESS },
    // the clean fixture clips put the knee at 48-76 deg at the top (see below): too close is well under that
    { name: 'feet too close (knee 35 deg at the top on the floor, 50 on a bench)', options: { kneeAtTopDeg: 35 }, reps: [0, 1, 2], fault: 'kneeTooClosed', trace: STRESS },
    // a brisk rep without a pause; at the realistic jitter (see the pause tests below)
    { name: 'no pause at the top (0.8 s up, straight back down in 0.8 s)', options: { downMs: 800, upMs: 800, faults: { noPause: [1] } }, reps: [1], fault: 'noPause', trace: REALISTIC },
  ];

  for (const variant of VARIANTS) {
    for (const c of cases) {
      it(`${variant}, ${c.name}: flagged on the reps that have it and on no other`, () => {
        for (const seed of SEEDS) {
          for (const facing of [1, -1] as const) {
            // on a bench with the feet closer than ~50 deg the ankles come so near the shoulders' height that the
            // engine's posture reads 'unknown' and never starts (the bench posture gate, see the report)
            const kneeAtTopDeg = variant === 'bench' && c.fault === 'kneeTooClosed' ? 50 : c.options.kneeAtTopDeg;
            const built = hipThrust({ variant, reps: 3, ...c.options, ...(kneeAtTopDeg === undefined ? {} : { kneeAtTopDeg }) });
            const { report } = run(built, { ...c.trace, facing, seed });
            expect(report.repDetails.length, `seed ${seed}, facing ${facing}`).toBe(3);
            report.repDetails.forEach((rep, i) => {
              const expected = c.reps.includes(i) ? [FAULT_OF[c.fault]] : [];
              // at 3% jitter the pause is not judged reliably (see the clean reps below): the angle faults are
              const seen = c.trace === STRESS ? rep.faults.filter((f) => f !== 'no-pause') : rep.faults;
              expect(seen, `rep ${i}, seed ${seed}, facing ${facing}: ${JSON.stringify(rep.metrics)}`).toEqual(expected);
            });
          }
        }
      });
    }

    it(`${variant}, clean reps: no fault at the realistic jitter, and no angle fault at 3%`, () => {
      for (const seed of SEEDS) {
        for (const facing of [1, -1] as const) {
          const realistic = run(hipThrust({ variant, reps: 3 }), { ...REALISTIC, facing, seed }).report;
          expect(realistic.faults, `seed ${seed}, facing ${facing}: ${realistic.repDetails.map((r) => JSON.stringify(r.metrics)).join(' ')}`).toEqual([]);
          // at 3% the hip angle wanders +-5 deg on a held top, as wide as the pause band: the pause is not judged reliably there
          const stressed = run(hipThrust({ variant, reps: 3 }), { ...STRESS, facing, seed }).report;
          expect(stressed.faults.filter((f) => f.fault !== 'no-pause'), `seed ${seed}, facing ${facing}`).toEqual([]);
        }
      }
    });
  }

  it("the generator's own 'knee too closed' (62 deg at the top) is not a fault here: the clean PhysioPlus clip reads 48-56 deg, bridge_medball 65-76", () => {
    const { report } = run(hipThrust({ variant: 'floor', reps: 3, faults: { kneeTooClosed: true } }), { ...REALISTIC, seed: 1 });
    for (const rep of report.repDetails) expect(rep.metrics.kneeAtTopDeg).toBeGreaterThan(HIP_THRUST_DEFAULTS.kneeAtTop.floor.closedBelowDeg);
    expect(report.faults).toEqual([]);
  });

  it('a slow turn without a pause (1 s up, 1.2 s down) stays at the top ~0.4 s, as long as the brief pauses on the real clips: shorter than a 1 s hold, but not called', () => {
    const built = hipThrust({ variant: 'floor', reps: 3, faults: { noPause: [1] } });
    const { report } = run(built, { ...REALISTIC, seed: 1 });
    const [held, turned] = report.repDetails;
    expect(turned!.holdS).toBeLessThan(held!.holdS - 0.4);
  });
});
