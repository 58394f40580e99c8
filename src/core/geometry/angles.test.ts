import { describe, expect, it } from 'vitest';
import { elevationAboveHorizontalDeg, inclinationFromVerticalDeg, jointAngleDeg, signedJointAngleDeg, upwardDistanceFromLine } from './angles.ts';
import type { Point } from './vec.ts';

const DEG = 180 / Math.PI;
const p = (x: number, y: number): Point => ({ x, y });
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
/** Screen direction of a vector in degrees (y down, so angles grow clockwise on screen). */
const dirDeg = (v: Point): number => Math.atan2(v.y, v.x) * DEG;
const mod360 = (deg: number): number => ((deg % 360) + 360) % 360;
/**
 * The signed joint angle by its definition: the sweep from the proximal segment
 * (vertex -> a) to the distal one (vertex -> c) through the front of the body.
 * Facing +x and upright, the front lies clockwise on screen from "up".
 */
const sweepThroughFront = (a: Point, vertex: Point, c: Point, facing: 1 | -1): number => mod360(facing * (dirDeg(sub(c, vertex)) - dirDeg(sub(a, vertex))));
/** The unsigned angle from atan2 of the cross and dot products. */
const unsignedByAtan2 = (a: Point, vertex: Point, c: Point): number => {
  const u = sub(a, vertex);
  const v = sub(c, vertex);
  return Math.abs(Math.atan2(u.x * v.y - u.y * v.x, u.x * v.x + u.y * v.y)) * DEG;
};
/** A point at `len` from `from`, in screen direction `deg` (0 = +x, 90 = down, -90 = up). */
const polar = (from: Point, len: number, deg: number): Point => p(from.x + len * Math.cos(deg / DEG), from.y + len * Math.sin(deg / DEG));
const mirrorX = (q: Point): Point => p(-q.x, q.y);

describe('jointAngleDeg', () => {
  const vertex = p(100, 100);

  it('is 90 for a right angle', () => {
    expect(jointAngleDeg(p(100, 0), vertex, p(200, 100))).toBeCloseTo(90, 10);
  });

  it('is 180 for a straight line and 0 for a folded joint', () => {
    expect(jointAngleDeg(p(0, 100), vertex, p(250, 100))).toBeCloseTo(180, 10);
    expect(jointAngleDeg(p(150, 150), vertex, p(300, 300))).toBeCloseTo(0, 5);
  });

  it('matches |atan2(cross, dot)| for arbitrary triangles', () => {
    const cases: [Point, Point, Point][] = [
      [p(3, -7), p(1, 2), p(10, 4)],
      [p(-50, 20), p(0, 0), p(30, 80)],
      [p(320, 100), p(300, 250), p(360, 400)],
    ];
    for (const [a, v, c] of cases) expect(jointAngleDeg(a, v, c)).toBeCloseTo(unsignedByAtan2(a, v, c), 9);
  });

  it('is NaN when either segment has zero length', () => {
    expect(jointAngleDeg(vertex, vertex, p(0, 0))).toBeNaN();
    expect(jointAngleDeg(p(0, 0), vertex, vertex)).toBeNaN();
  });

  it('clamps the cosine of nearly collinear points instead of returning NaN', () => {
    // find triples whose raw cosine rounds to just outside [-1, 1]: without the clamp acos would give NaN
    const rawCos = (a: Point, c: Point): number => (a.x * c.x + a.y * c.y) / (Math.hypot(a.x, a.y) * Math.hypot(c.x, c.y));
    const outside: { a: Point; c: Point; cos: number }[] = [];
    for (let k = 1; k <= 60; k++) {
      const a = p(0.1 * k, 0.3 * k);
      for (const c of [p(0.2 * k, 0.6 * k), p(-0.2 * k, -0.6 * k)]) {
        const cos = rawCos(a, c);
        if (Math.abs(cos) > 1) outside.push({ a, c, cos });
      }
    }
    expect(outside.length).toBeGreaterThan(0);
    for (const { a, c, cos } of outside) {
      const angle = jointAngleDeg(a, p(0, 0), c);
      expect(angle).not.toBeNaN();
      expect(angle).toBeCloseTo(cos > 0 ? 0 : 180, 5);
    }
  });
});

