/**
 * Upward facing dog, design/exercises.md §1: counts presses from prone, a
 * plank or a low push-up into the back bend by the elevation of the torso,
 * times the hold at the top, tells a full up dog from a cobra (hips on the
 * mat, elbows bent), and checks the hands under the shoulders, long legs,
 * a gradual build-up of the bend, shoulders away from the ears and a long
 * neck. One press up and hold is one rep.
 */
import type { BodyState } from '../../engine/body-state.ts';
import type { CheckerOutput, ExerciseChecker } from '../../engine/checker.ts';
import type { ViewKind } from '../../engine/view.ts';
import { OneEuroFilter } from '../../signal/one-euro.ts';
import { RepCounter, type RepOutcome } from '../../signal/rep-counter.ts';
import { UPWARD_DOG_DEFAULTS, upwardDogConfigForModel, validateUpwardDogConfig, type UpwardDogConfig } from './config.ts';
import { depthJumped, notFullReason, topShows, TOP_FAULTS, UPWARD_DOG_FAULTS, type NotFullReason, type TopFault, type TopShape, type UpwardDogFault } from './faults.ts';
import type { PartialReason } from '../../engine/events.ts';
import { measureUpwardDog, newUpwardDogMeasures, type UpwardDogMeasures } from './measures.ts';
import { RestReference } from '../../signal/rest-reference.ts';
import { readProneElevation, upwardDogKeyAngleScale } from './key-angle.ts';
import type { KeyAngleReading, KeyAngleScale } from '../../engine/key-angle.ts';
import { TopArrival } from './top-arrival.ts';
import { TopSamples } from './top-samples.ts';
import { judgedView, JUDGED_VIEWS, ViewTally, type JudgedView } from './view-tally.ts';

/**
 * The start position's ear-shoulder distance is the median of its last 45
 * samples (3 s at 15 fps), and needs 8 (0.5 s) to be a reference: keypoint
 * jitter of 3% of torso (synthetic tracks) moves one sample's ratio by 0.15.
 */
const REST_SAMPLES = 45;
const REST_MIN_SAMPLES = 8;

/**
 * What a press that was not a full up dog was missing (faults.ts,
 * notFullReason), as the cue and the summary say it: not high enough (the
 * torso stayed under counter.fullAt, or rose less than minPressRiseDeg from
 * where the press began), the hips left on the mat (the hips under
 * topMinHipLiftTorso, or a torso past topMaxElevationDeg: upright over hips
 * that stayed down, the cobra photo), or the arms bent (elbows under
 * topMinElbowDeg: a cobra).
 */
export const UPWARD_DOG_PARTIAL_REASONS: Readonly<Record<NotFullReason, PartialReason>> = {
  'too-low': 'higher',
  'too-little-rise': 'higher',
  'torso-upright': 'hips-up',
  'hips-down': 'hips-up',
  'arms-bent': 'straighten-arms',
};

export class UpwardDogChecker implements ExerciseChecker {
  readonly exercise = 'upward-dog';
  readonly variant = null;
  readonly posture = 'lying';
  readonly requiredJoints = ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const;
  readonly startCue = 'setup.lie-prone';
  /**
   * A camera toward the head end foreshortens the prone torso until the
   * shoulders' spread reads "front" although it is only ~45 deg off the side
   * (2-hold clip, 0-2.2 s, Lightning: spread 0.71-0.78; plank 14-22 deg and
   * top 66-69 deg, as from the oblique). Counting goes on there; a hold seen
   * so is not judged for form, and a torso pointing further into the camera
   * (maxSpreadTorso) is not read at all.
   */
  readonly countsInFrontView = true;
  readonly live = {
    torsoElevationDeg: Number.NaN,
    elbowDeg: Number.NaN,
    kneeDeg: Number.NaN,
    handOffsetTorso: Number.NaN,
    hipLiftTorso: Number.NaN,
    earShoulderRatio: Number.NaN,
    headLineDeg: Number.NaN,
  };

