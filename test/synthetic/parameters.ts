/**
 * Every number the synthetic motions use, in one place. Angles in degrees,
 * lengths in torso lengths (shoulder-hip = 1), times in ms. Joint-angle
 * conventions are body-model.ts's (180 = straight, hip > 180 = extension).
 *
 * The thresholds the motions must land on the right side of come from
 * /work/shared/design/exercises.md (DESIGN_THRESHOLDS); the faults are made
 * well past them so a checker tuned anywhere near them sees them.
 */

/** The checker thresholds of exercises.md that the ground truth is judged by. */
export const DESIGN_THRESHOLDS = {
  /** good morning: a rep starts from torso inclination below this ... */
  goodMorningRestMaxDeg: 20,
  /** ... and passes this depth */
  goodMorningDepthDeg: 45,
  /** squatting instead of hinging: knee angle below this at the bottom */
  goodMorningSquatKneeDeg: 135,
  /** leaning back at the top: torso tilted back beyond this */
  goodMorningLeanBackDeg: 10,
  /** hip thrust: the top threshold of the hip angle (and below it: hips too low) */
  hipThrustTopDeg: 165,
  /** upward dog: a rep is the torso elevation rising above this and back */
  upwardDogElevationDeg: 20,
  /** upward dog: wrist ahead of or behind the shoulder beyond this is "hands not under the shoulders" */
  upwardDogHandOffsetTorso: 0.25,
  /** upward dog: legs not long below this knee angle */
  upwardDogKneeDeg: 155,
  /** superman: torso elevation beyond this is too big an arch */
  supermanArchDeg: 25,
} as const;

/**
 * Heights of joint keypoints above the floor when that part rests on it:
 * about half the body's thickness there (chest depth about 0.4 torso), and
 * Winter's ankle height (about 0.04 of stature, 0.14 torso) for a flat foot.
 */
export const FLOOR_CLEARANCE_TORSO = {
  shoulderLying: 0.2,
  hipLying: 0.2,
  /** standing, or feet flat in a hip thrust */
  ankleFootFlat: 0.14,
  /** lying prone on the tops of the feet */
  ankleProne: 0.1,
  /** up on the toes (plank) */
  ankleOnToes: 0.2,
  kneeOnFloor: 0.12,
  /** palm flat on the floor, or the back of the hand */
  wristOnFloor: 0.1,
} as const;

/** A neutral upright stance. */
export const STANDING = {
  /** knees almost straight */
  kneeDeg: 175,
  /** the ear a little ahead of the shoulder, as on real people: head line 175 */
  neckDeg: 5,
  /** arms hanging, a little forward, elbows soft */
  shoulderDeg: 5,
  elbowDeg: 165,
} as const;

/** Timing of a rep: start -> peak ("down"), hold, back ("up"), rest. */
export interface RepTiming {
  readonly startDelayMs: number;
  readonly downMs: number;
  readonly holdMs: number;
  readonly upMs: number;
  readonly restMs: number;
}

export const GOOD_MORNING = {
  /** peak torso inclination (exercises.md: depth past ~45) */
  depthDeg: 70,
  /** knee flexion (180 - knee angle) at the bottom: "soft knees" */
  kneeBendDeg: 15,
  /** knee flexion standing tall between reps */
  standingKneeBendDeg: 5,
  /** the shank stays about vertical in a hinge: the hips go back, not the knees forward */
  shankForwardDeg: 0,
  neutralNeckDeg: STANDING.neckDeg,
  /** a pole across the upper back: upper arms down and back, hands by the shoulders */
  poleShoulderDeg: -30,
  poleElbowDeg: 35,
  timing: { startDelayMs: 1500, downMs: 1500, holdMs: 300, upMs: 1500, restMs: 1200 } satisfies RepTiming,
  faults: {
    /** squat: knee angle at the bottom, well below the ~135 of exercises.md */
    squatKneeDeg: 110,
    /** squat: the knees travel forward over the toes */
    squatShankForwardDeg: 30,
    /** rounded back: the head folds forward off the back line by this much (head line 180 - this) */
    roundedNeckDeg: 45,
    /** shallow: peak inclination, short of the 45 depth threshold */
    shallowDepthDeg: 32,
    /** lean back: torso tilted this far back at the top (beyond the 10 of exercises.md) */
    leanBackDeg: 16,
    /** fast: down and up phases this short */
    fastPhaseMs: 400,
  },
} as const;

