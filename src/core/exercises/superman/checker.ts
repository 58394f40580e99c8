/**
 * Superman, design/exercises.md §2: lying prone, arms stretched forward, lift
 * arms and legs together a little off the floor, hold, lower.
 *
 * Counts on the lift of the LOWEST of the four limbs above their floor
 * levels (both knees, both elbows: lift.ts, floor.ts), so a rep needs arms
 * and legs up at the same time. An arm and a leg up while the other two stay
 * down is an alternating lift: not a rep, reported as a warning and the
 * "lift together" cue. Per rep it measures knee, elbow, ankle and wrist lifts,
 * torso elevation, the head, timing and hold, and flags feet/hands-only
 * lifts, a big arch, a jerky lift and a cranked-up head.
 */
import type { BodyState } from '../../engine/body-state.ts';
import type { Side } from '../../engine/body.ts';
import type { CheckerOutput, ExerciseChecker } from '../../engine/checker.ts';
import { jointAngleDeg } from '../../geometry/angles.ts';
import { Hysteresis } from '../../signal/hysteresis.ts';
import { RepCounter } from '../../signal/rep-counter.ts';
import { SUPERMAN_DEFAULTS, supermanConfigForModel, validateSupermanConfig, type SupermanConfig } from './config.ts';
import { fastestChangePerS, headPointsOf, headUpDeg, liftedByBendingOnly, newHeadPoints, noseAboveBackLineTorso, torsoElevationDeg, SUPERMAN_FAULTS, type SupermanFault } from './faults.ts';
import { FloorLevels } from './floor.ts';
import { armLiftTorso, legLiftTorso, maxKnown, meanLiftTorso, pairLiftTorso, togetherLiftTorso } from './lift.ts';
import { NoiseFloor } from '../../signal/noise-floor.ts';
import { SceneJump } from '../../engine/scene-jump.ts';
import { Ema } from '../../signal/ema.ts';
import { ExtremityLiftWatch } from './extremity-lift.ts';
import { supermanKeyAngleScale } from './key-angle.ts';
import { readProneElevation } from '../upward-dog/key-angle.ts';
import type { KeyAngleReading, KeyAngleScale } from '../../engine/key-angle.ts';
import { RepTrace } from './rep-trace.ts';

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
/** liftS/lowerS: the seconds the middle 60% of the lift (20% -> 80%) takes at its fastest speed */
const MIDDLE_OF_LIFT = 0.6;
/** the resting torso elevation follows the last ~second lying flat: a view change (6-rep clip, 11.3 s) is re-learned before the next lift */
const REST_ELEVATION_HALF_LIFE_MS = 400;
/**
 * The floor levels start at the first frame's joints and settle downward with
 * floor.downHalfLifeMs (200 ms): after 0.6 s (3 half-lives) they are within
 * an eighth of where they settle, and the resting noise is learned from there.
 */
const FLOOR_SETTLE_MS = 600;
/**
 * The lowest limb's smoothing, ms: about two frames at 15 fps (a held lift barely moves it).
 * The synthetic far person's 0.05-torso lifts under 1.5 px of keypoint noise (58 px per torso)
 * count exactly on 12 of 12 seeds with it; 80 ms missed one lift in 8 under 1.7 px.
 */
const TOGETHER_HALF_LIFE_MS = 120;

export class SupermanChecker implements ExerciseChecker {
  readonly exercise = 'superman';
  readonly variant = null;
  readonly posture = 'lying';
  /**
   * The arms may leave the model's sight at the top (oblique fixture: elbows
   * unknown in 12% of frames): not required. The lift is read on the knees
   * and elbows, so the feet may be out of the
   * picture (a laptop on the floor often cuts them off; superman_klarfit's
   * close shot puts them on the frame's edge, where Thunder scores them under
   * the gate): only shoulder, hip and knee must be in frame.
   */
  readonly requiredJoints = ['shoulder', 'hip', 'knee'] as const;
  readonly startCue = 'setup.lie-prone';
  /**
   * Lifts are read as rises in the image, which a camera in front of the
   * head sees as well as one at the side: lying along the camera's axis
   * foreshortens the torso until the shoulders' spread reads "front" (6-rep
   * fixture clip, 0-1.3 s and 7.5-8.3 s, ~45 deg off the side). Counting goes
   * on there; the angle faults (arch, head) are not judged on a rep seen so.
   * A torso pointing straight into the camera is not read at all (maxSpreadTorso).
   */
  readonly countsInFrontView = true;
  readonly live = {
    liftTorso: Number.NaN,
    kneeLiftTorso: Number.NaN,
    elbowLiftTorso: Number.NaN,
    torsoElevationDeg: Number.NaN,
    headUpDeg: Number.NaN,
  };

