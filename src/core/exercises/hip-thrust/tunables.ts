/**
 * The hip-thrust thresholds a physiotherapist may tune (tunables.ts): how
 * far the hips must come up to count as a full rep, and how long a pause at
 * the top must last.
 */
import { checkOverrides, type ThresholdOverrides, type TunableThreshold } from '../tunables.ts';
import { HIP_THRUST_DEFAULTS, validateHipThrustConfig, type HipThrustConfig } from './config.ts';

export const HIP_THRUST_TUNABLE_KEYS = ['hipsUpToLineDeg', 'hipThrustMinPauseS'] as const;
export type HipThrustTunable = (typeof HIP_THRUST_TUNABLE_KEYS)[number];

export const HIP_THRUST_TUNABLES: readonly TunableThreshold<HipThrustTunable>[] = [
  // sideCounter.fullAt, side view: from 150 (the lowest lift the counter calls a rep at all,
  // partialFrom) up to 180, the hip straight on the knee-shoulder line
  { key: 'hipsUpToLineDeg', label: 'tune.hipsUpToLineDeg', unit: 'deg', min: 150, max: 180, step: 1, defaultValue: HIP_THRUST_DEFAULTS.sideCounter.fullAt },
  // minPauseS: none at all up to a 3 s hold
  { key: 'hipThrustMinPauseS', label: 'tune.minPauseS', unit: 's', min: 0, max: 3, step: 0.1, defaultValue: HIP_THRUST_DEFAULTS.minPauseS },
];

/**
 * `config` with the overrides applied (refused with a RangeError when one is
 * not a hip-thrust tunable or lies out of bounds). A "hips up to the line"
 * angle below the default also lowers the partial threshold and the cap of
 * the lifted rest threshold with it, so the counter's order holds
 * (rest < start <= partial <= full).
 */
export function withHipThrustOverrides(config: HipThrustConfig, overrides: ThresholdOverrides | undefined): HipThrustConfig {
  const values = checkOverrides('hip-thrust', HIP_THRUST_TUNABLES, overrides);
  if (values.size === 0) return config;
  let c = config;
  const fullAt = values.get('hipsUpToLineDeg');
  if (fullAt !== undefined) {
    const s = c.sideCounter;
    const startGap = s.startAbove - s.restBelow;
    c = {
      ...c,
      sideCounter: { ...s, fullAt, partialFrom: Math.min(s.partialFrom, fullAt) },
      sideRestBelowMaxDeg: Math.max(s.restBelow, Math.min(c.sideRestBelowMaxDeg, fullAt - startGap)),
    };
  }
  const minPauseS = values.get('hipThrustMinPauseS');
  if (minPauseS !== undefined) c = { ...c, minPauseS };
  return validateHipThrustConfig(c);
}
