/**
 * Superman (exercises.md section 2): lying prone, arms stretched forward past
 * the head, lifting chest, arms and legs a little off the floor and lowering
 * them. The hips stay on the floor; the torso swings up about them, the legs
 * lift by hip extension, the arms rise a little more than the chest.
 *
 * Alternating: one arm and the opposite leg per lift, the other pair on the
 * next; each lift is one schedule rep, and none is a full rep.
 *
 * Lying prone, the head points to +u: with facing +1 the head is at +x.
 */
import { poseFromDirections, SEGMENT_TORSO, type BodyPose, type SideDirections } from './body-model.ts';
import { figurePoints, headLineDeg, torsoElevationDeg } from './measure.ts';
import { limbChord } from './numeric.ts';
import { DESIGN_THRESHOLDS, FLOOR_CLEARANCE_TORSO, SUPERMAN } from './parameters.ts';
import { repSchedule, type ScheduleOptions } from './schedule.ts';
import { selectedReps, summarize, type BuiltExercise, type FaultSelector, type FaultTruth, type RepTruth } from './truth.ts';

export const SUPERMAN_FAULTS = ['feetOnly', 'overArch', 'fast', 'headCranked'] as const;
export type SupermanFault = (typeof SUPERMAN_FAULTS)[number];

export interface SupermanOptions extends ScheduleOptions {
  /** torso elevation at the top, and the legs' extra lift by hip extension */
  readonly liftDeg?: number;
  /** one arm and the opposite leg per lift (near arm + far leg first) */
  readonly alternating?: boolean;
  /** where the hips lie along the forward axis (torso lengths from the image centre) */
  readonly hipU?: number;
  readonly faults?: Readonly<Partial<Record<SupermanFault, FaultSelector>>>;
}

const RAD = Math.PI / 180;
const lerp = (a: number, b: number, w: number): number => a + (b - a) * w;

/** Where one side's limbs are in a rep: elevations above the horizontal, and joint angles. */
interface LimbLift {
  /** upper arm elevation, or undefined: the hand stays on the floor */
  readonly upperArmElevationDeg: number | undefined;
  readonly elbowDeg: number;
  readonly thighElevationDeg: number;
  readonly kneeDeg: number;
}

