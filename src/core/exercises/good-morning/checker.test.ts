import { describe, it, expect } from 'vitest';
import { analyzeTrack } from '../../engine/analysis.ts';
import { GoodMorningChecker, type GoodMorningFault } from './checker.ts';
import { GOOD_MORNING_DEFAULTS, validateGoodMorningConfig } from './config.ts';
import { goodMorning, precede, standStill, walkIn, offFrameU, standingPose, type GoodMorningFault as SynthFault } from '../../../../test/synthetic/motions.ts';
import { synthesizeTrack, type TraceOptions } from '../../../../test/synthetic/trace.ts';
import { loadTrack } from '../../../../test/helpers/tracks.ts';

/** The robustness bar: keypoint noise sigma 3% of torso length, 10% of frames dropped. */
const NOISY: Partial<TraceOptions> = { noiseSigma: 0.03, dropFraction: 0.1 };
const FAULT_OF: Readonly<Record<SynthFault, GoodMorningFault>> = {
  squat: 'squatting',
  roundedBack: 'rounded-back',
  shallow: 'too-shallow',
  leanBack: 'leaning-back',
  fast: 'too-fast',
};

function run(built: ReturnType<typeof goodMorning>, options: Partial<TraceOptions> = {}) {
  const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 7, ...options });
  return analyzeTrack(track, new GoodMorningChecker());
}

describe('good morning on synthetic traces', () => {
  it.each([
    { facing: 1, nearSide: 'left' },
    { facing: -1, nearSide: 'right' },
    { facing: 1, nearSide: 'right' },
    { facing: -1, nearSide: 'left' },
  ] as const)('counts every rep exactly with noise and dropped frames (facing $facing, near side $nearSide)', ({ facing, nearSide }) => {
    for (const seed of [1, 2, 3]) {
      const built = goodMorning({ reps: 5 });
      const report = run(built, { ...NOISY, facing, nearSide, seed });
      expect(report.reps, `seed ${seed}`).toBe(built.truth.fullReps);
      expect(report.partialReps, `seed ${seed}`).toBe(0);
    }
  });

  it('counts exactly through brief left/right label swaps', () => {
    const built = goodMorning({ reps: 4 });
    expect(run(built, { ...NOISY, swaps: 6, seed: 11 }).reps).toBe(4);
  });

  it('counts exactly at a near and a far camera distance', () => {
    for (const cameraDistancePx of [55, 140]) {
      const built = goodMorning({ reps: 3 });
      expect(run(built, { ...NOISY, cameraDistancePx, imageWidthPx: 960, imageHeightPx: 540 }).reps).toBe(3);
    }
  });

  it('places each rep’s peak at the true deepest moment', () => {
    const built = goodMorning({ reps: 3 });
    const report = run(built);
    const truePeaks = built.truth.reps.map((r) => r.peakMs);
    report.repDetails.forEach((r, i) => expect(Math.abs(r.peakMs - (truePeaks[i] ?? 0))).toBeLessThanOrEqual(500));
  });

  it('counts a shallow hinge as partial, not full', () => {
    const built = goodMorning({ reps: 3, depths: [1, 1, 0.55] });
    const report = run(built, NOISY);
    expect(report.reps).toBe(2);
    expect(report.partialReps).toBe(1);
  });

  it('says a shallow hinge was partial for want of depth (deeper); the full reps carry no reason', () => {
    const built = goodMorning({ reps: 3, faults: { shallow: [1] } });
    const report = run(built, NOISY);
    expect(built.truth.reps.map((r) => r.full)).toEqual([true, false, true]);
    expect(report.repDetails.map((r) => [r.full, r.partialReason])).toEqual(built.truth.reps.map((r) => [r.full, r.full ? undefined : 'deeper']));
  });

  it('counts nothing while the person walks in and stands still', () => {
    const start = standingPose();
    const built = precede([walkIn({ to: start, fromU: offFrameU(640, 100), durationMs: 3000 }), standStill(start, 4000)], goodMorning({ reps: 0 }));
    const report = run(built, NOISY);
    expect(report.reps + report.partialReps).toBe(0);
  });

  it('starts counting only after standing tall, so reps after a walk-in all count', () => {
    const built = goodMorning({ reps: 3 });
    const withLeadIn = precede([walkIn({ to: built.startPose, fromU: offFrameU(640, 100), durationMs: 3000 })], built);
    const report = run(withLeadIn, NOISY);
    expect(report.countingStartedMs).toBeGreaterThan(3000);
    expect(report.reps).toBe(3);
  });

  it('raises no fault on clean reps', () => {
    const report = run(goodMorning({ reps: 4 }), NOISY);
    expect(report.faults).toEqual([]);
  });

  for (const fault of ['squat', 'roundedBack', 'shallow', 'leanBack', 'fast'] as const) {
    it(`detects ${FAULT_OF[fault]} in the rep where it was injected`, () => {
      const built = goodMorning({ reps: 3, faults: { [fault]: [1] } });
      const report = run(built, NOISY);
      const expected = FAULT_OF[fault];
      const injected = built.truth.faults.filter((f) => f.fault === fault);
      expect(injected.length).toBeGreaterThan(0);
      const seen = report.faults.filter((f) => f.fault === expected);
      expect(seen.length, `${expected} seen ${seen.length} times`).toBeGreaterThan(0);
      for (const f of seen) {
        // detected within the injected rep (plus the rest after it for leaning back)
        const hit = injected.some((i) => f.t >= i.fromMs - 500 && f.t <= i.toMs + 1500);
        expect(hit, `${expected} at ${f.t} ms, injected ${JSON.stringify(injected)}`).toBe(true);
      }
      const others = report.faults.filter((f) => f.fault !== expected && !(fault === 'shallow' && f.fault === 'too-shallow'));
      expect(others).toEqual([]);
    });
  }
});

