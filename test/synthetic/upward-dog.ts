/**
 * Upward facing dog (exercises.md section 1): from lying prone (or a low
 * push-up, after a plank) press up on the hands into a back bend, hold, and
 * lower.
 *
 * The feet and the hands stay planted: the hips rise a little and the torso
 * swings up, the legs reach back to the ankles and the arms down to the
 * wrists (two-segment inverse kinematics for knees and elbows). Each rep's
 * top is solved so that the wrist is under the shoulder (or ahead of it, for
 * the handsForward fault) with the arms nearly straight; between reps the
 * hands slide to the next rep's spot while the body rests.
 *
 * Lying prone, the head points to +u: with facing +1 the head is at +x.
 */
import { directionDeg, poseFromDirections, SEGMENT_TORSO, twoLinkMiddle, type BodyPose, type SagittalPoint } from './body-model.ts';
import { distancePx, figurePoints, headLineDeg, jointAngleDeg, torsoElevationDeg } from './measure.ts';
import { limbChord } from './numeric.ts';
import { DESIGN_THRESHOLDS, FLOOR_CLEARANCE_TORSO, UPWARD_DOG } from './parameters.ts';
import { cosineEase, repSchedule, type ScheduleOptions } from './schedule.ts';
import { selectedReps, summarize, type BuiltExercise, type FaultSelector, type FaultTruth, type RepTruth } from './truth.ts';

export const UPWARD_DOG_FAULTS = ['handsForward', 'kneesBent', 'depthJump', 'shouldersShrugged', 'headBack'] as const;
export type UpwardDogFault = (typeof UPWARD_DOG_FAULTS)[number];

export interface UpwardDogOptions extends ScheduleOptions {
  /** torso elevation at the top of a full-depth rep */
  readonly peakElevationDeg?: number;
  /** start (and rest between reps) in a low push-up, after a plank held in the start delay */
  readonly fromPlank?: boolean;
  /** where the ankles lie along the forward axis (torso lengths from the image centre) */
  readonly ankleU?: number;
  readonly faults?: {
    /**
     * wrist ahead of the shoulder at the top by 0.4 torso: the hands are
     * placed too far forward for the whole set (a per-rep choice would slide
     * them past the shoulders between reps, which a 2D figure cannot do smoothly)
     */
    readonly handsForward?: boolean;
    /** knee angle ~145 at the top */
    readonly kneesBent?: FaultSelector;
    /** 20 deg deeper than the set's peak; true = the second rep (early in the set) */
    readonly depthJump?: FaultSelector;
    /** ears sink toward the shoulders at the top */
    readonly shouldersShrugged?: FaultSelector;
    /** head thrown back at the top */
    readonly headBack?: FaultSelector;
  };
}

const RAD = Math.PI / 180;
/** hands forward: the wrists stay at least this far ahead of the resting shoulders */
const HANDS_AHEAD_OF_REST_TORSO = 0.1;
const lerp = (a: number, b: number, w: number): number => a + (b - a) * w;
const { thigh: THIGH, shank: SHANK, upperArm: UPPER_ARM, forearm: FOREARM } = SEGMENT_TORSO;

/** The body's placement at one moment: everything else follows from the planted hands and feet. */
interface Placement {
  readonly hipV: number;
  readonly torsoElevationDeg: number;
  readonly kneeDeg: number;
  readonly ankleV: number;
  readonly neckDeg: number;
  readonly shrugTorso: number;
}

