/**
 * Good morning (hip hinge), design/exercises.md §3: counts hinges by the
 * forward inclination of the torso, and checks knees (hinge, not squat), the
 * line of head and back, depth, standing tall at the top, and tempo.
 */
import { inclinationFromVerticalDeg, jointAngleDeg } from '../../geometry/angles.ts';
import type { BodyState } from '../../engine/body-state.ts';
import type { CheckerOutput, ExerciseChecker } from '../../engine/checker.ts';
import type { CueKey } from '../../engine/cues.ts';
import { HeldFor } from '../../signal/hysteresis.ts';
import { RepCounter, type RepOutcome } from '../../signal/rep-counter.ts';
import { RestLevel } from '../../signal/rest-level.ts';
import { jointDistancePx as dist } from '../../engine/body.ts';
import { GOOD_MORNING_DEFAULTS, validateGoodMorningConfig, type GoodMorningConfig } from './config.ts';
import { goodMorningKeyAngleScale, readGoodMorningKeyAngle } from './key-angle.ts';
import type { KeyAngleReading, KeyAngleScale } from '../../engine/key-angle.ts';

export const GOOD_MORNING_FAULTS = {
  squatting: 'gm.hips-back',
  'rounded-back': 'gm.long-back',
  'too-shallow': 'gm.hinge-further',
  'leaning-back': 'gm.stand-tall-top',
  'too-fast': 'gm.slow-controlled',
} as const satisfies Record<string, CueKey>;
export type GoodMorningFault = keyof typeof GOOD_MORNING_FAULTS;

const known = (...ps: { known: boolean }[]): boolean => ps.every((p) => p.known);

/** The back is taken as rounding at the bottom when the head folds off the back line or the torso hangs deeper than a neutral spine reaches (config comments say why). */
export function isBackRounding(forwardInclinationDeg: number, headLineDeg: number, config: GoodMorningConfig = GOOD_MORNING_DEFAULTS): boolean {
  return headLineDeg < config.roundedBackBelowDeg || forwardInclinationDeg > config.roundedBackInclinationDeg;
}

/** Head line (ear-shoulder-hip) of the measured side, deg; NaN when a joint is unknown. */
export function headLineDeg(body: BodyState): number {
  const { ear, shoulder, hip } = body.near;
  return known(ear, shoulder, hip) ? jointAngleDeg(ear, shoulder, hip) : Number.NaN;
}

export class GoodMorningChecker implements ExerciseChecker {
  readonly exercise = 'good-morning';
  readonly variant = null;
  readonly posture = 'standing';
  /** the bottom of a good morning is a turn, not a hold */
  readonly countsHolds = false;
  readonly requiredJoints = ['shoulder', 'hip', 'knee', 'ankle'] as const;
  readonly startCue = 'setup.stand-tall';
  /**
   * Seen from the front the hinge still shows: the torso shortens on screen
   * as it tips toward the camera (frontHingeDeg). Reps are counted there;
   * depth, knees and back are not judged (they lie in the side plane).
   */
  readonly countsInFrontView = true;
  readonly frontViewCue = 'setup.front-no-depth';
  readonly live = { torsoInclinationDeg: Number.NaN, kneeDeg: Number.NaN, headLineDeg: Number.NaN };

  private readonly config: GoodMorningConfig;
  private readonly counter: RepCounter;
  private readonly leaningBack = new HeldFor(500);
  private leanBackReported = false;
  // what the current rep has shown so far
  private minKneeDeg = Number.POSITIVE_INFINITY;
  private headLineAtPeakDeg = Number.NaN;
  private standingHipX = Number.NaN;
  private maxHipTravelPx = 0;
  private repFaults = new Set<GoodMorningFault>();
  /** the torso length of the last frame, px: hip travel is reported in torso lengths */
  private torsoPx = Number.NaN;
  /** this person's torso-to-thigh length ratio standing tall, as the camera sees it (front view) */
  private readonly standingRatio = new RestLevel();
  /** the current rep was seen from the front at some moment: depth and form are not judged */
  private repSeenFromFront = false;
  private warnedFront = false;

  readonly keyAngleScale: KeyAngleScale;

