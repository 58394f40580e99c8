/**
 * The one angle that matters most for each exercise, for the training view's
 * arc on the video: where to draw it (vertex and directions in image
 * degrees), its value, and the target band along it, with limits taken from
 * each checker's config defaults (design/exercises.md, "Conventions"):
 *  - good morning: torso inclination at the hip, from vertical-up to the hip->shoulder line;
 *  - hip thrust: the signed hip angle shoulder-hip-knee (180 = on the knee-shoulder line);
 *  - superman and upward dog: torso elevation at the hip, from the horizontal
 *    (pointing toward the head) up to the hip->shoulder line.
 *
 * Image degrees: 0 = +x, 90 = +y (down the screen), as `ctx.arc` takes them
 * (after a conversion to radians). An arc runs straight from `fromDeg` to
 * `toDeg`: clockwise on screen (ctx.arc's anticlockwise = false) when
 * `toDeg > fromDeg`, anticlockwise when `toDeg < fromDeg`; it never wraps.
 *
 * Called once per frame: nothing is allocated after the first call for an
 * exercise. The returned object (and its bands and vertex) is reused and
 * rewritten by the next call for the same exercise; copy what must be kept.
 */
import { GOOD_MORNING_DEFAULTS } from '../exercises/good-morning/config.ts';
import { HIP_THRUST_DEFAULTS } from '../exercises/hip-thrust/config.ts';
import { hipAngleDeg } from '../exercises/hip-thrust/measures.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { SUPERMAN_DEFAULTS } from '../exercises/superman/config.ts';
import { UPWARD_DOG_DEFAULTS } from '../exercises/upward-dog/config.ts';
import { proneFacing } from '../exercises/upward-dog/measures.ts';
import { elevationAboveHorizontalDeg, inclinationFromVerticalDeg } from '../geometry/angles.ts';
import { cross } from '../geometry/vec.ts';
import type { BodyState } from './body-state.ts';
import type { ExerciseChecker } from './checker.ts';

export type KeyAngleLabel = 'torsoInclination' | 'hipAngle' | 'torsoElevation';
export type KeyAngleZone = 'good' | 'near' | 'off';

export interface KeyAngleBand {
  /** start and end directions of this stretch of the target band, image degrees (see the file comment) */
  readonly fromDeg: number;
  readonly toDeg: number;
  readonly zone: KeyAngleZone;
}

export interface KeyAngle {
  /** the joint the angle sits at (the near hip), image pixels */
  readonly vertex: { readonly x: number; readonly y: number };
  /** the reference direction (vertical-up, the horizontal toward the head, or hip->shoulder), image degrees */
  readonly fromDeg: number;
  /** the measured direction (hip->shoulder, or hip->knee for the hip thrust): fromDeg +- valueDeg */
  readonly toDeg: number;
  /** the angle itself, deg (may be negative: leaning back, shoulders below the hips) */
  readonly valueDeg: number;
  readonly label: KeyAngleLabel;
  /** where the value lies on the exercise's scale */
  readonly zone: KeyAngleZone;
  /** the target band along the arc, in the arc's order from fromDeg outward */
  readonly bands: readonly KeyAngleBand[];
}

/**
 * An exercise's scale along the measured angle (deg of the value, not image
 * directions): ascending edges with a zone between each pair, and the zones
 * below the first and above the last edge. A value exactly on an edge takes
 * the better of the two zones on either side (good > near > off): every
 * checker flags a fault only strictly past its limit, and counts a rep as
 * full (partial) from fullAt (partialFrom) on.
 */
export interface KeyAngleScale {
  readonly label: KeyAngleLabel;
  readonly edges: readonly number[];
  /** zones[i] lies between edges[i] and edges[i + 1] */
  readonly zones: readonly KeyAngleZone[];
  readonly below: KeyAngleZone;
  readonly above: KeyAngleZone;
}

/** Display only, not a checker threshold: how far the red band reaches past the last limit, deg. */
const OFF_BAND_DISPLAY_DEG = 15;

/**
 * Display only, not a checker threshold: the superman's arch limit has no
 * warning level in its config, so the last 5 deg before it show amber
 * (fixture tops raise the torso 6-14 deg, superman/config.ts maxArchDeg).
 */
const SUPERMAN_NEAR_MARGIN_DEG = 5;

/**
 * Hip thrust: the over-arch limit is a height of the hip above the
 * knee-shoulder line (torso lengths). The hip angle at which the hip stands
 * that high is 180 + asin(h / shoulder-hip) + asin(h / hip-knee) (the
 * triangle shoulder-hip-knee with height h over the line), taken with the
 * thigh the config's comment assumes: 0.8-0.9 torso, i.e. 0.85.
 */
