/**
 * Hip thrust / glute bridge, design/exercises.md §4: counts the hips driving
 * up to the knee-shoulder line and back down by the hip angle, and judges the
 * top of each rep: hips up to the line, not over-arched past it, the knee
 * angle there (foot placement), and a pause.
 *
 * In a side view the near side's signed hip angle is the joint's own angle.
 * In an oblique view it is mostly projection (config.ts), so there the count
 * follows the rise of both sides' mean angle above its resting level and no
 * fault is judged: a coach that cannot see the angle says nothing about it
 * (the engine already suggests a side view). Where the shoulder keypoint
 * leaves the floor with the hips (the model reads the chest as the shoulder,
 * hip-lift.ts), that angle does not rise either, and the count follows the
 * hips' own lift above their resting height for the rest of the view.
 */
import type { BodyState } from '../../engine/body-state.ts';
import type { CheckerOutput, ExerciseChecker } from '../../engine/checker.ts';
import { HIP_THRUST_VARIANTS, isHipThrustVariant, type HipThrustVariant } from '../ids.ts';
import { Hysteresis } from '../../signal/hysteresis.ts';
import { OneEuroFilter } from '../../signal/one-euro.ts';
import { RepCounter, type RepOutcome } from '../../signal/rep-counter.ts';
import { median } from '../../stats.ts';
import { HIP_THRUST_DEFAULTS, hipThrustConfigFor, validateHipThrustConfig, type HipThrustConfig } from './config.ts';
import { HIP_THRUST_FAULTS, faultsOfTop, type HipThrustFault } from './faults.ts';
import { hipAboveLineTorso, hipAngleDeg, kneeAboveHipTorso, kneeAngleDeg, meanHipAngleDeg, shoulderAboveKneeTorso } from './measures.ts';
import { RestLevel } from '../../signal/rest-level.ts';
import { TopWindow } from './top-window.ts';
import { HipLift } from './hip-lift.ts';
import { VariantDetector } from './variant.ts';
import { hipThrustKeyAngleScale, readHipThrustKeyAngle } from './key-angle.ts';
import type { KeyAngleReading, KeyAngleScale } from '../../engine/key-angle.ts';

/** How the checker reads the current view: side = angles are the joint's; oblique = only their rise counts. */
export type HipThrustView = 'side' | 'oblique';

/** What the oblique count follows: the mean hip angle's rise, or the hips' lift where the shoulder keypoint cannot be trusted. */
export type ObliqueSignal = 'angle' | 'lift';

export interface HipThrustOptions {
  /** 'floor' | 'bench' as the user picked it; undefined = detect from the start position */
  readonly variant?: HipThrustVariant | undefined;
  readonly config?: HipThrustConfig;
}

/** A gap longer than this between start-position checks means the engine saw a problem in between: the setup starts over. */
const SETUP_GAP_MS = 300;
/** the pause is judged only where the top was seen: no gap over 250 ms (~3 frames at 15 fps) around it */
const PAUSE_MAX_GAP_MS = 250;
/**
 * A rep under way when the set ends must reach within this of the person's own
 * median top (deg). The fixtures' full tops vary by 1-6 deg within a set
 * (bridge_ballsqueeze 130.6-133.5, bridge_medball, glutebridge_lena); moving
 * the legs after the last rep of bridge_ballsqueeze bends the hips to 105
 * with the hips on the floor, 27 below its tops. 15 leaves 9 deg either side.
 */
const FINISH_TOP_TOLERANCE_DEG = 15;
/** The same on the hips' lift (hip-lift.ts): at least this fraction of the person's own median lift. */
const FINISH_TOP_LIFT_FRACTION = 0.5;

/** the top's record keeps this much before a rep starts: the smoothed counter notices a brisk rep a few frames late */
const TOP_PRE_ROLL_MS = 600;
/** hysteresis around config.obliqueSpreadAbove, torso lengths: the spread's own jitter is ~0.01 (side clips) */
const VIEW_HYSTERESIS_TORSO = 0.02;

