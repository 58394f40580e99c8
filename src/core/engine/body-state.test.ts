import { describe, expect, it } from 'vitest';
import { BodyFrame, type Chain } from './body.ts';
import { BodyState, EDGE_RULES, postureOf } from './body-state.ts';
import { Ema } from '../signal/ema.ts';
import { DEFAULT_VIEW, uprightSpreadTorso } from './view.ts';
import { distance } from '../geometry/vec.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { figure, figures, IMAGE_H, IMAGE_W, kp, noPerson, times } from './test-frames.ts';

/** Half-lives BodyState uses (private in body-state.ts): torso length 500 ms, nose-ahead-of-ear 1500 ms. */
const TORSO_HALF_LIFE_MS = 500;
const FACING_HALF_LIFE_MS = 1500;
const keep = (dtMs: number, halfLifeMs: number): number => Math.pow(0.5, dtMs / halfLifeMs);

const stateAfter = (frames: readonly PoseFrame[], state = new BodyState()): BodyState => {
  for (const f of frames) state.update(f);
  return state;
};
const meanTorso = (f: PoseFrame): number =>
  (distance(kp(f, 'left_shoulder'), kp(f, 'left_hip')) + distance(kp(f, 'right_shoulder'), kp(f, 'right_hip'))) / 2;

describe('Ema', () => {
  it('takes the first sample as it is', () => {
    expect(new Ema(500).update(42, 1000)).toBe(42);
  });

  it('keeps 0.5^(dt / halfLife) of the old value', () => {
    const halfLife = 400;
    const ema = new Ema(halfLife);
    ema.update(10, 0);
    expect(ema.update(30, halfLife)).toBeCloseTo(20, 12);
    const dt = 150;
    const k = keep(dt, halfLife);
    expect(ema.update(-5, halfLife + dt)).toBeCloseTo(k * 20 + (1 - k) * -5, 12);
    expect(ema.current).toBeCloseTo(k * 20 + (1 - k) * -5, 12);
  });

  it('keeps the old value entirely for a sample at the same time or earlier', () => {
    const ema = new Ema(100);
    ema.update(1, 500);
    expect(ema.update(9, 500)).toBe(1);
    expect(ema.update(9, 400)).toBe(1);
  });

  it('skips NaN and infinite samples', () => {
    const ema = new Ema(100);
    expect(ema.update(Number.NaN, 0)).toBeNaN();
    ema.update(5, 10);
    expect(ema.update(Number.NaN, 20)).toBe(5);
    expect(ema.update(Number.POSITIVE_INFINITY, 30)).toBe(5);
  });

  it('reset forgets the value', () => {
    const ema = new Ema(100);
    ema.update(5, 0);
    ema.reset();
    expect(ema.current).toBeNaN();
    expect(ema.update(7, 1)).toBe(7);
  });
});

