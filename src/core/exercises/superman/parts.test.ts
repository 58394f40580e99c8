/** The superman checker's pure parts, on numbers whose answers follow from their formulas. */
import { describe, expect, it } from 'vitest';
import { BodyFrame } from '../../engine/body.ts';
import type { Keypoint } from '../../frame/pose-frame.ts';
import { SUPERMAN_DEFAULTS } from './config.ts';
import { fastestChangePerS, headPointsOf, headUpDeg, liftedByBendingOnly, newHeadPoints, noseAboveBackLineTorso } from './faults.ts';
import { FloorLevels } from './floor.ts';
import { armLiftTorso, heightsAboveHip, legLiftTorso, meanLiftTorso, pairLiftTorso, togetherLiftTorso } from './lift.ts';
import { RepTrace } from './rep-trace.ts';

const W = SUPERMAN_DEFAULTS.limbs;
const NaN_ = Number.NaN;

describe('limb lifts', () => {
  it('take the knee (feet raised by bending the knees lift no leg), or the ankle scaled to a knee when the knee is unseen', () => {
    expect(legLiftTorso(0.2, 0.3, W)).toBe(0.2);
    expect(legLiftTorso(0.02, 0.5, W)).toBe(0.02);
    expect(legLiftTorso(NaN_, 0.4, W)).toBeCloseTo(0.4 * W.ankleToKnee, 12);
    expect(legLiftTorso(NaN_, NaN_, W)).toBeNaN();
  });

  it('take the elbow (hands raised by bending the elbows lift no arm), or the wrist scaled to an elbow when the elbow is unseen', () => {
    expect(armLiftTorso(0.4, 0.5, W)).toBe(0.4);
    expect(armLiftTorso(0.0, 0.4, W)).toBe(0);
    expect(armLiftTorso(NaN_, 0.4, W)).toBeCloseTo(0.4 * W.wristToElbow, 12);
    expect(armLiftTorso(0.3, NaN_, W)).toBe(0.3);
  });

  it('count together as the lowest of the four limbs, arms and legs alike', () => {
    // both legs 0.2 and 0.18 up, arms 0.5 and 0.45: the lowest is the lower leg
    expect(togetherLiftTorso(0.2, 0.18, 0.5, 0.45)).toBe(0.18);
    // small, even lifts: elbows as low as the knees still lift together
    expect(togetherLiftTorso(0.1, 0.09, 0.08, 0.1)).toBe(0.08);
    // an alternating lift: one leg and one arm stay on the floor
    expect(togetherLiftTorso(0.2, 0, 0.5, 0)).toBe(0);
    // an unknown far limb is left out, but a missing arm (or leg) altogether leaves nothing to compare
    expect(togetherLiftTorso(0.2, NaN_, 0.5, NaN_)).toBe(0.2);
    expect(togetherLiftTorso(0.2, 0.2, NaN_, NaN_)).toBeNaN();
  });

  it('read a one-sided lift as a high pair with a low lowest limb', () => {
    const [leg, arm] = [0.3, 0.45];
    expect(pairLiftTorso(leg, 0, 0, arm)).toBe(Math.min(leg, arm));
    expect(togetherLiftTorso(leg, 0, 0, arm)).toBe(0);
  });



  it('average the known limbs for timing', () => {
    expect(meanLiftTorso(0.2, 0.1, 0.5, NaN_, W)).toBeCloseTo((0.2 + 0.1 + 0.5 * W.armToLeg) / 3, 12);
    expect(meanLiftTorso(NaN_, NaN_, NaN_, NaN_, W)).toBeNaN();
  });
});

/** A frame with named keypoints (score 0.9), the rest unseen. */
function frameOf(points: Readonly<Record<string, readonly [number, number]>>, tMs = 0): BodyFrame {
  const names = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
  const keypoints: Keypoint[] = names.map((name) => {
    const p = points[name];
    return p ? { name, x: p[0], y: p[1], score: 0.9 } : { name, x: 0, y: 0, score: 0 };
  });
  return new BodyFrame().read({ timestampMs: tMs, imageWidth: 640, imageHeight: 360, score: 0.9, keypoints });
}

describe('floor levels', () => {
  const config = { ...SUPERMAN_DEFAULTS.floor, smoothHalfLifeMs: 1 };
  const TORSO = 100;

  it('read a joint lifted above where it rested, in torso lengths', () => {
    const floor = new FloorLevels(config);
    for (let t = 0; t <= 1000; t += 50) floor.update(frameOf({ left_knee: [100, 300] }, t), t, true);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeCloseTo(0, 6);
    floor.update(frameOf({ left_knee: [100, 280] }, 1050), 1050, false);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeCloseTo(20 / TORSO, 3);
  });

  it('hold still under a held lift, and follow a joint that sinks below them', () => {
    const floor = new FloorLevels(config);
    floor.update(frameOf({ left_knee: [100, 300] }, 0), 0, true);
    for (let t = 50; t <= 10_000; t += 50) floor.update(frameOf({ left_knee: [100, 280] }, t), t, false);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeCloseTo(0.2, 3);
    // a joint settling 10 px lower: the floor follows within a few down half-lives
    for (let t = 10_050; t <= 11_000; t += 50) floor.update(frameOf({ left_knee: [100, 310] }, t), t, false);
    expect(Math.abs(floor.liftTorso('left', 'knee', TORSO))).toBeLessThan(0.01);
  });

  it('rise toward a joint that stays up only while allowed, by half every up half-life', () => {
    const floor = new FloorLevels(config);
    floor.update(frameOf({ left_knee: [100, 300] }, 0), 0, true);
    for (let t = 50; t <= 1000; t += 50) floor.update(frameOf({ left_knee: [100, 280] }, t), t, false);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeCloseTo(20 / TORSO, 6);
    for (let t = 1050; t <= 1000 + config.upHalfLifeMs; t += 50) floor.update(frameOf({ left_knee: [100, 280] }, t), t, true);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeCloseTo((20 * 0.5) / TORSO, 6);
  });

  it('know nothing of a joint unseen this frame', () => {
    const floor = new FloorLevels(config);
    floor.update(frameOf({ left_knee: [100, 300] }, 0), 0, true);
    floor.update(frameOf({ left_hip: [200, 290] }, 50), 50, true);
    expect(floor.liftTorso('left', 'knee', TORSO)).toBeNaN();
    expect(floor.liftTorso('left', 'knee', 0)).toBeNaN();
  });
});

