/**
 * What a finished rep calls for, in cues: a partial rep names what was
 * missing (its PartialReason, in its exercise's words), a full rep held
 * shorter than the set's target hold gets "hold N s at the top" (it still
 * counts: the hold is advice, not a condition of the rep). The engine offers
 * the rep's cue through the cue engine's spacing rules; the set summary and
 * the CLI report say the same things with the same texts.
 */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { SET_TARGETS } from '../exercises/targets.ts';
import { cueKeyOf, isNumberedCueKey, type Cue, type CueKey, type PlainCueKey } from './cues.ts';
import type { PartialReason, RepRecord } from './events.ts';

/** The cue for each reason a rep can be partial, for any exercise ('hold-longer' is the numbered hold cue). */
export const PARTIAL_REASON_CUES: Readonly<Record<Exclude<PartialReason, 'hold-longer'>, PlainCueKey>> = {
  higher: 'partial.higher',
  // only the hinge goes "deeper": the good morning's own words
  deeper: 'gm.hinge-further',
  'all-four-together': 'superman.lift-together',
  'straighten-arms': 'updog.straighten-arms',
  'hips-up': 'updog.hips-up',
};

/**
 * Where an exercise already has its own cue for a reason: the hip thrust's
 * "higher" is its hips up to the line, the cue its 'incomplete-extension'
 * fault gives in a side view (the same key, so the cue engine says it once).
 */
export const EXERCISE_REASON_CUES: Readonly<Record<ExerciseId, Readonly<Partial<Record<Exclude<PartialReason, 'hold-longer'>, PlainCueKey>>>>> = {
  'good-morning': {},
  'hip-thrust': { higher: 'ht.hips-higher' },
  superman: {},
  'upward-dog': {},
};

/**
 * A hold reads short only below the target at the summary's resolution
 * (0.1 s): a 4.96 s hold shows as "5.0 s" and is not told to hold 5 s.
 */
const HOLD_SLACK_S = 0.05;

/** The set's target hold for the exercise, s (0: no hold). */
export const holdTargetS = (exercise: ExerciseId): number => SET_TARGETS[exercise].holdS;

/** "Hold N s at the top" with N the target; null when the exercise has no hold target. */
export const holdCue = (targetS: number): Cue | null => (targetS > 0 ? { key: 'hold.seconds-at-top', n: targetS } : null);

/** The cue that says what a partial rep with this reason was missing; null only for 'hold-longer' without a hold target. */
export function partialCue(exercise: ExerciseId, reason: PartialReason, targetS: number = holdTargetS(exercise)): Cue | null {
  if (reason === 'hold-longer') return holdCue(targetS);
  return EXERCISE_REASON_CUES[exercise][reason] ?? PARTIAL_REASON_CUES[reason];
}

/** A full rep whose hold fell short of the target (reps of an exercise without a hold target never do). */
export const heldShort = (rep: RepRecord, targetS: number): boolean => rep.full && targetS > 0 && rep.holdS < targetS - HOLD_SLACK_S;

/**
 * The one cue a finished rep calls for, or null: for a partial rep what it
 * was missing (null when its checker gave no reason), for a full rep the hold
 * when it fell short. One cue per rep: a partial rep's reason matters more
 * than its hold (its top was not the top).
 */
export function repCue(exercise: ExerciseId, rep: RepRecord, targetS: number = holdTargetS(exercise)): Cue | null {
  if (!rep.full) return rep.partialReason ? partialCue(exercise, rep.partialReason, targetS) : null;
  return heldShort(rep, targetS) ? holdCue(targetS) : null;
}

/** What the set summary says about a rep (repPoints). */
export interface RepPoints {
  /** a partial rep: the cue that names what was missing; null on a full rep, or when its checker gave no reason */
  readonly missing: Cue | null;
  /** then the cues of its faults and a short hold, each once, none repeating `missing` */
  readonly cues: readonly Cue[];
  /** faults that came without a cue */
  readonly uncued: readonly FaultKey[];
}

/**
 * The points the set summary lists for a rep: what a partial rep was
 * missing, then the cues of its faults (a fault may give the very cue the
 * reason gives: the good morning's 'too-shallow'), then a short hold. A
 * clean full rep held long enough has none.
 */
export function repPoints(exercise: ExerciseId, rep: RepRecord, faultCues: ReadonlyMap<FaultKey, CueKey>, targetS: number = holdTargetS(exercise)): RepPoints {
  const missing = !rep.full && rep.partialReason ? partialCue(exercise, rep.partialReason, targetS) : null;
  const cues: Cue[] = [];
  const uncued: FaultKey[] = [];
  const add = (cue: Cue | null): void => {
    if (cue !== null && !(missing !== null && cueKeyOf(missing) === cueKeyOf(cue)) && !cues.some((c) => cueKeyOf(c) === cueKeyOf(cue))) cues.push(cue);
  };
  for (const fault of rep.faults) {
    const cue = faultCues.get(fault);
    if (cue === undefined) uncued.push(fault);
    else add(plainOrNull(cue));
  }
  if (heldShort(rep, targetS)) add(holdCue(targetS));
  return { missing, cues, uncued };
}

/** A fault's cue as a Cue: faults give plain cues (a numbered key has no number to show). */
function plainOrNull(key: CueKey): Cue | null {
  return isNumberedCueKey(key) ? null : key;
}
