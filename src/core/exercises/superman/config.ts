/**
 * Superman thresholds. Starting points from design/exercises.md (§2), tuned
 * on the MoveNet Lightning tracks (and checked on Thunder and BlazePose Full
 * and Lite) of the fixture clips
 * (superman/superman_fitbod_SIDEONLY_3reps_derived, superman_fitbod_frontoblique+side_6reps,
 * superman_alternating_fitbod_8lifts) and photos (fedb_Superman_0_down,
 * fedb_Superman_1_up); the comments say what was seen there. Lifts are in
 * torso lengths above each joint's own floor level (see floor.ts). A
 * physiotherapist may override any of them; validate() says what is wrong.
 */
import { validateRepCounterConfig, type RepCounterConfig } from '../../signal/rep-counter.ts';

/** How the floor level of each joint is learned (floor.ts). */
export interface FloorConfig {
  /** joint heights are smoothed with this half-life before anything else, ms */
  readonly smoothHalfLifeMs: number;
  /** the floor level follows a joint that sinks below it this fast, ms */
  readonly downHalfLifeMs: number;
  /** ... and rises toward a joint above it this slowly, and only while nothing is lifted together, ms */
  readonly upHalfLifeMs: number;
  /** a joint unseen for longer than this starts its smoothing afresh, ms */
  readonly restartAfterMs: number;
}

/** Person-relative clearance: what "off the floor" and "together" mean for this person, this camera, this model. */
export interface ClearanceConfig {
  /** half-life of the resting level and noise of the lowest limb, ms */
  readonly noiseHalfLifeMs: number;
  /** resting samples needed before the learned thresholds replace the counter's defaults */
  readonly minRestSamples: number;
  /** a rep starts this many mean absolute deviations above the resting level (never below counter.startAbove) */
  readonly startNoiseFactor: number;
  /** ... and is clear of the floor (full) at this many (never below counter.fullAt) */
  readonly fullNoiseFactor: number;
  /** the learned start threshold never goes above this, torso lengths ... */
  readonly maxStartAboveTorso: number;
  /** ... nor the full one above this: a lift this high is clear of any floor */
  readonly maxFullAtTorso: number;
  /** at the top, the lowest limb lifts at least this fraction of the pair (the higher leg and the higher arm, the lower of those two) */
  readonly minTogetherRatio: number;
}

/** How the four limbs' lifts are made comparable (lift.ts). */
export interface LimbWeights {
  /** a straight leg lifts the ankle about twice as high as the knee: ankle lift times this is a knee lift */
  readonly ankleToKnee: number;
  /** a straight arm lifts the wrist about 1.4x as high as the elbow: wrist lift times this is an elbow lift */
  readonly wristToElbow: number;
  /** a superman lifts the elbows about 2.5x as high as the knees: elbow lift times this is a knee lift (for the lift's timing, meanLiftTorso; the count takes arms and legs alike) */
  readonly armToLeg: number;
}

/** An arm and a leg up while the others stay down: an alternating lift, not a full rep. */
export interface AlternatingConfig {
  /** "an arm and a leg are up" (the higher leg and the higher arm, in knee-equivalent torso lengths) starts above this ... */
  readonly pairOnTorso: number;
  /** ... and ends below this */
  readonly pairOffTorso: number;
  /** it was a one-sided lift when the lowest limb's lift, summed over it, stayed below this fraction of the pair's */
  readonly maxTogetherFraction: number;
  /** ... and it lasted at least this long, ms (a left/right label swap flashes one up for a frame or three) */
  readonly minMs: number;
}