export class HipThrustChecker implements ExerciseChecker {
  readonly exercise = 'hip-thrust';
  readonly posture = 'lying';
  /**
   * Filmed from the feet (bridge_ballsqueeze), the lying torso is foreshortened and
   * the shoulder spread reads as a front view; the oblique counter (rise of the mean
   * hip angle, no angle faults) still counts there.
   */
  readonly countsInFrontView = true;

  /**
   * On the floor the body lies; with the shoulders on a bench (the bench clip) the
   * ankle-to-shoulder axis is neither lying nor standing. isStartPosition then checks
   * the actual start: knees bent, knees above the hips, hips down.
   */
  acceptsPosture(body: BodyState): boolean {
    return body.posture !== 'standing';
  }
  // the hip angle needs shoulder, hip and knee only: the ankles may be cropped (ball-squeeze clip)
  readonly requiredJoints = ['shoulder', 'hip', 'knee'] as const;
  readonly startCue = 'setup.lie-supine-knees-bent';
  readonly live = {
    /** near side, signed: 180 = on the knee-shoulder line */
    hipAngleDeg: Number.NaN,
    /** + above the knee-shoulder line, torso lengths */
    hipAboveLineTorso: Number.NaN,
    kneeDeg: Number.NaN,
    /** oblique view: rise of the mean hip angle above rest */
    hipRiseDeg: Number.NaN,
  };

  private readonly config: HipThrustConfig;
  private readonly detector: VariantDetector;
  private readonly defaultSideCounter: RepCounter;
  /** the default, or one with its rest thresholds moved above a set's high resting angle */
  private sideCounter: RepCounter;
  private readonly obliqueCounter: RepCounter;
  /** oblique view: counts the hips' lift alongside the angle, and counts for it once the shoulder proves untrustworthy */
  private readonly liftCounter: RepCounter;
  private readonly lift = new HipLift();
  private readonly liftSmoother: OneEuroFilter;
  private obliqueSignal: ObliqueSignal = 'angle';
  /** since when the shoulder keypoint has risen with the hips (NaN: it has not) */
  private shoulderFollowsSinceMs = Number.NaN;
  private liftRepStartMs = Number.NaN;
  private readonly restLevel = new RestLevel();
  private readonly obliqueView: Hysteresis;
  private readonly smoother: OneEuroFilter;
  private readonly top = new TopWindow();
  private mode: HipThrustView = 'side';
  private counter: RepCounter;
  /** oblique view, coming down from a rep: where the angle has held steady since when */
  private plateauDeg = Number.NaN;
  private plateauFromMs = Number.NaN;

  // this frame
  private facing: 1 | -1 | 0 = 0;
  private meanHipDeg = Number.NaN;
  private viewNow: HipThrustView = 'side';

  // the start position: supine with the knees bent, entered with the hips down
  private setupFromBottom = false;
  private lastStartCheckMs = Number.NaN;
  /** when the hips left the bottom while still setting up (before counting started) */
  private riseBeforeCountingMs = Number.NaN;
  private countingStarted = false;

  // what the current rep has shown so far
  private repStartMs = Number.NaN;
  private peakMeanHipDeg = Number.NaN;
  private repFaults = new Set<HipThrustFault>();

  constructor(options: HipThrustOptions = {}) {
    this.config = validateHipThrustConfig(options.config ?? HIP_THRUST_DEFAULTS);
    this.detector = new VariantDetector(options.variant, this.config.benchShoulderAboveKneeTorso);
    this.defaultSideCounter = new RepCounter(this.config.sideCounter);
    this.sideCounter = this.defaultSideCounter;
    this.obliqueCounter = new RepCounter(this.config.obliqueCounter);
    this.liftCounter = new RepCounter(this.config.obliqueLiftCounter);
    this.liftSmoother = new OneEuroFilter(this.config.liftSmoothing);
    this.obliqueView = new Hysteresis(this.config.obliqueSpreadAbove + VIEW_HYSTERESIS_TORSO, this.config.obliqueSpreadAbove - VIEW_HYSTERESIS_TORSO);
    this.smoother = new OneEuroFilter(this.config.smoothing);
    this.counter = this.sideCounter;
    this.keyAngleScale = hipThrustKeyAngleScale(this.config);
  }

