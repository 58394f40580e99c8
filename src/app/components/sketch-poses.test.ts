import { describe, expect, it } from 'vitest';
import {
  CONTACT,
  HEAD_RADIUS,
  SEGMENT,
  angleOf,
  arrow,
  convexHull,
  dist,
  distanceFromLine,
  exercisePoses,
  frame,
  jointAngle,
  jointsFromAngles,
  placement,
  posesBounds,
  reach,
} from './sketch-poses.ts';
import type { ExercisePoses, Joints } from './sketch-poses.ts';

const ALL: [string, ExercisePoses][] = [
  ['upward-dog', exercisePoses('upward-dog')],
  ['superman', exercisePoses('superman')],
  ['good-morning', exercisePoses('good-morning')],
  ['hip-thrust floor', exercisePoses('hip-thrust', 'floor')],
  ['hip-thrust bench', exercisePoses('hip-thrust', 'bench')],
];
const PHASES = ALL.flatMap(([name, p]) => [[`${name} start`, p.start] as const, [`${name} top`, p.top] as const]);

/** torso inclination: angle of hip->shoulder from vertical-up (0 upright, 90 horizontal) */
function inclination(j: Joints): number {
  return Math.abs(90 - angleOf(j.hip, j.shoulder));
}

describe('sketch poses', () => {
  it.each(PHASES)('%s keeps the segment lengths', (_name, j) => {
    expect(dist(j.hip, j.shoulder)).toBeCloseTo(SEGMENT.torso, 6);
    expect(dist(j.hip, j.knee)).toBeCloseTo(SEGMENT.thigh, 6);
    expect(dist(j.knee, j.ankle)).toBeCloseTo(SEGMENT.shank, 6);
    expect(dist(j.shoulder, j.elbow)).toBeCloseTo(SEGMENT.upperArm, 6);
    expect(dist(j.elbow, j.wrist)).toBeCloseTo(SEGMENT.forearm, 6);
    expect(dist(j.ankle, j.toe)).toBeCloseTo(SEGMENT.foot, 6);
    expect(dist(j.shoulder, j.head)).toBeCloseTo(SEGMENT.neck + HEAD_RADIUS, 6);
  });

  it.each(PHASES)('%s has nothing below the floor line', (_name, j) => {
    for (const [name, p] of Object.entries(j)) {
      const clearance = name === 'head' ? HEAD_RADIUS : CONTACT;
      expect(p.y, name).toBeGreaterThanOrEqual(clearance - 0.02);
    }
  });

  it('the lying phases rest on the floor', () => {
    for (const j of [exercisePoses('upward-dog').start, exercisePoses('superman').start, exercisePoses('hip-thrust').start]) {
      expect(Math.abs(j.hip.y - CONTACT)).toBeLessThan(0.02);
      expect(Math.abs(j.shoulder.y - CONTACT)).toBeLessThan(0.02);
    }
  });

  it('good morning: standing tall, then hinged ~70 deg from vertical with soft knees', () => {
    const { start, top } = exercisePoses('good-morning');
    expect(inclination(start)).toBeLessThan(5);
    expect(inclination(top)).toBeGreaterThan(65);
    expect(inclination(top)).toBeLessThan(75);
    const knee = jointAngle(top.hip, top.knee, top.ankle);
    expect(knee).toBeGreaterThan(140);
    expect(knee).toBeLessThan(170);
    // the hips go back behind the ankles, the hands stay at the pole on the upper back
    expect(top.hip.x).toBeLessThan(top.ankle.x);
    const pole = exercisePoses('good-morning').pole;
    expect(pole).toBeDefined();
    expect(dist(top.wrist, pole!.top)).toBeLessThan(0.02);
    expect(dist(start.wrist, pole!.start)).toBeLessThan(0.02);
  });

  it.each([['floor'], ['bench']] as const)('hip thrust %s top: knee, hip and shoulder in one line, knee ~90', (variant) => {
    const { start, top } = exercisePoses('hip-thrust', variant);
    expect(distanceFromLine(top.hip, top.knee, top.shoulder)).toBeLessThan(0.02);
    expect(jointAngle(top.knee, top.hip, top.shoulder)).toBeGreaterThan(177);
    const knee = jointAngle(top.hip, top.knee, top.ankle);
    expect(knee).toBeGreaterThan(80);
    expect(knee).toBeLessThan(100);
    // the hips really go up from the start, the feet stay put
    expect(top.hip.y - start.hip.y).toBeGreaterThan(0.35);
    expect(dist(top.ankle, start.ankle)).toBeLessThan(0.01);
  });

  it('hip thrust on the floor is a diagonal with the knees highest; on the bench a level line', () => {
    const floor = exercisePoses('hip-thrust', 'floor').top;
    expect(floor.knee.y).toBeGreaterThan(floor.hip.y);
    expect(floor.hip.y).toBeGreaterThan(floor.shoulder.y);
    const bench = exercisePoses('hip-thrust', 'bench');
    expect(Math.abs(bench.top.hip.y - bench.top.shoulder.y)).toBeLessThan(0.01);
    expect(Math.abs(bench.top.knee.y - bench.top.hip.y)).toBeLessThan(0.01);
    // the upper back rests on the bench
    expect(bench.bench).toBeDefined();
    expect(bench.top.shoulder.x).toBeGreaterThan(bench.bench!.x0);
    expect(Math.abs(bench.top.shoulder.y - CONTACT - bench.bench!.top)).toBeLessThan(0.02);
  });

  it('upward dog: pressed up on straight arms, wrists under the shoulders, legs long, hips low', () => {
    const { start, top } = exercisePoses('upward-dog');
    expect(jointAngle(top.shoulder, top.elbow, top.wrist)).toBeGreaterThan(175);
    expect(Math.abs(top.wrist.x - top.shoulder.x)).toBeLessThan(0.05);
    expect(jointAngle(top.hip, top.knee, top.ankle)).toBeGreaterThan(175);
    expect(top.hip.y).toBeLessThan(0.5);
    expect(angleOf(top.hip, top.shoulder)).toBeGreaterThan(40);
    // the hands do not move, the start has the elbows bent
    expect(dist(top.wrist, start.wrist)).toBeLessThan(0.05);
    expect(jointAngle(start.shoulder, start.elbow, start.wrist)).toBeLessThan(90);
  });

  it('superman: arms, chest and legs lifted a little, the pelvis down', () => {
    const { start, top } = exercisePoses('superman');
    expect(top.hip.y).toBeCloseTo(start.hip.y, 6);
    for (const name of ['wrist', 'elbow', 'knee', 'ankle', 'shoulder'] as const) {
      expect(top[name].y, name).toBeGreaterThan(start[name].y + 0.05);
    }
    const lift = angleOf(top.hip, top.shoulder);
    expect(lift).toBeGreaterThan(5);
    expect(lift).toBeLessThan(25);
  });
});