const THIGH_TORSO = 0.85;
const DEG = 180 / Math.PI;
export function overArchHipAngleDeg(aboveLineTorso: number, thighTorso = THIGH_TORSO): number {
  return 180 + (Math.asin(Math.min(1, aboveLineTorso)) + Math.asin(Math.min(1, aboveLineTorso / thighTorso))) * DEG;
}

function scaleOf(exercise: ExerciseId): KeyAngleScale {
  switch (exercise) {
    case 'good-morning': {
      const c = GOOD_MORNING_DEFAULTS;
      return {
        label: 'torsoInclination',
        edges: [
          c.counter.partialFrom, // a hinge this deep is a (partial) rep: amber from here
          c.counter.fullAt, // full depth: green from here
          c.roundedBackInclinationDeg, // deeper than a neutral spine reaches: the back rounds (red past it)
          c.roundedBackInclinationDeg + OFF_BAND_DISPLAY_DEG,
        ],
        zones: ['near', 'good', 'off'],
        // standing tall is the start, not a fault: amber "on the way", red only past a limit
        below: 'near',
        above: 'off',
      };
    }
    case 'hip-thrust': {
      const c = HIP_THRUST_DEFAULTS;
      const overArch = overArchHipAngleDeg(c.overArchAboveLineTorso);
      return {
        label: 'hipAngle',
        edges: [
          c.sideCounter.partialFrom, // a low but real rep ("push the hips higher"): amber from here
          c.sideCounter.fullAt, // hips up to the knee-shoulder line (full extension): green from here
          overArch, // overArchAboveLineTorso as a hip angle (~190): over-arched past it, red
          overArch + OFF_BAND_DISPLAY_DEG,
        ],
        zones: ['near', 'good', 'off'],
        // hips down is the start position: amber "on the way", not red
        below: 'near',
        above: 'off',
      };
    }
    case 'superman': {
      const c = SUPERMAN_DEFAULTS;
      const nearFrom = Math.max(0, c.maxArchDeg - SUPERMAN_NEAR_MARGIN_DEG);
      return {
        label: 'torsoElevation',
        edges: [
          0, // the torso flat on the floor (display: where the green band starts)
          nearFrom, // SUPERMAN_NEAR_MARGIN_DEG short of the arch limit: amber
          c.maxArchDeg, // too big an arch past this: red
          c.maxArchDeg + OFF_BAND_DISPLAY_DEG,
        ],
        zones: ['good', 'near', 'off'],
        // the chest on the floor, or the shoulders below the hips, is no arch at all
        below: 'good',
        above: 'off',
      };
    }
    case 'upward-dog': {
      const c = UPWARD_DOG_DEFAULTS;
      return {
        label: 'torsoElevation',
        edges: [
          c.counter.partialFrom, // a (partial) press counts from here: amber
          c.counter.fullAt, // a full up dog's elevation: green from here
          c.topMaxElevationDeg, // near vertical: the hips stayed on the mat (a cobra), red past it
          c.topMaxElevationDeg + OFF_BAND_DISPLAY_DEG,
        ],
        zones: ['near', 'good', 'off'],
        // lying or in the plank is the start position: amber "on the way", not red
        below: 'near',
        above: 'off',
      };
    }
  }
}

const RANK: Record<KeyAngleZone, number> = { off: 0, near: 1, good: 2 };
const better = (a: KeyAngleZone, b: KeyAngleZone): KeyAngleZone => (RANK[a] >= RANK[b] ? a : b);

/** The zone of `valueDeg` on `scale` ('off' for NaN). */
export function zoneOnScale(scale: KeyAngleScale, valueDeg: number): KeyAngleZone {
  const { edges, zones } = scale;
  if (Number.isNaN(valueDeg) || edges.length === 0) return 'off';
  const first = edges[0]!;
  if (valueDeg < first) return scale.below;
  if (valueDeg === first) return better(scale.below, zones[0] ?? scale.above);
  for (let i = 0; i < zones.length; i++) {
    const hi = edges[i + 1]!;
    if (valueDeg < hi) return zones[i]!;
    if (valueDeg === hi) return better(zones[i]!, zones[i + 1] ?? scale.above);
  }
  return scale.above;
}

interface MutableBand {
  fromDeg: number;
  toDeg: number;
  zone: KeyAngleZone;
}

interface Slot {
  readonly scale: KeyAngleScale;
  readonly vertex: { x: number; y: number };
  readonly bands: MutableBand[];
  readonly angle: {
    vertex: { x: number; y: number };
    fromDeg: number;
    toDeg: number;
    valueDeg: number;
    label: KeyAngleLabel;
    zone: KeyAngleZone;
    bands: readonly KeyAngleBand[];
  };
}