export interface SupermanConfig {
  /**
   * The count follows the lift of the LOWEST limb (both knees, both elbows; knee-equivalent
   * torso lengths, lift.ts): a full superman lifts all four, an alternating lift leaves one
   * leg and one arm on the floor.
   */
  readonly counter: RepCounterConfig;
  /** how the counter's thresholds follow this person's resting noise, and what "together" means */
  readonly clearance: ClearanceConfig;
  readonly floor: FloorConfig;
  readonly limbs: LimbWeights;
  readonly alternating: AlternatingConfig;
  /**
   * The shoulders' left-right spread (BodyState.spreadTorso, in torso lengths)
   * above which a frame is not read: the torso points so far into the camera
   * that lifts divided by its foreshortened length mean nothing.
   */
  readonly maxSpreadTorso: number;
  /** start position: the wrist (or elbow) at least this far ahead of the shoulder, toward the head (torso lengths) */
  readonly armsForwardMinTorso: number;
  /** start position: knee angle at least this (legs long; a slight bend is fine) */
  readonly legsLongMinKneeDeg: number;
  /** feet/hands only: the knee (elbow) rose less than this at the top ... */
  readonly kneeElbowMinLiftTorso: number;
  /** ... while the ankle (wrist) rose at least this */
  readonly extremityLiftTorso: number;
  /** torso elevation at the top above the resting one beyond this = too big an arch (deg) */
  readonly maxArchDeg: number;
  /** the neck pointing this much higher than the back at the top = head cranked up (deg, faults.ts headUpDeg) */
  readonly maxHeadUpDeg: number;
  /** with no ear seen: the nose this far above the back line (hip -> shoulder, extended) at the top = head cranked up (torso lengths) */
  readonly maxNoseAboveBackTorso: number;
  /** lifting or lowering the middle 60% of the lift (at its fastest speed) in less than this = jerky, not slow and controlled (s) */
  readonly minLiftS: number;
  /** speeds are measured over stretches of at least this, ms (one jittery frame is not a jerk) */
  readonly speedWindowMs: number;
}