  readonly config: UpwardDogConfig;
  private readonly counter: RepCounter;
  private readonly elevationFilter: OneEuroFilter;
  private readonly now = newUpwardDogMeasures();
  /** the measures at the rep's highest frame: the top when the rep never settled */
  private readonly atPeak = newUpwardDogMeasures();
  private readonly top = new TopSamples();
  private readonly topMedians = newUpwardDogMeasures();
  private readonly shape = { handOffsetTorso: Number.NaN, kneeDeg: Number.NaN, earShoulderRatio: Number.NaN, headLineDeg: Number.NaN, obliqueView: false };
  /** the views the settled top's frames were seen in */
  private readonly topViews = new ViewTally();
  /** false while the torso points too far into the camera to be read */
  private readable = true;
  private readonly arrival = new TopArrival();
  private readonly startEarShoulder = new RestReference(REST_SAMPLES);
  /** the start position's ear-shoulder distance when the current rep began */
  private repStartEarShoulder = Number.NaN;
  /** the running peak when it last rose by settleRiseDeg, and when */
  private settleRefDeg = Number.NEGATIVE_INFINITY;
  private settleRefMs = Number.NaN;
  /** per view, the full reps so far and their highest peak: the depth the next reps build on */
  private readonly buildUp: Record<JudgedView, { reps: number; maxPeakDeg: number }> = {
    side: { reps: 0, maxPeakDeg: Number.NEGATIVE_INFINITY },
    oblique: { reps: 0, maxPeakDeg: Number.NEGATIVE_INFINITY },
    front: { reps: 0, maxPeakDeg: Number.NEGATIVE_INFINITY },
  };
  private repFaults = new Set<UpwardDogFault>();
  /** lowest smoothed elevation since the last rep ended: where the next press begins, deg */
  private restLowDeg = Number.NaN;
  /** ... as it was when the current rep began */
  private repBaseDeg = Number.NaN;
  /** since when the hold's running median has shown each top fault, ms; NaN while it does not */
  private readonly showingSinceMs: Record<TopFault, number> = { 'hands-not-under-shoulders': Number.NaN, 'knees-bent': Number.NaN, 'shoulders-sunk': Number.NaN, 'head-thrown-back': Number.NaN };

  readonly keyAngleScale: KeyAngleScale;

  readKeyAngle(body: BodyState, out: KeyAngleReading): boolean {
    return readProneElevation(body, this.config.maxSpreadTorso, out);
  }

  constructor(config: UpwardDogConfig = UPWARD_DOG_DEFAULTS) {
    this.config = validateUpwardDogConfig(config);
    this.keyAngleScale = upwardDogKeyAngleScale(this.config);
    this.counter = new RepCounter(config.counter);
    this.elevationFilter = new OneEuroFilter(config.elevationFilter);
  }

  /** The checker with the defaults for the pose model that produces the frames (see upwardDogConfigForModel). */
  static forModel(model: string | undefined): UpwardDogChecker {
    return new UpwardDogChecker(upwardDogConfigForModel(model));
  }

  /**
   * Prone, a plank or a low push-up: torso near horizontal, legs not folded.
   * Also remembers the ear-shoulder distance of the start position (side
   * view, below the counter's rest threshold), the reference for "shoulders
   * sunk toward the ears".
   */
  isStartPosition(body: BodyState): boolean {
    const m = measureUpwardDog(body, this.now);
    const c = this.config;
    // a torso pointing into the camera cannot show where the press starts
    if (body.spreadTorso > c.maxSpreadTorso) return false;
    const inStart = m.torsoElevationDeg >= c.startMinElevationDeg && m.torsoElevationDeg <= c.startMaxElevationDeg && m.kneeDeg >= c.startMinKneeDeg;
    if (inStart && m.torsoElevationDeg < c.counter.restBelow && body.view === 'side') this.startEarShoulder.add(m.earShoulderTorso);
    return inStart;
  }

  update(body: BodyState, out: CheckerOutput): void {
    const t = body.timestampMs;
    const c = this.config;
    const m = measureUpwardDog(body, this.now);
    // only a side view shows the ear-shoulder distance undistorted: turned toward the camera
    // it shrinks with the yaw (0.83 x at the front-oblique top of the 2-hold clip)
    if (body.view !== 'side') m.earShoulderTorso = Number.NaN;
    const wasReadable = this.readable;
    this.readable = !(body.spreadTorso > c.maxSpreadTorso);
    if (!this.readable) {
      // nothing is measured: the counter sees a gap, and drops a rep that stays unreadable
      copyMeasures(UNKNOWN, m);
      if (wasReadable) out.warning('front-view', t, 'the body points into the camera: the press cannot be read from here; turn sideways to the camera');
    }
    this.showLive(m);

    const wasInRep = this.counter.inRep;
    // count on the smoothed elevation; the measures keep the raw one (the top is judged on medians)
    const elevationDeg = this.elevationFilter.update(m.torsoElevationDeg, t);
    const outcome = this.counter.update(elevationDeg, t);
    out.phase(this.counter.phase, t);

    if (!this.counter.inRep && !wasInRep && !(elevationDeg >= this.restLowDeg)) this.restLowDeg = elevationDeg;
    if (!wasInRep && this.counter.inRep) this.startRep();
    if (this.counter.inRep) {
      this.arrival.add(elevationDeg, t);
      this.followTop(m, elevationDeg, t, body.view);
      // judged live only once it is a press (risen clearly above where it began), not a shift in the start position
      const pressing = !(this.counter.runningPeak - this.repBaseDeg < c.minPressRiseDeg);
      const sameView = this.buildUp[judgedView(body.view)];
      if (pressing && depthJumped(this.counter.runningPeak, sameView.maxPeakDeg, sameView.reps, c)) this.flag('depth-jump', t, out);
      if (pressing && this.top.spanMs >= c.liveFaultAfterMs) this.judgeTop(t, out, c.liveFaultPersistMs);
    } else if (!outcome && elevationDeg < c.counter.restBelow && elevationDeg >= c.startMinElevationDeg) {
      // back in the start position between reps: its ear-shoulder distance is the next rep's reference
      this.startEarShoulder.add(m.earShoulderTorso);
    }

    if (outcome) this.finishRep(outcome, t, out);
  }

