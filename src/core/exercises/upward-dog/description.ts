/** The upward facing dog, as the rest of FormCoach sees it (exercise.ts). */
import type { ExerciseDescription } from '../exercise.ts';
import { SET_TARGETS } from '../targets.ts';
import { UPWARD_DOG_METRICS } from './metrics.ts';
import { UPWARD_DOG_FAULTS } from './faults.ts';
import { UpwardDogChecker } from './checker.ts';
import { UPWARD_DOG_DEFAULTS, upwardDogConfigForModel } from './config.ts';
import { upwardDogKeyAngleScale } from './key-angle.ts';
import { UPWARD_DOG_TUNABLES, withUpwardDogOverrides } from './tunables.ts';

export const UPWARD_DOG: ExerciseDescription = {
  id: 'upward-dog',
  posture: 'lying',
  variants: [],
  target: SET_TARGETS['upward-dog'],
  keyAngleScale: upwardDogKeyAngleScale(UPWARD_DOG_DEFAULTS),
  metrics: UPWARD_DOG_METRICS,
  faults: Object.keys(UPWARD_DOG_FAULTS) as (keyof typeof UPWARD_DOG_FAULTS)[],
  depthUnit: 'deg',
  countsHolds: true,
  // faults.ts notFullReason: too low or too little rise, hips on the mat (a cobra), bent arms
  partialReasons: ['higher', 'hips-up', 'straighten-arms'],
  tips: ['home.buildUp'],
  tunables: UPWARD_DOG_TUNABLES,
  createChecker: ({ model, overrides }) => (overrides ? new UpwardDogChecker(withUpwardDogOverrides(upwardDogConfigForModel(model), overrides)) : UpwardDogChecker.forModel(model)),
};
