/** What the engine tells its listeners (UI, voice, CLI report), as a discriminated union. */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { MetricKey } from '../exercises/metric-keys.ts';
import type { Cue, CueKey } from './cues.ts';
import type { ViewKind } from './view.ts';

import type { Phase } from '../signal/phase.ts';
export type { Phase } from '../signal/phase.ts';

/** Setup problems that keep counting from starting, or warn while it runs. */
export type WarningKey = 'no-person' | 'not-whole-body' | 'front-view' | 'oblique-view' | 'wrong-posture' | 'not-in-start-position' | 'label-swaps' | 'alternating-lifts';

/** Per-rep measurements by their typed names; which exist depends on the exercise (its metrics.ts). */
export type RepMetrics = Readonly<Partial<Record<MetricKey, number>>>;

/**
 * Why a rep was not a full one, in the terms of the article's movement
 * (design/exercises.md): the cue after a partial rep and the set summary say
 * it. Each exercise says which of these it reports.
 */
export const PARTIAL_REASONS = [
  /** not high enough: the lift, the press or the hips stopped short of the top */
  'higher',
  /** not deep enough: the hinge stopped short */
  'deeper',
  /** the top was reached but not held for the target */
  'hold-longer',
  /** superman: arms and legs did not leave the floor together */
  'all-four-together',
  /** up dog: the arms stayed bent (a cobra) */
  'straighten-arms',
  /** up dog: the hips stayed on the mat */
  'hips-up',
] as const;
export type PartialReason = (typeof PARTIAL_REASONS)[number];

export interface RepRecord {
  /** 1-based among full reps; 0 for partial reps */
  readonly index: number;
  readonly full: boolean;
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
  /** the counting signal at its deepest/highest point, in the exercise's unit (deg or torso lengths) */
  readonly peak: number;
  /** seconds from leaving rest to the peak (the "down" of a good morning, the "up" of a hip thrust) */
  readonly toPeakS: number;
  /** seconds from the peak back to rest */
  readonly fromPeakS: number;
  /** seconds at the top (0 when it did not hold) */
  readonly holdS: number;
  readonly metrics: RepMetrics;
  readonly faults: readonly FaultKey[];
  /** for a partial rep (full false): what was missing; absent on full reps */
  readonly partialReason?: PartialReason;
}

export type EngineEvent =
  | { readonly kind: 'setup'; readonly tMs: number; readonly ready: boolean; readonly view: ViewKind; readonly problems: readonly WarningKey[] }
  | { readonly kind: 'counting-started'; readonly tMs: number }
  | { readonly kind: 'phase'; readonly tMs: number; readonly phase: Phase }
  | { readonly kind: 'rep'; readonly tMs: number; readonly rep: RepRecord }
  | { readonly kind: 'partial-rep'; readonly tMs: number; readonly rep: RepRecord }
  | { readonly kind: 'fault'; readonly tMs: number; readonly fault: FaultKey; readonly cue: CueKey }
  | { readonly kind: 'cue'; readonly tMs: number; readonly cue: Cue | null }
  | { readonly kind: 'warning'; readonly tMs: number; readonly warning: WarningKey; readonly detail?: string };

export type EventKind = EngineEvent['kind'];