export const HIP_THRUST = {
  /** peak hip angle: on the knee-shoulder line */
  peakHipDeg: 180,
  /** knee angle at the top: shins about vertical */
  kneeAtTopDeg: 90,
  /** shoulder keypoint height: on the floor, or on a bench (~0.9 torso, about knee height) */
  shoulderHeightTorso: { floor: FLOOR_CLEARANCE_TORSO.shoulderLying, bench: 0.9 },
  /** hip height at the bottom: resting on the floor, or sunk toward it off a bench */
  bottomHipHeightTorso: { floor: FLOOR_CLEARANCE_TORSO.hipLying, bench: 0.35 },
  /** floor: the head rests on the floor, so the neck stays level (absolute direction: toward the head) */
  floorNeckDirectionDeg: -90,
  /** bench: the chin tucks as the hips rise (neck flexion at the top) */
  benchTopNeckDeg: 15,
  /** arms (absolute directions): on the floor along the body toward the feet ... */
  floorUpperArmDeg: 97,
  floorForearmDeg: 90,
  /** ... or elbows back on the bench, forearms hanging down its side */
  benchUpperArmDeg: -100,
  benchForearmDeg: -160,
  timing: { startDelayMs: 1500, downMs: 1000, holdMs: 1000, upMs: 1200, restMs: 800 } satisfies RepTiming,
  faults: {
    /** low hips: peak hip angle, below the 165 top threshold */
    lowHipsPeakDeg: 152,
    /** over-arch: hip extended past the knee-shoulder line */
    overArchPeakDeg: 197,
    /** knee angle at the top with the feet too far / too close */
    kneeTooOpenDeg: 125,
    kneeTooClosedDeg: 62,
  },
} as const;

export const SUPERMAN = {
  /** torso elevation at the top, and the extra leg lift by hip extension */
  liftDeg: 15,
  /** the arms rise this much more than the chest (absolute arm elevation = torso elevation + this) */
  armAboveTorsoDeg: 5,
  /** legs long, arms long: "a slight bend is fine" */
  kneeDeg: 175,
  elbowDeg: 170,
  /** looking at the floor, long neck */
  neutralNeckDeg: 0,
  /** alternating: the chest rises this fraction of liftDeg */
  alternatingTorsoFraction: 0.4,
  /**
   * knee and elbow must rise at least this much (torso lengths) for a real superman lift: the
   * article asks for small lifts, and 0.05 (about 2.5 cm on a 50 cm torso) clearly leaves the
   * floor; issue 8 asks for exact counts down to it
   */
  fullLiftMinTorso: 0.05,
  timing: { startDelayMs: 1500, downMs: 1000, holdMs: 1500, upMs: 1000, restMs: 1200 } satisfies RepTiming,
  faults: {
    /** over-arch: torso elevation, beyond the ~25 of exercises.md */
    overArchLiftDeg: 32,
    /** feet only: the chest barely rises ... */
    feetOnlyTorsoDeg: 2,
    /** ... the feet rise by bending the knees (thighs stay down) ... */
    feetOnlyKneeDeg: 130,
    /** ... and the hands by bending the elbows (elbows stay down) */
    feetOnlyElbowDeg: 120,
    /** head cranked up: neck extension */
    headCrankedNeckDeg: -40,
    fastPhaseMs: 300,
  },
} as const;

export const UPWARD_DOG = {
  /** torso elevation at the top (exercises.md: a rep passes ~20) */
  peakElevationDeg: 35,
  /** arms nearly straight at the top */
  elbowTopDeg: 172,
  /** legs long */
  kneeDeg: 178,
  /** gaze forward, a little up: a slight neck extension */
  neutralNeckDeg: -10,
  /** from a plank: the shoulder height of the low push-up the press starts from */
  lowPushUpShoulderHeightTorso: 0.45,
  /** from a plank: the plank is held for this fraction of startDelayMs, then lowered */
  plankHoldFraction: 0.5,
  timing: { startDelayMs: 2000, downMs: 1500, holdMs: 2000, upMs: 1500, restMs: 1500 } satisfies RepTiming,
  faults: {
    /** hands forward: wrist ahead of the shoulder at the top (beyond the 0.25 of exercises.md) */
    handsForwardOffsetTorso: 0.4,
    /** knees bent: knee angle at the top, below the ~155 of exercises.md */
    kneesBentDeg: 145,
    /** depth jump: this much more elevation than the set's peak */
    depthJumpExtraDeg: 20,
    /** shoulders shrugged: the ear-shoulder distance shrinks by this (of 0.35) */
    shrugTorso: 0.13,
    /** head thrown back: neck extension */
    headBackNeckDeg: -50,
  },
} as const;

/** Idle segments: walking in, lying down, getting set. */
export const IDLE = {
  /** one full gait cycle (two steps) */
  walkCycleMs: 1100,
  /** thigh swing, +- from straight */
  walkHipSwingDeg: 20,
  /** extra knee flexion of the swinging leg */
  walkKneeSwingDeg: 45,
  /** arm swing, +- */
  walkArmSwingDeg: 18,
  /** the hips dip this much at each step */
  walkBobTorso: 0.03,
  /** kneeling upright: hips above the knees on the floor */
  kneelHipHeightTorso: FLOOR_CLEARANCE_TORSO.kneeOnFloor + 0.8,
  /** getting set: root shifts and angle wobble amplitudes */
  getSetShiftTorso: 0.06,
  getSetAngleDeg: 5,
  /** getting set: the slowest and fastest wobble periods */
  getSetPeriodMs: [900, 2600],
} as const;