  readonly keyAngleScale: KeyAngleScale;

  /** The hip angle as this checker reads it; nothing while it counts on the oblique signal (live.hipRiseDeg known). */
  readKeyAngle(body: BodyState, out: KeyAngleReading): boolean {
    return readHipThrustKeyAngle(body, this.live.hipAngleDeg, Number.isFinite(this.live.hipRiseDeg), out);
  }

  /**
   * The checker for a request as the registry gets it: the variant as text
   * ('floor' | 'bench', undefined = detect) and the pose model, whose
   * thresholds it takes (config.ts, hipThrustConfigFor).
   */
  static forRequest(variant: string | undefined, model: string | undefined): HipThrustChecker {
    if (variant !== undefined && !isHipThrustVariant(variant)) {
      throw new RangeError(`hip-thrust: unknown variant "${variant}" (expected ${HIP_THRUST_VARIANTS.join(' or ')}, or none to detect it)`);
    }
    return new HipThrustChecker({ variant, config: hipThrustConfigFor(model) });
  }

  /** The given variant, else the one detected from the start position (null until seen). */
  get variant(): HipThrustVariant | null {
    return this.detector.variant;
  }

  /** The view the counter works in now. */
  get view(): HipThrustView {
    return this.mode;
  }

  /** What the count follows in an oblique view: the hip angle, or the hips' lift once the shoulder keypoint rose with the hips. */
  get obliqueCountsOn(): ObliqueSignal {
    return this.obliqueSignal;
  }

  isStartPosition(body: BodyState): boolean {
    const t = body.timestampMs;
    this.measure(body);
    if (!(t - this.lastStartCheckMs <= SETUP_GAP_MS)) this.setupFromBottom = false;
    this.lastStartCheckMs = t;
    const near = body.near;
    const torso = body.torsoLengthPx;
    const knee = this.live.kneeDeg;
    const kneesBent = !(knee > this.config.startKneeMaxDeg) && Number.isFinite(this.live.hipAngleDeg);
    // at the bottom the knees point up; while the hips rise (bench: to knee height) bent knees are enough
    const setUp = kneesBent && (this.setupFromBottom || kneeAboveHipTorso(near, torso) >= this.config.startKneeAboveHipTorso);
    if (!setUp) {
      this.setupFromBottom = false;
      this.riseBeforeCountingMs = Number.NaN;
      return false;
    }
    if (this.live.hipAboveLineTorso < this.config.startHipBelowLineTorso) {
      // Held still: near the resting level, which follows the hips-down position within
      // ~0.3 s. Sinking below it ends the hold (lying down, shifting); rising above it only
      // keeps a hold that has begun (the hips start to rise: ball-squeeze settles 70 -> 86
      // deg as the legs are placed, PhysioPlus rises 118 -> 144 before the hips leave the floor).
      const deviation = this.meanHipDeg - this.restLevel.level;
      this.restLevel.follow(this.meanHipDeg, t, this.config.startLevelHalfLifeMs, this.config.startLevelHalfLifeMs);
      // the hips' resting height too, for an oblique view's lift (hip-lift.ts)
      this.lift.followRest(t, this.config.startLevelHalfLifeMs, this.config.startLevelHalfLifeMs);
      const band = this.config.startSteadyBandDeg;
      if (deviation < -band || (!this.setupFromBottom && deviation > band)) {
        this.setupFromBottom = false;
        return false;
      }
      this.setupFromBottom = true;
      this.riseBeforeCountingMs = Number.NaN;
      this.detector.observe(shoulderAboveKneeTorso(near, torso), t);
      return true;
    }
    // Hips already rising: still the start position when it began at the bottom, so a
    // rep that starts within the engine's start hold is not lost (PhysioPlus: the
    // clip opens 0.4 s before the hips rise).
    if (!this.setupFromBottom) return false;
    if (Number.isNaN(this.riseBeforeCountingMs)) this.riseBeforeCountingMs = t;
    return true;
  }

