/**
 * A recorded fault in words: the cue its exercise gives for it (each
 * exercise's own fault table), so a report or review names "Push your hips
 * higher" instead of "incomplete-extension". The same fault key can mean a
 * different cue in another exercise ('too-fast'), hence per exercise.
 */
import type { CueKey } from '../engine/cues.ts';
import type { FaultKey } from '../exercises/fault-keys.ts';
import { GOOD_MORNING_FAULTS } from '../exercises/good-morning/checker.ts';
import { HIP_THRUST_FAULTS } from '../exercises/hip-thrust/faults.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { SUPERMAN_FAULTS } from '../exercises/superman/faults.ts';
import { UPWARD_DOG_FAULTS } from '../exercises/upward-dog/faults.ts';

const FAULT_CUES: { readonly [E in ExerciseId]: Readonly<Partial<Record<FaultKey, CueKey>>> } = {
  'upward-dog': UPWARD_DOG_FAULTS,
  superman: SUPERMAN_FAULTS,
  'good-morning': GOOD_MORNING_FAULTS,
  'hip-thrust': HIP_THRUST_FAULTS,
};

/** The cue the exercise gives for this fault; null for a fault that is not its own (a record validated as this exercise's has none). */
export const faultCue = (exercise: ExerciseId, fault: FaultKey): CueKey | null => FAULT_CUES[exercise][fault] ?? null;