export const SUPERMAN_DEFAULTS: SupermanConfig = {
  counter: {
    // Lowest-limb lift, torso lengths above each joint's floor (arms and legs unweighted: a
    // person who lifts elbows and knees 0.08-0.12 each lifts them together, whatever the
    // fixtures' performers did). These are the floors of the person-relative thresholds
    // (clearance below): the article asks for small lifts, and the synthetic figure's
    // smallest clear lift is 0.05 torso (~2.5 cm). Fixture rests read 0.00 +-0.01 (side
    // clips, Lightning), so the fixtures run on these values; a noisier camera raises them.
    // Alternating lifts leave one limb at 0.00-0.05: they are told apart by balance, not height.
    // A rep clear of the noise is a full one (fullAt = startAbove): the article asks for small
    // lifts, and what else a full superman needs (all four limbs together, the knees and elbows
    // rather than the hands and feet) is judged apart, not by height.
    startAbove: 0.03,
    restBelow: 0.015,
    partialFrom: 0.03,
    fullAt: 0.03,
    // the fixture holds wobble 0.01-0.03 around their peak; a bigger lift read through jittery
    // keypoints wobbles more: within a quarter of the peak is still the hold (the synthetic
    // figure's 0.2-torso lifts under 3% keypoint noise)
    topBand: 0.035,
    topBandFraction: 0.25,
    // fixture reps take 2-3 s; superman_klarfit's quick lifts (labelled) 0.5-0.6 s from crossing
    // the start threshold back to rest; a left/right label swap flashes a limb up for 1-3
    // frames (0.07-0.2 s at 15 fps). Under 0.4 s is a twitch, not a lift and lower.
    minRepMs: 400,
    // a superman held longer than 30 s is not a rep any more (the person stayed up or left)
    maxRepMs: 30_000,
    maxGapMs: 1500,
    // between reps the limbs rest at least 0.8 s (superman_klarfit's quick lifts; the fitbod
    // clips 1-2 s); keypoint noise at the end of a small lift dips under restBelow and back for
    // a frame or three (0.2 s at 15 fps): no new rep within 0.3 s of the last keeps one rep one
    minRestMs: 300,
    // a 0.05-torso lift read through 1.7 px of keypoint noise (the synthetic far person) dips
    // under restBelow for a frame or two mid-hold; back at rest for 0.25 s (4 frames at 15 fps)
    // is the end of the rep
    restConfirmMs: 250,
  },
  clearance: {
    // rest noise is learned over the last few seconds lying still (start position, between reps)
    noiseHalfLifeMs: 3000,
    // 0.5 s at 15 fps before the learned level replaces the defaults
    minRestSamples: 8,
    // a rep starts, and is clear of the floor, 3 mean-absolute-deviations (~2.4 sigma) above
    // rest: a still person's smoothed lowest limb stays under 2 sigma 95% of the time, and a rep
    // also needs minRepMs of it. Never below the counter's values above.
    startNoiseFactor: 3,
    fullNoiseFactor: 3,
    // the caps are the fixed thresholds this checker used before it learned rest noise (fixture
    // full reps' lowest limb 0.10-0.21; exercises.md's synthetic figure: a real lift raises knee
    // and elbow >= 0.1 torso): a noisy or fidgety rest never asks for more than they did.
    // The synthetic getting-set wobble (hips +-5 deg) lifts the knees 0.09: with it as the rest,
    // the learned thresholds reach the caps
    maxStartAboveTorso: 0.06,
    maxFullAtTorso: 0.1,
    // The lowest limb over the pair at the top (npm run eval's superman clips, all four models):
    // full reps 0.67-0.96; the alternating clip's lifts that reach the count's threshold
    // 0.24-0.27 (Thunder, BlazePose Lite), the synthetic alternating figure seen 45 deg toward
    // the head 0.20-0.39: the raised arm and leg against the ones that stay down. 0.5 leaves
    // 0.11 above the highest one-sided lift and 0.17 below the lowest full rep. (BlazePose
    // Lite reads one front-oblique full rep of the 6-rep clip at 0.39: lost, within one.)
    minTogetherRatio: 0.5,
  },
  floor: {
    // MoveNet jitters 1-2 px (0.02-0.03 torso) frame to frame on the fixtures; 80 ms averages 2-3 frames
    smoothHalfLifeMs: 80,
    // a joint that settles lower (the first seconds, a camera nudge) becomes the floor within ~0.5 s
    downHalfLifeMs: 200,
    // slow enough that the 0.5-1 s rise of a lift moves the floor by under a tenth of the lift
    // before the rep starts (fixture lifts take 0.6-1.0 s), fast enough to re-learn the floor
    // within a few seconds after the camera view changes (6-rep clip, 11.3 s)
    upHalfLifeMs: 2000,
    restartAfterMs: 500,
  },
  limbs: {
    // fixture tops: knee 0.15-0.18 / ankle 0.33-0.41 (side), 0.15-0.23 / 0.30-0.47 (oblique)
    ankleToKnee: 0.5,
    // fixture tops: elbow 0.35-0.40 / wrist 0.46-0.51 (side), 0.43-0.64 / 0.70-1.00 (oblique)
    wristToElbow: 0.7,
    // fixture tops: elbows 0.33-0.45, knees 0.13-0.21 (side); 0.45-0.7 and 0.15-0.23 (oblique).
    // Only the lift's timing (the mean of the four limbs) uses it: counting takes arms and legs alike
    armToLeg: 0.4,
  },
  alternating: {
    // alternating clip: the lifted pair (arms and legs unweighted, lift.ts) averages 0.12-0.26 over
    // its lifts (all four models; it was 0.12-0.2 at its top with the old 0.4 arm weight); the
    // synthetic alternating figure 0.12 and more; rest reads 0.00-0.03
    pairOnTorso: 0.08,
    pairOffTorso: 0.04,
    // alternating clip: the lowest limb stays at 0.00-0.06 while the pair is up; summed over the
    // lift it is a tenth of the pair's, a full rep's lowest limb 0.7-1.0 of it
    maxTogetherFraction: 0.4,
    // alternating clip lifts last 1.0-2.0 s (the synthetic ones 2.5 s); a swap lasts 1-3 frames (0.2 s at 15 fps)
    minMs: 500,
  },
  // the 6-rep fixture clip's front-oblique start reads 0.72-0.94 (counted right); the synthetic figure
  // seen 60 deg toward the head 1.3 (counted right), 75 deg ~2.8 (torso foreshortened to a quarter:
  // miscounts, alternating lifts counted as full)
  maxSpreadTorso: 1.5,
  // fixture rest: wrists 0.74-0.92 torso ahead of the shoulders (side and oblique), elbows 0.36-0.5
  armsForwardMinTorso: 0.3,
  // fixture rest: 145-165 deg (feet on the toes bend the knee a little); 2D oblique knees dip to 130
  legsLongMinKneeDeg: 125,
  // fixture tops: near knees rise 0.15-0.23, near elbows 0.33-0.64; a knee on the floor stays under 0.03
  kneeElbowMinLiftTorso: 0.06,
  // the synthetic feet-only lift raises the ankle ~0.5 with the knee down; a fixture ankle reaches 0.3-0.47
  extremityLiftTorso: 0.2,
  // exercises.md: ~25 deg. Fixture tops raise the torso 6-14 deg above rest (all four models);
  // the synthetic figure 8-16 clean, 29-31 with its 32 deg over-arch
  maxArchDeg: 25,
  // fixture tops (midline): -31 to +1 deg (clips), +4.6 (up photo); the synthetic 40 deg neck
  // extension reads 34-40 (side to 45 deg oblique): 20 leaves ~15 deg either side
  maxHeadUpDeg: 20,
  // fixture tops (midline): nose 0.15-0.31 below the back line (clips), 0.04 below (up photo);
  // synthetic cranked head 0.09-0.12 above
  maxNoseAboveBackTorso: 0.03,
  // fixture lifts and lowerings read 0.29-0.63 s (0.29 just after the 6-rep clip's camera cut),
  // the synthetic 1 s phases 0.31-0.5 s and its "fast" 300 ms phases 0.17-0.24 s (15 fps, noisy)
  minLiftS: 0.25,
  // 3 frames at the app's 15 fps
  speedWindowMs: 200,
};

