/**
 * What a set aims for, per exercise. The article gives no doses; these are
 * common physiotherapy starting points for body-weight work (a few sets of
 * 8-12 controlled reps, short holds for the extension exercises), meant to be
 * changed by the user's physiotherapist.
 */
import type { ExerciseId } from './ids.ts';

export interface SetTarget {
  readonly sets: number;
  /** full reps per set */
  readonly reps: number;
  /** seconds to hold at the top of each rep; 0 when the exercise has no hold */
  readonly holdS: number;
  /** rest between sets, seconds */
  readonly restS: number;
}

export const SET_TARGETS: Readonly<Record<ExerciseId, SetTarget>> = {
  'upward-dog': { sets: 2, reps: 5, holdS: 5, restS: 45 },
  superman: { sets: 3, reps: 8, holdS: 2, restS: 45 },
  'good-morning': { sets: 3, reps: 10, holdS: 0, restS: 60 },
  'hip-thrust': { sets: 3, reps: 12, holdS: 1, restS: 60 },
};