describe('good morning configuration', () => {
  it('accepts the defaults', () => {
    expect(validateGoodMorningConfig(GOOD_MORNING_DEFAULTS)).toBe(GOOD_MORNING_DEFAULTS);
  });
  it('names what is wrong', () => {
    expect(() => validateGoodMorningConfig({ ...GOOD_MORNING_DEFAULTS, standTallMaxDeg: 30 })).toThrow(/standTallMaxDeg \(30\) must be below counter.startAbove \(22\)/);
    expect(() => validateGoodMorningConfig({ ...GOOD_MORNING_DEFAULTS, counter: { ...GOOD_MORNING_DEFAULTS.counter, restBelow: 40 } })).toThrow(/restBelow \(40\) must be below startAbove/);
    expect(() => new GoodMorningChecker({ ...GOOD_MORNING_DEFAULTS, squatKneeBelowDeg: 170 })).toThrow(/squatKneeBelowDeg/);
  });
});

describe('good morning seen from the front (gm_12pt_bodyweight_front_2reps_trim, MoveNet Lightning)', () => {
  it('counts both hinges and says once that depth is not judged from the front', () => {
    const report = analyzeTrack(loadTrack('good_morning/gm_12pt_bodyweight_front_2reps_trim.mp4', 'movenet-lightning'), new GoodMorningChecker());
    expect(report.reps).toBe(2);
    expect(report.cues.filter((c) => c.key === 'setup.front-no-depth')).toHaveLength(1);
    // depth is not judged there: no "hinge further", no partial rep
    expect(report.partialReps).toBe(0);
    expect(report.faults.map((f) => f.fault)).not.toContain('too-shallow');
  });

  it('gives no front-view hint in a side view', () => {
    const report = analyzeTrack(loadTrack('good_morning/gm_12pt_bodyweight_side_5reps_trim.mp4', 'movenet-lightning'), new GoodMorningChecker());
    expect(report.cues.map((c) => c.key)).not.toContain('setup.front-no-depth');
  });
});
