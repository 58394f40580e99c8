/**
 * Good morning thresholds. Starting points from design/exercises.md (§3),
 * tuned on the MoveNet Lightning tracks of the fixture clips
 * (good_morning/gm_fitbod_pvc_*; numbers below say what was seen there).
 * A physiotherapist may override any of them; validate() says what is wrong.
 */
import { validateRepCounterConfig, type RepCounterConfig } from '../../signal/rep-counter.ts';

export interface GoodMorningConfig {
  /** forward torso inclination (deg from vertical) drives the count */
  readonly counter: RepCounterConfig;
  /** standing tall: forward inclination at most this, knees nearly straight */
  readonly standTallMaxDeg: number;
  readonly standingKneeMinDeg: number;
  /** knee angle at the bottom below this = squatting instead of hinging */
  readonly squatKneeBelowDeg: number;
  /** head line (ear-shoulder-hip) at the bottom below this = the back rounds */
  readonly roundedBackBelowDeg: number;
  /** torso inclination past this at the bottom = the back rounds (see the default's comment) */
  readonly roundedBackInclinationDeg: number;
  /** leaning back at the top: torso behind vertical by more than this */
  readonly leanBackDeg: number;
  /** a whole rep (down + up) faster than this is too fast */
  readonly minRepSeconds: number;
  /** reading the hinge from the front (checker.frontHingeDeg) */
  readonly front: FrontHingeConfig;
}

/** How the standing torso-to-thigh ratio is learned for the front view. */
export interface FrontHingeConfig {
  /** a ratio above this fraction of the standing one still teaches it (standing sway); lower is a hinge */
  readonly learnAboveFraction: number;
  /** the standing ratio follows a taller reading with this half-life, ms ... */
  readonly upHalfLifeMs: number;
  /** ... and a shorter one with this, ms */
  readonly downHalfLifeMs: number;
}

export const GOOD_MORNING_DEFAULTS: GoodMorningConfig = {
  counter: {
    // exercises.md: from < ~20 deg past ~45 deg and back. Fixture clips: standing 1-8 deg,
    // bottoms 52-68 deg (side) and 50-63 deg (front-oblique, foreshortened).
    startAbove: 22,
    restBelow: 15,
    fullAt: 45,
    // a hinge to 30-45 deg is a real but shallow rep: reported as partial ("hinge further")
    partialFrom: 30,
    // within 4 deg of the deepest point counts as "at the bottom"
    topBand: 4,
    // fixture reps take 3.5-4.5 s; anything under 0.6 s is sway, not a rep
    minRepMs: 600,
    maxRepMs: 20_000,
    maxGapMs: 1500,
  },
  // exercises.md: "standing tall" < ~20 deg; fixture standing frames 1-8 deg
  standTallMaxDeg: 15,
  // fixture standing knee angle 170-180 (soft knees ~165)
  standingKneeMinDeg: 155,
  // exercises.md: < ~135 = squat; fixture bottoms keep the knee at 150-160 deg
  squatKneeBelowDeg: 135,
  // fixture bottoms (clean): head line 150-179 deg; a head folding toward the chest drops below 140
  roundedBackBelowDeg: 140,
  // 2D keypoints have no points along the spine, so a rounded upper back does not show in
  // the head line when the head follows the back (labels.json's rounded-back photo: head line
  // 179 deg, like the clean bottoms). What does show is the depth that a neutral spine does
  // not reach: the rounded photo's torso hangs at 90 deg, the clean fixture bottoms reach
  // 52-69 deg (clips) and 55-74 deg (photos). But gm_12pt_bodyweight_side, a clean bodyweight
  // hinge, goes to 87-94 deg with a long back: depth alone does not show rounding. A neutral
  // spine reaches about horizontal with flexible hamstrings; past 100 deg (10 beyond the
  // deepest clean hinge seen, 6 beyond gm_12pt's) the shoulders hang below the hips, which a
  // long back does not do. The rounded photo (90 deg) is then a known miss of 2D keypoints.
  roundedBackInclinationDeg: 100,
  // standing straight wobbles +-5 deg on MoveNet; 10 deg behind vertical is a clear lean back
  leanBackDeg: 10,
  // the article asks for slow, controlled reps; fixture reps take ~4 s; under 1.5 s is a drop and bounce
  minRepSeconds: 1.5,
  front: {
    // gm_12pt_bodyweight_front: standing reads 1.05-1.16 (torso/thigh, Lightning), sway +-0.05;
    // the bottoms 0.37-0.42 (an estimated 68-70 deg). 0.9 keeps the start of a hinge (0.94 at
    // 5.07 s) from teaching the standing level much, and the sway inside it
    learnAboveFraction: 0.9,
    // the level settles on a new standing reading within ~1 s (stepping nearer, turning)
    upHalfLifeMs: 500,
    downHalfLifeMs: 1000,
  },
};

export function validateGoodMorningConfig(c: GoodMorningConfig): GoodMorningConfig {
  validateRepCounterConfig('good-morning counter', c.counter);
  const problems: string[] = [];
  if (!(c.standTallMaxDeg < c.counter.startAbove)) problems.push(`standTallMaxDeg (${c.standTallMaxDeg}) must be below counter.startAbove (${c.counter.startAbove})`);
  if (!(c.squatKneeBelowDeg > 60 && c.squatKneeBelowDeg < c.standingKneeMinDeg)) problems.push(`squatKneeBelowDeg must lie between 60 and standingKneeMinDeg`);
  if (!(c.roundedBackBelowDeg > 90 && c.roundedBackBelowDeg < 180)) problems.push(`roundedBackBelowDeg must lie between 90 and 180`);
  if (!(c.roundedBackInclinationDeg > c.counter.fullAt && c.roundedBackInclinationDeg <= 180)) problems.push(`roundedBackInclinationDeg (${c.roundedBackInclinationDeg}) must lie between counter.fullAt (${c.counter.fullAt}) and 180`);
  if (!(c.leanBackDeg > 0)) problems.push(`leanBackDeg must be > 0`);
  if (!(c.minRepSeconds > 0)) problems.push(`minRepSeconds must be > 0`);
  if (!(c.front.learnAboveFraction > 0 && c.front.learnAboveFraction < 1)) problems.push(`front.learnAboveFraction must lie in (0, 1)`);
  if (!(c.front.upHalfLifeMs > 0 && c.front.downHalfLifeMs > 0)) problems.push(`front half-lives must be > 0`);
  if (problems.length) throw new RangeError(`good-morning config: ${problems.join('; ')}`);
  return c;
}
