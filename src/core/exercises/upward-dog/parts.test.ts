/** The upward dog checker's parts, each on inputs whose answer follows from a formula. */
import { describe, expect, it } from 'vitest';
import { BodyState } from '../../engine/body-state.ts';
import type { Keypoint } from '../../frame/pose-frame.ts';
import { UPWARD_DOG_DEFAULTS as C } from './config.ts';
import type { PartialReason } from '../../engine/events.ts';
import { UPWARD_DOG_PARTIAL_REASONS } from './checker.ts';
import { depthJumped, notFullReason, topShows, type TopShape } from './faults.ts';
import { measureUpwardDog, newUpwardDogMeasures, proneFacing } from './measures.ts';
import { medianOf, selectKth } from '../../signal/median.ts';
import { RestReference } from '../../signal/rest-reference.ts';
import { TopArrival } from './top-arrival.ts';
import { TopSamples } from './top-samples.ts';

/** a deterministic shuffle source */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('medians without allocation', () => {
  it('selects the k-th smallest like a sort does, duplicates included', () => {
    const random = lcg(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const values = Float64Array.from({ length: n }, () => Math.round(random() * 10));
      const sorted = [...values].sort((a, b) => a - b);
      const k = Math.floor(random() * n);
      expect(selectKth(Float64Array.from(values), n, k)).toBe(sorted[k]);
    }
  });

  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    const scratch = new Float64Array(8);
    expect(medianOf(Float64Array.from([5, 1, 9, 3, 7]), 5, scratch)).toBe(5);
    expect(medianOf(Float64Array.from([4, 1, 3, 2]), 4, scratch)).toBe((2 + 3) / 2);
    expect(medianOf(Float64Array.from([4, 1, 3, 2]), 0, scratch)).toBeNaN();
  });

  it('leaves the values as they were', () => {
    const values = Float64Array.from([3, 1, 2]);
    medianOf(values, 3, new Float64Array(3));
    expect([...values]).toEqual([3, 1, 2]);
  });
});

describe('the rest reference', () => {
  it('is the median of the latest samples only', () => {
    const ref = new RestReference(5);
    for (const v of [100, 100, 100, 1, 2, 3, 4, 5]) ref.add(v);
    // the three 100s were pushed out by the last five samples
    expect(ref.median()).toBe(3);
  });

  it('is unknown until it has enough samples, and skips unknown ones', () => {
    const ref = new RestReference(10);
    ref.add(0.4);
    ref.add(Number.NaN);
    expect(ref.samples).toBe(1);
    expect(ref.median(2)).toBeNaN();
    ref.add(0.2);
    expect(ref.median(2)).toBeCloseTo(0.3, 12);
  });

  it('ignores a single wild sample after a long gap (what a time-based average would not)', () => {
    const ref = new RestReference(45);
    for (let i = 0; i < 45; i++) ref.add(0.35);
    ref.add(0.49);
    expect(ref.median()).toBe(0.35);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new RestReference(0)).toThrow(/size must be a positive integer, got 0/);
  });
});

describe('the samples of a hold', () => {
  it('judges the hold by its medians: a few odd frames at its edges do not move them', () => {
    const top = new TopSamples();
    const m = newUpwardDogMeasures();
    // 20 frames of straight legs (157 deg) and 5 frames of the feet rolling over the toes (135)
    for (let i = 0; i < 25; i++) {
      m.kneeDeg = i < 20 ? 157 : 135;
      top.add(m, i * 66);
    }
    expect(top.median('kneeDeg')).toBe(157);
    expect(top.frames).toBe(25);
    expect(top.spanMs).toBe(24 * 66);
    // never known in any frame
    expect(top.median('headLineDeg')).toBeNaN();
  });

  it('keeps working past its capacity by thinning the oldest samples', () => {
    const top = new TopSamples();
    const m = newUpwardDogMeasures();
    for (let i = 0; i < 5000; i++) {
      m.torsoElevationDeg = 50;
      top.add(m, i);
    }
    expect(top.median('torsoElevationDeg')).toBe(50);
    top.reset();
    expect(top.frames).toBe(0);
    expect(top.median('torsoElevationDeg')).toBeNaN();
  });
});

