/**
 * Geometry of the exercise and placement sketches (ExerciseSketch.svelte, PlacementSketch.svelte).
 *
 * Pure functions, no DOM. Units are body units: the torso (hip to shoulder) is 1. Coordinates are
 * y-UP with the floor at y = 0 and the figure facing +x (its head end to the right); the components
 * flip y when they write SVG. A pose is given as the direction of every segment (degrees,
 * counter-clockwise from +x, measured from the joint nearer the hip), and `jointsFromAngles` chains
 * those into points, so every figure keeps the proportions below whatever the pose.
 */
import { describeExercise } from '../../core/exercises/registry.ts';
import type { ExerciseId, HipThrustVariant } from '../../core/exercises/ids.ts';

export interface Vec {
  x: number;
  y: number;
}

/** Segment lengths in torso lengths (a simplified adult: thigh and shank ~0.8 of the torso). */
export const SEGMENT = {
  torso: 1,
  thigh: 0.8,
  shank: 0.8,
  upperArm: 0.55,
  forearm: 0.5,
  neck: 0.12,
  foot: 0.22,
} as const;
export const HEAD_RADIUS = 0.14;
/** Stroke width of the limbs; a segment lying on the floor has its centre line this/2 above it. */
export const LIMB_WIDTH = 0.15;
export const CONTACT = LIMB_WIDTH / 2;

/** Direction of each segment, degrees counter-clockwise from +x (0 = toward the head end). */
export interface SegmentAngles {
  /** hip -> shoulder */
  torso: number;
  /** shoulder -> head */
  neck: number;
  /** hip -> knee */
  thigh: number;
  /** knee -> ankle */
  shank: number;
  /** ankle -> toe */
  foot: number;
  /** shoulder -> elbow */
  upperArm: number;
  /** elbow -> wrist */
  forearm: number;
}

export interface Joints {
  hip: Vec;
  shoulder: Vec;
  /** top of the neck */
  neck: Vec;
  /** centre of the head circle */
  head: Vec;
  knee: Vec;
  ankle: Vec;
  toe: Vec;
  elbow: Vec;
  wrist: Vec;
}

export type JointName = keyof Joints;

const RAD = Math.PI / 180;

export function dir(deg: number): Vec {
  return { x: Math.cos(deg * RAD), y: Math.sin(deg * RAD) };
}

export function add(a: Vec, b: Vec, k = 1): Vec {
  return { x: a.x + b.x * k, y: a.y + b.y * k };
}

export function sub(a: Vec, b: Vec): Vec {
  return { x: a.x - b.x, y: a.y - b.y };
}

export function dist(a: Vec, b: Vec): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Direction of the vector a -> b, degrees counter-clockwise from +x. */
export function angleOf(a: Vec, b: Vec): number {
  return Math.atan2(b.y - a.y, b.x - a.x) / RAD;
}

/** Interior angle at b of the path a-b-c, 0..180 degrees. */
export function jointAngle(a: Vec, b: Vec, c: Vec): number {
  const u = sub(a, b);
  const v = sub(c, b);
  const cos = (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y));
  return Math.acos(Math.min(1, Math.max(-1, cos))) / RAD;
}

/** Distance of p from the line through a and b (0 = collinear). */
export function distanceFromLine(p: Vec, a: Vec, b: Vec): number {
  const ab = sub(b, a);
  const ap = sub(p, a);
  return Math.abs(ab.x * ap.y - ab.y * ap.x) / Math.hypot(ab.x, ab.y);
}

/**
 * Chains segment directions into joint positions, then moves the figure so that joint `anchor`
 * lands on `at`.
 */
export function jointsFromAngles(a: SegmentAngles, anchor: JointName = 'hip', at: Vec = { x: 0, y: 0 }): Joints {
  const hip = { x: 0, y: 0 };
  const shoulder = add(hip, dir(a.torso), SEGMENT.torso);
  const neck = add(shoulder, dir(a.neck), SEGMENT.neck);
  const head = add(neck, dir(a.neck), HEAD_RADIUS);
  const knee = add(hip, dir(a.thigh), SEGMENT.thigh);
  const ankle = add(knee, dir(a.shank), SEGMENT.shank);
  const toe = add(ankle, dir(a.foot), SEGMENT.foot);
  const elbow = add(shoulder, dir(a.upperArm), SEGMENT.upperArm);
  const wrist = add(elbow, dir(a.forearm), SEGMENT.forearm);
  const joints: Joints = { hip, shoulder, neck, head, knee, ankle, toe, elbow, wrist };
  const shift = sub(at, joints[anchor]);
  for (const name of Object.keys(joints) as JointName[]) joints[name] = add(joints[name], shift);
  return joints;
}

