/**
 * Hip thrust (exercises.md section 4): lying on the back with the shoulders
 * on the floor (glute bridge) or on a bench, feet flat, driving the hips up
 * to the knee-shoulder line and lowering them.
 *
 * The shoulders and the feet stay put: the torso swings up about the
 * shoulders, and the knee follows from the hip and the planted ankle (two-
 * segment inverse kinematics, knees up). The feet are placed so that a rep
 * to the nominal top has the asked knee angle there; a rep with the hips too
 * low or over-arched rises less or more with the same feet.
 *
 * Lying supine, the head points to -u: with facing +1 the head is at -x.
 */
import { directionDeg, poseFromDirections, sagittalSkeleton, SEGMENT_TORSO, twoLinkMiddle, type BodyPose, type SagittalPoint } from './body-model.ts';
import { figurePoints, heightAboveLinePx, jointAngleDeg, signedHipAngleDeg } from './measure.ts';
import { DESIGN_THRESHOLDS, FLOOR_CLEARANCE_TORSO, HIP_THRUST } from './parameters.ts';
import { solveRoot } from './numeric.ts';
import { repSchedule, type ScheduleOptions } from './schedule.ts';
import { selectedReps, summarize, type BuiltExercise, type FaultSelector, type FaultTruth, type RepTruth } from './truth.ts';
import type { Keypoint } from '../../src/core/frame/pose-frame.ts';
import type { KeypointTrack } from '../../src/core/track.ts';

export const HIP_THRUST_FAULTS = ['lowHips', 'overArch', 'kneeTooOpen', 'kneeTooClosed', 'noPause'] as const;
export type HipThrustFault = (typeof HIP_THRUST_FAULTS)[number];

export interface HipThrustOptions extends ScheduleOptions {
  readonly variant?: 'floor' | 'bench';
  /** hip angle at the top of a full rep (180 = on the knee-shoulder line) */
  readonly peakHipDeg?: number;
  /** knee angle at the top: decides where the feet stand */
  readonly kneeAtTopDeg?: number;
  /** where the shoulders rest along the forward axis (torso lengths from the image centre) */
  readonly shoulderU?: number;
  readonly faults?: {
    /** peak hip angle below 165 */
    readonly lowHips?: FaultSelector;
    /** hip above the knee-shoulder line (peak hip angle ~197) */
    readonly overArch?: FaultSelector;
    /** the feet too far / too close: knee angle at the top far from 90 (a set-wide foot placement) */
    readonly kneeTooOpen?: boolean;
    readonly kneeTooClosed?: boolean;
    /** no hold at the top */
    readonly noPause?: FaultSelector;
  };
}

const lerp = (a: number, b: number, w: number): number => a + (b - a) * w;
const RAD = Math.PI / 180;