  finish(tMs: number, out: CheckerOutput): void {
    const outcome = this.counter.endNow(tMs);
    if (outcome) this.finishRep(outcome, tMs, out);
  }

  /** Keeps the highest frame, and adds the frames of the settled top (the peak stopped rising) to the hold's samples. */
  private followTop(m: Readonly<UpwardDogMeasures>, elevationDeg: number, t: number, view: ViewKind): void {
    const c = this.config;
    const peak = this.counter.runningPeak;
    if (elevationDeg >= peak) copyMeasures(m, this.atPeak);
    if (peak > this.settleRefDeg + c.settleRiseDeg) {
      this.settleRefDeg = peak;
      this.settleRefMs = t;
    }
    const settled = t - this.settleRefMs >= c.settleMs && elevationDeg >= peak - c.counter.topBand && elevationDeg >= c.counter.partialFrom;
    if (!settled) return;
    this.top.add(m, t);
    this.topViews.add(view);
  }

  /** The hold's shape so far: its medians, or the highest frame when it never settled. */
  private topShape(): TopShape {
    const top = this.top.frames > 0 ? this.top.medians(this.topMedians) : this.atPeak;
    const s = this.shape;
    s.handOffsetTorso = top.handOffsetTorso;
    s.kneeDeg = top.kneeDeg;
    s.earShoulderRatio = this.repStartEarShoulder > 0 ? top.earShoulderTorso / this.repStartEarShoulder : Number.NaN;
    s.headLineDeg = top.headLineDeg;
    s.obliqueView = this.topViews.dominant === 'oblique';
    return s;
  }

  /** Flags the top faults the hold shows, once they have shown for persistMs (0: at once). */
  private judgeTop(t: number, out: CheckerOutput, persistMs: number): void {
    // seen from the front, the angles are foreshortened beyond judging
    if (this.topViews.dominant === 'front') return;
    const shape = this.topShape();
    const since = this.showingSinceMs;
    for (const fault of TOP_FAULTS) {
      if (!topShows(fault, shape, this.config)) {
        since[fault] = Number.NaN;
        continue;
      }
      if (Number.isNaN(since[fault])) since[fault] = t;
      if (t - since[fault] >= persistMs) this.flag(fault, t, out);
    }
  }