describe('BodyState', () => {
  describe('torso length', () => {
    it('is the mean of the left and right shoulder-hip distances', () => {
      // the right shoulder sits higher than the left: the two torsos differ
      const f = figure({ set: { right_shoulder: { y: 160 } } });
      const state = new BodyState().update(f);
      expect(distance(kp(f, 'left_shoulder'), kp(f, 'left_hip'))).not.toBeCloseTo(distance(kp(f, 'right_shoulder'), kp(f, 'right_hip')), 1);
      expect(state.torsoLengthPx).toBeCloseTo(meanTorso(f), 9);
    });

    it('uses the one side it knows when the other is unknown', () => {
      const f = figure({ set: { right_shoulder: { y: 160, score: 0.1 } } });
      expect(new BodyState().update(f).torsoLengthPx).toBeCloseTo(distance(kp(f, 'left_shoulder'), kp(f, 'left_hip')), 9);
    });

    it('is smoothed with a 500 ms half-life', () => {
      const a = figure({ t: 0, torso: 80 });
      const b = figure({ t: 250, torso: 120 });
      const c = figure({ t: 750, torso: 120 });
      const state = new BodyState();
      expect(state.update(a).torsoLengthPx).toBeCloseTo(meanTorso(a), 9);
      const afterB = keep(250, TORSO_HALF_LIFE_MS) * meanTorso(a) + (1 - keep(250, TORSO_HALF_LIFE_MS)) * meanTorso(b);
      expect(state.update(b).torsoLengthPx).toBeCloseTo(afterB, 9);
      const afterC = keep(500, TORSO_HALF_LIFE_MS) * afterB + (1 - keep(500, TORSO_HALF_LIFE_MS)) * meanTorso(c);
      expect(state.update(c).torsoLengthPx).toBeCloseTo(afterC, 9);
    });

    it('stays NaN until a torso is known', () => {
      const f = figure({ set: { left_hip: { score: 0 }, right_hip: { score: 0 } } });
      expect(new BodyState().update(f).torsoLengthPx).toBeNaN();
    });
  });

  describe('view', () => {
    it('reads the yaw off the side from the shoulder spread of an upright figure, and classes it side, oblique or front', () => {
      const { obliqueAboveDeg, frontAboveDeg } = DEFAULT_VIEW;
      const cases: [number, string][] = [
        [0, 'side'],
        [obliqueAboveDeg / 2, 'side'],
        [(obliqueAboveDeg + frontAboveDeg) / 2, 'oblique'],
        [(frontAboveDeg + 90) / 2, 'front'],
      ];
      for (const [yaw, view] of cases) {
        const state = new BodyState().update(figure({ spread: uprightSpreadTorso(yaw) }));
        expect(state.yawDeg, `yaw ${yaw}`).toBeCloseTo(yaw, 9);
        expect(state.view, `yaw ${yaw}`).toBe(view);
        // the spread itself is still reported, in torso lengths
        expect(state.spreadTorso, `yaw ${yaw}`).toBeCloseTo(uprightSpreadTorso(yaw), 9);
      }
    });

    it('keeps the yaw while the torso foreshortens in a hinge toward the camera (spread / torso grows as it shortens)', () => {
      const yaw = 45;
      const spread = uprightSpreadTorso(yaw);
      // a hinge seen from 45 deg: the torso shortens to sqrt(1 - sin^2(i) sin^2(yaw)) and tilts by atan(tan(i) cos(yaw))
      const i = 70 * (Math.PI / 180);
      const y = yaw * (Math.PI / 180);
      const torsoX = Math.sin(i) * Math.cos(y);
      const torsoY = Math.cos(i);
      const hinged = figure({
        t: 0,
        spread,
        set: { left_shoulder: { x: 320 + 80 * torsoX - 40 * spread, y: 280 - 80 * torsoY }, right_shoulder: { x: 320 + 80 * torsoX + 40 * spread, y: 280 - 80 * torsoY } },
      });
      const state = new BodyState().update(hinged);
      const shortened = Math.sqrt(1 - Math.sin(i) ** 2 * Math.sin(y) ** 2);
      expect(state.spreadTorso).toBeCloseTo(spread / shortened, 9);
      // read as if the torso stood square to the camera, that spread would be asin(0.66 / k) = 71 deg
      expect(Math.asin(state.spreadTorso / DEFAULT_VIEW.shoulderWidthTorso) * (180 / Math.PI)).toBeGreaterThan(70);
      expect(state.yawDeg).toBeCloseTo(yaw, 6);
      expect(state.view).toBe('oblique');
    });

    it('smooths the yaw over the view half-life, and turns frontal once the average passes frontAboveDeg', () => {
      const state = stateAfter([figure({ t: 0, spread: 0 })]);
      expect(state.view).toBe('side');
      const step = 100;
      let firstFrontMs = Number.NaN;
      for (const t of times(step, 3000, step)) {
        state.update(figure({ t, spread: uprightSpreadTorso(90) }));
        if (state.view === 'front' && Number.isNaN(firstFrontMs)) firstFrontMs = t;
      }
      // averaged yaw after dt at 90: 90 (1 - 0.5^(dt / halfLife)); frontal once that passes frontAboveDeg
      const crossesMs = DEFAULT_VIEW.halfLifeMs * Math.log2(1 / (1 - DEFAULT_VIEW.frontAboveDeg / 90));
      expect(firstFrontMs).toBe(Math.floor(crossesMs / step) * step + step);
    });

    it('holds the yaw while a shoulder is unknown', () => {
      const state = stateAfter([figure({ t: 0, spread: uprightSpreadTorso(40) }), figure({ t: 100, spread: uprightSpreadTorso(80), set: { right_shoulder: { score: 0.1 } } })]);
      expect(state.yawDeg).toBeCloseTo(40, 9);
    });
  });

  describe('posture', () => {
    it('is standing for an upright figure and lying for a horizontal one', () => {
      expect(new BodyState().update(figure({ posture: 'standing' })).posture).toBe('standing');
      expect(new BodyState().update(figure({ posture: 'prone' })).posture).toBe('lying');
      expect(new BodyState().update(figure({ posture: 'supine', toward: -1 })).posture).toBe('lying');
    });
  });

  describe('headDirection', () => {
    it('points from the hips to the shoulders along x for a lying person', () => {
      expect(new BodyState().update(figure({ posture: 'prone', toward: 1 })).headDirection).toBe(1);
      expect(new BodyState().update(figure({ posture: 'prone', toward: -1 })).headDirection).toBe(-1);
      expect(new BodyState().update(figure({ posture: 'supine', toward: -1 })).headDirection).toBe(-1);
    });

    it('stays unknown for an upright person and keeps the last direction when the person stands up', () => {
      expect(new BodyState().update(figure({ posture: 'standing' })).headDirection).toBe(0);
      const state = stateAfter([figure({ t: 0, posture: 'prone', toward: -1 }), figure({ t: 100, posture: 'standing' })]);
      expect(state.headDirection).toBe(-1);
    });
  });

  describe('standingFacing', () => {
    it('is the way the nose points from the ear', () => {
      expect(new BodyState().update(figure({ toward: 1 })).standingFacing).toBe(1);
      expect(new BodyState().update(figure({ toward: -1 })).standingFacing).toBe(-1);
    });

    it('stays unknown while the nose or the near ear is unknown', () => {
      expect(new BodyState().update(figure({ noseScore: 0.1 })).standingFacing).toBe(0);
      expect(new BodyState().update(figure({ set: { left_ear: { score: 0.1 } } })).standingFacing).toBe(0);
    });

    it('turns only once the averaged nose-ahead sign passes -0.3 (1.5 s half-life)', () => {
      const state = stateAfter([figure({ t: 0, toward: 1 })]);
      const step = 100;
      let turnedMs = Number.NaN;
      for (const t of times(step, 5000, step)) {
        state.update(figure({ t, toward: -1 }));
        if (state.standingFacing === -1 && Number.isNaN(turnedMs)) turnedMs = t;
      }
      // averaged sign after dt facing -x: keep * 1 + (1 - keep) * -1 = 2 keep - 1 < -0.3 when keep < 0.35
      const turnsAfterMs = FACING_HALF_LIFE_MS * Math.log2(1 / 0.35);
      expect(turnedMs).toBe(Math.floor(turnsAfterMs / step) * step + step);
    });
  });

  describe('frontFacing', () => {
    it('standing: the way the person faces', () => {
      expect(new BodyState().update(figure({ toward: -1 })).frontFacing('standing')).toBe(-1);
    });

    it('prone: the way the head points; supine: against it', () => {
      for (const toward of [1, -1] as const) {
        expect(new BodyState().update(figure({ posture: 'prone', toward })).frontFacing('prone')).toBe(toward);
        expect(new BodyState().update(figure({ posture: 'supine', toward })).frontFacing('supine')).toBe(-toward);
      }
    });

    it('is unknown lying while the head direction is unknown', () => {
      const state = new BodyState().update(figure({ posture: 'standing' }));
      expect(state.frontFacing('prone')).toBe(0);
      expect(state.frontFacing('supine')).toBe(0);
    });
  });

  describe('wholeBodyInFrame', () => {
    it('is true for a figure inside the image', () => {
      expect(new BodyState().update(figure()).wholeBodyInFrame).toBe(true);
      expect(new BodyState().update(figure({ posture: 'prone' })).wholeBodyInFrame).toBe(true);
    });

    it('is true with the near ankle on the very edge of the image, or a little past it, with a usable score', () => {
      for (const ankle of [{ y: IMAGE_H * 0.995 }, { y: IMAGE_H - 1 }, { y: IMAGE_H + 2 }, { x: -3 }]) {
        expect(new BodyState().update(figure({ set: { left_ankle: ankle } })).wholeBodyInFrame, JSON.stringify(ankle)).toBe(true);
      }
    });

    it('is false when the near ankle lies far outside the image (an extrapolated limb out of the picture)', () => {
      const past = IMAGE_H * (1 + EDGE_RULES.outsideFraction);
      expect(new BodyState().update(figure({ set: { left_ankle: { y: past + 1 } } })).wholeBodyInFrame).toBe(false);
      expect(new BodyState().update(figure({ set: { left_ankle: { y: past - 1 } } })).wholeBodyInFrame).toBe(true);
      expect(new BodyState().update(figure({ set: { left_ankle: { x: -IMAGE_W * EDGE_RULES.outsideFraction - 1 } } })).wholeBodyInFrame).toBe(false);
    });

    it('is false when the near ankle is unknown', () => {
      expect(new BodyState().update(figure({ set: { left_ankle: { score: 0.1 } } })).wholeBodyInFrame).toBe(false);
    });

    it('looks at the near side only', () => {
      expect(new BodyState().update(figure({ set: { right_ankle: { y: IMAGE_H + 10 } } })).wholeBodyInFrame).toBe(true);
    });

    it('needs the ear or the nose', () => {
      expect(new BodyState().update(figure({ noseScore: 0.1 })).wholeBodyInFrame).toBe(true);
      expect(new BodyState().update(figure({ noseScore: 0.1, set: { left_ear: { score: 0.1 } } })).wholeBodyInFrame).toBe(false);
    });
  });

  describe('jointGone', () => {
    const onEdge = (t: number, score = 0.9, jitter = 0): PoseFrame => figure({ t, set: { left_knee: { y: jitter, score } } });

    it('is false for a joint the model places on the image border with a usable score, frame after frame as it moves', () => {
      const state = stateAfter(times(0, 3000, 100).map((t, i) => onEdge(t, 0.9, i % 2)));
      expect(state.jointGone('knee')).toBe(false);
    });

    it('is true for an unknown joint', () => {
      expect(new BodyState().update(onEdge(0, 0.1)).jointGone('knee')).toBe(true);
    });

    it(`is true once a joint has been pinned to the border at the same coordinate for ${EDGE_RULES.clampedAfterMs} ms (clamped)`, () => {
      const state = new BodyState();
      const gone: [number, boolean][] = times(0, 2000, 100).map((t) => [t, state.update(onEdge(t)).jointGone('knee')]);
      // pinned from the second frame at the same coordinate (100 ms) on
      expect(gone.filter(([, g]) => g).map(([t]) => t)[0]).toBe(100 + EDGE_RULES.clampedAfterMs);
      // it moves off the border: there again at once
      expect(state.update(figure({ t: 2100 })).jointGone('knee')).toBe(false);
    });

    it('reads the chosen side only', () => {
      const state = new BodyState().update(figure({ set: { right_knee: { score: 0.1 } } }));
      expect(state.side).toBe('left');
      expect(state.jointGone('knee')).toBe(false);
    });
  });

  it('measures the side the model sees best', () => {
    const state = new BodyState().update(figure({ leftScore: 0.5, rightScore: 0.9 }));
    expect(state.side).toBe('right');
    expect(state.near).toBe(state.frame.right);
    expect(state.far).toBe(state.frame.left);
  });

  it('a frame without a person is not present and not in frame', () => {
    const state = stateAfter([figure({ t: 0 }), noPerson(100)]);
    expect(state.present).toBe(false);
    expect(state.wholeBodyInFrame).toBe(false);
    expect(state.timestampMs).toBe(100);
  });

  it('reset returns to the unknown state', () => {
    const state = stateAfter(figures(times(0, 500, 100), { posture: 'prone', spread: 0.5 }));
    expect(state.view).toBe('oblique');
    state.reset();
    expect(state).toMatchObject({ present: false, view: 'unknown', posture: 'unknown', headDirection: 0, standingFacing: 0, wholeBodyInFrame: false });
    expect(state.torsoLengthPx).toBeNaN();
    expect(state.spreadTorso).toBeNaN();
    // the next frame starts the averages afresh
    const f = figure({ t: 600, torso: 100 });
    expect(state.update(f).torsoLengthPx).toBeCloseTo(meanTorso(f), 9);
  });
});