export function superman(options: SupermanOptions = {}): BuiltExercise<SupermanFault> {
  const { timing, faults: FAULT } = SUPERMAN;
  const count = options.reps ?? 3;
  const alternating = options.alternating ?? false;
  const pick = (fault: SupermanFault): ReadonlySet<number> => selectedReps(options.faults?.[fault], count);
  const faulty = Object.fromEntries(SUPERMAN_FAULTS.map((f) => [f, pick(f)])) as Record<SupermanFault, ReadonlySet<number>>;
  const schedule = repSchedule({
    ...timing,
    ...options,
    reps: count,
    perRep: Array.from({ length: count }, (_, i) => ({
      ...(faulty.fast.has(i) ? { downMs: FAULT.fastPhaseMs, upMs: FAULT.fastPhaseMs } : {}),
      ...options.perRep?.[i],
    })),
  });
  const liftDeg = options.liftDeg ?? SUPERMAN.liftDeg;
  const hip = { u: options.hipU ?? -0.3, v: FLOOR_CLEARANCE_TORSO.hipLying };

  // resting: thighs down to the knees on the floor, arms down to the hands on the floor
  const restThighElevationDeg = Math.asin((FLOOR_CLEARANCE_TORSO.kneeOnFloor - hip.v) / SEGMENT_TORSO.thigh) / RAD;
  const armChord = (elbowDeg: number) => limbChord(SEGMENT_TORSO.upperArm, SEGMENT_TORSO.forearm, 180 - elbowDeg);
  /** the upper arm elevation that puts the wrist on the floor from a shoulder at this height */
  const handOnFloorDeg = (shoulderV: number, elbowDeg: number): number => {
    const chord = armChord(elbowDeg);
    return Math.asin(Math.max(-1, Math.min(1, (FLOOR_CLEARANCE_TORSO.wristOnFloor - shoulderV) / chord.length))) / RAD - chord.offsetDeg;
  };
  const shoulderVAt = (torsoElevationDeg: number): number => hip.v + Math.sin(torsoElevationDeg * RAD);
  const restElbowV = FLOOR_CLEARANCE_TORSO.shoulderLying + SEGMENT_TORSO.upperArm * Math.sin(handOnFloorDeg(FLOOR_CLEARANCE_TORSO.shoulderLying, SUPERMAN.elbowDeg) * RAD);

  const rest: LimbLift = { upperArmElevationDeg: undefined, elbowDeg: SUPERMAN.elbowDeg, thighElevationDeg: restThighElevationDeg, kneeDeg: SUPERMAN.kneeDeg };
  const perRep = schedule.reps.map((rep, i) => {
    const feetOnly = faulty.feetOnly.has(i);
    const torsoDeg = feetOnly
      ? FAULT.feetOnlyTorsoDeg
      : (faulty.overArch.has(i) ? FAULT.overArchLiftDeg : alternating ? liftDeg * SUPERMAN.alternatingTorsoFraction : liftDeg) * rep.depth;
    const shoulderV = shoulderVAt(torsoDeg);
    const lifted: LimbLift = feetOnly
      ? {
          // the elbow stays where it rested; the hand rises by bending the elbow, the foot by bending the knee
          upperArmElevationDeg: Math.asin((restElbowV - shoulderV) / SEGMENT_TORSO.upperArm) / RAD,
          elbowDeg: FAULT.feetOnlyElbowDeg,
          thighElevationDeg: restThighElevationDeg,
          kneeDeg: FAULT.feetOnlyKneeDeg,
        }
      : {
          upperArmElevationDeg: torsoDeg + SUPERMAN.armAboveTorsoDeg * rep.depth,
          elbowDeg: SUPERMAN.elbowDeg,
          thighElevationDeg: restThighElevationDeg + liftDeg * rep.depth,
          kneeDeg: SUPERMAN.kneeDeg,
        };
    const nearArmFarLeg = !alternating || i % 2 === 0;
    const nearArmLifts = !alternating || nearArmFarLeg;
    const nearLegLifts = !alternating || !nearArmFarLeg;
    return {
      torsoDeg,
      neckDeg: faulty.headCranked.has(i) ? FAULT.headCrankedNeckDeg : SUPERMAN.neutralNeckDeg,
      near: { arm: nearArmLifts ? lifted : rest, leg: nearLegLifts ? lifted : rest },
      far: { arm: !alternating || !nearArmLifts ? lifted : rest, leg: !alternating || !nearLegLifts ? lifted : rest },
      lifted: alternating ? (nearArmFarLeg ? ('near-arm+far-leg' as const) : ('far-arm+near-leg' as const)) : undefined,
    };
  });

  const sideAt = (arm: LimbLift, leg: LimbLift, e: number, torsoElevationDeg: number): SideDirections => {
    const shoulderV = shoulderVAt(torsoElevationDeg);
    const elbowDeg = lerp(SUPERMAN.elbowDeg, arm.elbowDeg, e);
    // a resting arm keeps its hand on the floor as the chest rises; a lifting one rises from there
    const armElevationDeg =
      arm.upperArmElevationDeg === undefined
        ? handOnFloorDeg(shoulderV, elbowDeg)
        : lerp(handOnFloorDeg(FLOOR_CLEARANCE_TORSO.shoulderLying, SUPERMAN.elbowDeg), arm.upperArmElevationDeg, e);
    // arms forward (+u), raised by their elevation
    const upperArmDeg = 90 - armElevationDeg;
    const thighDeg = -90 + lerp(restThighElevationDeg, leg.thighElevationDeg, e);
    return {
      upperArmDeg,
      // prone with the arms forward, elbow flexion turns the forearm up
      forearmDeg: upperArmDeg - 180 + elbowDeg,
      thighDeg,
      // knee flexion turns the shank up
      shankDeg: thighDeg + 180 - lerp(SUPERMAN.kneeDeg, leg.kneeDeg, e),
    };
  };

  const motion = (tMs: number): BodyPose => {
    const state = schedule.stateAt(tMs);
    const rep = perRep[Math.max(0, state.repIndex)];
    const e = state.eased;
    const torsoElevationDeg = (rep?.torsoDeg ?? 0) * e;
    const torsoDeg = 90 - torsoElevationDeg;
    return poseFromDirections({
      rootU: hip.u,
      rootV: hip.v,
      torsoDeg,
      neckDeg: torsoDeg + lerp(SUPERMAN.neutralNeckDeg, rep?.neckDeg ?? SUPERMAN.neutralNeckDeg, e),
      near: sideAt(rep?.near.arm ?? rest, rep?.near.leg ?? rest, e, torsoElevationDeg),
      far: sideAt(rep?.far.arm ?? rest, rep?.far.leg ?? rest, e, torsoElevationDeg),
    });
  };

  const faults: FaultTruth<SupermanFault>[] = [];
  const reps: RepTruth[] = schedule.reps.map((rep, i) => {
    const restPose = motion(rep.startMs);
    const topPose = motion(rep.peakMs);
    const restNear = figurePoints(restPose);
    const topNear = figurePoints(topPose);
    const restFar = figurePoints(restPose, 'far');
    const topFar = figurePoints(topPose, 'far');
    // image y points down: a lift is the rest y minus the top y
    const lift = (joint: 'elbow' | 'wrist' | 'knee' | 'ankle', side: 'near' | 'far'): number =>
      side === 'near' ? restNear[joint].y - topNear[joint].y : restFar[joint].y - topFar[joint].y;
    const kneeLiftTorso = lift('knee', 'near');
    const elbowLiftTorso = lift('elbow', 'near');
    const repFaults = SUPERMAN_FAULTS.filter((f) => faulty[f].has(i));
    for (const fault of repFaults) faults.push({ fault, repIndex: i, fromMs: rep.startMs, toMs: rep.endMs });
    const lifted = perRep[i]?.lifted;
    return {
      ...rep,
      full: !alternating && kneeLiftTorso >= SUPERMAN.fullLiftMinTorso && elbowLiftTorso >= SUPERMAN.fullLiftMinTorso,
      holdS: rep.holdMs / 1000,
      measured: {
        torsoElevationDeg: torsoElevationDeg(topNear.hip, topNear.shoulder),
        kneeLiftTorso,
        elbowLiftTorso,
        ankleLiftTorso: lift('ankle', 'near'),
        wristLiftTorso: lift('wrist', 'near'),
        farKneeLiftTorso: lift('knee', 'far'),
        farElbowLiftTorso: lift('elbow', 'far'),
        headLineDeg: headLineDeg(topNear.ear, topNear.shoulder, topNear.hip),
        liftS: rep.downMs / 1000,
        lowerS: rep.upMs / 1000,
      },
      faults: repFaults,
      ...(lifted ? { lifted } : {}),
    };
  });
  const rule = alternating
    ? 'alternating lifts are not full reps (exercises.md)'
    : `near knee and elbow both rise >= ${SUPERMAN.fullLiftMinTorso} torso; arch beyond ${DESIGN_THRESHOLDS.supermanArchDeg} deg is the overArch fault`;
  return {
    motion,
    truth: summarize('superman', alternating ? 'alternating' : 'full', schedule.durationMs, rule, reps, faults),
    startPose: motion(0),
  };
}