  private finishRep(outcome: Readonly<RepOutcome>, t: number, out: CheckerOutput): void {
    const c = this.config;
    const riseDeg = outcome.peak - this.repBaseDeg;
    // a shift within the start position is no press: its top is not judged for form
    if (!(riseDeg < c.minPressRiseDeg)) this.judgeTop(t, out, 0);
    // judgeTop has just filled topMedians from the hold
    const top = this.top.frames > 0 ? this.topMedians : this.atPeak;
    const view = this.topViews.dominant;
    // seen from the front the shape cannot be judged: the count is all that is read there
    const notFull = outcome.full
      ? view === 'front'
        ? null
        : notFullReason({ peakElevationDeg: outcome.peak, holdElevationDeg: top.torsoElevationDeg, hipLiftTorso: top.hipLiftTorso, elbowDeg: top.elbowDeg, ...(Number.isFinite(riseDeg) ? { riseDeg } : {}) }, c)
      : 'too-low';
    const full = notFull === null;
    if (full) {
      const sameView = this.buildUp[view];
      if (depthJumped(outcome.peak, sameView.maxPeakDeg, sameView.reps, c)) this.flag('depth-jump', t, out);
      // only full up dogs set the depth the next reps build on
      sameView.reps++;
      sameView.maxPeakDeg = Math.max(sameView.maxPeakDeg, outcome.peak);
    }
    const shape = this.shape;
    const arrivedMs = this.arrival.arrivalMs(outcome.peak, c.topArrivalBandDeg);
    const topMs = Number.isFinite(arrivedMs) ? arrivedMs : outcome.peakMs;
    out.rep({
      index: 0,
      full,
      startMs: outcome.startMs,
      // the arrival at the top: a hold's highest frame can be anywhere on it
      peakMs: topMs,
      endMs: outcome.endMs,
      peak: outcome.peak,
      toPeakS: (topMs - outcome.startMs) / 1000,
      fromPeakS: (outcome.endMs - topMs) / 1000,
      holdS: outcome.holdS,
      metrics: {
        peakElevationDeg: round1(outcome.peak),
        holdElevationDeg: round1(top.torsoElevationDeg),
        elbowAtTopDeg: round1(top.elbowDeg),
        kneeAtTopDeg: round1(top.kneeDeg),
        handOffsetTorso: round2(top.handOffsetTorso),
        hipLiftTorso: round2(top.hipLiftTorso),
        earShoulderRatio: round2(shape.earShoulderRatio),
        headLineDeg: round1(top.headLineDeg),
        pressRiseDeg: round1(riseDeg),
        upS: round1((topMs - outcome.startMs) / 1000),
        downS: round1((outcome.endMs - topMs) / 1000),
      },
      faults: [...this.repFaults],
      ...(notFull === null ? {} : { partialReason: UPWARD_DOG_PARTIAL_REASONS[notFull] }),
    });
  }

  private showLive(m: Readonly<UpwardDogMeasures>): void {
    const live = this.live;
    live.torsoElevationDeg = m.torsoElevationDeg;
    live.elbowDeg = m.elbowDeg;
    live.kneeDeg = m.kneeDeg;
    live.handOffsetTorso = m.handOffsetTorso;
    live.hipLiftTorso = m.hipLiftTorso;
    const start = this.startEarShoulder.median(REST_MIN_SAMPLES);
    live.earShoulderRatio = start > 0 ? m.earShoulderTorso / start : Number.NaN;
    live.headLineDeg = m.headLineDeg;
  }

  private startRep(): void {
    this.top.reset();
    this.topViews.reset();
    this.arrival.reset();
    copyMeasures(this.now, this.atPeak);
    this.settleRefDeg = Number.NEGATIVE_INFINITY;
    this.settleRefMs = Number.NaN;
    this.repStartEarShoulder = this.startEarShoulder.median(REST_MIN_SAMPLES);
    // a rep under way from the first counted frame rose from no lower than where a rep starts
    this.repBaseDeg = Number.isNaN(this.restLowDeg) ? this.config.counter.startAbove : this.restLowDeg;
    this.restLowDeg = Number.NaN;
    this.repFaults = new Set();
    for (const fault of TOP_FAULTS) this.showingSinceMs[fault] = Number.NaN;
  }

  private flag(fault: UpwardDogFault, t: number, out: CheckerOutput): void {
    if (this.repFaults.has(fault)) return;
    this.repFaults.add(fault);
    out.fault(fault, UPWARD_DOG_FAULTS[fault], t);
  }

  reset(): void {
    this.counter.reset();
    this.elevationFilter.reset();
    this.startEarShoulder.reset();
    for (const v of JUDGED_VIEWS) {
      this.buildUp[v].reps = 0;
      this.buildUp[v].maxPeakDeg = Number.NEGATIVE_INFINITY;
    }
    this.readable = true;
    this.restLowDeg = Number.NaN;
    this.startRep();
    for (const k of Object.keys(this.live) as (keyof typeof this.live)[]) this.live[k] = Number.NaN;
  }
}

const UNKNOWN: Readonly<UpwardDogMeasures> = newUpwardDogMeasures();

function copyMeasures(from: Readonly<UpwardDogMeasures>, to: UpwardDogMeasures): void {
  to.torsoElevationDeg = from.torsoElevationDeg;
  to.elbowDeg = from.elbowDeg;
  to.kneeDeg = from.kneeDeg;
  to.handOffsetTorso = from.handOffsetTorso;
  to.hipLiftTorso = from.hipLiftTorso;
  to.earShoulderTorso = from.earShoulderTorso;
  to.headLineDeg = from.headLineDeg;
}

const round1 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 10) / 10 : Number.NaN);
const round2 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 100) / 100 : Number.NaN);
