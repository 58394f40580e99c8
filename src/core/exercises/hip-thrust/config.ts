/**
 * Hip thrust thresholds. Starting points from design/exercises.md (§4),
 * tuned on the keypoint tracks of the fixture clips and photos
 * (hip_thrust/*; numbers below say what was seen there, per model).
 * A physiotherapist may override any of them; validate() says what is wrong.
 *
 * Two counting modes, because the 2D hip angle is only the joint's angle in a
 * side view:
 *  - side view: the near side's signed hip angle (180 = hip on the
 *    knee-shoulder line, > 180 over-arched) against absolute thresholds;
 *  - oblique view (e.g. filmed from the feet, bridge_medball oblique
 *    segment, the bench clip): the angle is mostly projection (it reads
 *    125-150 deg at a full top, and the two sides differ by ~25 deg), so the
 *    count follows how far the mean of both sides' angles rises above its
 *    resting level, and no fault is judged (not even the pause: the top of
 *    that signal wanders +-5 deg).
 */
import type { HipThrustVariant } from '../ids.ts';
import type { OneEuroParams } from '../../signal/one-euro.ts';
import { validateRepCounterConfig, type RepCounterConfig } from '../../signal/rep-counter.ts';

export interface KneeRange {
  /** knee angle at the top below this: the feet are too close to the body */
  readonly closedBelowDeg: number;
  /** knee angle at the top above this: the feet are too far away */
  readonly openAboveDeg: number;
}

export interface HipThrustConfig {
  /** side view: the near side's signed hip angle (deg) drives the count; fullAt is the "hips up to the line" threshold */
  readonly sideCounter: RepCounterConfig;
  /** side view: the rest threshold stays at least this far above the set's resting hip angle (deg) ... */
  readonly sideRestMarginDeg: number;
  /** ... but no higher than this (deg) */
  readonly sideRestBelowMaxDeg: number;
  /** oblique view: rise (deg) of the mean signed hip angle of both sides above its resting level */
  readonly obliqueCounter: RepCounterConfig;
  /** left-right spread of shoulders/hips (torso lengths, BodyState.spreadTorso) above which the view counts as oblique */
  readonly obliqueSpreadAbove: number;
  /** half-life with which the resting level follows the hip angle up between reps, ms (down: four times faster) */
  readonly obliqueRestHalfLifeMs: number;
  /** an oblique rise that has not reached obliqueCounter.fullAt after this long (ms) is the hips settling, not a rep */
  readonly obliqueMaxRiseMs: number;
  /** coming down from an oblique rep, the angle steady within this band (deg) ... */
  readonly obliquePlateauBandDeg: number;
  /** ... for this long (ms) is the new resting level: the rep ends there */
  readonly obliqueRestPlateauMs: number;
  /**
   * oblique view, when the shoulder keypoint leaves the floor with the hips (hip-lift.ts): the
   * count follows the hips' lift above their resting height instead, in resting torso lengths
   */
  readonly obliqueLiftCounter: RepCounterConfig;
  /** the shoulder keypoint counts as following the hips when it rises at least this fraction of the hips' lift ... */
  readonly shoulderFollowsHipsRatio: number;
  /** ... for this long (ms) while the hips are clearly up (obliqueLiftCounter.startAbove) */
  readonly shoulderFollowsHipsMs: number;
  /** smoothing of the counting signal */
  readonly smoothing: OneEuroParams;
  /** smoothing of the hips' lift (torso lengths) */
  readonly liftSmoothing: OneEuroParams;
  /** "at the top": within this of the rep's smoothed peak (deg; the same in both views) */
  readonly pauseBandDeg: number;
  /** the top is found after the rep on the signal smoothed by a centred moving average this wide (ms) */
  readonly pauseSmoothMs: number;
  /** start position held still: the hip angle within this of its resting level (deg) */
  readonly startSteadyBandDeg: number;
  /** half-life of the resting level while setting up, ms */
  readonly startLevelHalfLifeMs: number;
  /** start position, hips down: the hip at least this far below the knee-shoulder line (torso lengths, negative) */
  readonly startHipBelowLineTorso: number;
  /** start position, knees bent: knee angle at most this (deg) where the ankle is seen */
  readonly startKneeMaxDeg: number;
  /** start position, supine with the knees up: the knee at least this far above the hip (torso lengths) */
  readonly startKneeAboveHipTorso: number;
  /** variant detection: the shoulder above the knee by more than this (torso lengths) = shoulders on a bench */
  readonly benchShoulderAboveKneeTorso: number;
  /** over-arching: the hip above the knee-shoulder line by more than this at the top (torso lengths) */
  readonly overArchAboveLineTorso: number;
  /** knee angle at the top, per variant */
  readonly kneeAtTop: Readonly<Record<HipThrustVariant, KneeRange>>;
  /** a rep that stays within counter.topBand of its peak for less than this (s) had no pause at the top */
  readonly minPauseS: number;
}

