/**
 * The moments around the exercise that a checker must not count: standing
 * still, walking in from off-frame, lying down, getting set. Also the
 * standing posture the standing exercises start from.
 */
import { anchorPose, type BodyPose, type SideAngles } from './body-model.ts';
import type { Segment } from './compose.ts';
import { FLOOR_CLEARANCE_TORSO, IDLE, STANDING } from './parameters.ts';
import { randomStream } from './prng.ts';
import { cosineEase } from './schedule.ts';

export interface StandingOptions {
  /** where the near ankle stands, along the forward axis (torso lengths) */
  readonly ankleU?: number;
  /** torso inclination: 0 upright, + hinged forward, - leaning back */
  readonly torsoDeg?: number;
  readonly kneeDeg?: number;
  /** shank lean from vertical, + knees forward over the toes */
  readonly shankForwardDeg?: number;
  readonly neckDeg?: number;
  readonly shoulderDeg?: number;
  readonly elbowDeg?: number;
  readonly shrugTorso?: number;
}

/**
 * A standing pose with both feet flat on the floor at ankleU: the legs are
 * built up from the ankle, so hinging or bending the knees moves the hips
 * (backward in a hinge), as it does on a real body.
 */
export function standingPose(options: StandingOptions = {}): BodyPose {
  const torsoDeg = options.torsoDeg ?? 0;
  const kneeDeg = options.kneeDeg ?? STANDING.kneeDeg;
  const shankForwardDeg = options.shankForwardDeg ?? 0;
  // ankle -> knee points shankForwardDeg; the thigh (hip -> knee) then follows from the knee angle
  const thighDeg = shankForwardDeg + kneeDeg;
  const side: SideAngles = {
    hipDeg: thighDeg - torsoDeg,
    kneeDeg,
    shoulderDeg: options.shoulderDeg ?? STANDING.shoulderDeg,
    elbowDeg: options.elbowDeg ?? STANDING.elbowDeg,
  };
  const unplaced: BodyPose = {
    rootU: 0,
    rootV: 0,
    torsoDeg,
    neckDeg: options.neckDeg ?? STANDING.neckDeg,
    shrugTorso: options.shrugTorso ?? 0,
    near: side,
    far: side,
  };
  return anchorPose(unplaced, 'ankle', { u: options.ankleU ?? 0, v: FLOOR_CLEARANCE_TORSO.ankleFootFlat });
}

const lerp = (a: number, b: number, w: number): number => a + (b - a) * w;

function blendSide(a: SideAngles, b: SideAngles, w: number): SideAngles {
  return {
    hipDeg: lerp(a.hipDeg, b.hipDeg, w),
    kneeDeg: lerp(a.kneeDeg, b.kneeDeg, w),
    shoulderDeg: lerp(a.shoulderDeg, b.shoulderDeg, w),
    elbowDeg: lerp(a.elbowDeg, b.elbowDeg, w),
  };
}

/** Every number of the pose interpolated: w = 0 gives a, 1 gives b. */
export function blendPoses(a: BodyPose, b: BodyPose, w: number): BodyPose {
  return {
    rootU: lerp(a.rootU, b.rootU, w),
    rootV: lerp(a.rootV, b.rootV, w),
    torsoDeg: lerp(a.torsoDeg, b.torsoDeg, w),
    neckDeg: lerp(a.neckDeg, b.neckDeg, w),
    shrugTorso: lerp(a.shrugTorso, b.shrugTorso, w),
    near: blendSide(a.near, b.near, w),
    far: blendSide(a.far, b.far, w),
  };
}

/** Key poses at fractions of a segment, eased from one to the next. */
function throughKeyPoses(keys: readonly { readonly at: number; readonly pose: BodyPose }[], durationMs: number): Segment {
  return {
    durationMs,
    motion(tMs) {
      const f = durationMs > 0 ? Math.min(1, Math.max(0, tMs / durationMs)) : 1;
      for (let i = 1; i < keys.length; i++) {
        const from = keys[i - 1];
        const to = keys[i];
        if (from && to && f <= to.at) return blendPoses(from.pose, to.pose, cosineEase((f - from.at) / (to.at - from.at)));
      }
      const last = keys[keys.length - 1];
      if (!last) throw new Error('throughKeyPoses: no keys');
      return last.pose;
    },
  };
}

