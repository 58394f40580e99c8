import { describe, expect, it } from 'vitest';
import { BodyState } from './body-state.ts';
import { keyAngleOf, zoneOnScale, type KeyAngle, type KeyAngleZone } from './key-angle.ts';
import { overArchHipAngleDeg } from '../exercises/hip-thrust/key-angle.ts';
import { describeExercise } from '../exercises/registry.ts';
import { figure, noPerson, type FigureOptions } from './test-frames.ts';
import type { KeypointName } from '../frame/skeleton.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { GOOD_MORNING_DEFAULTS } from '../exercises/good-morning/config.ts';
import { GoodMorningChecker } from '../exercises/good-morning/checker.ts';
import { HIP_THRUST_DEFAULTS } from '../exercises/hip-thrust/config.ts';
import { HipThrustChecker } from '../exercises/hip-thrust/checker.ts';
import { SUPERMAN_DEFAULTS } from '../exercises/superman/config.ts';
import { SupermanChecker } from '../exercises/superman/checker.ts';
import { UPWARD_DOG_DEFAULTS } from '../exercises/upward-dog/config.ts';
import { UpwardDogChecker } from '../exercises/upward-dog/checker.ts';

interface P {
  readonly x: number;
  readonly y: number;
}

const RAD = Math.PI / 180;
const TORSO = 80;
/** the point `length` px from `from` in image direction `deg` (0 = +x, 90 = down) */
const along = (from: P, deg: number, length = TORSO): P => ({ x: from.x + length * Math.cos(deg * RAD), y: from.y + length * Math.sin(deg * RAD) });
/** image direction of from -> to, deg, in (-180, 180] */
const dirOf = (from: P, to: P): number => Math.atan2(to.y - from.y, to.x - from.x) / RAD;
/** a in (-180, 180] */
const wrap = (a: number): number => {
  const r = (((a % 360) + 540) % 360) - 180;
  return r === -180 ? 180 : r;
};

/**
 * A BodyState after one frame of the stick figure with the given joints moved
 * to the same place on both sides (a true side view: no left-right spread).
 */
function bodyWith(options: FigureOptions, joints: Partial<Record<'shoulder' | 'hip' | 'knee', P>>): BodyState {
  const set: Partial<Record<KeypointName, { x?: number; y?: number; score?: number }>> = { ...options.set };
  for (const [joint, p] of Object.entries(joints)) {
    set[`left_${joint}` as KeypointName] = p;
    set[`right_${joint}` as KeypointName] = p;
  }
  return new BodyState().update(figure({ ...options, set }));
}

const must = (a: KeyAngle | null): KeyAngle => {
  expect(a).not.toBeNull();
  return a!;
};