export const HIP_THRUST_DEFAULTS: HipThrustConfig = {
  sideCounter: {
    // Tuned for MoveNet Lightning (the live default). Side clips: bottoms 115-124 deg
    // (bridge_medball, PhysioPlus), tops 170-178. Rest below 140 / start above 146: 16+ deg
    // clear of the bottoms' jitter (+-3 deg), and the pelvic-tilt bottom photo (136-142)
    // stays at rest.
    startAbove: 146,
    restBelow: 140,
    // exercises.md: peak < ~165 = hips not up to the line. Lightning reads full extension
    // 6-8 deg short of Thunder/BlazePose: clean side tops peak at 171-178 on Lightning
    // (PhysioPlus 171-172, bridge_medball 174-178), while the partial-extension photo
    // (fedb_Pelvic_Tilt_Bridge_1_PARTIAL) reads 165-166. 168 sits between them.
    fullAt: 168,
    // a lift to 150-168 is a real but low rep: partial, "push the hips higher"
    partialFrom: 150,
    // within 4 deg of the peak counts as "at the top" (Lightning jitter at a held top: +-2 deg)
    topBand: 4,
    // the counter times a rep from passing startAbove to falling below restBelow: fixture reps
    // spend 1.3-2.1 s up there, a brisk rep (0.7 s up, 0.8 s down) ~0.7 s; under 0.4 s is a twitch
    minRepMs: 400,
    // the ball-squeeze clip holds each top 3-4 s: a rep is at most ~20 s
    maxRepMs: 20_000,
    maxGapMs: 1500,
  },
  // Feet placed far from the body open the resting hip angle: ~150 deg with the knee at 115
  // (synthetic), where the fixture clips rest at 115-124. The rest threshold then rides 8 deg
  // above the resting angle (Lightning jitter at rest +-3 deg, smoothed synthetic 3% noise
  // +-3 deg), with the start threshold 6 deg above it, up to 158 (start 164 < fullAt 168).
  sideRestMarginDeg: 8,
  sideRestBelowMaxDeg: 158,
  obliqueCounter: {
    // Rises of the mean hip angle above rest, Lightning: bridge_medball oblique segment
    // 40-50 deg, ball-squeeze (filmed from the feet) 29-42, bench clip 70-80; resting
    // jitter +-5 deg (the far side jitters most). A rep counts from 22 deg; lower
    // thresholds at 7/12 deg give hysteresis above the resting jitter.
    startAbove: 12,
    restBelow: 7,
    // an oblique view cannot tell a low rep from a full one (the top reads 125-150 deg
    // either way): every counted rep is full, and "hips higher" is not judged
    fullAt: 22,
    partialFrom: 22,
    // the oblique signal is noisier (+-5 deg): a wider band for "at the top"
    topBand: 8,
    minRepMs: 400,
    maxRepMs: 20_000,
    maxGapMs: 1500,
  },
  obliqueLiftCounter: {
    // The hips' lift above rest, resting torso lengths, both sides' mean: the hips leave the
    // floor for the knee-shoulder line. Fixture tops, all four models (hold or top vs the rest
    // before it): oblique clips 0.24-0.66 (bridge_medball oblique segment 0.35-0.66, the bench
    // clip 0.24-0.58, bridge_ballsqueeze 0.35-0.46 on MoveNet, 0.22-0.31 on BlazePose Full),
    // side clips 0.21-0.39 (glutebridge_lena 0.21-0.28, bridge_medball 0.31-0.39). Resting
    // jitter 0.01-0.03 torso (sd). A rep counts from 0.12: about half the smallest top seen
    // (margin 0.1 to BlazePose Full's first hold), four times the resting jitter; 0.05 / 0.08
    // give hysteresis above that jitter.
    startAbove: 0.08,
    restBelow: 0.05,
    // like the oblique angle: no view from the feet tells a low rep from a full one
    fullAt: 0.12,
    partialFrom: 0.12,
    // within 0.04 torso of the peak is the top (the lift's jitter at a held top: +-0.02), or a
    // quarter of the lift for a larger one: held 3-4 s, the hips sink 0.03-0.06 torso from their
    // first height (bridge_ballsqueeze on BlazePose Full: 0.27 -> 0.21-0.24), still the hold
    topBand: 0.04,
    topBandFraction: 0.25,
    minRepMs: 400,
    maxRepMs: 20_000,
    maxGapMs: 1500,
  },
  // The upper back stays on the floor (exercises.md §4). Shoulder rise over hip rise, held
  // 0.3 s with the hips up at least 0.08, at its highest per clip and model over every
  // oblique stretch of the fixture clips: 0.05-0.42 (highest BlazePose Lite on the bench clip
  // 0.42, MoveNet Lightning on bridge_ballsqueeze 0.35); BlazePose Full on bridge_ballsqueeze,
  // the chest read as the shoulder: 0.9-1.7 at the holds, up to 1.9. 0.6 sits between them
  // (0.18 above the highest honest reading, 0.3 below the chest).
  shoulderFollowsHipsRatio: 0.6,
  // a few frames in a row (0.3 s = 4-5 at 15 fps), not one glitch: BlazePose Full's shoulder
  // rises with the hips through every hold of bridge_ballsqueeze (3-4 s)
  shoulderFollowsHipsMs: 300,
  // engine (view.ts) calls a view "side" below 0.25; fixture side segments spread 0.12-0.24,
  // the partial-extension photo 0.27, oblique segments 0.42-0.64 (ball-squeeze 0.75-1.0).
  // Up to 0.30 the 2D angles still agree with the side view's (bridge_medball: the view
  // change passes 0.25-0.35 while the angles stay within 3 deg).
  obliqueSpreadAbove: 0.3,
  // between reps the level creeps up over ~1 s (hips settling), and follows a lower rest within ~0.25 s
  obliqueRestHalfLifeMs: 1000,
  // fixture reps rise past fullAt 0.5-2.1 s after leaving rest (ball-squeeze's slow first rep
  // 2.1 s); settling after lying down rises 15-25 deg and stays (ball-squeeze 3.5-6 s)
  obliqueMaxRiseMs: 3000,
  // resting jitter of the oblique mean angle is +-5 deg around its level (4 deg from a running reference);
  // a rest between fixture reps lasts 1.5-4 s, a descent 0.7-1.5 s
  obliquePlateauBandDeg: 4,
  obliqueRestPlateauMs: 1200,
  // One Euro (signal/one-euro.ts) on the hip angle: 1 Hz at rest halves Lightning's +-2 deg
  // jitter (and the synthetic 3%-of-torso noise, ~3.5 deg on the angle); a rep moves the angle
  // at 60-120 deg/s, which opens the cutoff to 2-3.5 Hz, so peaks lag by < 0.1 s.
  smoothing: { minCutoffHz: 1, beta: 0.02, derivativeCutoffHz: 1 },
  // the same filter on the lift: a rep moves it 0.3-0.6 torso/s where the angle moves 60-120
  // deg/s, so beta is 200 times larger for the same opening of the cutoff (2-3.5 Hz in a rep)
  liftSmoothing: { minCutoffHz: 1, beta: 4, derivativeCutoffHz: 1 },
  // within 5 deg of the smoothed peak = at the top. A 0.4 s centred average (6 frames at 15 fps)
  // cuts jitter by ~2.5x (synthetic 3%-of-torso noise: +-5 deg -> +-2 deg) and, being centred,
  // neither delays nor narrows a turn: a smooth turn without a pause still spends ~0.4 s
  // within 5 deg of its peak (cosine, 60 deg in 1 s), a 1 s hold ~1.4 s.
  pauseBandDeg: 5,
  pauseSmoothMs: 400,
  // the start position is held still: Lightning's resting jitter of the two sides' mean is
  // +-5 deg in the oblique clips; lying down or shifting moves it 15-35 deg (ball-squeeze 0-5 s)
  startSteadyBandDeg: 8,
  // follows the start position within ~0.3 s, so a shift settles before the hold can begin
  startLevelHalfLifeMs: 300,
  // hips down at the start: fixture bottoms -0.41 to -0.85 torso below the line (side
  // -0.41..-0.52, from the feet -0.64..-0.85, bench -0.47..-0.64); clean tops -0.12..+0.15.
  // Feet far from the body lower the knee and bring the line nearer: -0.23 at rest (synthetic).
  startHipBelowLineTorso: -0.2,
  // knees bent: fixture start knee angles 20-100 deg (oblique views fold them further); feet far
  // from the body open it to 115-125 (synthetic, +-10 deg noise at 3% of torso). Legs long: 165-180.
  startKneeMaxDeg: 150,
  // supine with the knees up: floor starts put the knee 0.6-1.2 torso above the hip, the bench
  // clip's bottom (filmed front-oblique) 0.18-0.29; lying prone or with the legs long ~0
  startKneeAboveHipTorso: 0.1,
  // shoulder height relative to the knee at the start: floor -0.58..-1.2 torso (shoulder far
  // below the knee), bench +0.15..+0.8 (Barbell_Hip_Thrust bottom photo, the bench clip).
  benchShoulderAboveKneeTorso: -0.2,
  // exercises.md: "hip clearly above the line". Clean side tops on Lightning: -0.02..+0.03
  // (bridge_medball, the glute-bridge and single-leg top photos). 0.08 torso is ~10 deg past
  // straight for a thigh of 0.8-0.9 torso.
  overArchAboveLineTorso: 0.08,
  kneeAtTop: {
    // exercises.md: ~90 deg. A glute bridge keeps the heels nearer: clean floor clips read
    // 48-56 (PhysioPlus) and 65-76 (bridge_medball) on Lightning, so "too close" starts
    // below 45; "too far" above 115 (no clean top reads above 100).
    floor: { closedBelowDeg: 45, openAboveDeg: 115 },
    // bench: the shins about vertical; the bench photo's top reads 61-77, the bench clip 85-100
    bench: { closedBelowDeg: 55, openAboveDeg: 115 },
  },
  // exercises.md: pause at the top. On the clean fixture clips a top lasts 0.47-0.7 s within
  // 5 deg of the smoothed peak (bridge_medball's brief pauses, Lightning and Thunder side views),
  // PhysioPlus and ball-squeeze hold 1-4 s. A smooth turn without a pause spends 0.1-0.4 s there
  // at a brisk tempo (synthetic, 0.6-0.8 s up and down) and ~0.4 s at a slow one (1 s up, 1.2 s
  // down), as long as bridge_medball's short pauses: the slow smooth turn cannot be told apart
  // from a brief pause, so only the clearly shorter tops are called "no pause".
  minPauseS: 0.4,
};

