/**
 * The good-morning thresholds a physiotherapist may tune (tunables.ts): the
 * hinge depth of a full rep, and the slowest a whole rep may be called too fast.
 */
import { checkOverrides, type ThresholdOverrides, type TunableThreshold } from '../tunables.ts';
import { GOOD_MORNING_DEFAULTS, validateGoodMorningConfig, type GoodMorningConfig } from './config.ts';

export const GOOD_MORNING_TUNABLE_KEYS = ['hingeDepthDeg', 'minRepSeconds'] as const;
export type GoodMorningTunable = (typeof GOOD_MORNING_TUNABLE_KEYS)[number];

export const GOOD_MORNING_TUNABLES: readonly TunableThreshold<GoodMorningTunable>[] = [
  // counter.fullAt, forward torso inclination: from the partial threshold (30) to 90 (horizontal)
  { key: 'hingeDepthDeg', label: 'tune.hingeDepthDeg', unit: 'deg', min: GOOD_MORNING_DEFAULTS.counter.partialFrom, max: 90, step: 1, defaultValue: GOOD_MORNING_DEFAULTS.counter.fullAt },
  // minRepSeconds: a drop and bounce (0.5 s) up to a deliberately slow 6 s rep
  { key: 'minRepSeconds', label: 'tune.minRepSeconds', unit: 's', min: 0.5, max: 6, step: 0.1, defaultValue: GOOD_MORNING_DEFAULTS.minRepSeconds },
];

/** `config` with the overrides applied (refused with a RangeError when one is not a good-morning tunable or lies out of bounds). */
export function withGoodMorningOverrides(config: GoodMorningConfig, overrides: ThresholdOverrides | undefined): GoodMorningConfig {
  const values = checkOverrides('good-morning', GOOD_MORNING_TUNABLES, overrides);
  if (values.size === 0) return config;
  let c = config;
  const fullAt = values.get('hingeDepthDeg');
  if (fullAt !== undefined) c = { ...c, counter: { ...c.counter, fullAt, partialFrom: Math.min(c.counter.partialFrom, fullAt) } };
  const minRepSeconds = values.get('minRepSeconds');
  if (minRepSeconds !== undefined) c = { ...c, minRepSeconds };
  return validateGoodMorningConfig(c);
}