describe('key-angle scales come from the checkers config defaults, as each exercise describes them', () => {
  it('good morning: partial depth, full depth, rounded-back depth', () => {
    const s = describeExercise('good-morning').keyAngleScale;
    expect(s.label).toBe('torsoInclination');
    expect(s.edges.slice(0, 3)).toEqual([GOOD_MORNING_DEFAULTS.counter.partialFrom, GOOD_MORNING_DEFAULTS.counter.fullAt, GOOD_MORNING_DEFAULTS.roundedBackInclinationDeg]);
    expect(s.zones).toEqual(['near', 'good', 'off']);
  });

  it('hip thrust: partial, full extension, the over-arch height as a hip angle', () => {
    const s = describeExercise('hip-thrust').keyAngleScale;
    expect(s.label).toBe('hipAngle');
    expect(s.edges.slice(0, 3)).toEqual([HIP_THRUST_DEFAULTS.sideCounter.partialFrom, HIP_THRUST_DEFAULTS.sideCounter.fullAt, overArchHipAngleDeg(HIP_THRUST_DEFAULTS.overArchAboveLineTorso)]);
    // config.ts: "0.08 torso is ~10 deg past straight for a thigh of 0.8-0.9 torso"
    expect(overArchHipAngleDeg(0.08)).toBeCloseTo(190, 0);
    expect(s.zones).toEqual(['near', 'good', 'off']);
  });

  it('superman: the arch limit, amber just before it', () => {
    const s = describeExercise('superman').keyAngleScale;
    expect(s.label).toBe('torsoElevation');
    expect(s.edges[2]).toBe(SUPERMAN_DEFAULTS.maxArchDeg);
    expect(s.edges[1]).toBeLessThan(SUPERMAN_DEFAULTS.maxArchDeg);
    expect(s.zones).toEqual(['good', 'near', 'off']);
  });

  it('upward dog: partial press, full-rep elevation, the cobra limit', () => {
    const s = describeExercise('upward-dog').keyAngleScale;
    expect(s.edges.slice(0, 3)).toEqual([UPWARD_DOG_DEFAULTS.counter.partialFrom, UPWARD_DOG_DEFAULTS.counter.fullAt, UPWARD_DOG_DEFAULTS.topMaxElevationDeg]);
    expect(s.zones).toEqual(['near', 'good', 'off']);
  });

  it('edges are ascending', () => {
    for (const e of ['good-morning', 'hip-thrust', 'superman', 'upward-dog'] as const) {
      const edges = describeExercise(e).keyAngleScale.edges;
      for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThanOrEqual(edges[i - 1]!);
    }
  });
});

describe('keyAngleZone at and around each threshold', () => {
  const cases: readonly (readonly [ExerciseId, number, KeyAngleZone])[] = [
    ['good-morning', 5, 'near'],
    ['good-morning', GOOD_MORNING_DEFAULTS.counter.partialFrom - 0.01, 'near'],
    ['good-morning', GOOD_MORNING_DEFAULTS.counter.partialFrom, 'near'],
    ['good-morning', GOOD_MORNING_DEFAULTS.counter.fullAt - 0.01, 'near'],
    ['good-morning', GOOD_MORNING_DEFAULTS.counter.fullAt, 'good'],
    ['good-morning', GOOD_MORNING_DEFAULTS.roundedBackInclinationDeg, 'good'],
    ['good-morning', GOOD_MORNING_DEFAULTS.roundedBackInclinationDeg + 0.01, 'off'],
    ['good-morning', 150, 'off'],
    ['good-morning', -12, 'near'],
    ['hip-thrust', 120, 'near'],
    ['hip-thrust', HIP_THRUST_DEFAULTS.sideCounter.partialFrom - 0.01, 'near'],
    ['hip-thrust', HIP_THRUST_DEFAULTS.sideCounter.partialFrom, 'near'],
    ['hip-thrust', HIP_THRUST_DEFAULTS.sideCounter.fullAt - 0.01, 'near'],
    ['hip-thrust', HIP_THRUST_DEFAULTS.sideCounter.fullAt, 'good'],
    ['hip-thrust', 180, 'good'],
    ['hip-thrust', overArchHipAngleDeg(HIP_THRUST_DEFAULTS.overArchAboveLineTorso), 'good'],
    ['hip-thrust', overArchHipAngleDeg(HIP_THRUST_DEFAULTS.overArchAboveLineTorso) + 0.01, 'off'],
    ['hip-thrust', 230, 'off'],
    ['superman', -5, 'good'],
    ['superman', 0, 'good'],
    ['superman', 10, 'good'],
    ['superman', SUPERMAN_DEFAULTS.maxArchDeg - 5, 'good'],
    ['superman', SUPERMAN_DEFAULTS.maxArchDeg - 4.99, 'near'],
    ['superman', SUPERMAN_DEFAULTS.maxArchDeg, 'near'],
    ['superman', SUPERMAN_DEFAULTS.maxArchDeg + 0.01, 'off'],
    ['superman', 80, 'off'],
    ['upward-dog', 10, 'near'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.counter.partialFrom - 0.01, 'near'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.counter.partialFrom, 'near'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.counter.fullAt - 0.01, 'near'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.counter.fullAt, 'good'],
    ['upward-dog', 55, 'good'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.topMaxElevationDeg, 'good'],
    ['upward-dog', UPWARD_DOG_DEFAULTS.topMaxElevationDeg + 0.01, 'off'],
    ['upward-dog', 95, 'off'],
  ];
  it.each(cases)('%s at %f deg is %s', (exercise, value, zone) => {
    expect(zoneOnScale(describeExercise(exercise).keyAngleScale, value)).toBe(zone);
  });

  it('NaN is off', () => {
    expect(zoneOnScale(describeExercise('good-morning').keyAngleScale, Number.NaN)).toBe('off');
  });
});

