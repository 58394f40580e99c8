/** The good morning, as the rest of FormCoach sees it (exercise.ts). */
import type { ExerciseDescription } from '../exercise.ts';
import { SET_TARGETS } from '../targets.ts';
import { GOOD_MORNING_METRICS } from './metrics.ts';
import { GOOD_MORNING_FAULTS, GoodMorningChecker } from './checker.ts';
import { GOOD_MORNING_DEFAULTS } from './config.ts';
import { goodMorningKeyAngleScale } from './key-angle.ts';
import { GOOD_MORNING_TUNABLES, withGoodMorningOverrides } from './tunables.ts';

export const GOOD_MORNING: ExerciseDescription = {
  id: 'good-morning',
  posture: 'standing',
  variants: [],
  target: SET_TARGETS['good-morning'],
  keyAngleScale: goodMorningKeyAngleScale(GOOD_MORNING_DEFAULTS),
  metrics: GOOD_MORNING_METRICS,
  faults: Object.keys(GOOD_MORNING_FAULTS) as (keyof typeof GOOD_MORNING_FAULTS)[],
  depthUnit: 'deg',
  countsHolds: false,
  // the hinge stopped short of full depth (counter.fullAt)
  partialReasons: ['deeper'],
  tips: ['home.gmPole'],
  tunables: GOOD_MORNING_TUNABLES,
  createChecker: ({ overrides }) => new GoodMorningChecker(withGoodMorningOverrides(GOOD_MORNING_DEFAULTS, overrides)),
};
