/** The hip thrust, as the rest of FormCoach sees it (exercise.ts). */
import type { ExerciseDescription } from '../exercise.ts';
import { HIP_THRUST_VARIANTS } from '../ids.ts';
import { SET_TARGETS } from '../targets.ts';
import { HIP_THRUST_METRICS } from './metrics.ts';
import { HIP_THRUST_FAULTS } from './faults.ts';
import { HipThrustChecker } from './checker.ts';
import { HIP_THRUST_DEFAULTS } from './config.ts';
import { hipThrustKeyAngleScale } from './key-angle.ts';

export const HIP_THRUST: ExerciseDescription = {
  id: 'hip-thrust',
  posture: 'lying',
  variants: HIP_THRUST_VARIANTS,
  target: SET_TARGETS['hip-thrust'],
  keyAngleScale: hipThrustKeyAngleScale(HIP_THRUST_DEFAULTS),
  metrics: HIP_THRUST_METRICS,
  faults: Object.keys(HIP_THRUST_FAULTS) as (keyof typeof HIP_THRUST_FAULTS)[],
  depthUnit: 'deg',
  countsHolds: true,
  // the hips stopped short of the knee-shoulder line
  partialReasons: ['higher'],
  tips: [],
  createChecker: ({ variant, model }) => HipThrustChecker.forRequest(variant, model),
};
