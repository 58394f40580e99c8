/** The superman, as the rest of FormCoach sees it (exercise.ts). */
import type { ExerciseDescription } from '../exercise.ts';
import { SET_TARGETS } from '../targets.ts';
import { SUPERMAN_METRICS } from './metrics.ts';
import { SUPERMAN_FAULTS } from './faults.ts';
import { SupermanChecker } from './checker.ts';
import { SUPERMAN_DEFAULTS, supermanConfigForModel } from './config.ts';
import { supermanKeyAngleScale } from './key-angle.ts';
import { SUPERMAN_TUNABLES, withSupermanOverrides } from './tunables.ts';

export const SUPERMAN: ExerciseDescription = {
  id: 'superman',
  posture: 'lying',
  variants: [],
  target: SET_TARGETS.superman,
  keyAngleScale: supermanKeyAngleScale(SUPERMAN_DEFAULTS),
  // the lift of the lowest limb, torso lengths
  metrics: SUPERMAN_METRICS,
  faults: Object.keys(SUPERMAN_FAULTS) as (keyof typeof SUPERMAN_FAULTS)[],
  depthUnit: 'torso',
  countsHolds: true,
  // the hands and feet rose but not the knees and elbows; a one-sided lift is no rep at all
  partialReasons: ['higher'],
  tips: [],
  tunables: SUPERMAN_TUNABLES,
  createChecker: ({ model, overrides }) => (overrides ? new SupermanChecker(withSupermanOverrides(supermanConfigForModel(model), overrides)) : SupermanChecker.forModel(model)),
};