describe('postureOf', () => {
  /** The near (left) chain of a standing figure, then the shoulder moved to `deg` from vertical above the ankle. */
  function chainLeaning(deg: number, options: { ankleKnown?: boolean; kneeKnown?: boolean; shoulderKnown?: boolean } = {}): Chain {
    const body = new BodyFrame().read(figure());
    const chain = body.left;
    const len = 200;
    chain.shoulder.x = chain.ankle.x + len * Math.sin((deg * Math.PI) / 180);
    chain.shoulder.y = chain.ankle.y - len * Math.cos((deg * Math.PI) / 180);
    chain.ankle.known = options.ankleKnown ?? true;
    chain.knee.known = options.kneeKnown ?? true;
    chain.shoulder.known = options.shoulderKnown ?? true;
    return chain;
  }

  it('is standing within 40 deg of vertical, either way', () => {
    expect(postureOf(chainLeaning(0))).toBe('standing');
    expect(postureOf(chainLeaning(39))).toBe('standing');
    expect(postureOf(chainLeaning(-39))).toBe('standing');
  });

  it('is lying within 35 deg of horizontal, either way', () => {
    expect(postureOf(chainLeaning(90))).toBe('lying');
    expect(postureOf(chainLeaning(-90))).toBe('lying');
    expect(postureOf(chainLeaning(90 - 34))).toBe('lying');
    expect(postureOf(chainLeaning(90 + 34))).toBe('lying');
  });

  it('is unknown in between', () => {
    expect(postureOf(chainLeaning(41))).toBe('unknown');
    expect(postureOf(chainLeaning(90 - 36))).toBe('unknown');
  });

  it('falls back to the knee when the ankle is unknown, and is unknown without either or without the shoulder', () => {
    const viaKnee = chainLeaning(0, { ankleKnown: false });
    // the unknown ankle drifts far sideways (it would read as lying): the knee, below the shoulder, decides
    viaKnee.ankle.x += 1000;
    viaKnee.ankle.y = viaKnee.shoulder.y;
    expect(postureOf(viaKnee)).toBe('standing');
    viaKnee.ankle.known = true;
    expect(postureOf(viaKnee)).toBe('lying');
    expect(postureOf(chainLeaning(0, { ankleKnown: false, kneeKnown: false }))).toBe('unknown');
    expect(postureOf(chainLeaning(0, { shoulderKnown: false }))).toBe('unknown');
  });
});