  static forModel(model: string | undefined): SupermanChecker {
    return new SupermanChecker(supermanConfigForModel(model));
  }

  private readonly config: SupermanConfig;
  private readonly counter: RepCounter;
  private readonly floor: FloorLevels;
  private readonly trace = new RepTrace();
  private readonly pairUp: Hysteresis;
  private lastObservedMs = Number.NaN;
  /** this frame's view lets lifts be read (the torso is not pointing into the camera) */
  private readable = true;
  // this frame
  private together = Number.NaN;
  private pair = Number.NaN;
  private meanLift = Number.NaN;
  private kneeLift = Number.NaN;
  private elbowLift = Number.NaN;
  private ankleLift = Number.NaN;
  private wristLift = Number.NaN;
  private farKneeLift = Number.NaN;
  private farElbowLift = Number.NaN;
  private elevationDeg = Number.NaN;
  private headUpDeg = Number.NaN;
  private noseAboveBack = Number.NaN;
  private readonly head = newHeadPoints();
  /** the lowest limb lying still: its level and noise set the counter's thresholds (retune) */
  private readonly restNoise: NoiseFloor;
  private firstObservedMs = Number.NaN;
  /** update() has run since the last reset: the set is being counted */
  private countingStarted = false;
  private readonly sceneJump = new SceneJump();
  /** this frame's picture jumped (scene-jump.ts) */
  private jumped = false;
  private readonly togetherSmooth = new Ema(TOGETHER_HALF_LIFE_MS);
  /** feet and hands up with the knees and elbows down: not a rep, a fault (extremity-lift.ts) */
  private readonly extremities: ExtremityLiftWatch;
  private extremityLift = Number.NaN;
  /** full or partial reps counted while the current feet-and-hands excursion lasted */
  private repsInExtremityLift = 0;
  /** torso elevation lying flat (learned while nothing is lifted), deg */
  private restElevationDeg = Number.NaN;
  private readonly restElevation = new Ema(REST_ELEVATION_HALF_LIFE_MS);
  /** since when something has been lifted (the floor may not rise); NaN when nothing is */
  private liftingSinceMs = Number.NaN;
  // the current arm-and-leg lift, if any: is it one-sided?
  private pairWasUp = false;
  private pairPeak = 0;
  private pairSum = 0;
  private pairFrames = 0;
  private togetherSum = 0;
  private repsInPair = 0;
  private pairSinceMs = 0;
  private alternatingLifts = 0;
  private repFaults = new Set<SupermanFault>();
  /** the torso length of the last frame, px */
  private torsoPx = Number.NaN;
  /** the current rep was seen in a front view at some moment: its angles are foreshortened */
  private repSeenFromFront = false;

  readonly keyAngleScale: KeyAngleScale;

  readKeyAngle(body: BodyState, out: KeyAngleReading): boolean {
    return readProneElevation(body, this.config.maxSpreadTorso, out);
  }

  constructor(config: SupermanConfig = SUPERMAN_DEFAULTS) {
    this.config = validateSupermanConfig(config);
    this.keyAngleScale = supermanKeyAngleScale(this.config);
    this.counter = new RepCounter(config.counter);
    this.floor = new FloorLevels(config.floor);
    this.pairUp = new Hysteresis(config.alternating.pairOnTorso, config.alternating.pairOffTorso);
    this.restNoise = new NoiseFloor(config.clearance.noiseHalfLifeMs);
    this.extremities = new ExtremityLiftWatch(config.extremityLiftTorso, config.extremityLiftTorso / 2, config.counter.minRepMs);
  }