  update(body: BodyState, out: CheckerOutput): void {
    const t = body.timestampMs;
    const firstUpdate = !this.countingStarted;
    this.measure(body);
    if (firstUpdate) {
      this.countingStarted = true;
      this.detector.lock();
      // the resting level learnt in the start position carries over
      this.sideCounter = this.sideCounterAbove(this.restLevel.level);
      this.mode = this.viewNow;
      this.counter = this.mode === 'side' ? this.sideCounter : this.obliqueCounter;
      this.smoother.reset();
    } else if (this.viewNow !== this.mode) this.switchMode(this.viewNow, t);
    const c = this.config;
    // the hips' lift, smoothed once a frame: counted alongside the angle, or counting on its own
    const liftSignal = this.mode === 'oblique' ? this.liftSmoother.update(this.lift.hipLiftTorso, t) : Number.NaN;
    if (this.mode === 'oblique' && this.obliqueSignal === 'angle') {
      this.followRest(t);
      if (this.watchLift(liftSignal, t)) this.countOnLift(t);
    }
    const rise = this.meanHipDeg - this.restLevel.level;
    this.live.hipRiseDeg = this.mode === 'oblique' ? rise : Number.NaN;
    const onLift = this.counter === this.liftCounter;
    const raw = this.mode === 'side' ? this.live.hipAngleDeg : onLift ? this.lift.hipLiftTorso : rise;
    const signal = onLift ? liftSignal : this.smoother.update(raw, t);

    const wasInRep = this.counter.inRep;
    const outcome = this.counter.update(signal, t);
    out.phase(this.counter.phase, t);

    if (this.mode === 'oblique' && wasInRep && this.counter.inRep && this.counter.runningPeak < this.counter.thresholds.fullAt && t - this.repStartMs > c.obliqueMaxRiseMs) {
      // Risen a little and stayed there: the hips settled higher (legs placed, a shift), not
      // a rep, which reaches fullAt within 0.5-2.1 s on the fixture clips. Rest from here.
      this.counter.reset();
      if (onLift) this.lift.restart(t);
      else this.restLevel.restart(this.meanHipDeg, t);
      out.phase(this.counter.phase, t);
      return;
    }
    if (!wasInRep && this.counter.inRep) this.startRep(firstUpdate && Number.isFinite(this.riseBeforeCountingMs) ? this.riseBeforeCountingMs : t);
    if (Number.isFinite(this.meanHipDeg) && !(this.meanHipDeg <= this.peakMeanHipDeg)) this.peakMeanHipDeg = this.meanHipDeg;
    this.top.record(t, raw, this.live.hipAboveLineTorso, this.live.kneeDeg);
    if (outcome) this.finishRep(outcome, t, out);
    else if (wasInRep && !this.counter.inRep && this.mode === 'oblique') {
      // the rep was dropped (too long, or lost): the resting level it rose from was wrong; start it again here
      if (onLift) this.lift.restart(t);
      else this.restLevel.restart(this.meanHipDeg, t);
    }
    if (onLift && !this.counter.inRep) this.lift.followRest(t, c.obliqueRestHalfLifeMs, c.obliqueRestHalfLifeMs / 4);
    if (!this.counter.inRep) this.top.keepSince(t - TOP_PRE_ROLL_MS);
  }

