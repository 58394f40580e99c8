/** Every exercise by its id, as each describes itself (exercise.ts), and the checker for a request. */
import type { ExerciseChecker } from '../engine/checker.ts';
import type { ExerciseDescription } from './exercise.ts';
import { GOOD_MORNING } from './good-morning/description.ts';
import { HIP_THRUST } from './hip-thrust/description.ts';
import type { ExerciseId } from './ids.ts';
import { SUPERMAN } from './superman/description.ts';
import { UPWARD_DOG } from './upward-dog/description.ts';
import type { ThresholdOverrides } from './tunables.ts';

export const EXERCISES: Readonly<Record<ExerciseId, ExerciseDescription>> = {
  'upward-dog': UPWARD_DOG,
  superman: SUPERMAN,
  'good-morning': GOOD_MORNING,
  'hip-thrust': HIP_THRUST,
};

export const describeExercise = (id: ExerciseId): ExerciseDescription => EXERCISES[id];

export interface CheckerRequest {
  readonly exercise: ExerciseId;
  /** a variant of the exercise (the hip thrust's 'floor' | 'bench'); undefined = detect, or none */
  readonly variant?: string | undefined;
  /** the pose model that produced the frames: thresholds hold for the model that runs */
  readonly model?: string | undefined;
  /** changed thresholds (re-analysis): keys from the exercise's `tunables`, within their bounds */
  readonly overrides?: ThresholdOverrides | undefined;
}

export function createChecker(request: CheckerRequest): ExerciseChecker {
  return EXERCISES[request.exercise].createChecker({ variant: request.variant, model: request.model, overrides: request.overrides });
}

/** The variant to pass on: the chosen one if the exercise has variants, else none. */
export function variantFor<V extends string>(id: ExerciseId, variant: V | undefined): V | undefined {
  return EXERCISES[id].variants.length > 0 ? variant : undefined;
}