/**
 * Two-segment reach (a leg or an arm) from `from` to `to`: the directions of the two segments.
 * `bend` picks the side of the middle joint: +1 = to the left of from->to (counter-clockwise),
 * -1 = to the right. A target out of reach gives the straight chain pointing at it.
 */
export function reach(from: Vec, to: Vec, l1: number, l2: number, bend: 1 | -1): { first: number; second: number } {
  const d = Math.min(dist(from, to), l1 + l2 - 1e-9);
  const base = angleOf(from, to);
  const cosA = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d);
  const a = Math.acos(Math.min(1, Math.max(-1, cosA))) / RAD;
  const first = base + bend * a;
  const mid = add(from, dir(first), l1);
  return { first, second: angleOf(mid, to) };
}

/** The start position and the top (or bottom) position of an exercise, plus its props. */
export interface ExercisePoses {
  start: Joints;
  top: Joints;
  /** hip-thrust bench: the bench's front edge x, its top y and its far end x */
  bench?: { x0: number; top: number; x1: number };
  /** good morning: the pole across the upper back, seen end on, in each phase */
  pole?: { start: Vec; top: Vec };
  /** arrows from the start toward the top position */
  motion: Motion[];
}

/** A curved arrow from `from` to `to`; `bow` bends it to the left of from->to (negative: right). */
export interface Motion {
  from: Vec;
  to: Vec;
  bow: number;
}

// ---------- the poses ----------

const ANKLE_STANDING_Y = 0.13;

function upwardDog(): ExercisePoses {
  // Top: arms straight and vertical (wrists under the shoulders), torso raised ~55 deg, the hips
  // low, legs long with only the tops of the feet on the floor.
  const lift = 55;
  const hipY = CONTACT + SEGMENT.upperArm + SEGMENT.forearm - Math.sin(lift * RAD) * SEGMENT.torso;
  const ankle = { x: -1.6, y: CONTACT + 0.01 };
  const leg = 180 + Math.asin((hipY - ankle.y) / (SEGMENT.thigh + SEGMENT.shank)) / RAD;
  const top = jointsFromAngles(
    { torso: lift, neck: lift + 12, thigh: leg, shank: leg, foot: 183, upperArm: -90, forearm: -90 },
    'ankle',
    ankle,
  );
  // Start: lying prone, hands flat beside the lower ribs where the top puts them, elbows up.
  const flat = { torso: 0, neck: 22, thigh: 180, shank: 180, foot: 183, upperArm: 0, forearm: 0 };
  const lying = jointsFromAngles(flat, 'ankle', ankle);
  const arm = reach(lying.shoulder, { x: top.wrist.x, y: CONTACT }, SEGMENT.upperArm, SEGMENT.forearm, -1);
  const start = jointsFromAngles({ ...flat, upperArm: arm.first, forearm: arm.second }, 'ankle', ankle);
  const motion = [{ from: add(start.head, { x: 0.12, y: 0.3 }), to: add(top.head, { x: 0.35, y: 0.05 }), bow: -0.25 }];
  return { start, top, motion };
}

function superman(): ExercisePoses {
  // Start: prone, arms stretched forward on the floor, face down.
  const start = jointsFromAngles(
    { torso: 0, neck: 16, thigh: 180, shank: 180, foot: 181, upperArm: 0, forearm: 0 },
    'hip',
    { x: 0, y: CONTACT },
  );
  // Top: a small lift: chest ~12 deg, arms and legs a little higher, the pelvis stays down and the
  // neck stays long (looking at the floor).
  const top = jointsFromAngles(
    { torso: 12, neck: 14, thigh: 170, shank: 168, foot: 174, upperArm: 19, forearm: 19 },
    'hip',
    { x: 0, y: CONTACT },
  );
  // small lifts beside the hands and the feet
  const motion = [
    { from: { x: start.wrist.x + 0.22, y: 0.14 }, to: { x: top.wrist.x + 0.24, y: top.wrist.y }, bow: 0 },
    { from: { x: start.toe.x - 0.2, y: 0.14 }, to: { x: top.toe.x - 0.2, y: top.toe.y + 0.02 }, bow: 0 },
  ];
  return { start, top, motion };
}