/** Pose models with known biases; anything else gets the defaults. */
export const HIP_THRUST_MODELS = ['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite'] as const;

/**
 * How far each model reads a full hip extension beyond Lightning (deg), and the
 * hip's height above the line with it (torso lengths). On the bridge_medball
 * side tops Thunder reads 180-187 deg and BlazePose full 181-187 (Lightning
 * 174-178), the hip up to +0.05 above the line (Lightning +0.01); BlazePose
 * lite reads them like Lightning (170-176 deg, -0.03 to -0.09).
 *
 * The full-extension angle is not moved (hipDeg 0 for every model): a 6 deg
 * lift fitted to bridge_medball's performer did not hold for the next person
 * (glutebridge_lena: Thunder reads her clean tops at 169-171, no higher than
 * Lightning), and the article's "hips up to the line" threshold (fullAt 168,
 * above the partial photo's 165-166) stands for every model. Only the
 * over-arch height, a limit past the line, keeps the models' higher reading.
 */
const MODEL_EXTENSION_BIAS: Readonly<Record<(typeof HIP_THRUST_MODELS)[number], { readonly hipDeg: number; readonly lineTorso: number }>> = {
  'movenet-lightning': { hipDeg: 0, lineTorso: 0 },
  'movenet-thunder': { hipDeg: 0, lineTorso: 0.03 },
  'blazepose-full': { hipDeg: 0, lineTorso: 0.03 },
  'blazepose-lite': { hipDeg: 0, lineTorso: 0 },
};