describe('good morning: torso inclination at the hip', () => {
  const hip = { x: 320, y: 280 };
  /** shoulder `deg` forward of vertical-up for a person facing `toward` (negative: leaning back) */
  const hinged = (deg: number, toward: 1 | -1): BodyState => bodyWith({ posture: 'standing', toward }, { hip, shoulder: along(hip, -90 + toward * deg) });
  const checker = new GoodMorningChecker();

  for (const toward of [1, -1] as const) {
    it(`facing ${toward > 0 ? '+x' : '-x'}: value from atan2, arc from vertical-up to the shoulder`, () => {
      const body = hinged(60, toward);
      const { shoulder } = body.near;
      const a = must(keyAngleOf(checker, body));
      const expected = Math.atan2(Math.abs(shoulder.x - hip.x), hip.y - shoulder.y) / RAD;
      expect(a.valueDeg).toBeCloseTo(expected, 9);
      expect(a.valueDeg).toBeCloseTo(60, 9);
      expect(a.label).toBe('torsoInclination');
      expect(a.vertex).toEqual(hip);
      expect(a.fromDeg).toBe(-90);
      expect(a.toDeg).toBeCloseTo(-90 + toward * 60, 9);
      expect(wrap(a.toDeg)).toBeCloseTo(dirOf(hip, shoulder), 9);
      expect(a.zone).toBe('good');
      // the bands lie on the forward side, in the arc's order
      expect(a.bands.map((b) => b.zone)).toEqual(['near', 'good', 'off']);
      const g = GOOD_MORNING_DEFAULTS;
      expect(a.bands[0]!.fromDeg).toBeCloseTo(-90 + toward * g.counter.partialFrom, 9);
      expect(a.bands[0]!.toDeg).toBeCloseTo(-90 + toward * g.counter.fullAt, 9);
      expect(a.bands[1]!.toDeg).toBeCloseTo(-90 + toward * g.roundedBackInclinationDeg, 9);
    });

    it(`facing ${toward > 0 ? '+x' : '-x'}: zones either side of each threshold`, () => {
      const g = GOOD_MORNING_DEFAULTS;
      const zoneAt = (deg: number): KeyAngleZone => must(keyAngleOf(checker, hinged(deg, toward))).zone;
      expect(zoneAt(3)).toBe('near');
      expect(zoneAt(g.counter.partialFrom - 0.5)).toBe('near');
      expect(zoneAt(g.counter.partialFrom + 0.5)).toBe('near');
      expect(zoneAt(g.counter.fullAt - 0.5)).toBe('near');
      expect(zoneAt(g.counter.fullAt + 0.5)).toBe('good');
      expect(zoneAt(g.roundedBackInclinationDeg - 0.5)).toBe('good');
      expect(zoneAt(g.roundedBackInclinationDeg + 0.5)).toBe('off');
    });

    it(`facing ${toward > 0 ? '+x' : '-x'}: leaning back reads negative, on the other side of vertical`, () => {
      const body = hinged(-12, toward);
      const a = must(keyAngleOf(checker, body));
      expect(a.valueDeg).toBeCloseTo(-12, 9);
      expect(wrap(a.toDeg)).toBeCloseTo(dirOf(hip, body.near.shoulder), 9);
      expect(a.zone).toBe('near');
    });
  }
});