  /**
   * At rest, the counter's thresholds follow this person's resting noise:
   * a rep starts `startNoiseFactor` deviations above the resting level and is
   * clear of the floor at `fullNoiseFactor`, between the counter's defaults
   * and the clearance caps. A still person lying quietly gets the low
   * defaults (small lifts count); a far camera, a jittery model or a fidgety
   * rest raises them, at most to what a clear lift always passes.
   */
  private retune(): void {
    const c = this.config;
    const n = this.restNoise;
    if (this.counter.phase !== 'rest' || n.samples < c.clearance.minRestSamples || !Number.isFinite(n.spread)) return;
    const d = c.counter;
    const base = Math.max(0, n.level);
    const k = c.clearance;
    const startAbove = clamp(base + k.startNoiseFactor * n.spread, d.startAbove, k.maxStartAboveTorso);
    // a change under 2 mm on a 50 cm torso is not worth a new threshold
    if (Math.abs(startAbove - this.counter.thresholds.startAbove) < 0.004) return;
    const fullAt = Math.max(startAbove, clamp(base + k.fullNoiseFactor * n.spread, d.fullAt, k.maxFullAtTorso));
    const restBelow = Math.min(startAbove - 0.005, Math.max(d.restBelow, base + (startAbove - base) / 2));
    this.counter.retune({ startAbove, restBelow, partialFrom: startAbove, fullAt });
  }

  /**
   * Lying prone, arms stretched forward past the head, legs long. Also true
   * at the top of a lift (arms and legs stay long): a set may start mid-lift
   * (the side fixture clip lifts 0.4 s in). Every frame seen here also
   * teaches the floor levels, so the floor is known when counting starts.
   */
  isStartPosition(body: BodyState): boolean {
    this.observe(body);
    if (!this.readable) return false;
    if (body.posture !== 'lying' || body.headDirection === 0) return false;
    const { hip, knee, ankle } = body.near;
    // legs long: with the ankle out of the picture there is no bend to object to
    const kneeDeg = hip.known && knee.known && ankle.known ? jointAngleDeg(hip, knee, ankle) : Number.NaN;
    const legsLong = !ankle.known || kneeDeg >= this.config.legsLongMinKneeDeg;
    return hip.known && knee.known && legsLong && this.armsForward(body);
  }

  /**
   * Arms stretched forward: a wrist well ahead of the shoulder toward the
   * head, or, with both wrists unseen, an elbow at least level with it (an
   * oblique view foreshortens the upper arm: fixture elbows 0.08-0.19 ahead).
   * With no wrist and no elbow seen there is nothing to object to.
   */
  private armsForward(body: BodyState): boolean {
    const { near, far } = body;
    const shoulder = near.shoulder;
    const torso = body.torsoLengthPx;
    if (!shoulder.known || !(torso > 0)) return false;
    const wrist = near.wrist.known ? near.wrist : far.wrist;
    if (wrist.known) return ((wrist.x - shoulder.x) * body.headDirection) / torso >= this.config.armsForwardMinTorso;
    const elbow = near.elbow.known ? near.elbow : far.elbow;
    if (elbow.known) return (elbow.x - shoulder.x) * body.headDirection >= 0;
    return true;
  }

  update(body: BodyState, out: CheckerOutput): void {
    const t = body.timestampMs;
    const wasReadable = this.readable;
    this.observe(body);
    if (wasReadable && !this.readable) out.warning('front-view', t, 'the body points into the camera: lifts cannot be read from here; turn sideways to the camera');
    this.live.liftTorso = this.together;
    this.live.kneeLiftTorso = this.kneeLift;
    this.live.elbowLiftTorso = this.elbowLift;
    this.live.torsoElevationDeg = this.elevationDeg;
    this.live.headUpDeg = this.headUpDeg;

    this.countingStarted = true;
    this.retune();
    const wasInRep = this.counter.inRep;
    // A new picture: a lift under way ends here (its floor is gone), and the next may start at
    // once (the rest is not the last picture's).
    const cut = this.jumped ? this.counter.endAtRest(t) : null;
    if (this.jumped) this.counter.endRefractory();
    const outcome = cut ?? this.counter.update(this.together, t);
    out.phase(this.counter.phase, t);
    if (!wasInRep && this.counter.inRep) {
      this.trace.beginRep();
      this.repFaults = new Set();
      this.repSeenFromFront = false;
    }
    if (this.counter.inRep && body.view === 'front') this.repSeenFromFront = true;
    this.record(t);
    if (outcome) {
      this.trace.endRep();
      this.finishRep(outcome, t, body.torsoLengthPx, out);
    } else if (wasInRep && !this.counter.inRep) {
      this.trace.endRep(); // dropped (too long, or lost)
    }
    this.watchOneSidedLifts(t, out);
    this.watchExtremityLifts(t, out);
    this.torsoPx = body.torsoLengthPx;
  }

