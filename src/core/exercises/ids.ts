/** The four exercises of the article, and the hip thrust's variants. */
export const EXERCISE_IDS = ['upward-dog', 'superman', 'good-morning', 'hip-thrust'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export const HIP_THRUST_VARIANTS = ['floor', 'bench'] as const;
export type HipThrustVariant = (typeof HIP_THRUST_VARIANTS)[number];

export function isExerciseId(value: string): value is ExerciseId {
  return (EXERCISE_IDS as readonly string[]).includes(value);
}

export function isHipThrustVariant(value: string): value is HipThrustVariant {
  return (HIP_THRUST_VARIANTS as readonly string[]).includes(value);
}