describe('single-frame measures', () => {
  // prone, head toward +x: hip at (300, 200), shoulder 100 px ahead at the same height
  const flat = { left_hip: [300, 200], right_hip: [300, 200], left_shoulder: [400, 200], right_shoulder: [400, 200] } as const;

  it('read the head line as the neck pointing higher than the back', () => {
    const head = newHeadPoints();
    const up30 = frameOf({ ...flat, left_ear: [400 + 30 * Math.cos(Math.PI / 6), 200 - 30 * Math.sin(Math.PI / 6)], right_ear: [400 + 30 * Math.cos(Math.PI / 6), 200 - 30 * Math.sin(Math.PI / 6)] });
    expect(headUpDeg(headPointsOf(up30.left, up30.right, head))).toBeCloseTo(30, 6);
    const level = frameOf({ ...flat, left_ear: [430, 200], right_ear: [430, 200] });
    expect(headUpDeg(headPointsOf(level.left, level.right, head))).toBeCloseTo(0, 6);
  });

  it('measure the head on the midline: an oblique view shifts the near shoulder and hip, not the nose', () => {
    // near side 20 px lower, far side 20 px higher than the midline
    const oblique = frameOf({ left_hip: [300, 220], right_hip: [300, 180], left_shoulder: [400, 220], right_shoulder: [400, 180], nose: [450, 210], left_ear: [430, 220], right_ear: [430, 180] });
    const head = headPointsOf(oblique.left, oblique.right, newHeadPoints());
    expect(noseAboveBackLineTorso(oblique.nose, head, 100)).toBeCloseTo(-10 / 100, 6);
    expect(headUpDeg(head)).toBeCloseTo(0, 6);
  });

  it('tell a knee bend that lifts only the foot from a lifted knee', () => {
    const { kneeElbowMinLiftTorso: joint, extremityLiftTorso: extremity } = SUPERMAN_DEFAULTS;
    expect(liftedByBendingOnly(0.01, 0.5, joint, extremity)).toBe(true);
    expect(liftedByBendingOnly(0.2, 0.4, joint, extremity)).toBe(false);
    expect(liftedByBendingOnly(0.01, 0.05, joint, extremity)).toBe(false);
    expect(liftedByBendingOnly(NaN_, 0.5, joint, extremity)).toBe(false);
  });

  it('give heights above the hip for one photo', () => {
    const f = frameOf({ left_hip: [300, 200], left_knee: [220, 190], left_elbow: [460, 230] });
    const h = heightsAboveHip(f.left, 100);
    expect(h.kneeTorso).toBeCloseTo(0.1, 12);
    expect(h.elbowTorso).toBeCloseTo(-0.3, 12);
    expect(h.ankleTorso).toBeNaN();
  });
});

describe('speed of a lift', () => {
  it('is the steepest secant over the window, per second', () => {
    // a ramp 0 -> 1 over 500 ms at 15 fps, then flat
    const times: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 30; i++) {
      times.push((i * 1000) / 15);
      values.push(Math.min(1, Math.max(0, (times[i]! - 200) / 500)));
    }
    expect(fastestChangePerS(times, values, 0, times.length, 200, 1)).toBeCloseTo(1 / 0.5, 6);
    expect(fastestChangePerS(times, values, 0, times.length, 200, -1)).toBe(0);
    // reversed: a fall at the same speed
    expect(fastestChangePerS(times, [...values].reverse(), 0, times.length, 200, -1)).toBeCloseTo(2, 6);
  });

  it('ignores a one-frame spike shorter than the window', () => {
    const times = [0, 67, 133, 200, 267, 333];
    const values = [0, 0, 1, 0, 0, 0];
    // the secant over >= 200 ms never spans the spike alone: (0 - 0) or (1 - 0) / 0.2 at most once
    expect(fastestChangePerS(times, values, 0, times.length, 200, 1)).toBeLessThanOrEqual(1 / 0.2);
    expect(fastestChangePerS(times, [0, 0], 0, 2, 200, 1)).toBeNaN();
  });
});

describe('rep trace', () => {
  it('keeps a short lead-in from before the rep and averages the top', () => {
    const trace = new RepTrace();
    for (let i = 0; i < 100; i++) {
      trace.set('together', 0);
      trace.set('kneeLift', 0);
      trace.commit(i * 10);
    }
    trace.beginRep();
    const lead = trace.startIndex;
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(100);
    for (const [together, knee] of [[0.1, 0.1], [0.2, 0.3], [0.2, 0.1], [0.05, 0.0]] as const) {
      trace.set('together', together);
      trace.set('kneeLift', knee);
      trace.commit(1000);
    }
    expect(trace.peakIndex('together')).toBe(lead + 1);
    // the top (together >= 0.2 - 0.05): knee 0.3 and 0.1
    expect(trace.meanWhereTogetherAtLeast('kneeLift', 0.15)).toBeCloseTo(0.2, 12);
  });
});