  /**
   * Feet and hands lifted by bending the knees and elbows while these stay
   * down: reported as a partial rep with the feet-hands-only fault (its cue:
   * lift the knees and elbows), unless the count saw a rep in it.
   */
  private watchExtremityLifts(t: number, out: CheckerOutput): void {
    const wasUp = this.extremities.active;
    // against the higher knee and the higher elbow (the pair): an alternating lift raises its joints too
    const lifted = this.extremities.update(this.extremityLift, this.pair, t);
    if (!wasUp && this.extremities.active) this.repsInExtremityLift = 0;
    if (!lifted || this.repsInExtremityLift > 0) return;
    const c = this.config;
    if (!(lifted.jointPeak < c.kneeElbowMinLiftTorso)) return;
    this.repFaults = new Set(['feet-hands-only']);
    out.fault('feet-hands-only', SUPERMAN_FAULTS['feet-hands-only'], t);
    out.rep({
      index: 0,
      full: false,
      partialReason: 'higher',
      startMs: lifted.startMs,
      peakMs: lifted.peakMs,
      endMs: lifted.endMs,
      peak: round2(Math.max(0, lifted.jointPeak)),
      toPeakS: (lifted.peakMs - lifted.startMs) / 1000,
      fromPeakS: (lifted.endMs - lifted.peakMs) / 1000,
      holdS: 0,
      metrics: { kneeElbowLiftTorso: round2(lifted.jointPeak), feetHandsLiftTorso: round2(lifted.extremityPeak), durationS: round2((lifted.endMs - lifted.startMs) / 1000) },
      faults: ['feet-hands-only'],
    });
  }

  finish(tMs: number, out: CheckerOutput): void {
    const outcome = this.counter.endNow(tMs);
    if (!outcome) return;
    this.trace.endRep();
    this.finishRep(outcome, tMs, this.torsoPx, out);
  }

