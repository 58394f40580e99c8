/**
 * One of the patient's reps against the physio's reference, with depth,
 * shape, tempo and hold told apart: each has its raw difference (in its
 * unit) and its own 0-100 score, the similarity shown live is their mean,
 * and the biggest difference past its threshold becomes the cue (cue.ts).
 *
 * - depth: the peak of the counting signal against the reference reps' mean
 *   (RepRecord.peak, deg or torso lengths);
 * - shape: the key angle on normalised time, warped (DTW, within a band)
 *   onto each reference rep, the closest one counting: the mean difference
 *   along the aligned path, deg. Warping takes tempo out of it; a shallower
 *   rep still differs all through its top;
 * - tempo: the time into the peak region and back out of it, as ratios to
 *   the reference's (prepared.ts seriesPhasesOf, enginePhasesOf);
 * - hold: seconds at the peak against the reference's (none for an exercise
 *   without holds).
 *
 * Runs once per rep, live: the DTW buffers and the normalised series are
 * kept between reps.
 */
import type { DepthUnit } from '../exercises/exercise.ts';
import { cueOf, type ReferenceCue, type RepDifferences } from './cue.ts';
import { Dtw } from './dtw.ts';
import type { ReferenceRep } from './format.ts';
import { enginePhasesOf, seriesPhasesOf, type PreparedReference } from './prepared.ts';
import { scoreOfRatio, SHAPE_SAMPLES } from './thresholds.ts';
import { timeNormalise } from './time-normalise.ts';

export interface RepComparison {
  /** 0-100: the mean of the parts' scores below */
  readonly similarity: number;
  readonly depth: {
    readonly score: number;
    /** patient - reference, in `unit` (negative: shallower, or lower) */
    readonly difference: number;
    readonly unit: DepthUnit;
    readonly peak: number;
    readonly referencePeak: number;
  };
  /** null when the key angle was not read through the rep (or through any reference rep) */
  readonly shape: { readonly score: number; readonly meanDifferenceDeg: number } | null;
  readonly tempo: {
    readonly score: number;
    /** patient / reference, > 1 slower; the phase into the peak region and the one back out of it */
    readonly approachRatio: number;
    readonly returnRatio: number;
    readonly approachS: number;
    readonly returnS: number;
    readonly referenceApproachS: number;
    readonly referenceReturnS: number;
  };
  /** null for an exercise without holds */
  readonly hold: { readonly score: number; readonly differenceS: number; readonly holdS: number; readonly referenceHoldS: number } | null;
  readonly cue: ReferenceCue;
}

export class RepScorer {
  private readonly dtw = new Dtw(SHAPE_SAMPLES);
  private readonly shape = new Float64Array(SHAPE_SAMPLES);

  constructor(readonly prepared: PreparedReference) {}

  /** The mean key-angle difference to the closest reference rep after warping, deg; NaN without series. */
  shapeDifferenceDeg(rep: ReferenceRep): number {
    const { shapes, bandRadius } = this.prepared;
    if (!rep.keyAngle || shapes.length === 0) return Number.NaN;
    timeNormalise(rep.keyAngle.deg, this.shape);
    let best = Number.POSITIVE_INFINITY;
    for (const ref of shapes) {
      const cost = this.dtw.run(this.shape, SHAPE_SAMPLES, ref, SHAPE_SAMPLES, bandRadius).meanCost;
      if (cost < best) best = cost;
    }
    return best;
  }

  score(rep: ReferenceRep): RepComparison {
    const p = this.prepared;
    const depthDifference = rep.peak - p.peakMean;
    const depthExcess = Math.abs(depthDifference) / p.peakThreshold;

    const shapeDeg = this.shapeDifferenceDeg(rep);
    const shape = Number.isFinite(shapeDeg) ? { score: scoreOfRatio(shapeDeg / p.shapeThresholdDeg), meanDifferenceDeg: shapeDeg } : null;

    // like with like: timed on the key angle when both have it, else on the engine's records
    const timed = p.seriesPhases ? seriesPhasesOf(rep.keyAngle) : null;
    const norm = timed && p.seriesPhases ? p.seriesPhases : p.enginePhases;
    const phases = timed ?? enginePhasesOf(rep);
    const lnApproach = Math.log(phases.approachS / norm.approachS);
    const lnReturn = Math.log(phases.returnS / norm.returnS);
    const approachExcess = Math.abs(lnApproach) / norm.approachThresholdLn;
    const returnExcess = Math.abs(lnReturn) / norm.returnThresholdLn;

    const holdDifference = rep.holdS - p.holdMeanS;
    const holdExcess = Math.abs(holdDifference) / p.holdThresholdS;

    const differences: RepDifferences = {
      direction: p.direction,
      depth: { difference: depthDifference, excess: depthExcess, unit: p.unit },
      approach: { difference: lnApproach, excess: approachExcess },
      return: { difference: lnReturn, excess: returnExcess },
      hold: p.countsHolds ? { difference: holdDifference, excess: holdExcess } : null,
    };

    const depth = { score: scoreOfRatio(depthExcess), difference: depthDifference, unit: p.unit, peak: rep.peak, referencePeak: p.peakMean };
    const tempo = {
      score: scoreOfRatio(Math.max(approachExcess, returnExcess)),
      approachRatio: Math.exp(lnApproach),
      returnRatio: Math.exp(lnReturn),
      approachS: phases.approachS,
      returnS: phases.returnS,
      referenceApproachS: norm.approachS,
      referenceReturnS: norm.returnS,
    };
    const hold = p.countsHolds ? { score: scoreOfRatio(holdExcess), differenceS: holdDifference, holdS: rep.holdS, referenceHoldS: p.holdMeanS } : null;
    const parts = [depth.score, tempo.score, ...(shape ? [shape.score] : []), ...(hold ? [hold.score] : [])];
    const similarity = Math.round(parts.reduce((s, x) => s + x, 0) / parts.length);
    return { similarity, depth, shape, tempo, hold, cue: cueOf(differences) };
  }
}
