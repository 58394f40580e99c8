/**
 * The upward-dog thresholds a physiotherapist may tune (tunables.ts): how far
 * the chest must rise above where the press began, how straight the arms
 * must be at the top, and how much deeper than the previous reps a rep early
 * in the set may go before the "build up gradually" cue.
 */
import { checkOverrides, type ThresholdOverrides, type TunableThreshold } from '../tunables.ts';
import { UPWARD_DOG_DEFAULTS, validateUpwardDogConfig, type UpwardDogConfig } from './config.ts';

export const UPWARD_DOG_TUNABLE_KEYS = ['pressRiseDeg', 'topMinElbowDeg', 'buildUpJumpDeg'] as const;
export type UpwardDogTunable = (typeof UPWARD_DOG_TUNABLE_KEYS)[number];

export const UPWARD_DOG_TUNABLES: readonly TunableThreshold<UpwardDogTunable>[] = [
  // minPressRiseDeg: a shift within the start position rises under 5 deg; 40 is a big back bend
  { key: 'pressRiseDeg', label: 'tune.pressRiseDeg', unit: 'deg', min: 5, max: 40, step: 1, defaultValue: UPWARD_DOG_DEFAULTS.minPressRiseDeg },
  // topMinElbowDeg: 120 (clearly bent) to 180 (locked straight)
  { key: 'topMinElbowDeg', label: 'tune.topMinElbowDeg', unit: 'deg', min: 120, max: 180, step: 1, defaultValue: UPWARD_DOG_DEFAULTS.topMinElbowDeg },
  // buildUpJumpDeg: the article (exercises.md §1) asks to make the bend a little bigger each
  // time. 5 deg is the least that is more than noise (the fixture holds sink 3-5 deg and the
  // clean clips' side-view tops differ by up to 4 deg from rep to rep, config.ts); 30 is over
  // half of a full up dog's ~50 deg, so a physio who sets it there has switched the cue off
  { key: 'buildUpJumpDeg', label: 'tune.buildUpJumpDeg', unit: 'deg', min: 5, max: 30, step: 1, defaultValue: UPWARD_DOG_DEFAULTS.buildUpJumpDeg },
];

/** `config` with the overrides applied (refused with a RangeError when one is not an upward-dog tunable or lies out of bounds). */
export function withUpwardDogOverrides(config: UpwardDogConfig, overrides: ThresholdOverrides | undefined): UpwardDogConfig {
  const values = checkOverrides('upward-dog', UPWARD_DOG_TUNABLES, overrides);
  if (values.size === 0) return config;
  let c = config;
  const rise = values.get('pressRiseDeg');
  if (rise !== undefined) c = { ...c, minPressRiseDeg: rise };
  const elbow = values.get('topMinElbowDeg');
  if (elbow !== undefined) c = { ...c, topMinElbowDeg: elbow };
  const jump = values.get('buildUpJumpDeg');
  if (jump !== undefined) c = { ...c, buildUpJumpDeg: jump };
  return validateUpwardDogConfig(c);
}