  /**
   * A rep still under way when the set ends counts when it reached this
   * person's own top: within FINISH_TOP_TOLERANCE_DEG of the median top of
   * their full reps in this set (any top, when there were none yet). Moving
   * the legs after the last rep bends the hips without lifting them.
   */
  finish(tMs: number, out: CheckerOutput): void {
    const outcome = this.counter.endNow(tMs);
    if (!outcome) return;
    const ownTop = median(this.fullTops);
    if (this.counter === this.liftCounter) {
      // on the lift: at least half this person's own lift (moving the legs does not lift the hips)
      if (this.fullTops.length > 0 && !(outcome.peak >= ownTop * FINISH_TOP_LIFT_FRACTION)) return;
    } else {
      const peakHipDeg = this.mode === 'side' ? outcome.peak : this.peakMeanHipDeg;
      if (this.fullTops.length > 0 && !(peakHipDeg >= ownTop - FINISH_TOP_TOLERANCE_DEG)) return;
    }
    this.finishRep(outcome, tMs, out);
  }

  /** This frame's measurements, into `live` and the frame fields. */
  private measure(body: BodyState): void {
    this.facing = body.frontFacing('supine');
    this.lift.measure(body.frame.left, body.frame.right, body.torsoLengthPx);
    const near = body.near;
    this.live.hipAngleDeg = hipAngleDeg(near, this.facing);
    this.live.hipAboveLineTorso = hipAboveLineTorso(near, body.torsoLengthPx);
    this.live.kneeDeg = kneeAngleDeg(near);
    this.meanHipDeg = meanHipAngleDeg(near, body.far, this.facing);
    if (Number.isFinite(body.spreadTorso)) this.viewNow = this.obliqueView.update(body.spreadTorso) ? 'oblique' : 'side';
  }

  /**
   * The side-view counter for a set that rests at `restDeg`. The top is absolute
   * (the knee-shoulder line), the bottom is not: feet placed far from the body
   * open the resting hip angle to ~150 deg (synthetic: knee 115 deg at rest),
   * above the default rest threshold, so the rest and start thresholds move up to
   * stay sideRestMarginDeg clear of it, up to sideRestBelowMaxDeg. Built once
   * per set, when counting starts.
   */
  private sideCounterAbove(restDeg: number): RepCounter {
    const c = this.config;
    const base = c.sideCounter;
    const restBelow = Math.min(c.sideRestBelowMaxDeg, restDeg + c.sideRestMarginDeg);
    if (!(restBelow > base.restBelow)) return this.defaultSideCounter;
    const lift = restBelow - base.restBelow;
    const startAbove = base.startAbove + lift;
    const partialFrom = Math.max(base.partialFrom, startAbove);
    return new RepCounter({ ...base, restBelow, startAbove, partialFrom, fullAt: Math.max(base.fullAt, partialFrom) });
  }

  /**
   * Oblique view: the resting level the rise is measured from. Between reps it
   * follows the hips-down angle. Coming down from a rep, a new steady level
   * held for obliqueRestPlateauMs is the rest now: the hips settled elsewhere
   * than where the rep began (ball-squeeze: the legs are placed after the
   * start position, moving the resting angle 15-25 deg), and the rep ends there.
   */
  private followRest(t: number): void {
    const c = this.config;
    const mean = this.meanHipDeg;
    if (!this.counter.inRep) {
      this.restLevel.follow(mean, t, c.obliqueRestHalfLifeMs, c.obliqueRestHalfLifeMs / 4);
      this.plateauFromMs = Number.NaN;
      return;
    }
    if (this.counter.phase !== 'lowering' || !Number.isFinite(mean)) {
      this.plateauFromMs = Number.NaN;
      return;
    }
    if (!(Math.abs(mean - this.plateauDeg) <= c.obliquePlateauBandDeg) || Number.isNaN(this.plateauFromMs)) {
      this.plateauDeg = mean;
      this.plateauFromMs = t;
    } else if (t - this.plateauFromMs >= c.obliqueRestPlateauMs) {
      this.restLevel.restart(mean, t);
      this.plateauFromMs = Number.NaN;
    }
  }