/** Not moving at all. */
export function standStill(pose: BodyPose, durationMs: number): Segment {
  return { durationMs, motion: () => pose };
}

/**
 * The forward-axis position just outside the image on the side the figure
 * walks in from (it walks forward, so from behind): for walkIn's fromU.
 */
export function offFrameU(imageWidthPx: number, cameraDistancePx: number, centreXPx = imageWidthPx / 2): number {
  // the far edge from the centre, plus one torso so that the arms and head are out too
  return -(Math.max(centreXPx, imageWidthPx - centreXPx) / cameraDistancePx + 1);
}

export interface WalkInOptions {
  /** where the walk ends: a standing pose */
  readonly to: BodyPose;
  /** the root's starting position along the forward axis (offFrameU gives one outside the image) */
  readonly fromU: number;
  readonly durationMs: number;
}

/**
 * Walking forward from fromU to the standing pose `to`: full speed at the
 * start, slowing to a stop (sin ease-out), with a leg and arm swing that
 * fades with the speed.
 */
export function walkIn(options: WalkInOptions): Segment {
  const { to, fromU, durationMs } = options;
  return {
    durationMs,
    motion(tMs) {
      const f = Math.min(1, Math.max(0, tMs / durationMs));
      const speed = Math.cos((Math.PI / 2) * f);
      const phase = (2 * Math.PI * tMs) / IDLE.walkCycleMs;
      const swing = Math.sin(phase) * speed;
      // the leg swinging forward bends its knee most as it passes under the body
      const nearKneeBend = IDLE.walkKneeSwingDeg * speed * Math.max(0, Math.cos(phase)) ** 2;
      const farKneeBend = IDLE.walkKneeSwingDeg * speed * Math.max(0, -Math.cos(phase)) ** 2;
      const side = (base: SideAngles, legSwing: number, kneeBend: number): SideAngles => ({
        ...base,
        hipDeg: base.hipDeg - IDLE.walkHipSwingDeg * legSwing,
        kneeDeg: base.kneeDeg - kneeBend,
        // arms swing against the leg on the same side
        shoulderDeg: base.shoulderDeg - IDLE.walkArmSwingDeg * legSwing,
      });
      return {
        ...to,
        rootU: fromU + (to.rootU - fromU) * Math.sin((Math.PI / 2) * f),
        rootV: to.rootV - IDLE.walkBobTorso * Math.abs(swing),
        near: side(to.near, swing, nearKneeBend),
        far: side(to.far, -swing, farKneeBend),
      };
    },
  };
}

export interface LieDownOptions {
  /** a standing pose */
  readonly from: BodyPose;
  /** the lying pose to end in: prone (torso near 90) or supine (near -90) */
  readonly to: BodyPose;
  /** about 3 s for a calm lie-down */
  readonly durationMs: number;
}

/**
 * Getting from standing to the floor: prone goes through kneeling and hands
 * and knees, supine through a squat and sitting with the legs forward. The
 * torso turns from vertical to horizontal over the whole segment.
 */
