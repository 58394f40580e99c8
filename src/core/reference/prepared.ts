/**
 * A reference made ready for scoring, once per program load: the mean of
 * its reps (peak, phases, hold), their spread, each difference's threshold
 * (thresholds.ts: the larger of the floor and the spread) and the reps' key
 * angles on normalised time. Scoring a rep then reads these and warps one
 * series per reference rep.
 */
import type { DepthUnit } from '../exercises/exercise.ts';
import { describeExercise } from '../exercises/registry.ts';
import { Dtw } from './dtw.ts';
import type { KeyAngleSeries, Reference, ReferenceRep } from './format.ts';
import { REFERENCE_SAMPLE_MS } from './rep-series.ts';
import { BAND_FRACTION, depthFloor, HOLD_FLOOR_S, SHAPE_FLOOR_DEG, SHAPE_SAMPLES, TEMPO_FLOOR_RATIO } from './thresholds.ts';
import { timeNormalise } from './time-normalise.ts';

/**
 * Which way the exercise's peak lies: 'deeper' for a hinge whose peak is its
 * bottom (the good morning), 'higher' for a lift, press or thrust whose peak
 * is its top. Read from what a short rep of the exercise misses
 * (ExerciseDescription.partialReasons), so no exercise id is compared.
 */
export type PeakDirection = 'deeper' | 'higher';
export const peakDirectionOf = (partialReasons: readonly string[]): PeakDirection => (partialReasons.includes('deeper') ? 'deeper' : 'higher');

/** The rep's phases apart from its hold, s: the time into the peak region and back out of it. */
export interface Phases {
  readonly approachS: number;
  readonly returnS: number;
}

/** Shortest phase timed: a tenth of a frame at 15 fps (the crossings are interpolated between frames). */
const MIN_PHASE_S = REFERENCE_SAMPLE_MS / 10_000;

/**
 * A phase is timed on the key angle by its top speed: a controlled, eased
 * movement (a cosine ease) through an amplitude A at top speed v lasts
 * (pi / 2) A / v. Neither end of the phase is needed, where the angle turns
 * slowly and its moment is chance, nor the engine's start of the rep, which
 * lies part of the way up at a fixed threshold (a shallower rep would
 * otherwise seem quicker); the amplitude is the rep's own, from its lowest
 * sample to its peak, so a shallower rep at the same tempo times the same.
 * The speed is measured over SPEED_SPAN_SAMPLES on each side (0.27 s at
 * 15 fps), which averages 1-2 deg of jitter down to about 5 deg/s against
 * top speeds of 40-90 deg/s.
 */
export const SPEED_SPAN_SAMPLES = 2;

/**
 * A rep whose key angle moves less than this, deg, is not timed on it (a
 * superman seen from the head end, where the torso hardly tilts in the
 * picture): three times the angle's frame-to-frame jitter.
 */
export const MIN_EXCURSION_DEG = 5;

/** median of three, without sorting */
const median3 = (a: number, b: number, c: number): number => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/**
 * The phases on the rep's key angle (a running median of three first: one
 * odd frame moves nothing): the way in and the way back, each as
 * (pi / 2) A / v with v its top speed. Null without a series, or one that
 * moves less than MIN_EXCURSION_DEG.
 */
export function seriesPhasesOf(series: KeyAngleSeries | null): Phases | null {
  if (!series) return null;
  const { deg, sampleMs } = series;
  const n = deg.length;
  // every key angle grows toward the rep's peak (the good morning's inclination as a lift's elevation)
  const at = (i: number): number => median3(deg[Math.max(0, i - 1)]!, deg[i]!, deg[Math.min(n - 1, i + 1)]!);
  let peak = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  let peakAt = 0;
  for (let i = 0; i < n; i++) {
    const x = at(i);
    if (x > peak) {
      peak = x;
      peakAt = i;
    }
    if (x < low) low = x;
  }
  const amplitude = peak - low;
  if (!(amplitude >= MIN_EXCURSION_DEG)) return null;
  const k = SPEED_SPAN_SAMPLES;
  const spanS = (2 * k * sampleMs) / 1000;
  let riseSpeed = 0;
  let fallSpeed = 0;
  for (let i = 0; i < n; i++) {
    const speed = (at(Math.min(n - 1, i + k)) - at(Math.max(0, i - k))) / spanS;
    if (i <= peakAt && speed > riseSpeed) riseSpeed = speed;
    if (i >= peakAt && -speed > fallSpeed) fallSpeed = -speed;
  }
  const duration = (speed: number): number => (speed > 0 ? Math.max(MIN_PHASE_S, ((Math.PI / 2) * amplitude) / speed) : Number.NaN);
  const approachS = duration(riseSpeed);
  const returnS = duration(fallSpeed);
  return Number.isFinite(approachS) && Number.isFinite(returnS) ? { approachS, returnS } : null;
}