/** Where a pole across the upper back sits: just behind and below the top of the torso. */
function polePoint(j: Joints, torso: number): Vec {
  return add(add(j.shoulder, dir(torso + 90), 0.13), dir(torso), -0.05);
}

function withHandsAt(angles: SegmentAngles, anchor: JointName, at: Vec, hands: (j: Joints) => Vec, bend: 1 | -1): Joints {
  const j = jointsFromAngles(angles, anchor, at);
  const arm = reach(j.shoulder, hands(j), SEGMENT.upperArm, SEGMENT.forearm, bend);
  return jointsFromAngles({ ...angles, upperArm: arm.first, forearm: arm.second }, anchor, at);
}

function goodMorning(): ExercisePoses {
  // The two phases stand side by side (an overlay hides the hinge behind the standing figure).
  // Start: standing tall, knees soft, the pole on the upper back, hands holding it.
  const standing: SegmentAngles = { torso: 90, neck: 90, thigh: -88, shank: -92, foot: -14, upperArm: 0, forearm: 0 };
  const start = withHandsAt(standing, 'ankle', { x: -2.1, y: ANKLE_STANDING_Y }, (j) => polePoint(j, standing.torso), 1);
  // Bottom: hinged from the hips to a torso inclination of 70 deg from vertical (20 deg above the
  // horizontal), hips pushed back, knees soft (~155 deg), neck in line with the back.
  const hinged: SegmentAngles = { torso: 20, neck: 24, thigh: -70, shank: -95, foot: -14, upperArm: 0, forearm: 0 };
  const top = withHandsAt(hinged, 'ankle', { x: 0, y: ANKLE_STANDING_Y }, (j) => polePoint(j, hinged.torso), 1);
  const motion = [{ from: { x: -1.7, y: 2.55 }, to: { x: -0.5, y: 2.35 }, bow: -0.15 }];
  return { start, top, pole: { start: polePoint(start, standing.torso), top: polePoint(top, hinged.torso) }, motion };
}

function hipThrustFloor(): ExercisePoses {
  // Start: lying on the back, knees bent, feet flat, arms along the body on the floor.
  const ankle = { x: -1.0, y: ANKLE_STANDING_Y };
  const lying: SegmentAngles = { torso: 0, neck: 18, thigh: 0, shank: 0, foot: 190, upperArm: 180, forearm: 180 };
  const hip = { x: 0, y: CONTACT };
  const leg = reach(hip, ankle, SEGMENT.thigh, SEGMENT.shank, -1);
  const start = jointsFromAngles({ ...lying, thigh: leg.first, shank: leg.second }, 'hip', hip);
  // Top: shoulders and feet stay, the hips rise until knee, hip and shoulder are one line.
  const shoulder = start.shoulder;
  const line = reach(shoulder, ankle, SEGMENT.torso + SEGMENT.thigh, SEGMENT.shank, -1);
  const topHip = add(shoulder, dir(line.first), SEGMENT.torso);
  const top = jointsFromAngles(
    { ...lying, torso: line.first + 180, thigh: line.first, shank: line.second },
    'hip',
    topHip,
  );
  const motion = [{ from: add(start.hip, { x: 0.1, y: 0.08 }), to: add(top.hip, { x: 0.1, y: -0.13 }), bow: 0 }];
  return { start, top, motion };
}

