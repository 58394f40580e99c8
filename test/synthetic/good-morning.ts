/**
 * Good morning: standing, hinge forward from the hips with soft knees and a
 * pole across the upper back, and back up (exercises.md section 3). Progress
 * 0..1 of the schedule drives the torso inclination from upright to the
 * rep's depth; the legs are built up from the planted ankles, so the hips
 * travel back as in a real hinge.
 */
import type { BodyPose } from './body-model.ts';
import { standingPose } from './idle.ts';
import { figurePoints, headLineDeg, jointAngleDeg, torsoInclinationDeg } from './measure.ts';
import { DESIGN_THRESHOLDS, GOOD_MORNING } from './parameters.ts';
import { plateau, repSchedule, type ScheduleOptions } from './schedule.ts';
import { selectedReps, summarize, type BuiltExercise, type FaultSelector, type FaultTruth, type RepTruth } from './truth.ts';

export const GOOD_MORNING_FAULTS = ['squat', 'roundedBack', 'shallow', 'leanBack', 'fast'] as const;
export type GoodMorningFault = (typeof GOOD_MORNING_FAULTS)[number];

export interface GoodMorningOptions extends ScheduleOptions {
  /** peak torso inclination of a full-depth rep */
  readonly depthDeg?: number;
  /** knee flexion (180 - knee angle) at the bottom */
  readonly kneeBendDeg?: number;
  /** where the ankles stand along the forward axis (torso lengths from the image centre) */
  readonly ankleU?: number;
  /**
   * squat: knee angle well below 135 at the bottom; roundedBack: the head
   * folds forward off the back line; shallow: short of the 45 depth;
   * leanBack: torso tilted back > 10 in the rest after the rep; fast: short
   * down and up phases.
   */
  readonly faults?: Readonly<Partial<Record<GoodMorningFault, FaultSelector>>>;
}

const lerp = (a: number, b: number, w: number): number => a + (b - a) * w;

export function goodMorning(options: GoodMorningOptions = {}): BuiltExercise<GoodMorningFault> {
  const { timing, faults: FAULT } = GOOD_MORNING;
  const count = options.reps ?? 3;
  const pick = (fault: GoodMorningFault): ReadonlySet<number> => selectedReps(options.faults?.[fault], count);
  const faulty = Object.fromEntries(GOOD_MORNING_FAULTS.map((f) => [f, pick(f)])) as Record<GoodMorningFault, ReadonlySet<number>>;
  const schedule = repSchedule({
    ...timing,
    ...options,
    reps: count,
    perRep: Array.from({ length: count }, (_, i) => ({
      ...(faulty.fast.has(i) ? { downMs: FAULT.fastPhaseMs, upMs: FAULT.fastPhaseMs } : {}),
      ...options.perRep?.[i],
    })),
  });
  const depthDeg = options.depthDeg ?? GOOD_MORNING.depthDeg;
  const kneeBendDeg = options.kneeBendDeg ?? GOOD_MORNING.kneeBendDeg;
  const ankleU = options.ankleU ?? 0;

  const perRep = schedule.reps.map((rep, i) => ({
    peakTorsoDeg: (faulty.shallow.has(i) ? FAULT.shallowDepthDeg : depthDeg) * rep.depth,
    bottomKneeBendDeg: faulty.squat.has(i) ? 180 - FAULT.squatKneeDeg : kneeBendDeg,
    bottomShankForwardDeg: faulty.squat.has(i) ? FAULT.squatShankForwardDeg : GOOD_MORNING.shankForwardDeg,
    bottomNeckExtraDeg: faulty.roundedBack.has(i) ? FAULT.roundedNeckDeg : 0,
    leanBack: faulty.leanBack.has(i),
    restEndMs: schedule.reps[i + 1]?.startMs ?? schedule.durationMs,
  }));
  for (const [i, rep] of schedule.reps.entries()) {
    const restMs = (perRep[i]?.restEndMs ?? 0) - rep.endMs;
    if (perRep[i]?.leanBack && restMs < 600) throw new Error(`goodMorning: leanBack on rep ${i} needs restMs >= 600 after it, got ${restMs}`);
  }

  const motion = (tMs: number): BodyPose => {
    const state = schedule.stateAt(tMs);
    const rep = perRep[Math.max(0, state.repIndex)];
    if (!rep) return standingPose({ ankleU });
    const e = state.eased;
    const leanDeg = rep.leanBack && state.phase === 'rest' ? FAULT.leanBackDeg * plateau(state.phaseFraction) : 0;
    return standingPose({
      ankleU,
      torsoDeg: e * rep.peakTorsoDeg - leanDeg,
      kneeDeg: 180 - lerp(GOOD_MORNING.standingKneeBendDeg, rep.bottomKneeBendDeg, e),
      shankForwardDeg: lerp(GOOD_MORNING.shankForwardDeg, rep.bottomShankForwardDeg, e),
      neckDeg: GOOD_MORNING.neutralNeckDeg + e * rep.bottomNeckExtraDeg,
      shoulderDeg: GOOD_MORNING.poleShoulderDeg,
      elbowDeg: GOOD_MORNING.poleElbowDeg,
    });
  };

  const faults: FaultTruth<GoodMorningFault>[] = [];
  const reps: RepTruth[] = schedule.reps.map((rep, i) => {
    const bottom = figurePoints(motion(rep.peakMs));
    const start = figurePoints(motion(rep.startMs));
    const { shoulder, hip, knee, ankle } = bottom;
    const peakTorsoInclinationDeg = torsoInclinationDeg(hip, shoulder);
    const restEndMs = perRep[i]?.restEndMs ?? rep.endMs;
    const repFaults = GOOD_MORNING_FAULTS.filter((f) => faulty[f].has(i));
    for (const fault of repFaults) {
      faults.push(fault === 'leanBack' ? { fault, repIndex: i, fromMs: rep.endMs, toMs: restEndMs } : { fault, repIndex: i, fromMs: rep.startMs, toMs: rep.endMs });
    }
    return {
      ...rep,
      full: peakTorsoInclinationDeg >= DESIGN_THRESHOLDS.goodMorningDepthDeg,
      holdS: rep.holdMs / 1000,
      measured: {
        peakTorsoInclinationDeg,
        kneeAtBottomDeg: jointAngleDeg(hip, knee, ankle),
        headLineAtBottomDeg: headLineDeg(bottom.ear, shoulder, hip),
        // image x of this side view is u: a hinge moves the hips back (-u)
        hipTravelBackTorso: start.hip.x - bottom.hip.x,
        downS: rep.downMs / 1000,
        upS: rep.upMs / 1000,
        ...(perRep[i]?.leanBack ? { leanBackDeg: FAULT.leanBackDeg } : {}),
      },
      faults: repFaults,
    };
  });
  const rule = `peak torso inclination >= ${DESIGN_THRESHOLDS.goodMorningDepthDeg} deg from upright (exercises.md)`;
  return { motion, truth: summarize('good-morning', undefined, schedule.durationMs, rule, reps, faults), startPose: motion(0) };
}