export function hipThrust(options: HipThrustOptions = {}): BuiltExercise<HipThrustFault> {
  const { timing, faults: FAULT } = HIP_THRUST;
  const variant = options.variant ?? 'floor';
  const count = options.reps ?? 3;
  const faults = options.faults ?? {};
  if (faults.kneeTooOpen && faults.kneeTooClosed) throw new Error('hipThrust: kneeTooOpen and kneeTooClosed exclude each other');
  const lowHips = selectedReps(faults.lowHips, count);
  const overArch = selectedReps(faults.overArch, count);
  const noPause = selectedReps(faults.noPause, count);
  for (const i of lowHips) if (overArch.has(i)) throw new Error(`hipThrust: rep ${i} cannot be both lowHips and overArch`);
  const schedule = repSchedule({
    ...timing,
    ...options,
    reps: count,
    perRep: Array.from({ length: count }, (_, i) => ({ ...(noPause.has(i) ? { holdMs: 0 } : {}), ...options.perRep?.[i] })),
  });

  const shoulder: SagittalPoint = { u: options.shoulderU ?? -0.75, v: HIP_THRUST.shoulderHeightTorso[variant] };
  const kneeAtTopDeg = faults.kneeTooOpen ? FAULT.kneeTooOpenDeg : faults.kneeTooClosed ? FAULT.kneeTooClosedDeg : options.kneeAtTopDeg ?? HIP_THRUST.kneeAtTopDeg;
  const peakHipDeg = options.peakHipDeg ?? HIP_THRUST.peakHipDeg;

  /** the hips at torso elevation e (degrees, + hips above the shoulders), swung about the shoulders */
  const hipAt = (elevationDeg: number): SagittalPoint => ({
    u: shoulder.u + Math.cos(elevationDeg * RAD),
    v: shoulder.v + Math.sin(elevationDeg * RAD),
  });
  // hip -> shoulder points toward the head (-u) and down by e
  const torsoDegAt = (elevationDeg: number): number => -90 - elevationDeg;

  // place the feet: at the nominal top (peakHipDeg, kneeAtTopDeg) the ankle lands on the floor
  const ankleWithAngles = (elevationDeg: number): SagittalPoint => {
    const hip = hipAt(elevationDeg);
    const pose: BodyPose = {
      rootU: hip.u,
      rootV: hip.v,
      torsoDeg: torsoDegAt(elevationDeg),
      neckDeg: 0,
      shrugTorso: 0,
      near: { hipDeg: peakHipDeg, kneeDeg: kneeAtTopDeg, shoulderDeg: 0, elbowDeg: 180 },
      far: { hipDeg: peakHipDeg, kneeDeg: kneeAtTopDeg, shoulderDeg: 0, elbowDeg: 180 },
    };
    return sagittalSkeleton(pose).near.ankle;
  };
  const nominalTopDeg = solveRoot((e) => ankleWithAngles(e).v - FLOOR_CLEARANCE_TORSO.ankleFootFlat, -40, 80, 'hip thrust top elevation');
  const ankle = ankleWithAngles(nominalTopDeg);

  const poseAt = (elevationDeg: number, neckFlexionDeg: number): BodyPose => {
    const hip = hipAt(elevationDeg);
    const { middle: knee } = twoLinkMiddle(hip, ankle, SEGMENT_TORSO.thigh, SEGMENT_TORSO.shank, 'knee');
    const torsoDeg = torsoDegAt(elevationDeg);
    const arms =
      variant === 'floor'
        ? { upperArmDeg: HIP_THRUST.floorUpperArmDeg, forearmDeg: HIP_THRUST.floorForearmDeg }
        : { upperArmDeg: HIP_THRUST.benchUpperArmDeg, forearmDeg: HIP_THRUST.benchForearmDeg };
    return poseFromDirections({
      rootU: hip.u,
      rootV: hip.v,
      torsoDeg,
      neckDeg: variant === 'floor' ? HIP_THRUST.floorNeckDirectionDeg : torsoDeg + neckFlexionDeg,
      near: { thighDeg: directionDeg(hip, knee), shankDeg: directionDeg(knee, ankle), ...arms },
    });
  };
  const hipAngleAt = (elevationDeg: number): number => poseAt(elevationDeg, 0).near.hipDeg;

  const bottomDeg = Math.asin((HIP_THRUST.bottomHipHeightTorso[variant] - shoulder.v) / 1) / RAD;
  const topDegFor = (targetHipDeg: number): number =>
    targetHipDeg === peakHipDeg ? nominalTopDeg : solveRoot((e) => hipAngleAt(e) - targetHipDeg, bottomDeg, nominalTopDeg + 45, `hip thrust elevation for hip angle ${targetHipDeg}`);
  const perRep = schedule.reps.map((rep, i) => {
    const targetHipDeg = lowHips.has(i) ? FAULT.lowHipsPeakDeg : overArch.has(i) ? FAULT.overArchPeakDeg : peakHipDeg;
    return { peakElevationDeg: lerp(bottomDeg, topDegFor(targetHipDeg), rep.depth) };
  });

  const motion = (tMs: number): BodyPose => {
    const state = schedule.stateAt(tMs);
    const rep = perRep[Math.max(0, state.repIndex)];
    const e = state.eased;
    return poseAt(lerp(bottomDeg, rep?.peakElevationDeg ?? bottomDeg, e), e * HIP_THRUST.benchTopNeckDeg);
  };

  const faultTruth: FaultTruth<HipThrustFault>[] = [];
  const reps: RepTruth[] = schedule.reps.map((rep, i) => {
    const top = figurePoints(motion(rep.peakMs));
    const peakHipDeg = signedHipAngleDeg(top.shoulder, top.hip, top.knee, 1);
    const repFaults = HIP_THRUST_FAULTS.filter((f) =>
      f === 'lowHips' ? lowHips.has(i) : f === 'overArch' ? overArch.has(i) : f === 'noPause' ? noPause.has(i) : Boolean(faults[f]),
    );
    for (const fault of repFaults) faultTruth.push({ fault, repIndex: i, fromMs: rep.startMs, toMs: rep.endMs });
    return {
      ...rep,
      full: peakHipDeg >= DESIGN_THRESHOLDS.hipThrustTopDeg,
      holdS: rep.holdMs / 1000,
      measured: {
        peakHipDeg,
        hipAboveLineTorso: heightAboveLinePx(top.hip, top.knee, top.shoulder),
        kneeAtTopDeg: jointAngleDeg(top.hip, top.knee, top.ankle),
        torsoElevationAtTopDeg: perRep[i]?.peakElevationDeg ?? 0,
        pauseS: rep.holdMs / 1000,
      },
      faults: repFaults,
    };
  });
  const rule = `peak hip angle >= ${DESIGN_THRESHOLDS.hipThrustTopDeg} deg (exercises.md top threshold)`;
  return { motion, truth: summarize('hip-thrust', variant, schedule.durationMs, rule, reps, faultTruth), startPose: motion(0) };
}

/**
 * A pose model that reads the chest as the shoulder once the hips rise, as
 * BlazePose Full does filmed from the feet in close-up (bridge_ballsqueeze):
 * each shoulder keypoint of `track` moves with its hip, by `ratio` times the
 * hip's displacement from where it rests (its place in `clean`'s first
 * frame, the same motion traced without noise; BlazePose Full: 0.9-1.7).
 * At ratio 1 the shoulder rides on the hip and the hip angle hardly changes.
 * Returns a new track; frames are matched by time.
 */
export function shoulderRidesWithHips(track: KeypointTrack, clean: KeypointTrack, ratio: number): KeypointTrack {
  const cleanAt = new Map(clean.frames.map((f) => [f.t, f.keypoints]));
  const first = clean.frames.find((f) => f.keypoints.length > 0)?.keypoints ?? [];
  const at = (kps: readonly Keypoint[], name: string): Keypoint | undefined => kps.find((k) => k.name === name);
  const frames = track.frames.map((frame) => {
    const now = cleanAt.get(frame.t);
    if (!now || frame.keypoints.length === 0) return frame;
    const keypoints = frame.keypoints.map((k) => {
      const side = k.name === 'left_shoulder' ? 'left' : k.name === 'right_shoulder' ? 'right' : null;
      if (side === null) return k;
      const hipNow = at(now, `${side}_hip`);
      const hipRest = at(first, `${side}_hip`);
      if (!hipNow || !hipRest) return k;
      return { ...k, x: k.x + ratio * (hipNow.x - hipRest.x), y: k.y + ratio * (hipNow.y - hipRest.y) };
    });
    return { ...frame, keypoints };
  });
  return { ...track, frames };
}