describe('signedJointAngleDeg', () => {
  describe('standing person facing +x (hip angle: shoulder-hip-knee)', () => {
    const hip = p(300, 300);
    const shoulder = p(300, 200);
    const kneeAhead = polar(hip, 100, 60); // down and toward +x: the thigh swings forward
    const kneeBehind = polar(hip, 100, 120); // down and toward -x

    it('is below 180 for hip flexion (knee in front of the shoulder-hip line)', () => {
      const angle = signedJointAngleDeg(shoulder, hip, kneeAhead, 1);
      expect(angle).toBeCloseTo(sweepThroughFront(shoulder, hip, kneeAhead, 1), 9);
      expect(angle).toBeLessThan(180);
      expect(angle).toBeCloseTo(jointAngleDeg(shoulder, hip, kneeAhead), 9);
    });

    it('is above 180 for hip extension (knee behind the line)', () => {
      const angle = signedJointAngleDeg(shoulder, hip, kneeBehind, 1);
      expect(angle).toBeCloseTo(sweepThroughFront(shoulder, hip, kneeBehind, 1), 9);
      expect(angle).toBeGreaterThan(180);
      expect(angle).toBeCloseTo(360 - jointAngleDeg(shoulder, hip, kneeBehind), 9);
    });

    it('is 180 for a straight body', () => {
      expect(signedJointAngleDeg(shoulder, hip, p(300, 400), 1)).toBeCloseTo(180, 9);
    });

    it('mirrors for a person facing -x: the mirrored pose with facing -1 gives the same angle', () => {
      for (const knee of [kneeAhead, kneeBehind]) {
        const mirrored = signedJointAngleDeg(mirrorX(shoulder), mirrorX(hip), mirrorX(knee), -1);
        expect(mirrored).toBeCloseTo(signedJointAngleDeg(shoulder, hip, knee, 1), 9);
        expect(mirrored).toBeCloseTo(sweepThroughFront(mirrorX(shoulder), mirrorX(hip), mirrorX(knee), -1), 9);
      }
      // the same pose read with the other facing flips flexion and extension
      expect(signedJointAngleDeg(shoulder, hip, kneeAhead, -1)).toBeCloseTo(360 - signedJointAngleDeg(shoulder, hip, kneeAhead, 1), 9);
    });
  });

  describe('lying prone, head toward +x (facing = +1)', () => {
    const hip = p(300, 400);
    const shoulder = p(400, 400);

    it('is above 180 when the legs lift behind (toward the ceiling, -y)', () => {
      const kneeLifted = polar(hip, 100, -160); // toward -x and up on screen
      const angle = signedJointAngleDeg(shoulder, hip, kneeLifted, 1);
      expect(angle).toBeCloseTo(sweepThroughFront(shoulder, hip, kneeLifted, 1), 9);
      expect(angle).toBeGreaterThan(180);
    });

    it('is above 180 when the chest lifts (superman / upward dog) with the legs on the floor', () => {
      const chestUp = polar(hip, 100, -25);
      const knee = p(200, 400);
      const angle = signedJointAngleDeg(chestUp, hip, knee, 1);
      expect(angle).toBeCloseTo(sweepThroughFront(chestUp, hip, knee, 1), 9);
      expect(angle).toBeCloseTo(180 + 25, 9);
    });

    it('is below 180 when the hips pike toward the floor side (the front of a prone body)', () => {
      const kneeTucked = polar(hip, 100, 160); // toward -x and down on screen
      expect(signedJointAngleDeg(shoulder, hip, kneeTucked, 1)).toBeLessThan(180);
    });
  });

  describe('lying supine, head toward +x (facing = -1, opposite to the head)', () => {
    const shoulder = p(400, 400);
    const knee = p(200, 400);

    it('is above 180 for hips pushed above the knee-shoulder line (an over-arched hip thrust)', () => {
      const hipHigh = p(300, 370);
      const angle = signedJointAngleDeg(shoulder, hipHigh, knee, -1);
      expect(angle).toBeCloseTo(sweepThroughFront(shoulder, hipHigh, knee, -1), 9);
      expect(angle).toBeGreaterThan(180);
      // the extension past straight equals twice the rise angle of each segment at the hip
      const rise = Math.atan2(30, 100) * DEG;
      expect(angle).toBeCloseTo(180 + 2 * rise, 9);
    });

    it('is below 180 for hips sagging below the line (flexion)', () => {
      const hipLow = p(300, 430);
      const angle = signedJointAngleDeg(shoulder, hipLow, knee, -1);
      expect(angle).toBeCloseTo(sweepThroughFront(shoulder, hipLow, knee, -1), 9);
      expect(angle).toBeLessThan(180);
    });

    it('head toward -x mirrors: facing +1', () => {
      const hipHigh = p(300, 370);
      expect(signedJointAngleDeg(mirrorX(shoulder), mirrorX(hipHigh), mirrorX(knee), 1)).toBeCloseTo(signedJointAngleDeg(shoulder, hipHigh, knee, -1), 9);
    });
  });

  it('is NaN for a zero-length segment', () => {
    expect(signedJointAngleDeg(p(1, 1), p(1, 1), p(5, 5), 1)).toBeNaN();
    expect(signedJointAngleDeg(p(0, 0), p(1, 1), p(1, 1), -1)).toBeNaN();
  });
});