function hipThrustBench(): ExercisePoses {
  // A bench about 0.85 torso lengths high (~40-45 cm), its front edge under the shoulder blades.
  const bench = { x0: 0.85, top: 0.85, x1: 2.3 };
  const corner = { x: bench.x0, y: bench.top };
  const ankle = { x: -0.8, y: ANKLE_STANDING_Y };
  // the arms rest along the bench top, straight
  const onBench = (j: Joints): Vec => {
    const y = bench.top + CONTACT;
    const reachX = Math.sqrt((SEGMENT.upperArm + SEGMENT.forearm) ** 2 - (j.shoulder.y - y) ** 2);
    return { x: j.shoulder.x + reachX, y };
  };
  // Top: upper back on the bench, hips up level with knees and shoulders, shins vertical.
  const y = ankle.y + SEGMENT.shank;
  const topAngles: SegmentAngles = { torso: 0, neck: 40, thigh: 180, shank: -90, foot: 182, upperArm: 0, forearm: 0 };
  const top = withHandsAt(topAngles, 'knee', { x: ankle.x, y }, onBench, 1);
  // Bottom: hips lowered toward the floor, the back rolled over the bench edge.
  const tilt = 40;
  const along = dir(tilt);
  const contact = add(corner, dir(tilt + 90), CONTACT);
  const shoulder = add(contact, along, 0.15);
  const hip = add(shoulder, along, -SEGMENT.torso);
  const leg = reach(hip, ankle, SEGMENT.thigh, SEGMENT.shank, -1);
  const startAngles: SegmentAngles = { torso: tilt, neck: tilt + 22, thigh: leg.first, shank: leg.second, foot: 182, upperArm: 0, forearm: 0 };
  const start = withHandsAt(startAngles, 'hip', hip, onBench, 1);
  const motion = [{ from: add(start.hip, { x: 0, y: 0.14 }), to: add(top.hip, { x: 0, y: -0.15 }), bow: 0 }];
  return { start, top, bench, motion };
}

/** Each exercise's sketch, by its id (the hip thrust's by its variant). */
const POSES: Readonly<Record<ExerciseId, (variant: HipThrustVariant) => ExercisePoses>> = {
  'upward-dog': () => upwardDog(),
  superman: () => superman(),
  'good-morning': () => goodMorning(),
  'hip-thrust': (variant) => (variant === 'bench' ? hipThrustBench() : hipThrustFloor()),
};

export function exercisePoses(exercise: ExerciseId, variant: HipThrustVariant = 'floor'): ExercisePoses {
  return POSES[exercise](variant);
}

// ---------- framing ----------

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounding box (y up) of the figures, their strokes and heads, the props, and `ground` below the floor. */
export function posesBounds(p: ExercisePoses, ground = 0): Box {
  const box: Box = { minX: Infinity, minY: -ground, maxX: -Infinity, maxY: -Infinity };
  const grow = (v: Vec, r: number): void => {
    box.minX = Math.min(box.minX, v.x - r);
    box.maxX = Math.max(box.maxX, v.x + r);
    box.minY = Math.min(box.minY, v.y - r);
    box.maxY = Math.max(box.maxY, v.y + r);
  };
  for (const j of [p.start, p.top]) {
    for (const name of Object.keys(j) as JointName[]) grow(j[name], name === 'head' ? HEAD_RADIUS : LIMB_WIDTH / 2);
  }
  if (p.bench) {
    grow({ x: p.bench.x0, y: p.bench.top }, 0);
    grow({ x: p.bench.x1, y: 0 }, 0);
  }
  if (p.pole) {
    grow(p.pole.start, 0.1);
    grow(p.pole.top, 0.1);
  }
  for (const m of p.motion) {
    grow(m.from, 0.06);
    grow(m.to, 0.1);
  }
  return box;
}

/**
 * An SVG viewBox (y down, so y = -up) around `box` with `pad` on the sides and top, at least
 * `minWidth` wide, widened or heightened to `aspect` (width / height). The content is centred
 * across and sits on the bottom edge (the floor stays at the bottom; spare height goes above).
 * Returns [x, y, width, height].
 */
export function frame(box: Box, aspect: number, pad: number, minWidth = 0): [number, number, number, number] {
  let w = Math.max(box.maxX - box.minX + 2 * pad, minWidth);
  let h = box.maxY - box.minY + pad;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  const cx = (box.minX + box.maxX) / 2;
  return [cx - w / 2, -(box.minY + h), w, h];
}

/** An arrow along a motion: the SVG path of its shaft (y flipped) and its head's three points. */
export function arrow(m: Motion, headLength = 0.13): { d: string; head: Vec[] } {
  const mid = { x: (m.from.x + m.to.x) / 2, y: (m.from.y + m.to.y) / 2 };
  const control = add(mid, dir(angleOf(m.from, m.to) + 90), m.bow);
  const end = angleOf(control, m.to);
  const head = [add(m.to, dir(end + 150), headLength), m.to, add(m.to, dir(end - 150), headLength)];
  const tip = add(m.to, dir(end), -headLength * 0.6);
  const d = `M${round(m.from.x)},${round(-m.from.y)} Q${round(control.x)},${round(-control.y)} ${round(tip.x)},${round(-tip.y)}`;
  return { d, head };
}