export function lieDown(options: LieDownOptions): Segment {
  const { from, to, durationMs } = options;
  const straightArms: Pick<SideAngles, 'shoulderDeg' | 'elbowDeg'> = { shoulderDeg: 0, elbowDeg: 175 };
  if (to.torsoDeg > 45) {
    // the knees land where they will lie, one thigh behind the prone hips
    const kneesAtU = to.rootU - 0.8;
    const kneeling: BodyPose = {
      ...from,
      rootU: kneesAtU,
      rootV: IDLE.kneelHipHeightTorso,
      torsoDeg: 0,
      neckDeg: 0,
      near: { hipDeg: 180, kneeDeg: 90, ...straightArms },
      far: { hipDeg: 180, kneeDeg: 90, ...straightArms },
    };
    // hands and knees: torso near horizontal, thighs and arms vertical
    const allFoursTorsoDeg = 80;
    const allFoursSide: SideAngles = { hipDeg: 180 - allFoursTorsoDeg, kneeDeg: 90, shoulderDeg: allFoursTorsoDeg, elbowDeg: 180 };
    const allFours: BodyPose = { ...kneeling, torsoDeg: allFoursTorsoDeg, near: allFoursSide, far: allFoursSide };
    return throughKeyPoses([{ at: 0, pose: from }, { at: 0.35, pose: kneeling }, { at: 0.65, pose: allFours }, { at: 1, pose: to }], durationMs);
  }
  if (to.torsoDeg < -45) {
    // a squat down, then sitting where the hips will lie, legs forward, hands on the floor behind
    const squat: BodyPose = {
      ...from,
      rootU: to.rootU - 0.2,
      rootV: 0.9,
      torsoDeg: 30,
      near: { hipDeg: 75, kneeDeg: 70, shoulderDeg: 40, elbowDeg: 170 },
      far: { hipDeg: 75, kneeDeg: 70, shoulderDeg: 40, elbowDeg: 170 },
    };
    const sitting: BodyPose = {
      ...from,
      rootU: to.rootU,
      rootV: FLOOR_CLEARANCE_TORSO.hipLying,
      torsoDeg: -15,
      neckDeg: 10,
      near: { hipDeg: 105, kneeDeg: 110, shoulderDeg: -30, elbowDeg: 175 },
      far: { hipDeg: 105, kneeDeg: 110, shoulderDeg: -30, elbowDeg: 175 },
    };
    return throughKeyPoses([{ at: 0, pose: from }, { at: 0.35, pose: squat }, { at: 0.65, pose: sitting }, { at: 1, pose: to }], durationMs);
  }
  return throughKeyPoses([{ at: 0, pose: from }, { at: 1, pose: to }], durationMs);
}

export interface GetSetOptions {
  readonly pose: BodyPose;
  readonly durationMs: number;
  readonly seed?: number;
}

/**
 * Fidgeting in the start position: small smooth shifts of the hips and the
 * joint angles (two sines per number, seeded periods and phases) that fade in
 * and out, so the segment starts and ends exactly in `pose`.
 */
export function getSet(options: GetSetOptions): Segment {
  const { pose, durationMs } = options;
  const random = randomStream(options.seed ?? 1, 'get-set');
  const [slowMs, fastMs] = IDLE.getSetPeriodMs;
  const wobble = (amplitude: number): ((tMs: number) => number) => {
    const waves = [0, 1].map(() => ({ periodMs: random.uniform(slowMs, fastMs), phase: random.uniform(0, 2 * Math.PI) }));
    return (tMs) => (amplitude / 2) * waves.reduce((sum, w) => sum + Math.sin((2 * Math.PI * tMs) / w.periodMs + w.phase), 0);
  };
  const angle = (): ((tMs: number) => number) => wobble(IDLE.getSetAngleDeg);
  const sideWobble = () => ({ hipDeg: angle(), kneeDeg: angle(), shoulderDeg: angle(), elbowDeg: angle() });
  const w = { rootU: wobble(IDLE.getSetShiftTorso), torsoDeg: angle(), neckDeg: angle(), near: sideWobble(), far: sideWobble() };
  const side = (base: SideAngles, s: ReturnType<typeof sideWobble>, t: number, k: number): SideAngles => ({
    hipDeg: base.hipDeg + k * s.hipDeg(t),
    // knees and elbows only bend further: a straight joint does not over-extend
    kneeDeg: base.kneeDeg - k * Math.abs(s.kneeDeg(t)),
    shoulderDeg: base.shoulderDeg + k * s.shoulderDeg(t),
    elbowDeg: base.elbowDeg - k * Math.abs(s.elbowDeg(t)),
  });
  return {
    durationMs,
    motion(tMs) {
      const envelope = Math.sin(Math.PI * Math.min(1, Math.max(0, tMs / durationMs)));
      return {
        ...pose,
        rootU: pose.rootU + envelope * w.rootU(tMs),
        torsoDeg: pose.torsoDeg + envelope * w.torsoDeg(tMs),
        neckDeg: pose.neckDeg + envelope * w.neckDeg(tMs),
        near: side(pose.near, w.near, tMs, envelope),
        far: side(pose.far, w.far, tMs, envelope),
      };
    },
  };
}
