/** The hip thrust checker's small parts, each on hand-made numbers. */
import { describe, expect, it } from 'vitest';
import type { Chain, JointSample } from '../../engine/body.ts';
import { hipAboveLineTorso, hipAngleDeg, kneeAngleDeg, meanHipAngleDeg, shoulderAboveKneeTorso } from './measures.ts';
import { RestLevel } from '../../signal/rest-level.ts';
import { TopWindow } from './top-window.ts';
import { HipLift } from './hip-lift.ts';
import { VariantDetector } from './variant.ts';

const joint = (x: number, y: number, known = true): JointSample => ({ x, y, score: known ? 0.9 : 0.1, known });
const DEG = Math.PI / 180;

/**
 * A supine bridge seen from the side, head toward -x (so the front of the
 * body "faces" +1 in signedJointAngleDeg's terms): shoulder on the floor at
 * the origin, torso 100 px rising toward +x at `torsoUpDeg`, thigh 80 px at
 * `hipDeg` from the torso line, shin straight down from the knee.
 */
function bridge(torsoUpDeg: number, hipDeg: number): Chain {
  const shoulder = { x: 0, y: 300 };
  const hip = { x: shoulder.x + 100 * Math.cos(torsoUpDeg * DEG), y: shoulder.y - 100 * Math.sin(torsoUpDeg * DEG) };
  // the thigh continues the torso's direction, turned up toward the knees (flexion) by 180 - hipDeg
  const thighDeg = torsoUpDeg + (180 - hipDeg);
  const knee = { x: hip.x + 80 * Math.cos(thighDeg * DEG), y: hip.y - 80 * Math.sin(thighDeg * DEG) };
  return {
    ear: joint(-30, 290),
    shoulder: joint(shoulder.x, shoulder.y),
    elbow: joint(40, 310),
    wrist: joint(80, 310),
    hip: joint(hip.x, hip.y),
    knee: joint(knee.x, knee.y),
    ankle: joint(knee.x, 310),
  };
}

describe('hip thrust measures', () => {
  it('the signed hip angle is 180 on the knee-shoulder line, below it with the hips low, above it over-arched', () => {
    expect(hipAngleDeg(bridge(20, 180), 1)).toBeCloseTo(180, 6);
    expect(hipAngleDeg(bridge(20, 150), 1)).toBeCloseTo(150, 6);
    // over-arched by 15 deg: the unsigned angle would fold this back to 165
    expect(hipAngleDeg(bridge(20, 195), 1)).toBeCloseTo(195, 6);
  });

  it('the hip above the line is positive and below it negative, in torso lengths (100 px here)', () => {
    // on the line: 0; hips 30 deg low: the hip lies 100 * 80 * sin(30) / |shoulder-knee| below it
    expect(hipAboveLineTorso(bridge(20, 180), 100)).toBeCloseTo(0, 6);
    const shoulderKnee = Math.sqrt(100 ** 2 + 80 ** 2 - 2 * 100 * 80 * Math.cos(150 * DEG));
    expect(hipAboveLineTorso(bridge(20, 150), 100)).toBeCloseTo(-(100 * 80 * Math.sin(30 * DEG)) / shoulderKnee / 100, 6);
    expect(hipAboveLineTorso(bridge(20, 195), 100)).toBeGreaterThan(0);
  });

  it('the knee angle needs the ankle: unknown when it is out of frame', () => {
    const chain = bridge(20, 180);
    expect(kneeAngleDeg(chain)).toBeGreaterThan(0);
    expect(kneeAngleDeg({ ...chain, ankle: joint(0, 0, false) })).toBeNaN();
  });

  it('the shoulder lies far below the knee on the floor', () => {
    // torso flat on the floor, thigh 60 deg up: the knee 80 * sin(60) px = 0.69 torso above the shoulder
    expect(shoulderAboveKneeTorso(bridge(0, 120), 100)).toBeCloseTo(-0.8 * Math.sin(60 * DEG), 6);
  });

  it('the mean of both sides falls back to the one side seen', () => {
    const near = bridge(20, 170);
    const far = bridge(20, 150);
    expect(meanHipAngleDeg(near, far, 1)).toBeCloseTo(160, 6);
    expect(meanHipAngleDeg(near, { ...far, knee: joint(0, 0, false) }, 1)).toBeCloseTo(170, 6);
  });
});

describe('the resting level', () => {
  it('follows down faster than up, with the given half-lives', () => {
    const rest = new RestLevel();
    rest.follow(100, 0, 1000, 250);
    // one half-life up: half way
    expect(rest.follow(110, 1000, 1000, 250)).toBeCloseTo(105, 6);
    // one down half-life: half way down
    expect(rest.follow(95, 1250, 1000, 250)).toBeCloseTo(100, 6);
  });

  it('ignores unknown samples and restarts where told', () => {
    const rest = new RestLevel();
    expect(rest.follow(Number.NaN, 0, 1000, 250)).toBeNaN();
    rest.restart(120, 0);
    expect(rest.level).toBe(120);
  });
});