export function upwardDog(options: UpwardDogOptions = {}): BuiltExercise<UpwardDogFault> {
  const { timing, faults: FAULT } = UPWARD_DOG;
  const count = options.reps ?? 3;
  const faults = options.faults ?? {};
  const handsForward = selectedReps(faults.handsForward ?? false, count);
  const kneesBent = selectedReps(faults.kneesBent, count);
  if (faults.depthJump === true && count < 2) throw new Error('upwardDog: depthJump needs a rep before the jump');
  const depthJump = selectedReps(faults.depthJump === true ? [1] : faults.depthJump, count);
  const shrugged = selectedReps(faults.shouldersShrugged, count);
  const headBack = selectedReps(faults.headBack, count);
  const schedule = repSchedule({ ...timing, ...options, reps: count });
  const fromPlank = options.fromPlank ?? false;
  const ankleU = options.ankleU ?? -1.35;
  const peakElevationDeg = options.peakElevationDeg ?? UPWARD_DOG.peakElevationDeg;

  const legReach = (kneeDeg: number): number => limbChord(THIGH, SHANK, 180 - kneeDeg).length;
  const armReach = (elbowDeg: number): number => limbChord(UPPER_ARM, FOREARM, 180 - elbowDeg).length;
  const hipAt = (p: Placement): SagittalPoint => {
    const rise = p.hipV - p.ankleV;
    return { u: ankleU + Math.sqrt(Math.max(0, legReach(p.kneeDeg) ** 2 - rise ** 2)), v: p.hipV };
  };
  const shoulderAt = (p: Placement): SagittalPoint => {
    const hip = hipAt(p);
    return { u: hip.u + Math.cos(p.torsoElevationDeg * RAD), v: hip.v + Math.sin(p.torsoElevationDeg * RAD) };
  };

  // resting between reps: flat on the floor, or a low push-up (body straight, chest hovering, on the toes)
  const lowPushUpDeg = Math.asin((UPWARD_DOG.lowPushUpShoulderHeightTorso - FLOOR_CLEARANCE_TORSO.ankleOnToes) / 2.6) / RAD;
  const rest: Placement = fromPlank
    ? {
        hipV: FLOOR_CLEARANCE_TORSO.ankleOnToes + 1.6 * Math.sin(lowPushUpDeg * RAD),
        torsoElevationDeg: lowPushUpDeg,
        kneeDeg: 180,
        ankleV: FLOOR_CLEARANCE_TORSO.ankleOnToes,
        neckDeg: 0,
        shrugTorso: 0,
      }
    : { hipV: FLOOR_CLEARANCE_TORSO.hipLying, torsoElevationDeg: 0, kneeDeg: UPWARD_DOG.kneeDeg, ankleV: FLOOR_CLEARANCE_TORSO.ankleProne, neckDeg: 0, shrugTorso: 0 };
  // the plank before a low push-up: straight arms, straight body from the toes
  const plankShoulderV = FLOOR_CLEARANCE_TORSO.wristOnFloor + armReach(180);
  const plankDeg = Math.asin((plankShoulderV - FLOOR_CLEARANCE_TORSO.ankleOnToes) / 2.6) / RAD;
  const plank: Placement = { ...rest, hipV: FLOOR_CLEARANCE_TORSO.ankleOnToes + 1.6 * Math.sin(plankDeg * RAD), torsoElevationDeg: plankDeg };

  const perRep = schedule.reps.map((rep, i) => {
    const torsoElevationDeg = peakElevationDeg * rep.depth + (depthJump.has(i) ? FAULT.depthJumpExtraDeg : 0);
    const handOffsetTorso = handsForward.has(i) ? FAULT.handsForwardOffsetTorso : 0;
    // the wrist on the floor, handOffset ahead of the shoulder, arms at elbowTopDeg: that sets the shoulder's height
    const shoulderV = FLOOR_CLEARANCE_TORSO.wristOnFloor + Math.sqrt(armReach(UPWARD_DOG.elbowTopDeg) ** 2 - handOffsetTorso ** 2);
    const top: Placement = {
      hipV: shoulderV - Math.sin(torsoElevationDeg * RAD),
      torsoElevationDeg,
      kneeDeg: kneesBent.has(i) ? FAULT.kneesBentDeg : UPWARD_DOG.kneeDeg,
      ankleV: FLOOR_CLEARANCE_TORSO.ankleProne,
      neckDeg: headBack.has(i) ? FAULT.headBackNeckDeg : UPWARD_DOG.neutralNeckDeg,
      shrugTorso: shrugged.has(i) ? FAULT.shrugTorso : 0,
    };
    // hands forward: also ahead of the resting shoulders, so the elbows never swap sides (a deep rep moves the top shoulders back)
    const wristU = handsForward.has(i) ? Math.max(shoulderAt(top).u + handOffsetTorso, shoulderAt(rest).u + HANDS_AHEAD_OF_REST_TORSO) : shoulderAt(top).u;
    const wrist: SagittalPoint = { u: wristU, v: FLOOR_CLEARANCE_TORSO.wristOnFloor };
    return { top, wrist };
  });

  const blend = (a: Placement, b: Placement, w: number): Placement => ({
    hipV: lerp(a.hipV, b.hipV, w),
    torsoElevationDeg: lerp(a.torsoElevationDeg, b.torsoElevationDeg, w),
    kneeDeg: lerp(a.kneeDeg, b.kneeDeg, w),
    ankleV: lerp(a.ankleV, b.ankleV, w),
    neckDeg: lerp(a.neckDeg, b.neckDeg, w),
    shrugTorso: lerp(a.shrugTorso, b.shrugTorso, w),
  });

  const poseOf = (p: Placement, wrist: SagittalPoint): BodyPose => {
    const ankle = { u: ankleU, v: p.ankleV };
    const hip = hipAt(p);
    const shoulder = shoulderAt(p);
    // bent knees sag toward the floor; bent elbows point back toward the hips (and up, lying flat)
    const { middle: knee } = twoLinkMiddle(hip, ankle, THIGH, SHANK, 'knee');
    // hands ahead of the shoulders: lying flat, the elbows can only point up and forward
    const { middle: elbow } = twoLinkMiddle(shoulder, wrist, UPPER_ARM, FOREARM, 'elbow', faults.handsForward ?? false);
    const torsoDeg = directionDeg(hip, shoulder);
    return poseFromDirections({
      rootU: hip.u,
      rootV: hip.v,
      torsoDeg,
      neckDeg: torsoDeg + p.neckDeg,
      shrugTorso: p.shrugTorso,
      near: {
        thighDeg: directionDeg(hip, knee),
        shankDeg: directionDeg(knee, ankle),
        upperArmDeg: directionDeg(shoulder, elbow),
        forearmDeg: directionDeg(elbow, wrist),
      },
    });
  };

  const firstWrist = perRep[0]?.wrist ?? { u: 0, v: FLOOR_CLEARANCE_TORSO.wristOnFloor };
  const motion = (tMs: number): BodyPose => {
    const state = schedule.stateAt(tMs);
    if (state.phase === 'before') {
      if (!fromPlank) return poseOf(rest, firstWrist);
      // hold the plank, then lower into the low push-up
      const lowering = (state.phaseFraction - UPWARD_DOG.plankHoldFraction) / (1 - UPWARD_DOG.plankHoldFraction);
      return poseOf(blend(plank, rest, cosineEase(lowering)), firstWrist);
    }
    const rep = perRep[state.repIndex];
    if (!rep) return poseOf(rest, firstWrist);
    if (state.phase === 'rest') {
      // the hands slide to the next rep's spot while the body rests
      const next = perRep[state.repIndex + 1]?.wrist ?? rep.wrist;
      const w = cosineEase(state.phaseFraction);
      return poseOf(rest, { u: lerp(rep.wrist.u, next.u, w), v: rep.wrist.v });
    }
    return poseOf(blend(rest, rep.top, state.eased), rep.wrist);
  };

  const faultTruth: FaultTruth<UpwardDogFault>[] = [];
  const reps: RepTruth[] = schedule.reps.map((rep, i) => {
    const top = figurePoints(motion(rep.peakMs));
    const atRest = figurePoints(motion(rep.startMs));
    const elevationDeg = torsoElevationDeg(top.hip, top.shoulder);
    const selected: Record<UpwardDogFault, ReadonlySet<number>> = { handsForward, kneesBent, depthJump, shouldersShrugged: shrugged, headBack };
    const repFaults = UPWARD_DOG_FAULTS.filter((f) => selected[f].has(i));
    for (const fault of repFaults) faultTruth.push({ fault, repIndex: i, fromMs: rep.startMs, toMs: rep.endMs });
    return {
      ...rep,
      full: elevationDeg >= DESIGN_THRESHOLDS.upwardDogElevationDeg,
      holdS: rep.holdMs / 1000,
      measured: {
        torsoElevationDeg: elevationDeg,
        elbowAtTopDeg: jointAngleDeg(top.shoulder, top.elbow, top.wrist),
        kneeAtTopDeg: jointAngleDeg(top.hip, top.knee, top.ankle),
        // + : the wrist ahead of the shoulder (toward the head)
        handOffsetTorso: top.wrist.x - top.shoulder.x,
        earShoulderAtTopTorso: distancePx(top.ear, top.shoulder),
        earShoulderAtRestTorso: distancePx(atRest.ear, atRest.shoulder),
        headLineDeg: headLineDeg(top.ear, top.shoulder, top.hip),
      },
      faults: repFaults,
    };
  });
  const rule = `peak torso elevation >= ${DESIGN_THRESHOLDS.upwardDogElevationDeg} deg (exercises.md)`;
  return {
    motion,
    truth: summarize('upward-dog', fromPlank ? 'from-plank' : 'from-prone', schedule.durationMs, rule, reps, faultTruth),
    startPose: motion(0),
  };
}