describe('hip thrust: signed hip angle shoulder-hip-knee', () => {
  const hip = { x: 320, y: 320 };
  /**
   * Supine, head toward `head`, shoulder slightly below the hip's level, the
   * knee placed so that the signed hip angle is `deg` (< 180 flexed, > 180 over-arched).
   */
  const bridge = (deg: number, head: 1 | -1): { body: BodyState; shoulderDir: number } => {
    const shoulderDir = head === 1 ? 10 : 170; // pointing toward the head, a little down to the floor
    // supine, the front faces up: from the shoulder, the flexed side turns up (through -90)
    const up = head === 1 ? -1 : 1;
    const knee = along(hip, shoulderDir + up * deg, 0.85 * TORSO);
    return { body: bodyWith({ posture: 'supine', toward: head }, { hip, shoulder: along(hip, shoulderDir), knee }), shoulderDir };
  };

  /** the angle at the hip via atan2, swept from the shoulder toward the front (up) */
  const atan2HipAngle = (body: BodyState, head: 1 | -1): number => {
    const { shoulder, knee } = body.near;
    const sweep = (dirOf(hip, knee) - dirOf(hip, shoulder)) * (head === 1 ? -1 : 1);
    return ((sweep % 360) + 360) % 360;
  };

  for (const head of [1, -1] as const) {
    const name = head > 0 ? 'head toward +x' : 'head toward -x';
    it(`${name}: values from atan2, the arc sweeps from the shoulder to the knee`, () => {
      for (const deg of [120, 175, 186]) {
        const { body, shoulderDir } = bridge(deg, head);
        const a = must(keyAngleOf(new HipThrustChecker(), body));
        expect(a.valueDeg).toBeCloseTo(atan2HipAngle(body, head), 9);
        expect(a.valueDeg).toBeCloseTo(deg, 9);
        expect(a.label).toBe('hipAngle');
        expect(a.fromDeg).toBeCloseTo(shoulderDir, 9);
        expect(Math.abs(a.toDeg - a.fromDeg)).toBeCloseTo(deg, 9);
        expect(wrap(a.toDeg)).toBeCloseTo(dirOf(hip, body.near.knee), 9);
        // bands start partialFrom away from the shoulder ray, toward the knee
        const b0 = a.bands[0]!;
        expect(Math.abs(b0.fromDeg - a.fromDeg)).toBeCloseTo(HIP_THRUST_DEFAULTS.sideCounter.partialFrom, 9);
        expect(Math.sign(b0.fromDeg - a.fromDeg)).toBe(Math.sign(a.toDeg - a.fromDeg));
      }
    });

    it(`${name}: zones either side of each threshold`, () => {
      const c = HIP_THRUST_DEFAULTS.sideCounter;
      const over = overArchHipAngleDeg(HIP_THRUST_DEFAULTS.overArchAboveLineTorso);
      const zoneAt = (deg: number): KeyAngleZone => must(keyAngleOf(new HipThrustChecker(), bridge(deg, head).body)).zone;
      expect(zoneAt(c.partialFrom - 0.5)).toBe('near');
      expect(zoneAt(c.partialFrom + 0.5)).toBe('near');
      expect(zoneAt(c.fullAt - 0.5)).toBe('near');
      expect(zoneAt(c.fullAt + 0.5)).toBe('good');
      expect(zoneAt(over - 0.5)).toBe('good');
      expect(zoneAt(over + 0.5)).toBe('off');
    });

    it(`${name}: agrees with the real checker's live value`, () => {
      for (const deg of [150, 186]) {
        const { body } = bridge(deg, head);
        const checker = new HipThrustChecker();
        checker.isStartPosition(body);
        expect(checker.live.hipAngleDeg).toBeCloseTo(deg, 9);
        const a = must(keyAngleOf(checker, body));
        expect(a.valueDeg).toBeCloseTo(deg, 9);
        expect(wrap(a.toDeg)).toBeCloseTo(dirOf(hip, body.near.knee), 9);
      }
    });
  }

  it("takes the checker's live value where it has one", () => {
    const { body, shoulderDir } = bridge(170, -1);
    const checker = new HipThrustChecker();
    checker.live.hipAngleDeg = 183;
    const a = must(keyAngleOf(checker, body));
    expect(a.valueDeg).toBe(183);
    expect(a.toDeg).toBeCloseTo(shoulderDir + 183, 9);
  });

  it('draws nothing while the checker counts on the oblique signal', () => {
    const { body } = bridge(170, 1);
    const checker = new HipThrustChecker();
    checker.live.hipRiseDeg = 30;
    expect(keyAngleOf(checker, body)).toBeNull();
  });

  it('null without a knee', () => {
    const { body } = bridge(170, 1);
    const noKnee = new BodyState().update(figure({ posture: 'supine', set: { left_knee: { score: 0.05 }, right_knee: { score: 0.05 } } }));
    expect(keyAngleOf(new HipThrustChecker(), body)).not.toBeNull();
    expect(keyAngleOf(new HipThrustChecker(), noKnee)).toBeNull();
  });
});

