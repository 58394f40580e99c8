/** The hip thrust, as the rest of FormCoach sees it (exercise.ts). */
import type { ExerciseDescription } from '../exercise.ts';
import { HIP_THRUST_VARIANTS, isHipThrustVariant } from '../ids.ts';
import { SET_TARGETS } from '../targets.ts';
import { HIP_THRUST_METRICS } from './metrics.ts';
import { HIP_THRUST_FAULTS } from './faults.ts';
import { HipThrustChecker } from './checker.ts';
import { HIP_THRUST_DEFAULTS, hipThrustConfigFor } from './config.ts';
import { hipThrustKeyAngleScale } from './key-angle.ts';
import { HIP_THRUST_TUNABLES, withHipThrustOverrides } from './tunables.ts';

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
  tunables: HIP_THRUST_TUNABLES,
  // with overrides: the model's thresholds changed by them (an unknown variant is refused by forRequest, with its message)
  createChecker: ({ variant, model, overrides }) =>
    overrides && (variant === undefined || isHipThrustVariant(variant))
      ? new HipThrustChecker({ variant, config: withHipThrustOverrides(hipThrustConfigFor(model), overrides) })
      : HipThrustChecker.forRequest(variant, model),
};