describe('the arrival at the top', () => {
  it('is the first moment within the band of the highest value, wherever on the hold that highest value came', () => {
    const arrival = new TopArrival();
    // rises 10 deg per frame to 50, holds, creeps up 1 deg at the very end
    const values = [30, 40, 50, 50, 50, 50, 50, 51, 45, 30];
    values.forEach((v, i) => arrival.add(v, i * 100));
    expect(arrival.arrivalMs(51, 1.5)).toBe(200);
    expect(arrival.arrivalMs(51, 0.5)).toBe(700);
    arrival.reset();
    expect(arrival.arrivalMs(51, 1.5)).toBeNaN();
  });
});

describe('the faults, at their thresholds', () => {
  const clean: TopShape = { handOffsetTorso: 0, kneeDeg: 175, earShoulderRatio: 1, headLineDeg: 200, obliqueView: false };
  const just = 1e-6;

  it.each<[string, Parameters<typeof topShows>[0], TopShape, boolean]>([
    ['hands just past the forward limit', 'hands-not-under-shoulders', { ...clean, handOffsetTorso: C.handsAheadMaxTorso + just }, true],
    ['hands on the forward limit', 'hands-not-under-shoulders', { ...clean, handOffsetTorso: C.handsAheadMaxTorso }, false],
    ['hands just past the backward limit', 'hands-not-under-shoulders', { ...clean, handOffsetTorso: -C.handsBehindMaxTorso - just }, true],
    ['hands on the backward limit', 'hands-not-under-shoulders', { ...clean, handOffsetTorso: -C.handsBehindMaxTorso }, false],
    ['knees just below the limit', 'knees-bent', { ...clean, kneeDeg: C.minKneeDeg - just }, true],
    ['knees on the limit', 'knees-bent', { ...clean, kneeDeg: C.minKneeDeg }, false],
    ['knees below the side-view limit, seen obliquely within the allowance', 'knees-bent', { ...clean, kneeDeg: C.minKneeDeg - C.obliqueKneeAllowanceDeg, obliqueView: true }, false],
    ['knees past the oblique allowance', 'knees-bent', { ...clean, kneeDeg: C.minKneeDeg - C.obliqueKneeAllowanceDeg - just, obliqueView: true }, true],
    ['ears just nearer the shoulders than allowed', 'shoulders-sunk', { ...clean, earShoulderRatio: C.minEarShoulderRatio - just }, true],
    ['ears as near as allowed', 'shoulders-sunk', { ...clean, earShoulderRatio: C.minEarShoulderRatio }, false],
    ['head just past the limit', 'head-thrown-back', { ...clean, headLineDeg: C.maxHeadLineDeg + just }, true],
    ['head on the limit', 'head-thrown-back', { ...clean, headLineDeg: C.maxHeadLineDeg }, false],
    ['an unknown shrug ratio (no start position seen)', 'shoulders-sunk', { ...clean, earShoulderRatio: Number.NaN }, false],
  ])('%s: %s is %s', (_what, fault, shape, shows) => {
    expect(topShows(fault, shape, C)).toBe(shows);
  });

  it('watches the build-up only from the second to the buildUpReps-th full rep', () => {
    const jump = 35 + C.buildUpJumpDeg + 1;
    expect(depthJumped(jump, 35, 0, C)).toBe(false);
    expect(depthJumped(jump, 35, 1, C)).toBe(true);
    expect(depthJumped(jump, 35, C.buildUpReps - 1, C)).toBe(true);
    expect(depthJumped(jump, 35, C.buildUpReps, C)).toBe(false);
    expect(depthJumped(35 + C.buildUpJumpDeg, 35, 1, C)).toBe(false);
  });

  it('tells a full up dog from a plank, a cobra with the hips down or the torso upright, and bent arms', () => {
    const full = { peakElevationDeg: 55, holdElevationDeg: 52, hipLiftTorso: 0.38, elbowDeg: 173 };
    expect(notFullReason(full, C)).toBeNull();
    expect(notFullReason({ ...full, peakElevationDeg: C.counter.fullAt - 1 }, C)).toBe('too-low');
    expect(notFullReason({ ...full, holdElevationDeg: C.topMaxElevationDeg + 1 }, C)).toBe('torso-upright');
    expect(notFullReason({ ...full, hipLiftTorso: C.topMinHipLiftTorso - 0.01 }, C)).toBe('hips-down');
    expect(notFullReason({ ...full, elbowDeg: C.topMinElbowDeg - 1 }, C)).toBe('arms-bent');
    // unknown measures do not disqualify
    expect(notFullReason({ ...full, hipLiftTorso: Number.NaN, elbowDeg: Number.NaN }, C)).toBeNull();
  });

  it('names what each kind of not-full top was missing, as the cue and the summary say it', () => {
    const full = { peakElevationDeg: 55, holdElevationDeg: 52, hipLiftTorso: 0.38, elbowDeg: 173, riseDeg: 40 };
    const missing = (top: typeof full): PartialReason | null => {
      const reason = notFullReason(top, C);
      return reason === null ? null : UPWARD_DOG_PARTIAL_REASONS[reason];
    };
    expect(missing(full)).toBeNull();
    // a plank, or a press that hardly rose from where it began: higher
    expect(missing({ ...full, peakElevationDeg: C.counter.fullAt - 1 })).toBe('higher');
    expect(missing({ ...full, riseDeg: C.minPressRiseDeg - 1 })).toBe('higher');
    // a cobra with the hips on the mat, seen as the hips down or as a torso upright over them: hips up
    expect(missing({ ...full, hipLiftTorso: C.topMinHipLiftTorso - 0.01 })).toBe('hips-up');
    expect(missing({ ...full, holdElevationDeg: C.topMaxElevationDeg + 1 })).toBe('hips-up');
    // a cobra on bent arms: straighten the arms
    expect(missing({ ...full, elbowDeg: C.topMinElbowDeg - 1 })).toBe('straighten-arms');
  });
});