describe('superman and upward dog: torso elevation at the hip', () => {
  const hip = { x: 320, y: 360 };
  /** prone, head toward `head`, the hip->shoulder line `deg` above the horizontal */
  const raised = (deg: number, head: 1 | -1, options: FigureOptions = {}): BodyState =>
    bodyWith({ posture: 'prone', toward: head, ...options }, { hip, shoulder: along(hip, head === 1 ? -deg : 180 + deg) });

  for (const [exercise, checker] of [
    ['superman', new SupermanChecker()],
    ['upward-dog', new UpwardDogChecker()],
  ] as const) {
    for (const head of [1, -1] as const) {
      const name = `${exercise}, head toward ${head > 0 ? '+x' : '-x'}`;
      it(`${name}: value from atan2, arc from the horizontal toward the head up to the shoulder`, () => {
        const body = raised(40, head);
        const { shoulder } = body.near;
        const a = must(keyAngleOf(checker, body));
        expect(a.valueDeg).toBeCloseTo(Math.atan2(hip.y - shoulder.y, Math.abs(shoulder.x - hip.x)) / RAD, 9);
        expect(a.valueDeg).toBeCloseTo(40, 9);
        expect(a.label).toBe('torsoElevation');
        expect(a.fromDeg).toBe(head === 1 ? 0 : 180);
        expect(a.toDeg).toBeCloseTo(head === 1 ? -40 : 220, 9);
        expect(wrap(a.toDeg)).toBeCloseTo(dirOf(hip, shoulder), 9);
        // the bands rise from the horizontal the same way the arc does
        for (const b of a.bands) expect(Math.sign(b.toDeg - b.fromDeg)).toBe(Math.sign(a.toDeg - a.fromDeg));
      });
    }
  }

  for (const head of [1, -1] as const) {
    it(`superman, head toward ${head > 0 ? '+x' : '-x'}: zones around the arch limit`, () => {
      const checker = new SupermanChecker();
      const zoneAt = (deg: number): KeyAngleZone => must(keyAngleOf(checker, raised(deg, head))).zone;
      const limit = SUPERMAN_DEFAULTS.maxArchDeg;
      expect(zoneAt(0)).toBe('good');
      expect(zoneAt(10)).toBe('good');
      expect(zoneAt(limit - 5.5)).toBe('good');
      expect(zoneAt(limit - 0.5)).toBe('near');
      expect(zoneAt(limit + 0.5)).toBe('off');
    });

    it(`upward dog, head toward ${head > 0 ? '+x' : '-x'}: zones around full-rep elevation and the cobra limit`, () => {
      const checker = new UpwardDogChecker();
      const zoneAt = (deg: number): KeyAngleZone => must(keyAngleOf(checker, raised(deg, head))).zone;
      const c = UPWARD_DOG_DEFAULTS;
      expect(zoneAt(5)).toBe('near');
      expect(zoneAt(c.counter.partialFrom - 0.5)).toBe('near');
      expect(zoneAt(c.counter.partialFrom + 0.5)).toBe('near');
      expect(zoneAt(c.counter.fullAt - 0.5)).toBe('near');
      expect(zoneAt(c.counter.fullAt + 0.5)).toBe('good');
      expect(zoneAt(c.topMaxElevationDeg - 0.5)).toBe('good');
      expect(zoneAt(c.topMaxElevationDeg + 0.5)).toBe('off');
    });
  }

  it('reads nothing with the torso pointing into the camera, as the checkers do', () => {
    // shoulders and hips spread 1.2 torso: past the upward dog's limit, within the superman's
    const body = new BodyState().update(figure({ posture: 'prone', spread: 1.2 }));
    expect(body.spreadTorso).toBeGreaterThan(UPWARD_DOG_DEFAULTS.maxSpreadTorso);
    expect(body.spreadTorso).toBeLessThan(SUPERMAN_DEFAULTS.maxSpreadTorso);
    expect(keyAngleOf(new UpwardDogChecker(), body)).toBeNull();
    expect(keyAngleOf(new SupermanChecker(), body)).not.toBeNull();
  });
});