describe('inclinationFromVerticalDeg', () => {
  const o = p(200, 200);

  it('is 0 pointing up (-y), 90 horizontal either way, 180 pointing down', () => {
    expect(inclinationFromVerticalDeg(o, p(200, 100))).toBeCloseTo(0, 12);
    expect(inclinationFromVerticalDeg(o, p(300, 200))).toBeCloseTo(90, 12);
    expect(inclinationFromVerticalDeg(o, p(100, 200))).toBeCloseTo(90, 12);
    expect(inclinationFromVerticalDeg(o, p(200, 300))).toBeCloseTo(180, 12);
  });

  it('is the angle from vertical-up, the same leaning either way', () => {
    const lean = 30;
    const forward = polar(o, 100, -90 + lean);
    const backward = polar(o, 100, -90 - lean);
    expect(inclinationFromVerticalDeg(o, forward)).toBeCloseTo(lean, 9);
    expect(inclinationFromVerticalDeg(o, backward)).toBeCloseTo(lean, 9);
    expect(inclinationFromVerticalDeg(o, p(260, 290))).toBeCloseTo(Math.atan2(60, -90) * DEG, 9);
  });

  it('is NaN for a zero vector', () => {
    expect(inclinationFromVerticalDeg(o, o)).toBeNaN();
  });
});

describe('elevationAboveHorizontalDeg', () => {
  const o = p(200, 200);

  it('is positive when rising on screen (y decreasing), whichever way along x', () => {
    expect(elevationAboveHorizontalDeg(o, p(300, 100))).toBeCloseTo(45, 12);
    expect(elevationAboveHorizontalDeg(o, p(100, 100))).toBeCloseTo(45, 12);
    expect(elevationAboveHorizontalDeg(o, p(200, 50))).toBeCloseTo(90, 12);
  });

  it('is negative when falling, 0 when horizontal', () => {
    expect(elevationAboveHorizontalDeg(o, p(300, 300))).toBeCloseTo(-45, 12);
    expect(elevationAboveHorizontalDeg(o, p(500, 200))).toBeCloseTo(0, 12);
    expect(elevationAboveHorizontalDeg(o, p(200, 350))).toBeCloseTo(-90, 12);
  });

  it('equals atan2(rise, run)', () => {
    const to = p(120, 170);
    expect(elevationAboveHorizontalDeg(o, to)).toBeCloseTo(Math.atan2(200 - 170, 200 - 120) * DEG, 9);
  });

  it('is NaN for a zero vector', () => {
    expect(elevationAboveHorizontalDeg(o, o)).toBeNaN();
  });
});

describe('upwardDistanceFromLine', () => {
  /** |cross| / length: the textbook distance from a point to a line. */
  const perpendicular = (q: Point, a: Point, b: Point): number => Math.abs((b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x)) / Math.hypot(b.x - a.x, b.y - a.y);

  it('is positive above a horizontal line on screen, negative below, whichever way the line runs', () => {
    const a = p(0, 100);
    const b = p(200, 100);
    expect(upwardDistanceFromLine(p(50, 70), a, b)).toBeCloseTo(30, 12);
    expect(upwardDistanceFromLine(p(50, 70), b, a)).toBeCloseTo(30, 12);
    expect(upwardDistanceFromLine(p(50, 130), a, b)).toBeCloseTo(-30, 12);
    expect(upwardDistanceFromLine(p(50, 130), b, a)).toBeCloseTo(-30, 12);
  });

  it('equals the perpendicular distance for a slanted line, with the sign of "above"', () => {
    const knee = p(100, 300);
    const shoulder = p(400, 380);
    const lineYAt = (x: number): number => knee.y + ((shoulder.y - knee.y) * (x - knee.x)) / (shoulder.x - knee.x);
    for (const hip of [p(250, 290), p(250, 360), p(30, 500), p(520, 100)]) {
      const above = hip.y < lineYAt(hip.x);
      const expected = (above ? 1 : -1) * perpendicular(hip, knee, shoulder);
      expect(upwardDistanceFromLine(hip, knee, shoulder)).toBeCloseTo(expected, 9);
      expect(upwardDistanceFromLine(hip, shoulder, knee)).toBeCloseTo(expected, 9);
    }
  });

  it('is 0 on the line', () => {
    expect(upwardDistanceFromLine(p(250, 340), p(100, 300), p(400, 380))).toBeCloseTo(0, 9);
  });

  it('is NaN when the line has no length', () => {
    expect(upwardDistanceFromLine(p(0, 0), p(5, 5), p(5, 5))).toBeNaN();
  });
});