describe('sketch geometry helpers', () => {
  it('jointsFromAngles chains segments and moves the anchor onto its place', () => {
    const j = jointsFromAngles({ torso: 90, neck: 90, thigh: -90, shank: -90, foot: 0, upperArm: -90, forearm: -90 }, 'ankle', { x: 1, y: 0.1 });
    expect(j.ankle.x).toBeCloseTo(1, 9);
    expect(j.ankle.y).toBeCloseTo(0.1, 9);
    expect(j.knee.y).toBeCloseTo(0.9, 6);
    expect(j.shoulder.y).toBeCloseTo(2.7, 6);
  });

  it('reach bends toward the requested side and lands on the target', () => {
    for (const bend of [1, -1] as const) {
      const r = reach({ x: 0, y: 0 }, { x: 1, y: 0 }, 0.8, 0.8, bend);
      const mid = { x: 0.8 * Math.cos((r.first * Math.PI) / 180), y: 0.8 * Math.sin((r.first * Math.PI) / 180) };
      expect(Math.sign(mid.y)).toBe(bend);
      expect(mid.x + 0.8 * Math.cos((r.second * Math.PI) / 180)).toBeCloseTo(1, 6);
    }
  });

  it('frame keeps the aspect, contains the content and puts the floor area at the bottom', () => {
    for (const [, p] of ALL) {
      const box = posesBounds(p, 0.2);
      const [x, y, w, h] = frame(box, 2, 0.25, 4.2);
      expect(w / h).toBeCloseTo(2, 6);
      expect(x).toBeLessThanOrEqual(box.minX);
      expect(x + w).toBeGreaterThanOrEqual(box.maxX);
      expect(-y).toBeGreaterThanOrEqual(box.maxY);
      expect(y + h).toBeCloseTo(0.2, 6);
    }
  });

  it('arrows end on their target', () => {
    const a = arrow({ from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, bow: 0.2 });
    expect(a.head[1]).toEqual({ x: 1, y: 1 });
    expect(a.d.startsWith('M0,0 Q')).toBe(true);
  });

  it('convexHull drops inner points', () => {
    const hull = convexHull([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 1, y: 0.5 }, { x: 2, y: 2 }, { x: 0, y: 2 }]);
    expect(hull).toHaveLength(4);
  });
});

describe('placement', () => {
  it.each([['upward-dog'], ['superman'], ['good-morning'], ['hip-thrust']] as const)('%s: camera at the side, at a sensible distance and height', (exercise) => {
    const p = placement(exercise);
    const standing = exercise === 'good-morning';
    // torso 1 ~ 50 cm: ~2-3 m standing, ~2 m on the floor
    expect(p.distance * 0.5).toBeGreaterThanOrEqual(standing ? 2 : 1.8);
    expect(p.distance * 0.5).toBeLessThanOrEqual(standing ? 3 : 2.2);
    // chest height standing, about the hip height of a person on the floor
    if (standing) {
      expect(p.aim.y).toBeGreaterThan(p.person.hip.y + 0.4);
      expect(p.aim.y).toBeLessThan(p.person.shoulder.y);
    } else {
      expect(p.aim.y).toBeLessThan(0.8);
    }
    // the camera's view holds the whole person
    const [a, , c] = [p.view[0]!, p.view[1]!, p.view[2]!];
    for (const v of Object.values(p.person)) {
      expect(v.x).toBeGreaterThan(a.x);
      expect(v.x).toBeLessThan(c.x);
      expect(v.y).toBeLessThan(c.y);
    }
    // the laptop is in front of the person (nearer the viewer: lower in the picture)
    expect(Math.max(...p.laptopBase.map((v) => v.y))).toBeLessThan(standing ? p.aim.y : p.person.hip.y + 0.5);
  });
});