/** "x,y x,y ..." for an SVG polyline (y flipped), rounded to keep the markup small. */
export function svgPoints(points: readonly Vec[]): string {
  return points.map((p) => `${round(p.x)},${round(-p.y)}`).join(' ');
}

export function round(v: number): number {
  return Math.round(v * 1000) / 1000 + 0;
}

// ---------- the placement diagram ----------
//
// A 3/4 view from above and in front of the person: the person in side view at depth 0 (the same
// figure as the exercise sketch), the laptop in the foreground at depth -distance with its screen
// and camera facing the person's side, so the camera sees what the viewer sees. Oblique
// projection: depth runs up and to the right, foreshortened (the distance is drawn shorter than
// it is; the label gives it).

export interface Vec3 {
  /** across the picture (the person's head end is +x) */
  x: number;
  /** up */
  y: number;
  /** depth, away from the viewer; the person at 0, the camera at -distance */
  z: number;
}

const DEPTH_ANGLE = 60;

/** Oblique projection; `depthScale` shortens depth (more for the low floor scenes, less when
 * standing so the laptop on its table does not hide the person). */
export function project(p: Vec3, depthScale: number): Vec {
  return { x: p.x + p.z * depthScale * Math.cos(DEPTH_ANGLE * RAD), y: p.y + p.z * depthScale * Math.sin(DEPTH_ANGLE * RAD) };
}

export interface Placement {
  /** the person in the exercise's top position, at depth 0 (picture plane, y up) */
  person: Joints;
  pole?: Vec;
  standing: boolean;
  /** camera distance in body units (torso 1 ~ 50 cm) */
  distance: number;
  /** the camera lens and the point straight ahead of it in the person's plane (same height) */
  lens: Vec;
  aim: Vec;
  /** what the camera should see: a frame around the person, in the person's plane */
  view: Vec[];
  /** the camera's view, lens to frame: the outline of the pyramid */
  frustum: Vec[];
  floor: Vec[];
  /** the exercise mat under a floor exercise */
  mat?: Vec[];
  laptopBase: Vec[];
  laptopLid: Vec[];
  /** standing: the table the laptop stands on */
  table?: { top: Vec[]; legs: [Vec, Vec][] };
  /** the dimension arrow on the floor, laptop to person */
  dimension: { from: Vec; to: Vec };
}