  constructor(config: GoodMorningConfig = GOOD_MORNING_DEFAULTS) {
    this.config = validateGoodMorningConfig(config);
    this.counter = new RepCounter(config.counter);
    this.keyAngleScale = goodMorningKeyAngleScale(this.config);
  }

  readKeyAngle(body: BodyState, out: KeyAngleReading): boolean {
    return readGoodMorningKeyAngle(body, out);
  }

  /** Forward inclination of the torso, deg: + ahead of vertical in the direction the person faces, - behind. */
  forwardInclinationDeg(body: BodyState): number {
    const { hip, shoulder } = body.near;
    if (!known(hip, shoulder)) return Number.NaN;
    const inclination = inclinationFromVerticalDeg(hip, shoulder);
    const facing = body.standingFacing;
    if (facing === 0) return inclination;
    return (shoulder.x - hip.x) * facing >= 0 ? inclination : -inclination;
  }

  /**
   * Forward inclination read from the front, deg: the torso's on-screen
   * length (shoulders to hips) against this person's standing length is
   * cos(inclination). Lengths are taken relative to the thighs, which a
   * hinge tips far less, so stepping nearer the camera changes nothing.
   * The standing ratio is learned while not in a rep (standingRatio).
   */
  frontHingeDeg(body: BodyState, learn: boolean): number {
    const { left, right } = body.frame;
    const torso = meanKnown(dist(left.shoulder, left.hip), dist(right.shoulder, right.hip));
    const thigh = meanKnown(dist(left.hip, left.knee), dist(right.hip, right.knee));
    const ratio = torso / thigh;
    if (!(ratio > 0 && Number.isFinite(ratio))) return Number.NaN;
    const c = this.config.front;
    const standing = this.standingRatio.level;
    // learned only near standing height: the shortening of a hinge is not standing
    if (learn && (Number.isNaN(standing) || ratio > standing * c.learnAboveFraction)) this.standingRatio.follow(ratio, body.timestampMs, c.upHalfLifeMs, c.downHalfLifeMs);
    const ref = this.standingRatio.level;
    return (Math.acos(Math.min(1, ratio / ref)) * 180) / Math.PI;
  }

  /** The counting signal: the side view's inclination, or the front view's from the torso's shortening. */
  private hingeDeg(body: BodyState, learn: boolean): number {
    const front = this.frontHingeDeg(body, learn);
    return body.view === 'front' ? front : this.forwardInclinationDeg(body);
  }

  isStartPosition(body: BodyState): boolean {
    const forward = body.view === 'front' ? this.frontHingeDeg(body, true) : this.forwardInclinationDeg(body);
    const { hip, knee, ankle } = body.near;
    const kneeDeg = known(hip, knee, ankle) ? jointAngleDeg(hip, knee, ankle) : Number.NaN;
    return Math.abs(forward) <= this.config.standTallMaxDeg && kneeDeg >= this.config.standingKneeMinDeg;
  }

  update(body: BodyState, out: CheckerOutput): void {
    const t = body.timestampMs;
    const near = body.near;
    const front = body.view === 'front';
    const forward = this.hingeDeg(body, !this.counter.inRep);
    const kneeDeg = known(near.hip, near.knee, near.ankle) ? jointAngleDeg(near.hip, near.knee, near.ankle) : Number.NaN;
    const headLine = headLineDeg(body);
    if (front && !this.warnedFront) {
      this.warnedFront = true;
      out.warning('front-view', t, 'counting from the front: depth, knees and back are not judged from the front; turn sideways for feedback on them');
    }
    this.live.torsoInclinationDeg = forward;
    this.live.kneeDeg = kneeDeg;
    this.live.headLineDeg = headLine;

    const wasInRep = this.counter.inRep;
    const outcome = this.counter.update(forward, t);
    out.phase(this.counter.phase, t);

    if (!wasInRep && this.counter.inRep) this.startRep(near.hip.known ? near.hip.x : Number.NaN);
    if (this.counter.inRep && front) this.repSeenFromFront = true;
    if (this.counter.inRep && !front) {
      if (kneeDeg < this.minKneeDeg) this.minKneeDeg = kneeDeg;
      if (kneeDeg < this.config.squatKneeBelowDeg) this.flag('squatting', t, out);
      if (this.counter.phase === 'top') {
        if (Number.isFinite(headLine)) this.headLineAtPeakDeg = Number.isNaN(this.headLineAtPeakDeg) ? headLine : Math.min(this.headLineAtPeakDeg, headLine);
        if (isBackRounding(forward, headLine, this.config)) this.flag('rounded-back', t, out);
      }
      if (near.hip.known && Number.isFinite(this.standingHipX) && body.standingFacing !== 0) {
        // hips travel backwards, against the facing direction
        this.maxHipTravelPx = Math.max(this.maxHipTravelPx, (this.standingHipX - near.hip.x) * body.standingFacing);
      }
    } else if (!outcome && !front) {
      if (near.hip.known) this.standingHipX = near.hip.x;
      // a lean back lies in the side plane: turned toward the camera the 2D inclination is mostly projection
      if (this.leaningBack.update(body.view === 'side' && forward < -this.config.leanBackDeg, t)) {
        if (!this.leanBackReported) {
          this.leanBackReported = true;
          out.fault('leaning-back', GOOD_MORNING_FAULTS['leaning-back'], t);
        }
      } else if (forward > -this.config.leanBackDeg / 2) {
        this.leanBackReported = false;
      }
    }

    this.torsoPx = body.torsoLengthPx;
    if (outcome) this.finishRep(outcome, t, out);
  }