describe('unknown joints', () => {
  const checkers = { 'good-morning': new GoodMorningChecker(), 'hip-thrust': new HipThrustChecker(), superman: new SupermanChecker(), 'upward-dog': new UpwardDogChecker() } as const;
  const postures = { 'good-morning': 'standing', 'hip-thrust': 'supine', superman: 'prone', 'upward-dog': 'prone' } as const;

  for (const exercise of ['good-morning', 'hip-thrust', 'superman', 'upward-dog'] as const) {
    it(`${exercise}: null without the hip, without the shoulder, or with nobody there`, () => {
      const low = { score: 0.05 };
      const noHip = new BodyState().update(figure({ posture: postures[exercise], set: { left_hip: low, right_hip: low } }));
      const noShoulder = new BodyState().update(figure({ posture: postures[exercise], set: { left_shoulder: low, right_shoulder: low } }));
      const nobody = new BodyState().update(noPerson());
      const ok = new BodyState().update(figure({ posture: postures[exercise], toward: 1 }));
      expect(keyAngleOf(checkers[exercise], noHip)).toBeNull();
      expect(keyAngleOf(checkers[exercise], noShoulder)).toBeNull();
      expect(keyAngleOf(checkers[exercise], nobody)).toBeNull();
      expect(keyAngleOf(checkers[exercise], ok)).not.toBeNull();
    });
  }
});

describe('allocation', () => {
  it('reuses one object and one bands array per exercise', () => {
    const body = new BodyState().update(figure({ posture: 'standing' }));
    const checker = new GoodMorningChecker();
    const a = keyAngleOf(checker, body);
    const b = keyAngleOf(checker, body);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(b!.bands).toBe(a!.bands);
    const prone = new BodyState().update(figure({ posture: 'prone' }));
    expect(keyAngleOf(new UpwardDogChecker(), prone)).not.toBe(a);
  });
});

describe('each exercise describes its key angle once', () => {
  it('the description and a fresh checker carry the same scale', () => {
    for (const e of ['good-morning', 'hip-thrust', 'superman', 'upward-dog'] as const) {
      expect(describeExercise(e).createChecker({}).keyAngleScale).toEqual(describeExercise(e).keyAngleScale);
    }
  });
});
