/**
 * What an exercise says about itself to the rest of FormCoach (engine, CLI,
 * Svelte components), so that nothing outside its folder compares exercise
 * ids: its start posture, variants, set target, key angle and how its
 * per-rep depth reads, why a rep of it can be partial, its home-screen tips,
 * and how to make its checker for the model that runs.
 */
import type { ExerciseChecker } from '../engine/checker.ts';
import type { PartialReason } from '../engine/events.ts';
import type { KeyAngleScale } from '../engine/key-angle.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { FaultKey } from './fault-keys.ts';
import type { ExerciseId, HipThrustVariant } from './ids.ts';
import type { MetricKey } from './metric-keys.ts';
import type { SetTarget } from './targets.ts';
import type { ThresholdOverrides, TunableThreshold } from './tunables.ts';

/** How a rep's depth (RepRecord.peak) reads: degrees, or torso lengths (shown as a percentage of the torso). */
export type DepthUnit = 'deg' | 'torso';

export interface ExerciseDescription {
  readonly id: ExerciseId;
  /** the body's posture in the start position */
  readonly posture: 'standing' | 'lying';
  /** variants the person picks from (the first is the default); none for most exercises */
  readonly variants: readonly HipThrustVariant[];
  readonly target: SetTarget;
  /** the key angle's scale and target band, from the checker's config defaults */
  readonly keyAngleScale: KeyAngleScale;
  readonly depthUnit: DepthUnit;
  /** false for an exercise without a hold at the top (the good morning's bottom is a turn) */
  readonly countsHolds: boolean;
  /** the per-rep measurements its reps report (its metrics.ts, in that order) */
  readonly metrics: readonly MetricKey[];
  /** the form faults it can raise (its fault table's keys) */
  readonly faults: readonly FaultKey[];
  /** what a partial rep of this exercise can be missing (RepRecord.partialReason), in its checker's rules */
  readonly partialReasons: readonly PartialReason[];
  /** extra advice on its home card */
  readonly tips: readonly MessageKey[];
  /** the thresholds a physiotherapist may change when re-analysing a stored set (tunables.ts), in the order shown */
  readonly tunables: readonly TunableThreshold[];
  /**
   * the checker, with its thresholds for the pose model that produces the frames and any
   * overrides of its tunables; a variant it does not have, or an override it does not list or
   * out of bounds, is refused (RangeError)
   */
  createChecker(options: { readonly variant?: string | undefined; readonly model?: string | undefined; readonly overrides?: ThresholdOverrides | undefined }): ExerciseChecker;
}