/** The defaults (or `base`) adjusted to the pose model that produced the frames. */
export function hipThrustConfigFor(model: string | undefined, base: HipThrustConfig = HIP_THRUST_DEFAULTS): HipThrustConfig {
  const bias = model !== undefined && model in MODEL_EXTENSION_BIAS ? MODEL_EXTENSION_BIAS[model as keyof typeof MODEL_EXTENSION_BIAS] : MODEL_EXTENSION_BIAS['movenet-lightning'];
  if (bias.hipDeg === 0 && bias.lineTorso === 0) return base;
  const c = base.sideCounter;
  return validateHipThrustConfig({
    ...base,
    // only the top moves: the bottoms read alike on all models
    sideCounter: { ...c, fullAt: c.fullAt + bias.hipDeg },
    overArchAboveLineTorso: base.overArchAboveLineTorso + bias.lineTorso,
  });
}

export function validateHipThrustConfig(c: HipThrustConfig): HipThrustConfig {
  validateRepCounterConfig('hip-thrust sideCounter', c.sideCounter);
  validateRepCounterConfig('hip-thrust obliqueCounter', c.obliqueCounter);
  const problems: string[] = [];
  if (!(c.sideCounter.fullAt > 90 && c.sideCounter.fullAt <= 180)) problems.push(`sideCounter.fullAt (${c.sideCounter.fullAt}) must lie in 90..180 deg: it is the "hips up to the line" angle`);
  if (!(c.sideCounter.restBelow > 90)) problems.push(`sideCounter.restBelow (${c.sideCounter.restBelow}) must be above 90 deg: a bridge's bottom hip angle is 100-130`);
  if (!(c.sideRestMarginDeg >= 0)) problems.push(`sideRestMarginDeg must be >= 0`);
  if (!(c.sideRestBelowMaxDeg >= c.sideCounter.restBelow && c.sideRestBelowMaxDeg + (c.sideCounter.startAbove - c.sideCounter.restBelow) <= c.sideCounter.fullAt)) {
    problems.push(`sideRestBelowMaxDeg (${c.sideRestBelowMaxDeg}) must lie between sideCounter.restBelow and fullAt minus the start-rest gap: a lifted start threshold must stay below fullAt`);
  }
  if (!(c.obliqueCounter.restBelow >= 0)) problems.push(`obliqueCounter.restBelow (${c.obliqueCounter.restBelow}) must be >= 0: it is a rise above the resting level`);
  validateRepCounterConfig('hip-thrust obliqueLiftCounter', c.obliqueLiftCounter);
  if (!(c.obliqueLiftCounter.restBelow >= 0)) problems.push(`obliqueLiftCounter.restBelow (${c.obliqueLiftCounter.restBelow}) must be >= 0: it is a lift above the resting height`);
  if (!(c.shoulderFollowsHipsRatio > 0 && c.shoulderFollowsHipsRatio <= 1)) problems.push(`shoulderFollowsHipsRatio (${c.shoulderFollowsHipsRatio}) must lie in (0, 1]: a fraction of the hips' lift`);
  if (!(c.shoulderFollowsHipsMs >= 0)) problems.push(`shoulderFollowsHipsMs must be >= 0`);
  if (!(c.obliqueSpreadAbove > 0 && c.obliqueSpreadAbove < 1)) problems.push(`obliqueSpreadAbove (${c.obliqueSpreadAbove}) must lie between 0 and 1 torso lengths`);
  if (!(c.obliqueRestHalfLifeMs > 0)) problems.push(`obliqueRestHalfLifeMs must be > 0`);
  if (!(c.obliquePlateauBandDeg > 0)) problems.push(`obliquePlateauBandDeg must be > 0`);
  if (!(c.obliqueRestPlateauMs > 0)) problems.push(`obliqueRestPlateauMs must be > 0`);
  if (!(c.obliqueMaxRiseMs > 0 && c.obliqueMaxRiseMs < c.obliqueCounter.maxRepMs)) problems.push(`obliqueMaxRiseMs (${c.obliqueMaxRiseMs}) must lie between 0 and obliqueCounter.maxRepMs`);
  for (const [name, p] of [['smoothing', c.smoothing], ['liftSmoothing', c.liftSmoothing]] as const) {
    if (!(p.minCutoffHz > 0 && p.derivativeCutoffHz > 0 && p.beta >= 0)) problems.push(`${name}: cutoffs must be > 0 Hz and beta >= 0`);
  }
  if (!(c.pauseBandDeg > 0)) problems.push(`pauseBandDeg must be > 0`);
  if (!(c.pauseSmoothMs >= 0)) problems.push(`pauseSmoothMs must be >= 0`);
  if (!(c.startSteadyBandDeg > 0)) problems.push(`startSteadyBandDeg must be > 0`);
  if (!(c.startLevelHalfLifeMs > 0)) problems.push(`startLevelHalfLifeMs must be > 0`);
  if (!(c.startHipBelowLineTorso < 0)) problems.push(`startHipBelowLineTorso (${c.startHipBelowLineTorso}) must be negative: the hips are below the knee-shoulder line at the start`);
  if (!(c.startKneeMaxDeg > 0 && c.startKneeMaxDeg < 180)) problems.push(`startKneeMaxDeg (${c.startKneeMaxDeg}) must lie between 0 and 180: the knees are bent`);
  if (!(c.startKneeAboveHipTorso >= 0)) problems.push(`startKneeAboveHipTorso (${c.startKneeAboveHipTorso}) must be >= 0: the knees point up`);
  if (!Number.isFinite(c.benchShoulderAboveKneeTorso)) problems.push(`benchShoulderAboveKneeTorso must be a number`);
  if (!(c.overArchAboveLineTorso > 0)) problems.push(`overArchAboveLineTorso (${c.overArchAboveLineTorso}) must be > 0: on the line is the goal`);
  for (const variant of ['floor', 'bench'] as const) {
    const k = c.kneeAtTop[variant];
    if (!(k.closedBelowDeg > 0 && k.closedBelowDeg < 90 && k.openAboveDeg > 90 && k.openAboveDeg < 180)) {
      problems.push(`kneeAtTop.${variant} must keep 90 deg inside it: closedBelowDeg in 0..90, openAboveDeg in 90..180 (got ${k.closedBelowDeg}..${k.openAboveDeg})`);
    }
  }
  if (!(c.minPauseS >= 0)) problems.push(`minPauseS must be >= 0`);
  if (problems.length) throw new RangeError(`hip-thrust config: ${problems.join('; ')}`);
  return c;
}