  /**
   * Reads one frame into the floor levels and this frame's lifts (once per
   * frame, whoever asks first). The floor may rise toward the joints only
   * while no rep is under way and the lowest limb is below the start of one
   * (as of the last frame). One-sided lifts do not stop it: the floor under
   * a lifted limb creeps up a little, which they survive (they are judged
   * relative to the pair), and a floor gone stale where the camera moved
   * (6-rep and alternating fixture clips, ~11 s) is re-learned while they go
   * on. A lift held longer than a rep may last (maxRepMs) is let go too, so a
   * stale floor cannot freeze for good. A frame whose torso points into the
   * camera is not read at all.
   */
  private observe(body: BodyState): void {
    const t = body.timestampMs;
    if (t === this.lastObservedMs) return;
    this.lastObservedMs = t;
    const lifting = this.counter.inRep || this.together > this.config.counter.startAbove;
    if (!lifting) this.liftingSinceMs = Number.NaN;
    else if (Number.isNaN(this.liftingSinceMs)) this.liftingSinceMs = t;
    const mayRise = !lifting || t - this.liftingSinceMs > this.config.counter.maxRepMs;
    this.readable = !(body.spreadTorso > this.config.maxSpreadTorso);
    if (!this.readable) {
      // nothing is measured: the counter sees a gap (and drops a rep that stays unreadable)
      this.together = this.pair = this.meanLift = this.extremityLift = Number.NaN;
      this.kneeLift = this.elbowLift = this.ankleLift = this.wristLift = this.farKneeLift = this.farElbowLift = Number.NaN;
      this.elevationDeg = this.headUpDeg = this.noseAboveBack = Number.NaN;
      return;
    }
    this.jumped = this.sceneJump.update(body.frame, body.torsoLengthPx);
    if (this.jumped) {
      // the camera cut or moved: every floor level and the resting noise are another picture's
      this.floor.reset();
      this.togetherSmooth.reset();
      this.restNoise.reset();
      this.firstObservedMs = t;
    }
    this.floor.update(body.frame, t, mayRise);
    const torso = body.torsoLengthPx;
    const w = this.config.limbs;
    const near = body.side;
    const far = other(near);
    const lift = this.floor;
    this.kneeLift = lift.liftTorso(near, 'knee', torso);
    this.elbowLift = lift.liftTorso(near, 'elbow', torso);
    this.ankleLift = lift.liftTorso(near, 'ankle', torso);
    this.wristLift = lift.liftTorso(near, 'wrist', torso);
    this.farKneeLift = lift.liftTorso(far, 'knee', torso);
    this.farElbowLift = lift.liftTorso(far, 'elbow', torso);
    const nearLeg = legLiftTorso(this.kneeLift, this.ankleLift, w);
    const farLeg = legLiftTorso(this.farKneeLift, lift.liftTorso(far, 'ankle', torso), w);
    const nearArm = armLiftTorso(this.elbowLift, this.wristLift, w);
    const farArm = armLiftTorso(this.farElbowLift, lift.liftTorso(far, 'wrist', torso), w);
    // the lowest of four noisy limbs: smoothed over ~3 frames, so one frame's jitter neither
    // starts a rep nor cuts a hold short
    this.together = this.togetherSmooth.update(togetherLiftTorso(nearLeg, farLeg, nearArm, farArm), t);
    // feet and hands: the higher ankle and the higher wrist, the lower of the two
    this.extremityLift = Math.min(maxKnown(this.ankleLift, lift.liftTorso(far, 'ankle', torso)), maxKnown(this.wristLift, lift.liftTorso(far, 'wrist', torso)));
    this.pair = pairLiftTorso(nearLeg, farLeg, nearArm, farArm);
    this.meanLift = meanLiftTorso(nearLeg, farLeg, nearArm, farArm, w);
    this.pairWasUp = this.pairUp.active;
    this.pairUp.update(this.pair);
    // lying still: the lowest limb's resting level and noise, for this person's thresholds (once
    // the floor levels have settled: they start at the first frame's joints)
    if (Number.isNaN(this.firstObservedMs)) this.firstObservedMs = t;
    const floorSettled = t - this.firstObservedMs >= FLOOR_SETTLE_MS;
    // Before counting, everything the person does in the start position is their rest (getting
    // set, settling): a fidgety rest raises the bar. While counting, only the still moments between reps.
    const resting = !this.countingStarted || (!lifting && !this.pairUp.active && this.counter.phase === 'rest');
    if (floorSettled && resting) this.restNoise.update(this.together, t);
    this.elevationDeg = torsoElevationDeg(body.near);
    headPointsOf(body.frame.left, body.frame.right, this.head);
    this.headUpDeg = headUpDeg(this.head);
    this.noseAboveBack = noseAboveBackLineTorso(body.nose, this.head, torso);
    // lying flat: the resting torso elevation (the camera's tilt and the chest's thickness)
    if (!lifting && this.together < this.config.counter.startAbove && Number.isFinite(this.elevationDeg)) this.restElevationDeg = this.restElevation.update(this.elevationDeg, t);
  }

  private record(t: number): void {
    const trace = this.trace;
    trace.set('together', this.together);
    trace.set('meanLift', this.meanLift);
    trace.set('kneeLift', this.kneeLift);
    trace.set('elbowLift', this.elbowLift);
    trace.set('ankleLift', this.ankleLift);
    trace.set('wristLift', this.wristLift);
    trace.set('farKneeLift', this.farKneeLift);
    trace.set('farElbowLift', this.farElbowLift);
    trace.set('elevationDeg', this.elevationDeg);
    trace.set('headUpDeg', this.headUpDeg);
    trace.set('noseAboveBack', this.noseAboveBack);
    trace.set('pair', this.pair);
    trace.commit(t);
  }