  /**
   * Oblique view, counting on the angle: the hips' lift is counted alongside
   * (its own resting level, followed while it rests), and the shoulder is
   * watched. True once the shoulder keypoint has risen with the hips for
   * shoulderFollowsHipsMs: the angle cannot see this bridge.
   */
  private watchLift(liftSignal: number, t: number): boolean {
    const c = this.config;
    const l = this.liftCounter;
    const wasInRep = l.inRep;
    l.update(liftSignal, t);
    if (!wasInRep && l.inRep) this.liftRepStartMs = t;
    if (l.inRep && l.runningPeak < c.obliqueLiftCounter.fullAt && t - this.liftRepStartMs > c.obliqueMaxRiseMs) {
      // settled a little higher, as in update(): no rep, rest from here
      l.reset();
      this.lift.restart(t);
    } else if (wasInRep && !l.inRep) this.lift.restart(t);
    if (!l.inRep) this.lift.followRest(t, c.obliqueRestHalfLifeMs, c.obliqueRestHalfLifeMs / 4);
    if (!this.lift.shoulderFollowsHips(c.obliqueLiftCounter.startAbove, c.shoulderFollowsHipsRatio)) {
      this.shoulderFollowsSinceMs = Number.NaN;
      return false;
    }
    if (Number.isNaN(this.shoulderFollowsSinceMs)) this.shoulderFollowsSinceMs = t;
    return t - this.shoulderFollowsSinceMs >= c.shoulderFollowsHipsMs;
  }

  /**
   * From now on, in this view, the count follows the hips' lift: a rep under
   * way on the angle is dropped (the lift counter has seen it from its start
   * and carries it on), and the tops so far were angles.
   */
  private countOnLift(t: number): void {
    this.obliqueSignal = 'lift';
    this.counter.reset();
    this.counter = this.liftCounter;
    this.fullTops.length = 0;
    this.repStartMs = this.liftCounter.inRep ? this.liftRepStartMs : t;
    this.peakMeanHipDeg = Number.NaN;
  }

  /**
   * The view changed (the camera moved or the person turned): count on in the other
   * view's terms. A rep under way is dropped: its start was measured in the other view
   * (bridge_medball: the cut to the side view makes the oblique angle jump 25 deg).
   */
  private switchMode(view: HipThrustView, t: number): void {
    this.mode = view;
    this.counter.reset();
    // a later change to the side view starts from the default thresholds: the resting angle there is not known yet
    this.sideCounter = this.defaultSideCounter;
    this.counter = view === 'side' ? this.sideCounter : this.obliqueCounter;
    this.counter.reset();
    this.smoother.reset();
    this.top.clear();
    // another view: the shoulder is judged again, and the lift starts from here
    this.obliqueSignal = 'angle';
    this.shoulderFollowsSinceMs = Number.NaN;
    this.liftCounter.reset();
    this.liftSmoother.reset();
    this.lift.restart(t);
    // the resting level was another camera's: start it again from here
    if (view === 'oblique' && Number.isFinite(this.meanHipDeg)) this.restLevel.restart(this.meanHipDeg, t);
  }

  /** tops of this set's full reps in the counting signal's terms: peak hip angles (deg), or lifts (torso lengths) on the lift */
  private readonly fullTops: number[] = [];

  private startRep(startMs: number): void {
    this.repStartMs = startMs;
    this.peakMeanHipDeg = Number.NaN;
    this.repFaults = new Set();
  }

