/**
 * The superman thresholds a physiotherapist may tune (tunables.ts): the
 * smallest lift of the lowest limb that counts as a full rep, and the
 * biggest arch of the back before it is called too big.
 */
import { checkOverrides, type ThresholdOverrides, type TunableThreshold } from '../tunables.ts';
import { SUPERMAN_DEFAULTS, validateSupermanConfig, type SupermanConfig } from './config.ts';

export const SUPERMAN_TUNABLE_KEYS = ['liftTorso', 'maxArchDeg'] as const;
export type SupermanTunable = (typeof SUPERMAN_TUNABLE_KEYS)[number];

export const SUPERMAN_TUNABLES: readonly TunableThreshold<SupermanTunable>[] = [
  // counter.fullAt: the floor of the person-relative "clear of the floor" threshold (it is
  // raised above this for a noisy rest, up to the clearance cap); from the default 0.03 up to
  // 0.3 torso, more than any fixture rep's lowest limb (0.10-0.21)
  { key: 'liftTorso', label: 'tune.liftTorso', unit: 'torso', min: SUPERMAN_DEFAULTS.counter.fullAt, max: 0.3, step: 0.01, defaultValue: SUPERMAN_DEFAULTS.counter.fullAt },
  // maxArchDeg: exercises.md ~25; 10 (strict) to 45
  { key: 'maxArchDeg', label: 'tune.maxArchDeg', unit: 'deg', min: 10, max: 45, step: 1, defaultValue: SUPERMAN_DEFAULTS.maxArchDeg },
];

/**
 * `config` with the overrides applied (refused with a RangeError when one is
 * not a superman tunable or lies out of bounds). A lift above the clearance
 * cap raises the cap with it, so the learned threshold never stays below the
 * asked lift (the cap also says how clearly a one-sided lift must rise to be
 * reported as alternating).
 */
export function withSupermanOverrides(config: SupermanConfig, overrides: ThresholdOverrides | undefined): SupermanConfig {
  const values = checkOverrides('superman', SUPERMAN_TUNABLES, overrides);
  if (values.size === 0) return config;
  let c = config;
  const lift = values.get('liftTorso');
  if (lift !== undefined) {
    c = {
      ...c,
      counter: { ...c.counter, fullAt: lift },
      clearance: { ...c.clearance, maxFullAtTorso: Math.max(c.clearance.maxFullAtTorso, lift) },
    };
  }
  const arch = values.get('maxArchDeg');
  if (arch !== undefined) c = { ...c, maxArchDeg: arch };
  return validateSupermanConfig(c);
}
