/**
 * Scoring a counted set against a person's labels (the fixtures' labels.json
 * format): counts per clip or view segment, peak-time errors, and the totals
 * `npm run eval` ends with. Pure: the script reads files and runs the engine.
 */
import { percentile } from '../stats.ts';

/** One view segment of a labelled clip: reps whose peak falls in it belong to it. */
export interface LabelSegment {
  readonly from_s: number;
  readonly to_s: number;
  readonly view: string;
  readonly expected: number;
}

/** A labelled clip (fields of labels.json that scoring reads). */
export interface ClipLabel {
  readonly file: string;
  readonly exercise: string;
  readonly kind: 'reps' | 'holds' | 'alternating' | 'image';
  readonly expected?: number;
  readonly view: string;
  readonly variant?: string;
  readonly segments?: readonly LabelSegment[];
  readonly peaks_s?: readonly number[];
}

/** A counted rep as far as scoring needs it. */
export interface CountedRep {
  readonly full: boolean;
  readonly peakMs: number;
  readonly holdS: number;
}

/** One row of the evaluation: a clip, or one view segment of it. */
export interface ScoredUnit {
  readonly name: string;
  readonly view: string;
  readonly expected: number;
  readonly counted: number;
}

export interface ClipScore {
  readonly units: readonly ScoredUnit[];
  readonly partialReps: number;
  /** per labelled peak matched to a counted rep: how far off, s (a hold counts from its nearer edge) */
  readonly peakErrorsS: readonly number[];
  /** labelled peaks no counted rep could be matched to */
  readonly unmatchedPeaks: number;
}

const inSegment = (reps: readonly CountedRep[], s: LabelSegment): number => reps.filter((r) => r.full && r.peakMs >= s.from_s * 1000 && r.peakMs <= s.to_s * 1000).length;

/**
 * Peak-time error of a rep against a labelled moment. A hold's label is "a
 * moment inside the hold" (fixtures README), and a long hold's highest frame
 * can be anywhere in it: the error runs from the hold's nearer edge, taking
 * the hold as centred on the counted peak.
 */
export function peakErrorS(rep: CountedRep, labelS: number): number {
  const halfHoldS = Math.max(0, rep.holdS) / 2;
  return Math.max(0, Math.abs(rep.peakMs / 1000 - labelS) - halfHoldS);
}

/**
 * Labelled peaks matched to counted full reps in time order: each label to
 * the nearest rep not taken yet, within `maxErrorS` (a rep further away is a
 * different rep, not a late one).
 */
export function matchPeaks(reps: readonly CountedRep[], peaksS: readonly number[], maxErrorS = 2): { errorsS: number[]; unmatched: number } {
  const full = reps.filter((r) => r.full);
  const taken = new Set<number>();
  const errorsS: number[] = [];
  let unmatched = 0;
  for (const label of peaksS) {
    let best = -1;
    let bestError = Number.POSITIVE_INFINITY;
    full.forEach((rep, i) => {
      const e = peakErrorS(rep, label);
      if (!taken.has(i) && e < bestError) {
        best = i;
        bestError = e;
      }
    });
    if (best >= 0 && bestError <= maxErrorS) {
      taken.add(best);
      errorsS.push(bestError);
    } else unmatched++;
  }
  return { errorsS, unmatched };
}

/** The expected count of a clip without segments: alternating lifts are 0 full reps. */
export const expectedOf = (label: ClipLabel): number => (label.kind === 'alternating' ? 0 : (label.expected ?? 0));

export function scoreClip(label: ClipLabel, reps: readonly CountedRep[], partialReps: number): ClipScore {
  const name = label.file.split('/').pop() ?? label.file;
  const units: ScoredUnit[] = label.segments
    ? label.segments.map((s) => ({ name: `${name} ${s.from_s}-${s.to_s} s`, view: s.view, expected: s.expected, counted: inSegment(reps, s) }))
    : [{ name, view: label.view, expected: expectedOf(label), counted: reps.filter((r) => r.full).length }];
  const { errorsS, unmatched } = matchPeaks(reps, label.kind === 'alternating' ? [] : (label.peaks_s ?? []));
  return { units, partialReps, peakErrorsS: errorsS, unmatchedPeaks: unmatched };
}

export interface EvalTotals {
  readonly units: number;
  readonly exact: number;
  readonly withinOne: number;
  readonly meanAbsError: number;
  readonly peakErrorMedianS: number;
  readonly peakErrorP95S: number;
  readonly unmatchedPeaks: number;
}

export function totalsOf(scores: readonly ClipScore[]): EvalTotals {
  const units = scores.flatMap((s) => s.units);
  const errors = units.map((u) => Math.abs(u.counted - u.expected));
  const peaks = scores.flatMap((s) => s.peakErrorsS);
  return {
    units: units.length,
    exact: errors.filter((e) => e === 0).length,
    withinOne: errors.filter((e) => e <= 1).length,
    meanAbsError: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : Number.NaN,
    peakErrorMedianS: percentile(peaks, 50),
    peakErrorP95S: percentile(peaks, 95),
    unmatchedPeaks: scores.reduce((a, s) => a + s.unmatchedPeaks, 0),
  };
}