/**
 * The phases from the engine's record, for reps without a usable key angle:
 * its peak is a frame inside the hold, on average in its middle, so half the
 * hold comes off the time to the peak and half off the time back. Coarser
 * (the peak's place in a hold is chance): used only when the reference or
 * the rep has no series.
 */
export function enginePhasesOf(rep: Pick<ReferenceRep, 'toPeakS' | 'fromPeakS' | 'holdS'>): Phases {
  const half = rep.holdS / 2;
  return { approachS: Math.max(MIN_PHASE_S, rep.toPeakS - half), returnS: Math.max(MIN_PHASE_S, rep.fromPeakS - half) };
}

/** The reference's phases, measured one way on every rep: their geometric means and thresholds (|ln(patient / reference)|). */
export interface PhaseNorm {
  readonly approachS: number;
  readonly returnS: number;
  readonly approachThresholdLn: number;
  readonly returnThresholdLn: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
/** sample standard deviation; 0 for fewer than two values (a single rep shows no spread) */
function spread(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1));
}

function phaseNorm(phases: readonly Phases[]): PhaseNorm {
  const lnApproach = phases.map((p) => Math.log(p.approachS));
  const lnReturn = phases.map((p) => Math.log(p.returnS));
  const approachS = Math.exp(mean(lnApproach));
  const returnS = Math.exp(mean(lnReturn));
  // a phase of a few frames is not timed to better than a third of a frame (about 20 ms at 15 fps: jitter over the slope) either way
  const frameLn = (s: number): number => Math.log(1 + REFERENCE_SAMPLE_MS / 3000 / s);
  return {
    approachS,
    returnS,
    approachThresholdLn: Math.max(Math.log(TEMPO_FLOOR_RATIO), spread(lnApproach), frameLn(approachS)),
    returnThresholdLn: Math.max(Math.log(TEMPO_FLOOR_RATIO), spread(lnReturn), frameLn(returnS)),
  };
}

export class PreparedReference {
  readonly direction: PeakDirection;
  readonly countsHolds: boolean;
  readonly unit: DepthUnit;
  readonly peakMean: number;
  readonly peakThreshold: number;
  /** each reference rep's key angle on normalised time (SHAPE_SAMPLES); reps without one are left out */
  readonly shapes: readonly Float64Array[];
  readonly shapeThresholdDeg: number;
  /** warping radius, samples of the normalised rep */
  readonly bandRadius: number;
  /** the phases timed on the key angle (null when a reference rep has no usable series), and from the engine's records */
  readonly seriesPhases: PhaseNorm | null;
  readonly enginePhases: PhaseNorm;
  readonly holdMeanS: number;
  readonly holdThresholdS: number;

  constructor(readonly reference: Reference) {
    const description = describeExercise(reference.exercise);
    this.direction = peakDirectionOf(description.partialReasons);
    this.countsHolds = description.countsHolds;
    this.unit = reference.depthUnit;
    const reps = reference.reps;

    const peaks = reps.map((r) => r.peak);
    this.peakMean = mean(peaks);
    this.peakThreshold = Math.max(depthFloor(this.unit), spread(peaks));

    this.bandRadius = Math.round(BAND_FRACTION * SHAPE_SAMPLES);
    this.shapes = reps.flatMap((r) => (r.keyAngle ? [timeNormalise(r.keyAngle.deg, new Float64Array(SHAPE_SAMPLES))] : []));
    // the reference reps warped onto one another: how much two good reps of this physio differ in shape
    const dtw = new Dtw(SHAPE_SAMPLES);
    const mutual: number[] = [];
    for (let i = 0; i < this.shapes.length; i++) {
      for (let j = i + 1; j < this.shapes.length; j++) mutual.push(dtw.run(this.shapes[i]!, SHAPE_SAMPLES, this.shapes[j]!, SHAPE_SAMPLES, this.bandRadius).meanCost);
    }
    this.shapeThresholdDeg = Math.max(SHAPE_FLOOR_DEG, mutual.length > 0 ? mean(mutual) : 0);

    const timed = reps.map((r) => seriesPhasesOf(r.keyAngle));
    this.seriesPhases = timed.every((p) => p !== null) ? phaseNorm(timed.flatMap((p) => (p ? [p] : []))) : null;
    this.enginePhases = phaseNorm(reps.map(enginePhasesOf));

    const holds = reps.map((r) => r.holdS);
    this.holdMeanS = mean(holds);
    this.holdThresholdS = Math.max(HOLD_FLOOR_S, spread(holds));
  }
}
