import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, nextView, uprightSpreadTorso, yawFromImageDeg, type ViewConfig, type ViewKind } from './view.ts';

const RAD = Math.PI / 180;
const K = DEFAULT_VIEW.shoulderWidthTorso;

type V3 = readonly [number, number, number];
const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * A body in 3D (x forward, y up, z to the person's left), torso of length 1
 * inclined `inclinationDeg` forward from vertical (90: lying prone), shoulder
 * line of length k along z; an orthographic camera on a level tripod turned
 * `yawDeg` from the person's left side toward their front and tipped down by
 * `pitchDeg`. Returns the image vectors (x right, y down) of the torso and
 * of the shoulder line.
 */
function image(yawDeg: number, options: { inclinationDeg?: number; pitchDeg?: number; k?: number } = {}): { tx: number; ty: number; sx: number; sy: number } {
  const i = (options.inclinationDeg ?? 0) * RAD;
  const y = yawDeg * RAD;
  const p = (options.pitchDeg ?? 0) * RAD;
  const torso: V3 = [Math.sin(i), Math.cos(i), 0];
  const shoulders: V3 = [0, 0, options.k ?? K];
  // the camera looks along -view; view points from the body to the camera
  const view: V3 = [Math.sin(y) * Math.cos(p), Math.sin(p), Math.cos(y) * Math.cos(p)];
  // image axes: right = up x view normalised, up = view x right
  const right: V3 = [Math.cos(y), 0, -Math.sin(y)];
  const up: V3 = [view[1] * right[2] - view[2] * right[1], view[2] * right[0] - view[0] * right[2], view[0] * right[1] - view[1] * right[0]];
  return { tx: dot(torso, right), ty: -dot(torso, up), sx: dot(shoulders, right), sy: -dot(shoulders, up) };
}

const yawOf = (yawDeg: number, options: Parameters<typeof image>[1] = {}): number => {
  const v = image(yawDeg, options);
  return yawFromImageDeg(v.tx, v.ty, v.sx, v.sy);
};

describe('yawFromImageDeg', () => {
  it('reads the yaw of an upright body as asin(spread / (k torso)): 0 from the side, 90 from the front', () => {
    for (const yaw of [0, 15, 30, 45, 60, 75, 90]) {
      expect(yawOf(yaw), `yaw ${yaw}`).toBeCloseTo(yaw, 6);
      expect(yawFromImageDeg(0, -1, uprightSpreadTorso(yaw), 0), `yaw ${yaw}`).toBeCloseTo(yaw, 6);
    }
  });

  it('is not fooled by a torso hinging forward toward the camera (good morning): the same yaw at every depth', () => {
    for (const yaw of [0, 20, 40, 60, 80, 90]) {
      for (const inclinationDeg of [0, 30, 60, 80]) expect(yawOf(yaw, { inclinationDeg }), `yaw ${yaw}, hinge ${inclinationDeg}`).toBeCloseTo(yaw, 5);
    }
  });

  it('reads a lying body filmed from its feet, whose torso the yaw foreshortens by cos(yaw), at its own yaw', () => {
    for (const yaw of [10, 30, 45, 60]) {
      expect(yawOf(yaw, { inclinationDeg: 90 }), `yaw ${yaw}`).toBeCloseTo(yaw, 5);
      // the old measure, spread / torso on screen, is k tan(yaw): it would have read 90 from 45 on
      const v = image(yaw, { inclinationDeg: 90 });
      expect(Math.hypot(v.sx, v.sy) / Math.hypot(v.tx, v.ty)).toBeCloseTo(K * Math.tan(yaw * RAD), 9);
    }
  });

  it('reads a camera tipped down onto a lying body from its side as that many degrees off the side', () => {
    for (const pitchDeg of [10, 20, 40]) expect(yawOf(0, { inclinationDeg: 90, pitchDeg }), `pitch ${pitchDeg}`).toBeCloseTo(pitchDeg, 5);
  });

  it('does not care which shoulder the spread starts from', () => {
    const v = image(35, { inclinationDeg: 50 });
    expect(yawFromImageDeg(v.tx, v.ty, -v.sx, -v.sy)).toBeCloseTo(yawFromImageDeg(v.tx, v.ty, v.sx, v.sy), 9);
  });

  it('errs by asin(sin(yaw) k_person / k) - yaw for a person whose shoulders are wider or narrower than k', () => {
    for (const ratio of [0.9, 1.1]) {
      for (const yaw of [20, 40, 55]) {
        const expected = Math.asin(Math.min(1, Math.sin(yaw * RAD) * ratio)) / RAD;
        expect(yawOf(yaw, { k: K * ratio }), `ratio ${ratio}, yaw ${yaw}`).toBeCloseTo(expected, 5);
      }
    }
  });

  it('saturates at 90 when the spread is wider than k torsos, and is NaN without a torso', () => {
    expect(yawFromImageDeg(0, -1, 2 * K, 0)).toBe(90);
    expect(yawFromImageDeg(0, 0, 1, 0)).toBeNaN();
    expect(yawFromImageDeg(Number.NaN, 1, 1, 0)).toBeNaN();
  });
});

describe('nextView', () => {
  const { obliqueAboveDeg, sideBelowDeg, frontAboveDeg, frontLeaveBelowDeg } = DEFAULT_VIEW;
  const walk = (yaws: readonly number[], from: ViewKind = 'unknown', config?: ViewConfig): ViewKind[] => {
    let view = from;
    return yaws.map((y) => (view = nextView(view, y, config)));
  };

  it('has distinct thresholds in and out: side < oblique < front, each left below where it is entered', () => {
    expect(sideBelowDeg).toBeLessThan(obliqueAboveDeg);
    expect(obliqueAboveDeg).toBeLessThan(frontLeaveBelowDeg);
    expect(frontLeaveBelowDeg).toBeLessThan(frontAboveDeg);
  });

  it('keeps counting-friendly views up to 60 deg off the side: front is entered only past 65 deg', () => {
    expect(frontAboveDeg).toBeGreaterThan(65);
    expect(walk([0, 20, 40, 60])).toEqual(['side', 'side', 'oblique', 'oblique']);
  });

  it('starts from the class the first yaw falls in', () => {
    expect(walk([obliqueAboveDeg - 1])).toEqual(['side']);
    expect(walk([obliqueAboveDeg + 1])).toEqual(['oblique']);
    expect(walk([frontAboveDeg + 1])).toEqual(['front']);
  });

  it('does not flicker with a yaw wavering inside a band', () => {
    const wavering = [obliqueAboveDeg + 1, sideBelowDeg + 1, obliqueAboveDeg - 1, sideBelowDeg + 1];
    expect(walk(wavering, 'side')).toEqual(['oblique', 'oblique', 'oblique', 'oblique']);
    const nearFront = [frontAboveDeg + 1, frontLeaveBelowDeg + 1, frontAboveDeg - 1, frontLeaveBelowDeg];
    expect(walk(nearFront, 'oblique')).toEqual(['front', 'front', 'front', 'front']);
  });

  it('leaves each class only past its own exit', () => {
    expect(walk([sideBelowDeg - 1], 'oblique')).toEqual(['side']);
    expect(walk([frontLeaveBelowDeg - 1], 'front')).toEqual(['oblique']);
    expect(walk([sideBelowDeg - 1], 'front')).toEqual(['side']);
    expect(walk([frontAboveDeg + 1], 'side')).toEqual(['front']);
  });

  it('keeps the class for a yaw that is not a number', () => {
    expect(nextView('oblique', Number.NaN)).toBe('oblique');
    expect(nextView('unknown', Number.NaN)).toBe('unknown');
  });

  it('uses the thresholds it is given', () => {
    const config: ViewConfig = { ...DEFAULT_VIEW, obliqueAboveDeg: 10, sideBelowDeg: 5, frontAboveDeg: 40, frontLeaveBelowDeg: 30 };
    expect(nextView('unknown', 20, config)).toBe('oblique');
    expect(nextView('unknown', 20)).toBe('side');
    expect(nextView('unknown', 50, config)).toBe('front');
    expect(nextView('unknown', 50)).toBe('oblique');
  });
});