  private finishRep(outcome: { full: boolean; startMs: number; peakMs: number; endMs: number; peak: number; holdS: number }, t: number, torsoPx: number, out: CheckerOutput): void {
    const c = this.config;
    const trace = this.trace;
    // "the top": the frames within the counter's top band of the peak, averaged, so one odd frame decides nothing
    const topFrom = outcome.peak - c.counter.topBand;
    const top = (name: Parameters<RepTrace['column']>[0]): number => trace.meanWhereTogetherAtLeast(name, topFrom);
    const kneeLift = top('kneeLift');
    const elbowLift = top('elbowLift');
    const ankleLift = top('ankleLift');
    const wristLift = top('wristLift');
    const elevationDeg = top('elevationDeg');
    // the lowest limb against the higher arm-and-leg pair at the top: 1 when all four are up alike
    const pairTop = top('pair');
    const togetherRatio = pairTop > 0 ? Math.max(0, top('together')) / pairTop : Number.NaN;
    // One leg and one arm up, the others down: an alternating lift, not a superman rep. It is
    // not a rep at all (the one-sided-lift watch reports it).
    if (togetherRatio < c.clearance.minTogetherRatio) return;
    const headUp = top('headUpDeg');
    const noseAboveBack = top('noseAboveBack');
    const archDeg = Number.isNaN(this.restElevationDeg) ? elevationDeg : elevationDeg - this.restElevationDeg;
    // timing on the mean of the four limbs (the lowest limb can change from frame to frame), from
    // its fastest speed: the rep ends (the lowest limb is down) before the last limb has landed
    const meanLift = trace.column('meanLift');
    const peakIndex = trace.peakIndex('meanLift');
    const liftPeak = peakIndex >= 0 ? meanLift[peakIndex]! : Number.NaN;
    const liftS = (MIDDLE_OF_LIFT * liftPeak) / fastestChangePerS(trace.times, meanLift, 0, peakIndex + 1, c.speedWindowMs, 1);
    const lowerS = (MIDDLE_OF_LIFT * liftPeak) / fastestChangePerS(trace.times, meanLift, peakIndex, trace.count, c.speedWindowMs, -1);

    // knees and elbows left on the floor: a fault, and not a full superman (exercises.md: lift the knees and elbows)
    const feetHandsOnly =
      liftedByBendingOnly(kneeLift, ankleLift, c.kneeElbowMinLiftTorso, c.extremityLiftTorso) ||
      liftedByBendingOnly(elbowLift, wristLift, c.kneeElbowMinLiftTorso, c.extremityLiftTorso);
    if (feetHandsOnly) this.flag('feet-hands-only', t, out);
    // angles seen from the front are foreshortened beyond judging
    const anglesJudged = !this.repSeenFromFront;
    if (anglesJudged && archDeg > c.maxArchDeg) this.flag('big-arch', t, out);
    if (anglesJudged && (Number.isNaN(headUp) ? noseAboveBack > c.maxNoseAboveBackTorso : headUp > c.maxHeadUpDeg)) this.flag('head-up', t, out);
    if (liftS < c.minLiftS || lowerS < c.minLiftS) this.flag('too-fast', t, out);

    if (this.pairUp.active) this.repsInPair++;
    if (this.extremities.active) this.repsInExtremityLift++;
    const full = outcome.full && !feetHandsOnly;
    out.rep({
      index: 0,
      full,
      ...(full ? {} : { partialReason: 'higher' as const }),
      startMs: outcome.startMs,
      peakMs: outcome.peakMs,
      endMs: outcome.endMs,
      peak: round2(outcome.peak),
      toPeakS: (outcome.peakMs - outcome.startMs) / 1000,
      fromPeakS: (outcome.endMs - outcome.peakMs) / 1000,
      holdS: outcome.holdS,
      metrics: {
        kneeLiftTorso: round2(kneeLift),
        elbowLiftTorso: round2(elbowLift),
        ankleLiftTorso: round2(ankleLift),
        wristLiftTorso: round2(wristLift),
        farKneeLiftTorso: round2(top('farKneeLift')),
        farElbowLiftTorso: round2(top('farElbowLift')),
        togetherRatio: round2(togetherRatio),
        startAboveTorso: round2(this.counter.thresholds.startAbove),
        torsoElevationDeg: round1(elevationDeg),
        archDeg: round1(archDeg),
        headUpDeg: round1(headUp),
        noseAboveBackTorso: round2(noseAboveBack),
        durationS: round2((outcome.endMs - outcome.startMs) / 1000),
        liftS: round2(liftS),
        lowerS: round2(lowerS),
        torsoPx: round1(torsoPx),
      },
      faults: [...this.repFaults],
    });
  }

