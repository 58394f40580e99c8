/**
 * Motions with known ground truth, for tests of the exercise checkers: the
 * one import for test code. Building blocks (rep schedule, idle segments,
 * composition) and one builder per exercise of exercises.md, each returning
 * { motion, truth, startPose }; feed the motion to synthesizeTrack
 * (trace.ts) with durationMs: truth.durationMs.
 */
export { cosineEase, plateau, repSchedule, SCHEDULE_DEFAULTS } from './schedule.ts';
export type { RepInterval, RepPhase, RepPlan, RepSchedule, ScheduleOptions, ScheduleState } from './schedule.ts';
export { blendPoses, getSet, lieDown, offFrameU, standingPose, standStill, walkIn } from './idle.ts';
export type { GetSetOptions, LieDownOptions, StandingOptions, WalkInOptions } from './idle.ts';
export { precede, sequence } from './compose.ts';
export type { Segment } from './compose.ts';
export { selectedReps, shiftTruth } from './truth.ts';
export type { BuiltExercise, ExerciseName, ExerciseTruth, FaultSelector, FaultTruth, RepTruth } from './truth.ts';
export { goodMorning, GOOD_MORNING_FAULTS } from './good-morning.ts';
export type { GoodMorningFault, GoodMorningOptions } from './good-morning.ts';
export { hipThrust, HIP_THRUST_FAULTS } from './hip-thrust.ts';
export type { HipThrustFault, HipThrustOptions } from './hip-thrust.ts';
export { superman, SUPERMAN_FAULTS } from './superman.ts';
export type { SupermanFault, SupermanOptions } from './superman.ts';
export { upwardDog, UPWARD_DOG_FAULTS } from './upward-dog.ts';
export type { UpwardDogFault, UpwardDogOptions } from './upward-dog.ts';
