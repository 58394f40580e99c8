/** Creates the checker for an exercise (and variant), with its defaults for the model that runs. */
import type { ExerciseChecker } from '../engine/checker.ts';
import { GoodMorningChecker } from './good-morning/checker.ts';
import { HipThrustChecker } from './hip-thrust/checker.ts';
import type { ExerciseId } from './ids.ts';
import { SupermanChecker } from './superman/checker.ts';
import { UpwardDogChecker } from './upward-dog/checker.ts';

export interface CheckerRequest {
  readonly exercise: ExerciseId;
  /** hip thrust: 'floor' | 'bench'; undefined = detect */
  readonly variant?: string | undefined;
  /** the pose model that produced the frames: thresholds hold for the model that runs */
  readonly model?: string | undefined;
}

export function createChecker(request: CheckerRequest): ExerciseChecker {
  switch (request.exercise) {
    case 'good-morning':
      return new GoodMorningChecker();
    case 'upward-dog':
      return UpwardDogChecker.forModel(request.model);
    case 'hip-thrust':
      return HipThrustChecker.forRequest(request.variant, request.model);
    case 'superman':
      return SupermanChecker.forModel(request.model);
    default:
      throw new Error(`no checker for exercise "${request.exercise}" yet`);
  }
}
