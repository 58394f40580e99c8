/**
 * The one thing to change to move like the physio's reference: the biggest
 * of the rep's differences, in units of its threshold (thresholds.ts), as a
 * plain cue; "matches" when none reaches its threshold. Its text is in the
 * reference message table (i18n/tables/reference.ts), English and Dutch.
 */
import type { MessageKey, MessageParams } from '../i18n/messages.ts';
import type { PeakDirection } from './prepared.ts';

/** How much depth to add or take off, in the exercise's unit: whole degrees, or whole percent of the torso length. */
export type DepthChange = { readonly unit: 'deg'; readonly byDeg: number } | { readonly unit: 'torso'; readonly byPctTorso: number };

export type ReferenceCue =
  | { readonly kind: 'matches' }
  | ({ readonly kind: 'deeper' | 'less-deep' | 'higher' | 'less-high' } & DepthChange)
  | { readonly kind: 'slower-up' | 'faster-up' | 'slower-down' | 'faster-down' }
  /** whole seconds, at least 1 */
  | { readonly kind: 'hold-longer' | 'hold-shorter'; readonly byS: number };

export type ReferenceCueKind = ReferenceCue['kind'];

/** One difference of the rep from the reference: `excess` is |difference| / threshold, 1 = just noticeable. */
export interface Difference {
  /** patient - reference (depth in its unit, hold in s), or ln(patient / reference) for a phase */
  readonly difference: number;
  readonly excess: number;
}

export interface RepDifferences {
  readonly direction: PeakDirection;
  readonly depth: Difference & { readonly unit: 'deg' | 'torso' };
  /** into the peak region (up for a lift, down for a hinge), and back out of it */
  readonly approach: Difference;
  readonly return: Difference;
  /** null for an exercise without holds */
  readonly hold: Difference | null;
}

function depthCue(d: RepDifferences): ReferenceCue {
  const short = d.depth.difference < 0;
  const kind = d.direction === 'deeper' ? (short ? 'deeper' : 'less-deep') : short ? 'higher' : 'less-high';
  const amount = Math.abs(d.depth.difference);
  return d.depth.unit === 'deg' ? { kind, unit: 'deg', byDeg: Math.max(1, Math.round(amount)) } : { kind, unit: 'torso', byPctTorso: Math.max(1, Math.round(amount * 100)) };
}

/** Phase words: a lift approaches its peak going up, a hinge going down. */
function tempoCue(phase: 'approach' | 'return', difference: number, direction: PeakDirection): ReferenceCue {
  const goingUp = (phase === 'approach') === (direction === 'higher');
  // took longer than the reference (ln ratio > 0): quicker; shorter: slower
  const slower = difference < 0;
  if (goingUp) return { kind: slower ? 'slower-up' : 'faster-up' };
  return { kind: slower ? 'slower-down' : 'faster-down' };
}

/**
 * The cue for the biggest difference past its threshold. Ties go in the
 * order depth, the way back, the way in, the hold: depth first as the
 * exercise's purpose, the way back next as the phase people rush most.
 */
export function cueOf(d: RepDifferences): ReferenceCue {
  let best: ReferenceCue = { kind: 'matches' };
  let bestExcess = 1;
  const consider = (excess: number, cue: () => ReferenceCue): void => {
    if (excess > bestExcess) {
      bestExcess = excess;
      best = cue();
    }
  };
  consider(d.depth.excess, () => depthCue(d));
  consider(d.return.excess, () => tempoCue('return', d.return.difference, d.direction));
  consider(d.approach.excess, () => tempoCue('approach', d.approach.difference, d.direction));
  const hold = d.hold;
  if (hold) consider(hold.excess, () => ({ kind: hold.difference < 0 ? 'hold-longer' : 'hold-shorter', byS: Math.max(1, Math.round(Math.abs(hold.difference))) }));
  return best;
}

/** The message key and its number for a cue (`format(lang, key, params)` or `locale.t(key, params)` gives the text). */
export function cueMessage(cue: ReferenceCue): { readonly key: MessageKey; readonly params?: MessageParams } {
  switch (cue.kind) {
    case 'matches':
      return { key: 'reference.cue.matches' };
    case 'deeper':
    case 'less-deep':
    case 'higher':
    case 'less-high':
      return cue.unit === 'deg' ? { key: `reference.cue.${cue.kind}.deg`, params: { n: cue.byDeg } } : { key: `reference.cue.${cue.kind}.torso`, params: { n: cue.byPctTorso } };
    case 'slower-up':
    case 'faster-up':
    case 'slower-down':
    case 'faster-down':
      return { key: `reference.cue.${cue.kind}` };
    case 'hold-longer':
    case 'hold-shorter':
      return cue.byS === 1 ? { key: `reference.cue.${cue.kind}.one` } : { key: `reference.cue.${cue.kind}`, params: { n: cue.byS } };
  }
}
