/**
 * The one angle that matters most for an exercise, for the training view's
 * arc on the video: where to draw it (vertex and directions in image
 * degrees), its value, and the target band along it. Each exercise
 * describes its own angle (ExerciseChecker.keyAngleScale and readKeyAngle,
 * in its folder's key-angle.ts, with limits from its config defaults); this
 * file only turns a reading into an arc and bands, for any exercise.
 *
 * Image degrees: 0 = +x, 90 = +y (down the screen), as `ctx.arc` takes them
 * (after a conversion to radians). An arc runs straight from `fromDeg` to
 * `toDeg`: clockwise on screen (ctx.arc's anticlockwise = false) when
 * `toDeg > fromDeg`, anticlockwise when `toDeg < fromDeg`; it never wraps.
 *
 * Called once per frame: nothing is allocated after the first call for a
 * checker. The returned object (and its bands and vertex) is reused and
 * rewritten by the next call for the same checker; copy what must be kept.
 */
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

/**
 * What an exercise reads of its key angle in one frame: the reference
 * direction (image degrees), the way the angle opens from it on screen (+1
 * clockwise, -1 anticlockwise) and the angle itself, deg.
 */
export interface KeyAngleReading {
  refDeg: number;
  dir: 1 | -1;
  valueDeg: number;
}

/** Display only, not a checker threshold: how far the red band reaches past the last limit, deg. */
export const OFF_BAND_DISPLAY_DEG = 15;

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
  readonly reading: KeyAngleReading;
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

const slots = new WeakMap<ExerciseChecker, Slot>();

function slotOf(checker: ExerciseChecker): Slot {
  let slot = slots.get(checker);
  if (!slot) {
    const scale = checker.keyAngleScale;
    const vertex = { x: 0, y: 0 };
    const bands: MutableBand[] = scale.zones.map((zone) => ({ fromDeg: 0, toDeg: 0, zone }));
    slot = { scale, vertex, bands, angle: { vertex, fromDeg: 0, toDeg: 0, valueDeg: Number.NaN, label: scale.label, zone: 'off', bands }, reading: { refDeg: 0, dir: 1, valueDeg: Number.NaN } };
    slots.set(checker, slot);
  }
  return slot;
}

/** Image direction of the vector from -> to, deg (0 = +x, 90 = +y). */
export const directionDeg = (from: { x: number; y: number }, to: { x: number; y: number }): number => (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;

/**
 * The key angle the checker reads on the near side of `body`, at the near
 * hip, or null when the joints it needs are unknown or the checker reads no
 * angle in this view (a torso pointing into the camera; the hip thrust
 * counting on its oblique signal). Reuses one object per checker (see the
 * file comment).
 */
export function keyAngleOf(checker: ExerciseChecker, body: BodyState): KeyAngle | null {
  if (!body.present) return null;
  const { hip, shoulder } = body.near;
  if (!hip.known || !shoulder.known) return null;
  const slot = slotOf(checker);
  const { scale, bands, angle, reading } = slot;
  if (!checker.readKeyAngle(body, reading) || !Number.isFinite(reading.valueDeg)) return null;
  const { refDeg, dir, valueDeg } = reading;
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