describe('measuring one frame', () => {
  const TORSO = 100;
  /** an up dog facing +x: hip at the origin (y down), torso 50 deg up, arm straight down to the floor, legs back */
  function upDogFrame(facing: 1 | -1): Keypoint[] {
    const rad = (50 * Math.PI) / 180;
    const hip = { x: 300, y: 300 };
    const shoulder = { x: hip.x + facing * TORSO * Math.cos(rad), y: hip.y - TORSO * Math.sin(rad) };
    const floorY = shoulder.y + 105;
    const at = (x: number, y: number) => ({ x, y });
    const joints: Record<string, { x: number; y: number }> = {
      shoulder,
      elbow: at(shoulder.x, shoulder.y + 55),
      wrist: at(shoulder.x + facing * 0.1 * TORSO, floorY),
      hip,
      knee: at(hip.x - facing * 80, floorY - 10),
      ankle: at(hip.x - facing * 160, floorY),
      ear: at(shoulder.x + facing * 10, shoulder.y - 30),
    };
    const kps: Keypoint[] = [{ name: 'nose', x: shoulder.x + facing * 25, y: shoulder.y - 30, score: 0.9 }];
    for (const side of ['left', 'right'])
      for (const [name, p] of Object.entries(joints)) kps.push({ name: `${side}_${name}`, x: p.x, y: p.y, score: 0.9 });
    return kps;
  }
  const bodyOf = (facing: 1 | -1): BodyState => new BodyState().update({ timestampMs: 0, imageWidth: 640, imageHeight: 480, score: 0.9, keypoints: upDogFrame(facing) });

  it.each([1, -1] as const)('reads elevation, hand offset and hip lift the same facing %i', (facing) => {
    const m = measureUpwardDog(bodyOf(facing), newUpwardDogMeasures());
    expect(m.torsoElevationDeg).toBeCloseTo(50, 6);
    // 0.1 torso ahead of the shoulder, toward the head, whichever way the head points
    expect(m.handOffsetTorso).toBeCloseTo(0.1, 6);
    // upper arm straight down 55 px, forearm 50 px down and 10 px forward: bent by atan(10 / 50)
    expect(m.elbowDeg).toBeCloseTo(180 - (Math.atan2(10, 50) * 180) / Math.PI, 6);
    // the ear above and a little ahead of the shoulder: the head tilted back from the hip->shoulder line (> 180)
    expect(m.headLineDeg).toBeGreaterThan(180);
    expect(m.hipLiftTorso).toBeGreaterThan(0);
  });

  it('knows which way the head points from the feet when the torso is too upright to tell', () => {
    const kps = upDogFrame(1).map((k) => (k.name.endsWith('_hip') ? { ...k, x: k.x + 64 } : k));
    const body = new BodyState().update({ timestampMs: 0, imageWidth: 640, imageHeight: 480, score: 0.9, keypoints: kps });
    // the shoulder now sits within 0.2 torso of above the hip: the body state cannot tell
    expect(body.headDirection).toBe(0);
    expect(proneFacing(body)).toBe(1);
  });
});