/** Convex hull (counter-clockwise), for the outline of the camera's pyramid. */
export function convexHull(points: readonly Vec[]): Vec[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: Vec, a: Vec, b: Vec): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Vec[]): Vec[] => {
    const h: Vec[] = [];
    for (const p of list) {
      while (h.length >= 2 && cross(h[h.length - 2] as Vec, h[h.length - 1] as Vec, p) <= 0) h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  return [...half(pts), ...half([...pts].reverse())];
}

function jointList(j: Joints): Vec[] {
  return (Object.keys(j) as JointName[]).map((n) => j[n]);
}

export function placement(exercise: ExerciseId): Placement {
  const standing = describeExercise(exercise).posture === 'standing';
  const poses = exercisePoses(exercise);
  // Standing: the person standing tall (the camera at chest height is easy to see), the hinge
  // inside the camera's view too; the exercise sketch draws the two phases apart, put them on the
  // same feet. Floor: the top position, the start inside the view too.
  const shift = sub(poses.top.ankle, poses.start.ankle);
  const moved = (j: Joints): Joints => {
    const out = { ...j };
    for (const n of Object.keys(out) as JointName[]) out[n] = add(out[n], shift);
    return out;
  };
  const person = standing ? moved(poses.start) : poses.top;
  const other = standing ? poses.top : poses.start;
  const pts = [...jointList(person), ...jointList(other)];
  const minX = Math.min(...pts.map((p) => p.x)) - 0.3;
  const maxX = Math.max(...pts.map((p) => p.x)) + 0.3;
  const topY = Math.max(...pts.map((p) => p.y)) + HEAD_RADIUS + 0.25;
  const centre = (minX + maxX) / 2;
  // ~2.5 m standing, ~2 m for the floor exercises (torso 1 ~ 50 cm)
  const distance = standing ? 5 : 4;
  const z = -distance;
  // the laptop stands on a table with the camera at about chest height when standing, and on the
  // floor (about the hip height of someone on the floor) for the floor exercises
  const tableY = standing ? 2.0 : 0;
  const base = { w: 0.72, d: 0.5, h: 0.04 };
  const lidLength = 0.52;
  const lidTilt = 12;
  const bx0 = centre - base.w / 2;
  const bx1 = centre + base.w / 2;
  const hingeZ = z - base.d / 2;
  const lidTopY = tableY + base.h + lidLength * Math.cos(lidTilt * RAD);
  const lidTopZ = hingeZ - lidLength * Math.sin(lidTilt * RAD);
  const lens3 = { x: centre, y: lidTopY - 0.06, z: lidTopZ };
  const q = (x: number, y: number, zz: number): Vec => project({ x, y, z: zz }, standing ? 0.55 : 0.3);
  const lens = q(lens3.x, lens3.y, lens3.z);
  const view = [
    { x: minX, y: 0 },
    { x: maxX, y: 0 },
    { x: maxX, y: topY },
    { x: minX, y: topY },
  ];
  const result: Placement = {
    person,
    standing,
    distance,
    lens,
    aim: { x: centre, y: lens3.y },
    view,
    frustum: convexHull([lens, ...view]),
    floor: [q(minX - 0.5, 0, z - 1.2), q(maxX + 0.5, 0, z - 1.2), q(maxX + 0.5, 0, 1.5), q(minX - 0.5, 0, 1.5)],
    laptopBase: [q(bx0, tableY + base.h, hingeZ), q(bx1, tableY + base.h, hingeZ), q(bx1, tableY + base.h, hingeZ + base.d), q(bx0, tableY + base.h, hingeZ + base.d)],
    laptopLid: [q(bx0, tableY + base.h, hingeZ), q(bx1, tableY + base.h, hingeZ), q(bx1, lidTopY, lidTopZ), q(bx0, lidTopY, lidTopZ)],
    dimension: { from: q(maxX + 0.15, 0, z + 0.3), to: q(maxX + 0.15, 0, -0.2) },
  };
  if (poses.pole) result.pole = standing ? add(poses.pole.start, shift) : poses.pole.top;
  if (!standing) result.mat = [q(minX + 0.1, 0, -0.6), q(maxX - 0.1, 0, -0.6), q(maxX - 0.1, 0, 0.6), q(minX + 0.1, 0, 0.6)];
  else {
    const t = { x0: centre - 0.6, x1: centre + 0.6, z0: z - 0.45, z1: z + 0.45 };
    const leg = (x: number, zz: number): [Vec, Vec] => [q(x, tableY, zz), q(x, 0, zz)];
    result.table = {
      top: [q(t.x0, tableY, t.z0), q(t.x1, tableY, t.z0), q(t.x1, tableY, t.z1), q(t.x0, tableY, t.z1)],
      legs: [leg(t.x0 + 0.08, t.z1 - 0.08), leg(t.x1 - 0.08, t.z1 - 0.08), leg(t.x0 + 0.08, t.z0 + 0.08), leg(t.x1 - 0.08, t.z0 + 0.08)],
    };
  }
  return result;
}

/** Bounding box (y up) of everything in a placement diagram, with room for a label reaching
 * `labelExtent` to the right of the dimension arrow's middle. */
export function placementBounds(p: Placement, labelExtent: number): Box {
  const pts = [...p.floor, ...p.view, ...p.laptopLid, ...(p.table?.top ?? [])];
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const v of pts) {
    box.minX = Math.min(box.minX, v.x);
    box.maxX = Math.max(box.maxX, v.x);
    box.minY = Math.min(box.minY, v.y);
    box.maxY = Math.max(box.maxY, v.y);
  }
  const mid = { x: (p.dimension.from.x + p.dimension.to.x) / 2, y: (p.dimension.from.y + p.dimension.to.y) / 2 };
  box.maxX = Math.max(box.maxX, mid.x + labelExtent);
  return box;
}