const slots: Partial<Record<ExerciseId, Slot>> = {};

function slotOf(exercise: ExerciseId): Slot {
  let slot = slots[exercise];
  if (!slot) {
    const scale = scaleOf(exercise);
    const vertex = { x: 0, y: 0 };
    const bands: MutableBand[] = scale.zones.map((zone) => ({ fromDeg: 0, toDeg: 0, zone }));
    slot = { scale, vertex, bands, angle: { vertex, fromDeg: 0, toDeg: 0, valueDeg: Number.NaN, label: scale.label, zone: 'off', bands } };
    slots[exercise] = slot;
  }
  return slot;
}

/** The scale (band edges and zones) of an exercise's key angle, from the checker's config defaults. */
export function keyAngleScale(exercise: ExerciseId): KeyAngleScale {
  return slotOf(exercise).scale;
}

/** The zone of a key-angle value for an exercise. */
export function keyAngleZone(exercise: ExerciseId, valueDeg: number): KeyAngleZone {
  return zoneOnScale(slotOf(exercise).scale, valueDeg);
}

/** Image direction of the vector from -> to, deg (0 = +x, 90 = +y). */
const directionDeg = (from: { x: number; y: number }, to: { x: number; y: number }): number => Math.atan2(to.y - from.y, to.x - from.x) * DEG;

/**
 * The key angle of `exercise` on the near side of `body`, or null when the
 * joints it needs are unknown or the checker reads no angle in this view (a
 * torso pointing into the camera; the hip thrust counting on its oblique
 * signal). Reuses one object per exercise (see the file comment).
 */
export function keyAngleOf(exercise: ExerciseId, body: BodyState, checker: ExerciseChecker): KeyAngle | null {
  if (!body.present) return null;
  const { hip, shoulder, knee } = body.near;
  if (!hip.known || !shoulder.known) return null;

  let refDeg: number;
  let dir: 1 | -1;
  let valueDeg: number;
  switch (exercise) {
    case 'good-morning': {
      // as GoodMorningChecker.forwardInclinationDeg: + ahead of vertical in the way the person faces
      const inclination = inclinationFromVerticalDeg(hip, shoulder);
      const facing = body.standingFacing;
      valueDeg = facing === 0 || (shoulder.x - hip.x) * facing >= 0 ? inclination : -inclination;
      refDeg = -90; // vertical-up
      // forward is toward the facing direction: clockwise from up when facing +x
      dir = facing !== 0 ? facing : shoulder.x >= hip.x ? 1 : -1;
      break;
    }
    case 'hip-thrust': {
      if (!knee.known) return null;
      // an oblique view counts the rise of both sides' mean angle: the near angle there is mostly projection
      if (Number.isFinite(checker.live['hipRiseDeg'])) return null;
      const facing = body.frontFacing('supine');
      const live = checker.live['hipAngleDeg'];
      valueDeg = live !== undefined && Number.isFinite(live) ? live : hipAngleDeg(body.near, facing);
      refDeg = directionDeg(hip, shoulder);
      // signedJointAngleDeg measures from shoulder to knee clockwise on screen when facing +x,
      // anticlockwise when facing -x; unsigned (facing unknown): the short way round
      dir = facing !== 0 ? facing : cross(hip, shoulder, knee) >= 0 ? 1 : -1;
      break;
    }
    case 'superman':
    case 'upward-dog': {
      const maxSpread = exercise === 'superman' ? SUPERMAN_DEFAULTS.maxSpreadTorso : UPWARD_DOG_DEFAULTS.maxSpreadTorso;
      // the checkers read nothing with the torso pointing this far into the camera
      if (body.spreadTorso > maxSpread) return null;
      valueDeg = elevationAboveHorizontalDeg(hip, shoulder);
      const head = proneFacing(body) || (shoulder.x >= hip.x ? 1 : -1);
      // the horizontal toward the head; up the screen is anticlockwise from +x, clockwise from -x
      refDeg = head === 1 ? 0 : 180;
      dir = head === 1 ? -1 : 1;
      break;
    }
  }
  if (!Number.isFinite(valueDeg)) return null;

  const slot = slotOf(exercise);
  const { scale, bands, angle } = slot;
  slot.vertex.x = hip.x;
  slot.vertex.y = hip.y;
  angle.fromDeg = refDeg;
  angle.toDeg = refDeg + dir * valueDeg;
  angle.valueDeg = valueDeg;
  angle.zone = zoneOnScale(scale, valueDeg);
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    band.fromDeg = refDeg + dir * scale.edges[i]!;
    band.toDeg = refDeg + dir * scale.edges[i + 1]!;
  }
  return angle;
}
