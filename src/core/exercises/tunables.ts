/**
 * Thresholds a physiotherapist may tune when re-analysing a stored set (a
 * deeper hip-thrust target, a stricter hinge depth...). Each exercise lists
 * its own in its description (`tunables`), with a label, unit, bounds, step
 * and the default its config uses; `createChecker({ ..., overrides })` takes
 * values for them. The UI renders whatever an exercise lists, so it never
 * compares exercise ids, and the overrides are checked here, each refusal
 * with its own line, before any config is built.
 */
import type { MessageKey } from '../i18n/messages.ts';
import type { GoodMorningTunable } from './good-morning/tunables.ts';
import type { HipThrustTunable } from './hip-thrust/tunables.ts';
import type { SupermanTunable } from './superman/tunables.ts';
import type { UpwardDogTunable } from './upward-dog/tunables.ts';

/** Every tunable threshold of every exercise, as one typed key (each exercise lists its own). */
export type TunableKey = GoodMorningTunable | HipThrustTunable | SupermanTunable | UpwardDogTunable;

/** deg: an angle; torso: torso lengths (shown as % of the torso); s: seconds */
export type TunableUnit = 'deg' | 'torso' | 's';

export interface TunableThreshold<K extends TunableKey = TunableKey> {
  readonly key: K;
  /** what it is, in words a physiotherapist reads (history table) */
  readonly label: MessageKey;
  readonly unit: TunableUnit;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** the value the exercise's config uses by default */
  readonly defaultValue: number;
}

/** Values for some of an exercise's tunable thresholds; those left out keep their defaults. */
export type ThresholdOverrides = { readonly [K in TunableKey]?: number };

/**
 * The overrides an exercise accepts, checked against its list: each key must
 * be one of its tunables and each value a finite number within the bounds.
 * Throws one RangeError naming every problem; returns the values by key.
 */
export function checkOverrides<K extends TunableKey>(exercise: string, tunables: readonly TunableThreshold<K>[], overrides: ThresholdOverrides = {}): ReadonlyMap<K, number> {
  const problems: string[] = [];
  const values = new Map<K, number>();
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const tunable = tunables.find((t) => t.key === key);
    if (!tunable) {
      const known = tunables.map((t) => t.key).join(', ') || 'none';
      problems.push(`"${key}" is not one of its tunable thresholds (${known})`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${key} must be a number, got ${JSON.stringify(value)}`);
    } else if (value < tunable.min || value > tunable.max) {
      problems.push(`${key} = ${value} ${tunable.unit} is out of bounds: it must lie in ${tunable.min}..${tunable.max} ${tunable.unit}`);
    } else {
      values.set(tunable.key, value);
    }
  }
  if (problems.length) throw new RangeError(`${exercise} overrides: ${problems.join('; ')}`);
  return values;
}

/** The defaults of a list of tunables, by key (what the sliders start at). */
export function defaultsOf(tunables: readonly TunableThreshold[]): ThresholdOverrides {
  const out: { [K in TunableKey]?: number } = {};
  for (const t of tunables) out[t.key] = t.defaultValue;
  return out;
}