  private finishRep(outcome: RepOutcome, t: number, out: CheckerOutput): void {
    const c = this.config;
    const side = this.mode === 'side';
    const top = this.top.analyse(c.pauseBandDeg, c.pauseSmoothMs, PAUSE_MAX_GAP_MS);
    const measures = {
      peakHipDeg: side ? outcome.peak : Number.NaN,
      hipAboveLineTorso: side ? top.meanA : Number.NaN,
      kneeAtTopDeg: side ? top.meanB : Number.NaN,
      // the oblique signal's top wanders +-5 deg: its length is not the pause's
      pauseS: side ? top.seconds : Number.NaN,
    };
    // Knees straight at the "top": the legs slid out long (lying flat, getting up), which opens
    // the hip angle as a thrust does. A hip thrust keeps the knees bent (exercises.md: about 90
    // at the top; the start position allows up to startKneeMaxDeg). Not a rep at all.
    if (side && measures.kneeAtTopDeg > c.startKneeMaxDeg) return;
    for (const fault of faultsOfTop(measures, this.variant ?? 'floor', c)) this.flag(fault, t, out);
    const startMs = Math.min(this.repStartMs, outcome.startMs);
    const onLift = this.counter === this.liftCounter;
    const topValue = onLift || side ? outcome.peak : this.peakMeanHipDeg;
    if (outcome.full && Number.isFinite(topValue)) this.fullTops.push(topValue);
    out.rep({
      index: 0,
      full: outcome.full,
      startMs,
      peakMs: outcome.peakMs,
      endMs: outcome.endMs,
      peak: side ? outcome.peak : this.peakMeanHipDeg,
      toPeakS: (outcome.peakMs - startMs) / 1000,
      fromPeakS: (outcome.endMs - outcome.peakMs) / 1000,
      holdS: Number.isFinite(measures.pauseS) ? measures.pauseS : outcome.holdS,
      metrics: {
        peakHipDeg: round1(side ? outcome.peak : this.peakMeanHipDeg),
        hipAboveLineTorso: round2(measures.hipAboveLineTorso),
        kneeAtTopDeg: round1(measures.kneeAtTopDeg),
        pauseS: round1(measures.pauseS),
        /** oblique view: how far the mean hip angle rose above rest; NaN in a side view */
        hipRiseDeg: round1(side || onLift ? Number.NaN : outcome.peak),
        upS: round1((outcome.peakMs - startMs) / 1000),
        downS: round1((outcome.endMs - outcome.peakMs) / 1000),
      },
      faults: [...this.repFaults],
      // short of full is short of the top: the hips stopped below the knee-shoulder line (side view,
      // sideCounter.fullAt) or rose less than a full rep does (oblique view, obliqueCounter.fullAt)
      ...(outcome.full ? {} : { partialReason: 'higher' }),
    });
  }

  private flag(fault: HipThrustFault, t: number, out: CheckerOutput): void {
    if (this.repFaults.has(fault)) return;
    this.repFaults.add(fault);
    out.fault(fault, HIP_THRUST_FAULTS[fault], t);
  }

  reset(): void {
    this.fullTops.length = 0;
    this.liftCounter.reset();
    this.liftSmoother.reset();
    this.lift.reset();
    this.obliqueSignal = 'angle';
    this.shoulderFollowsSinceMs = Number.NaN;
    this.liftRepStartMs = Number.NaN;
    this.defaultSideCounter.reset();
    this.sideCounter = this.defaultSideCounter;
    this.obliqueCounter.reset();
    this.counter = this.sideCounter;
    this.mode = 'side';
    this.viewNow = 'side';
    this.restLevel.reset();
    this.top.clear();
    this.plateauDeg = Number.NaN;
    this.plateauFromMs = Number.NaN;
    this.obliqueView.reset();
    this.smoother.reset();
    this.detector.reset();
    this.setupFromBottom = false;
    this.lastStartCheckMs = Number.NaN;
    this.riseBeforeCountingMs = Number.NaN;
    this.countingStarted = false;
    this.startRep(Number.NaN);
    this.live.hipAngleDeg = Number.NaN;
    this.live.hipAboveLineTorso = Number.NaN;
    this.live.kneeDeg = Number.NaN;
    this.live.hipRiseDeg = Number.NaN;
  }
}

const round1 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 10) / 10 : Number.NaN);
const round2 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 100) / 100 : Number.NaN);