describe('the top of a rep', () => {
  /** a rep sampled at 15 fps: up in 1 s, `holdS` at 180, down in 1 s, from and to 120 deg */
  function rep(holdS: number, gapAt?: number): TopWindow {
    const top = new TopWindow();
    const total = 2 + holdS;
    for (let t = 0; t <= total + 1e-9; t += 1 / 15) {
      if (gapAt !== undefined && t > gapAt && t < gapAt + 0.5) continue;
      const value = t < 1 ? 120 + 60 * Math.sin((t * Math.PI) / 2) : t < 1 + holdS ? 180 : 120 + 60 * Math.cos(((t - 1 - holdS) * Math.PI) / 2);
      top.record(t * 1000, value, value - 180, 90);
    }
    return top;
  }

  it('lasts as long as the hold, plus the turn within the band', () => {
    // within 5 deg of 180 on a 1 s, 60 deg sine ramp: the last 1 - (2/pi) asin(1 - 5/60) s of it, on each side
    const turnS = 1 - (2 / Math.PI) * Math.asin(1 - 5 / 60);
    const held = rep(1).analyse(5, 0, 250);
    // sampled at 15 fps: within a frame at each end
    expect(Math.abs(held.seconds - (1 + 2 * turnS))).toBeLessThanOrEqual(2 / 15);
    expect(held.meanB).toBe(90);
  });

  it('is unknown when frames are missing around it', () => {
    expect(rep(1, 1.2).analyse(5, 0, 250).seconds).toBeNaN();
  });

  it('is unknown when the record began at the top (counting started mid-rep)', () => {
    const top = new TopWindow();
    for (let i = 0; i < 20; i++) top.record(i * 66, i < 10 ? 180 : 180 - (i - 10) * 6, 0, 90);
    expect(top.analyse(5, 0, 250).seconds).toBeNaN();
  });

  it('keeps only the pre-roll between reps', () => {
    const top = new TopWindow();
    for (let i = 0; i < 30; i++) top.record(i * 100, 120, 0, 0);
    top.keepSince(2500);
    top.record(3000, 180, 0, 0);
    top.record(3100, 180, 0, 0);
    top.record(3200, 120, 0, 0);
    // the samples before 2500 ms are gone: the top lasts 100 ms
    expect(top.analyse(5, 0, 250).seconds).toBeCloseTo(0.1, 6);
  });
});

describe('floor or bench', () => {
  it('detects the bench when the shoulders rest about at knee height, the floor when far below it', () => {
    const bench = new VariantDetector(undefined, -0.2);
    bench.observe(0.3, 0);
    expect(bench.variant).toBe('bench');
    const floor = new VariantDetector(undefined, -0.2);
    floor.observe(-0.8, 0);
    expect(floor.variant).toBe('floor');
  });

  it('keeps the variant the user picked, and locks a detected one once counting starts', () => {
    const picked = new VariantDetector('bench', -0.2);
    picked.observe(-0.8, 0);
    expect(picked.variant).toBe('bench');
    const detected = new VariantDetector(undefined, -0.2);
    expect(detected.variant).toBeNull();
    detected.observe(-0.8, 0);
    detected.lock();
    detected.observe(0.5, 100);
    expect(detected.variant).toBe('floor');
  });
});

describe("the hips' lift above their resting height", () => {
  /** both sides' chains with the hips at height `hipY` px and the shoulders at `shoulderY` (image y, down = +) */
  const sides = (hipY: number, shoulderY: number, farKnown = true): [Chain, Chain] => {
    const chain = (dy: number, known: boolean): Chain => ({
      ear: joint(0, shoulderY + dy, known),
      shoulder: joint(0, shoulderY + dy, known),
      elbow: joint(20, shoulderY + dy, known),
      wrist: joint(40, shoulderY + dy, known),
      hip: joint(100, hipY + dy, known),
      knee: joint(160, hipY - 80 + dy, known),
      ankle: joint(180, hipY + dy, known),
    });
    // the far side sits 10 px higher on screen
    return [chain(0, true), chain(-10, farKnown)];
  };
  const rested = (): HipLift => {
    const lift = new HipLift();
    for (let t = 0; t <= 1000; t += 100) {
      lift.measure(...sides(300, 300), 100);
      lift.followRest(t, 300, 300);
    }
    return lift;
  };

  it("is measured in resting torso lengths, and so is the shoulder's", () => {
    const lift = rested();
    lift.measure(...sides(260, 295), 80);
    // 40 px over the 100 px torso measured at rest, not the 80 px the torso foreshortens to at the top
    expect(lift.hipLiftTorso).toBeCloseTo(0.4, 6);
    expect(lift.shoulderLiftTorso).toBeCloseTo(0.05, 6);
  });

  it('does not jump when the far side is lost for a frame: the near side stands in at the last offset', () => {
    const lift = rested();
    lift.measure(...sides(260, 300, false), 100);
    expect(lift.hipLiftTorso).toBeCloseTo(0.4, 6);
    expect(lift.shoulderLiftTorso).toBeCloseTo(0, 6);
  });

  it('tells a shoulder left on the floor from one that rises with the hips', () => {
    const lift = rested();
    // a bridge: the hips 0.4 up, the upper back on the floor (the shoulder 0.05)
    lift.measure(...sides(260, 295), 100);
    expect(lift.shoulderFollowsHips(0.08, 0.6)).toBe(false);
    // the chest read as the shoulder: up as far as the hips
    lift.measure(...sides(260, 260), 100);
    expect(lift.shoulderFollowsHips(0.08, 0.6)).toBe(true);
    // sitting up: the shoulder rises, the hips stay down, which is no sign of a bad keypoint
    lift.measure(...sides(300, 200), 100);
    expect(lift.shoulderFollowsHips(0.08, 0.6)).toBe(false);
  });
});