  finish(tMs: number, out: CheckerOutput): void {
    const outcome = this.counter.endNow(tMs);
    if (outcome) this.finishRep(outcome, tMs, out);
  }

  private finishRep(outcome: Readonly<RepOutcome>, t: number, out: CheckerOutput): void {
    const seconds = (outcome.endMs - outcome.startMs) / 1000;
    // from the front the depth is an estimate: it counts the rep, it is not judged
    if (!outcome.full && !this.repSeenFromFront) this.flag('too-shallow', t, out);
    if (seconds < this.config.minRepSeconds) this.flag('too-fast', t, out);
    const torso = this.torsoPx;
    // from the front the depth is not judged, so a rep counted there is full
    const full = outcome.full || this.repSeenFromFront;
    out.rep({
      index: 0,
      full,
      startMs: outcome.startMs,
      peakMs: outcome.peakMs,
      endMs: outcome.endMs,
      peak: outcome.peak,
      toPeakS: (outcome.peakMs - outcome.startMs) / 1000,
      fromPeakS: (outcome.endMs - outcome.peakMs) / 1000,
      holdS: outcome.holdS,
      metrics: {
        peakInclinationDeg: round1(outcome.peak),
        kneeAtBottomDeg: round1(this.minKneeDeg),
        headLineAtBottomDeg: round1(this.headLineAtPeakDeg),
        hipTravelTorso: torso > 0 ? Math.round((this.maxHipTravelPx / torso) * 100) / 100 : Number.NaN,
        downS: round1((outcome.peakMs - outcome.startMs) / 1000),
        upS: round1((outcome.endMs - outcome.peakMs) / 1000),
      },
      faults: [...this.repFaults],
      // short of full is short of the depth (the peak inclination never reached counter.fullAt)
      ...(full ? {} : { partialReason: 'deeper' }),
    });
  }

  private startRep(hipX: number): void {
    this.minKneeDeg = Number.POSITIVE_INFINITY;
    this.headLineAtPeakDeg = Number.NaN;
    this.maxHipTravelPx = 0;
    this.repSeenFromFront = false;
    if (Number.isFinite(hipX) && Number.isNaN(this.standingHipX)) this.standingHipX = hipX;
    this.repFaults = new Set();
  }

  private flag(fault: GoodMorningFault, t: number, out: CheckerOutput): void {
    if (this.repFaults.has(fault)) return;
    this.repFaults.add(fault);
    out.fault(fault, GOOD_MORNING_FAULTS[fault], t);
  }

  reset(): void {
    this.counter.reset();
    this.leaningBack.reset();
    this.leanBackReported = false;
    this.standingHipX = Number.NaN;
    this.standingRatio.reset();
    this.warnedFront = false;
    this.startRep(Number.NaN);
    this.live.torsoInclinationDeg = Number.NaN;
    this.live.kneeDeg = Number.NaN;
    this.live.headLineDeg = Number.NaN;
  }
}

const meanKnown = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : (a + b) / 2);

const round1 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 10) / 10 : Number.NaN);