export function validateSupermanConfig(c: SupermanConfig): SupermanConfig {
  validateRepCounterConfig('superman counter', c.counter);
  const problems: string[] = [];
  const f = c.floor;
  if (!(f.smoothHalfLifeMs > 0 && f.downHalfLifeMs > 0 && f.upHalfLifeMs > 0 && f.restartAfterMs > 0)) problems.push('floor half-lives and restartAfterMs must be > 0');
  if (!(f.downHalfLifeMs < f.upHalfLifeMs)) problems.push(`floor.downHalfLifeMs (${f.downHalfLifeMs}) must be below floor.upHalfLifeMs (${f.upHalfLifeMs}): the floor must follow a sinking joint faster than a rising one`);
  const k = c.clearance;
  if (!(k.noiseHalfLifeMs > 0)) problems.push('clearance.noiseHalfLifeMs must be > 0');
  if (!(Number.isInteger(k.minRestSamples) && k.minRestSamples >= 2)) problems.push('clearance.minRestSamples must be a whole number >= 2');
  if (!(k.startNoiseFactor > 0 && k.fullNoiseFactor >= k.startNoiseFactor)) problems.push(`clearance: need 0 < startNoiseFactor (${k.startNoiseFactor}) <= fullNoiseFactor (${k.fullNoiseFactor})`);
  if (!(k.minTogetherRatio > 0 && k.minTogetherRatio < 1)) problems.push('clearance.minTogetherRatio must lie in (0, 1)');
  if (!(k.maxStartAboveTorso >= c.counter.startAbove && k.maxFullAtTorso >= c.counter.fullAt)) problems.push(`clearance caps (${k.maxStartAboveTorso}, ${k.maxFullAtTorso}) must be at least counter.startAbove and counter.fullAt`);
  const w = c.limbs;
  for (const [name, v] of [['ankleToKnee', w.ankleToKnee], ['wristToElbow', w.wristToElbow], ['armToLeg', w.armToLeg]] as const) {
    if (!(v > 0 && v <= 1)) problems.push(`limbs.${name} must lie in (0, 1], got ${v}`);
  }
  const a = c.alternating;
  if (!(a.pairOffTorso > 0 && a.pairOffTorso < a.pairOnTorso)) problems.push(`alternating.pairOffTorso (${a.pairOffTorso}) must lie between 0 and alternating.pairOnTorso (${a.pairOnTorso})`);
  if (!(a.maxTogetherFraction > 0 && a.maxTogetherFraction < 1)) problems.push('alternating.maxTogetherFraction must lie in (0, 1)');
  if (!(a.minMs >= 0)) problems.push('alternating.minMs must be >= 0');
  if (!(c.maxSpreadTorso > 0)) problems.push('maxSpreadTorso must be > 0');
  if (!(c.armsForwardMinTorso >= 0)) problems.push('armsForwardMinTorso must be >= 0');
  if (!(c.legsLongMinKneeDeg > 90 && c.legsLongMinKneeDeg < 180)) problems.push('legsLongMinKneeDeg must lie between 90 and 180');
  if (!(c.kneeElbowMinLiftTorso > 0 && c.kneeElbowMinLiftTorso < c.extremityLiftTorso)) problems.push(`kneeElbowMinLiftTorso (${c.kneeElbowMinLiftTorso}) must lie between 0 and extremityLiftTorso (${c.extremityLiftTorso})`);
  if (!(c.maxArchDeg > 0 && c.maxArchDeg < 90)) problems.push('maxArchDeg must lie between 0 and 90');
  if (!(c.maxHeadUpDeg > 0 && c.maxHeadUpDeg < 90)) problems.push('maxHeadUpDeg must lie between 0 and 90');
  if (!(c.maxNoseAboveBackTorso > -1 && c.maxNoseAboveBackTorso < 1)) problems.push('maxNoseAboveBackTorso must lie between -1 and 1 torso lengths');
  if (!(c.minLiftS > 0)) problems.push('minLiftS must be > 0');
  if (!(c.speedWindowMs > 0)) problems.push('speedWindowMs must be > 0');
  if (problems.length) throw new RangeError(`superman config: ${problems.join('; ')}`);
  return c;
}