  /**
   * An arm and a leg up while the lowest limb stays down: a one-sided
   * (alternating) lift. Judged once it is over, on the whole lift: the
   * lowest limb's lift summed over it against the pair's (one noisy frame
   * decides nothing), and never when a rep was counted in it.
   */
  private watchOneSidedLifts(t: number, out: CheckerOutput): void {
    const up = this.pairUp.active;
    if (up) {
      if (!this.pairWasUp) {
        this.pairPeak = 0;
        this.pairSum = 0;
        this.pairFrames = 0;
        this.togetherSum = 0;
        this.repsInPair = 0;
        this.pairSinceMs = t;
      }
      if (this.pair > this.pairPeak) this.pairPeak = this.pair;
      if (Number.isFinite(this.pair) && Number.isFinite(this.together)) {
        this.pairSum += this.pair;
        this.pairFrames++;
        this.togetherSum += Math.max(0, this.together);
      }
      return;
    }
    if (!this.pairWasUp) return;
    this.pairWasUp = false;
    const ratio = this.pairSum > 0 ? this.togetherSum / this.pairSum : 1;
    const a = this.config.alternating;
    // and it rose clearly: the pair, on average over the lift, as high as a full rep's lowest
    // limb must at the most (the clearance cap), so a wobble while getting set is not a lift.
    // The alternating clip's one-sided lifts average 0.12-0.26 (all four models); the synthetic
    // getting-set wobble (hips and shoulders +-5 deg) 0.08-0.09: 0.1 lies between, closer to
    // the wobble, so no real one-sided lift goes unreported.
    const clear = this.pairFrames > 0 && this.pairSum / this.pairFrames >= this.config.clearance.maxFullAtTorso;
    if (this.repsInPair === 0 && clear && ratio < a.maxTogetherFraction && t - this.pairSinceMs >= a.minMs) {
      this.alternatingLifts++;
      out.warning(
        'alternating-lifts',
        t,
        `one-sided lift ${this.alternatingLifts}: an arm and a leg rose (up to ${round2(this.pairPeak)} torso) while the others stayed down (${Math.round(ratio * 100)}% of it); not counted as a superman`,
      );
      out.fault('not-together', SUPERMAN_FAULTS['not-together'], t);
    }
  }

  private flag(fault: SupermanFault, t: number, out: CheckerOutput): void {
    if (this.repFaults.has(fault)) return;
    this.repFaults.add(fault);
    out.fault(fault, SUPERMAN_FAULTS[fault], t);
  }

  reset(): void {
    this.counter.reset();
    // a fresh start: the thresholds learned from the last rest go too
    const d = this.config.counter;
    this.counter.retune({ startAbove: d.startAbove, restBelow: d.restBelow, partialFrom: d.partialFrom, fullAt: d.fullAt });
    this.floor.reset();
    this.trace.reset();
    this.pairUp.reset();
    this.lastObservedMs = Number.NaN;
    this.readable = true;
    this.together = Number.NaN;
    this.pair = Number.NaN;
    this.restElevationDeg = Number.NaN;
    this.restElevation.reset();
    this.liftingSinceMs = Number.NaN;
    this.restNoise.reset();
    this.firstObservedMs = Number.NaN;
    this.countingStarted = false;
    this.sceneJump.reset();
    this.extremities.reset();
    this.togetherSmooth.reset();
    this.extremityLift = Number.NaN;
    this.repsInExtremityLift = 0;
    this.pairWasUp = false;
    this.pairPeak = 0;
    this.pairSum = 0;
    this.togetherSum = 0;
    this.repsInPair = 0;
    this.alternatingLifts = 0;
    this.repFaults = new Set();
    this.repSeenFromFront = false;
    for (const key of Object.keys(this.live) as (keyof typeof this.live)[]) this.live[key] = Number.NaN;
  }
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round1 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 10) / 10 : Number.NaN);
const round2 = (v: number): number => (Number.isFinite(v) ? Math.round(v * 100) / 100 : Number.NaN);