/**
 * BlazePose places the ears and nose higher on the head than MoveNet: the
 * fixture tops read a head-up of -15 to 0 deg (MoveNet -33 to -7), and on the
 * up photo, whose face hides between the arms looking at the floor, Full
 * reads 22 deg and Lite 44 deg (MoveNet 5). A cranked-head cue on a head
 * that hangs correctly is worse than a missed one, so their thresholds sit
 * above those readings.
 */
const BLAZEPOSE_FULL: SupermanConfig = { ...SUPERMAN_DEFAULTS, maxHeadUpDeg: 35 };
const BLAZEPOSE_LITE: SupermanConfig = { ...SUPERMAN_DEFAULTS, maxHeadUpDeg: 50 };

/**
 * The defaults for the pose model that runs. Counting needs no override: the
 * lift thresholds count every fixture clip right with MoveNet Lightning and
 * Thunder and BlazePose Full and Lite (see real-footage.test.ts); only the
 * head measure differs by model (above).
 */
export function supermanConfigForModel(model: string | undefined): SupermanConfig {
  switch (model) {
    case 'blazepose-full':
      return BLAZEPOSE_FULL;
    case 'blazepose-lite':
      return BLAZEPOSE_LITE;
    default:
      return SUPERMAN_DEFAULTS;
  }
}
