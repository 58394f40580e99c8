/**
 * Upward facing dog thresholds. Starting points from design/exercises.md (§1),
 * tuned on the MoveNet Lightning tracks of the fixture clips and photos
 * (upward_dog/updog_fitbod_* clips, updog_wikimedia_PaxAhimsaGethen_side.jpg,
 * near_miss_cobra/cobra_pixahive_165228_side.jpg); the comments say what was
 * seen there. A physiotherapist may override any of them; validate() says
 * what is wrong.
 */
import type { OneEuroParams } from '../../signal/one-euro.ts';
import { validateRepCounterConfig, type RepCounterConfig } from '../../signal/rep-counter.ts';

export interface UpwardDogConfig {
  /** torso elevation (hip -> shoulder above the horizontal, deg) drives the count */
  readonly counter: RepCounterConfig;
  /** smooths the torso elevation before it is counted: keypoint jitter would inflate the peak and break up the hold */
  readonly elevationFilter: OneEuroParams;
  /**
   * spread of shoulders and hips (torso lengths, BodyState.spreadTorso) beyond which the torso
   * points too far into the camera to read its elevation: nothing is measured there
   */
  readonly maxSpreadTorso: number;
  /** start position (prone, plank or low push-up): torso elevation within [min, max] deg */
  readonly startMinElevationDeg: number;
  readonly startMaxElevationDeg: number;
  /** start position: knees at least this open (not kneeling, not a child's pose) */
  readonly startMinKneeDeg: number;
  /**
   * a full up dog raises the torso elevation at least this far above where this person's
   * press began (the lowest elevation of the rest before it), deg: a press into a back bend,
   * not a shift within the start position
   */
  readonly minPressRiseDeg: number;
  /** a full up-dog top keeps the torso below this: near vertical means the hips stayed on the mat (a cobra) */
  readonly topMaxElevationDeg: number;
  /** a full up-dog top lifts the hips at least this far (torso lengths) above the wrist-ankle line */
  readonly topMinHipLiftTorso: number;
  /** a full up-dog top presses the arms (nearly) straight: elbow angle at least this */
  readonly topMinElbowDeg: number;
  /** a rep's top is the moment it first came within this of its highest value (deg): a hold's highest frame can be anywhere on it */
  readonly topArrivalBandDeg: number;
  /** the top counts as settled once the running peak has not risen by `settleRiseDeg` for `settleMs` */
  readonly settleRiseDeg: number;
  readonly settleMs: number;
  /** live cues need this much settled top first (ms), so one odd frame never cues */
  readonly liveFaultAfterMs: number;
  /** ... and the hold's running median must show the fault this long (ms); the end of the rep judges the whole hold at once */
  readonly liveFaultPersistMs: number;
  /** wrist ahead of the shoulder (toward the head) by more than this (torso lengths) = hands not under the shoulders */
  readonly handsAheadMaxTorso: number;
  /** wrist behind the shoulder (toward the feet) by more than this (torso lengths) = hands not under the shoulders */
  readonly handsBehindMaxTorso: number;
  /** knee angle at the top below this = knees bent */
  readonly minKneeDeg: number;
  /** ... less this much when the top was seen in an oblique view, where the 2D knee angle is foreshortened */
  readonly obliqueKneeAllowanceDeg: number;
  /** early in a set, a rep's peak elevation more than this above every earlier rep's = not building up gradually */
  readonly buildUpJumpDeg: number;
  /** "early in a set": the build-up check runs on full reps 2..this */
  readonly buildUpReps: number;
  /** ear-shoulder distance at the top divided by its value in the start position below this = shoulders sunk toward the ears */
  readonly minEarShoulderRatio: number;
  /** signed head line (ear-shoulder-hip, > 180 = head tilted back) at the top above this = head thrown back */
  readonly maxHeadLineDeg: number;
}

export const UPWARD_DOG_DEFAULTS: UpwardDogConfig = {
  counter: {
    // exercises.md: ~20 deg. But both fixture clips start from a plank, which already reads
    // 14-22 deg (Lightning); the tops read 52-56 (side) and 68-69 (front-oblique). A rep starts
    // above the plank, at 27, and ends back below 23.
    startAbove: 27,
    restBelow: 23,
    partialFrom: 27,
    // a press to 30 deg with straight arms and the hips up is a (small) up dog; the synthetic
    // figure (test/synthetic/parameters.ts UPWARD_DOG.peakElevationDeg) tops out at 35
    fullAt: 30,
    // the fixture holds sink 3-5 deg over 4 s; within 8 deg of the peak is still "the hold"
    topBand: 8,
    // fixture reps take 4-6 s; an excursion under 0.8 s is a wobble, not a press and hold
    minRepMs: 800,
    // holds of 30 s are common in yoga practice; longer than 45 s the person stayed up or left
    maxRepMs: 45_000,
    maxGapMs: 1500,
  },
  // 1 Hz at rest takes a 3%-of-torso keypoint jitter (~2.4 deg of elevation) down to ~1 deg;
  // a press rises at 20-40 deg/s, which lifts the cutoff to 1.4-1.8 Hz: ~0.1 s of lag at the top
  elevationFilter: { minCutoffHz: 1, beta: 0.02, derivativeCutoffHz: 1 },
  // the 2-hold clip's front-oblique segment (~45 deg off the side) spreads 0.65-0.78 and reads
  // like the side (plank 14-22 deg); a camera yawed y deg toward the head spreads ~0.75 tan(y)
  // (view.ts) and stretches the torso elevation e to atan(tan e / cos y): past 0.9 (~50 deg) a
  // plank's 19 deg reads ~30, above where a press starts
  maxSpreadTorso: 0.9,
  // prone lying reads 0-5 deg, a plank 14-22 deg (fixture clips, Lightning). The engine counts
  // only after 1 s in the start position, and the side-only clip (cut from a longer video)
  // gives less: it presses up 0.7 s after its first frame and is at 29-35 deg 1 s in (all four
  // models). So the start position reaches into the first part of the press, up to 45 deg,
  // below the tops' 50-73; when counting starts there, the rep starts at once.
  // Below -15 the head is lower than the hips: a downward dog or a child's pose, not a start.
  startMinElevationDeg: -15,
  startMaxElevationDeg: 45,
  // plank and prone knees read 164-180 on the clips; the roll over the toes bends them to 135
  // for a moment (after the start position); a child's pose or kneeling is well below 120
  startMinKneeDeg: 120,
  // Person-relative: from a plank the arms stay straight and the hips sink to the mat, so the
  // elevation rises by 30-40 deg (updog_fitbod clips: planks 14-22, tops 52-56 side, 68-69
  // front-oblique); from prone or a low push-up by 45-55 (updog_istock_hanshitha: 0-5 -> 52;
  // updog_aris). A shift forward within a plank raises it ~11 (hanshitha 1.0-1.9 s: 25 -> 36,
  // knees bending), keypoint noise under 2 (elevationFilter). 15 keeps 15 deg of margin below
  // the smallest press seen and 4 above the shift.
  minPressRiseDeg: 15,
  // up-dog tops read 50-57 deg in side view and up to 73 in the front-oblique view (clips, all
  // four models; an oblique view foreshortens the horizontal), 58-64 on the photo; the cobra
  // photo reads 80-84 (with the arms straight and the pelvis on the mat the torso stands near
  // vertical). 76 lies between the highest up dog and the lowest cobra reading
  topMaxElevationDeg: 76,
  // hip above the wrist-ankle line. Hips on the mat: 0.1 on the synthetic figure (hip keypoint
  // 0.2 above the floor, wrist and ankle 0.1), 0.23 on the cobra photo. Up dogs: clips
  // 0.36-0.39, photo 0.32; but the synthetic figure's torso cannot arch, so its steepest tops
  // (55 deg) keep the hips only 0.23 up. 0.2 catches flat hips; the cobra photo's near-upright
  // torso is caught by topMaxElevationDeg. (MoveNet readings; BlazePose: see upwardDogConfigForModel)
  topMinHipLiftTorso: 0.2,
  // up-dog tops read 166-180 (clips, photo); a cobra keeps the elbows bent (exercises.md)
  topMinElbowDeg: 150,
  // the labelled tops (labels.json peaks_s, +-0.5 s) mark the arrival at the top; within 1.5 deg
  // of the highest value puts all four models' tops 0.1-0.4 s before them (1 deg: 0.1-0.3 s,
  // but a noise spike at the peak then pushes the arrival late into a noisy hold)
  topArrivalBandDeg: 1.5,
  // the clips rise 2-5 deg per frame (15 fps) until the top, then drift by < 1 deg per frame
  settleRiseDeg: 2,
  settleMs: 300,
  liveFaultAfterMs: 1000,
  // a median of 1 s of frames still wanders by ~0.05 of the shrug ratio under 3% keypoint noise
  // (synthetic tracks); a fault that is there stays there for the rest of the hold
  liveFaultPersistMs: 600,
  // exercises.md: ~0.25 torso. The clean clips hold the wrist 0.15-0.20 ahead of the shoulder
  // at their side-view tops (all four models); the clean up-dog photo has it 0.31-0.41 behind
  // (arms slanting back, chest pushed through; 0.41 is Thunder): behind is more forgiving, so
  // each direction has its own limit. The synthetic hands-forward fault reads 0.37-0.42 ahead
  handsAheadMaxTorso: 0.3,
  handsBehindMaxTorso: 0.45,
  // exercises.md: ~155. The clean clips' straight legs read 156-163 at the side-view tops
  // (Lightning 156, BlazePose 159, Thunder 163: feet pointed, the ankle keypoint sits low), the
  // photo 170; the synthetic figure's bent knees 143-148
  minKneeDeg: 150,
  // the front-oblique top of the 2-hold clip: BlazePose reads the straight legs at 140-142,
  // MoveNet at 156-163 (the 2D angle of a limb turned toward the camera)
  obliqueKneeAllowanceDeg: 20,
  // the article: make the bend a little bigger each time. 12 deg is about a quarter of a full
  // up dog's 50 deg: more than "a little"
  buildUpJumpDeg: 12,
  buildUpReps: 4,
  // the clean side-view holds: the ear-shoulder distance grows at the top (1.0-1.26 x the
  // plank's; the front-oblique top reads 0.83 x, projection, so only side views are judged).
  // The synthetic figure with the ears sunk 0.13 torso toward the shoulders reads 0.69 without
  // noise, 0.62-0.82 under 3% keypoint noise; clean, 0.90-1.10
  minEarShoulderRatio: 0.85,
  // exercises.md: head line about 180 with a long neck. At an up-dog top the back arches, so a
  // long neck reads 207-215 per frame, 210 as the median of a hold (clips), 211 on the photo
  // (the hip->shoulder chord lies below the arched upper back); the cobra photo, head thrown
  // back, reads 244; the synthetic figure (rigid torso) 186-190 with a neutral neck and 228
  // with the head 50 deg back
  maxHeadLineDeg: 220,
};

export function validateUpwardDogConfig(c: UpwardDogConfig): UpwardDogConfig {
  validateRepCounterConfig('upward-dog counter', c.counter);
  const problems: string[] = [];
  const f = c.elevationFilter;
  if (!(c.maxSpreadTorso > 0)) problems.push(`maxSpreadTorso must be > 0`);
  if (!(c.minPressRiseDeg > 0 && c.minPressRiseDeg < c.topMaxElevationDeg)) problems.push(`minPressRiseDeg (${c.minPressRiseDeg}) must lie between 0 and topMaxElevationDeg (${c.topMaxElevationDeg})`);
  if (!(f.minCutoffHz > 0 && f.derivativeCutoffHz > 0 && f.beta >= 0)) problems.push(`elevationFilter needs minCutoffHz > 0, derivativeCutoffHz > 0 and beta >= 0 (got ${JSON.stringify(f)})`);
  if (!(c.startMinElevationDeg < c.startMaxElevationDeg)) problems.push(`startMinElevationDeg (${c.startMinElevationDeg}) must be below startMaxElevationDeg (${c.startMaxElevationDeg})`);
  if (!(c.startMaxElevationDeg < c.topMaxElevationDeg)) problems.push(`startMaxElevationDeg (${c.startMaxElevationDeg}) must be below topMaxElevationDeg (${c.topMaxElevationDeg})`);
  if (!(c.startMinKneeDeg > 0 && c.startMinKneeDeg < 180)) problems.push(`startMinKneeDeg (${c.startMinKneeDeg}) must lie between 0 and 180`);
  if (!(c.topMaxElevationDeg > c.counter.fullAt && c.topMaxElevationDeg <= 90)) problems.push(`topMaxElevationDeg (${c.topMaxElevationDeg}) must lie between counter.fullAt (${c.counter.fullAt}) and 90`);
  if (!(c.topMinHipLiftTorso >= 0 && c.topMinHipLiftTorso < 2)) problems.push(`topMinHipLiftTorso (${c.topMinHipLiftTorso}) must lie in [0, 2) torso lengths`);
  if (!(c.topMinElbowDeg > 90 && c.topMinElbowDeg <= 180)) problems.push(`topMinElbowDeg (${c.topMinElbowDeg}) must lie in (90, 180]`);
  if (!(c.settleRiseDeg > 0)) problems.push(`settleRiseDeg must be > 0`);
  if (!(c.settleMs >= 0)) problems.push(`settleMs must be >= 0`);
  if (!(c.liveFaultAfterMs >= 0)) problems.push(`liveFaultAfterMs must be >= 0`);
  if (!(c.liveFaultPersistMs >= 0)) problems.push(`liveFaultPersistMs must be >= 0`);
  if (!(c.handsAheadMaxTorso > 0)) problems.push(`handsAheadMaxTorso must be > 0`);
  if (!(c.handsBehindMaxTorso > 0)) problems.push(`handsBehindMaxTorso must be > 0`);
  if (!(c.minKneeDeg > 90 && c.minKneeDeg < 180)) problems.push(`minKneeDeg (${c.minKneeDeg}) must lie between 90 and 180`);
  if (!(c.obliqueKneeAllowanceDeg >= 0 && c.minKneeDeg - c.obliqueKneeAllowanceDeg > 90)) problems.push(`obliqueKneeAllowanceDeg (${c.obliqueKneeAllowanceDeg}) must be >= 0 and keep the oblique knee limit above 90`);
  if (!(c.topArrivalBandDeg > 0 && c.topArrivalBandDeg <= c.counter.topBand)) problems.push(`topArrivalBandDeg (${c.topArrivalBandDeg}) must lie in (0, counter.topBand (${c.counter.topBand})]`);
  if (!(c.buildUpJumpDeg > 0)) problems.push(`buildUpJumpDeg must be > 0`);
  if (!(Number.isInteger(c.buildUpReps) && c.buildUpReps >= 2)) problems.push(`buildUpReps (${c.buildUpReps}) must be an integer >= 2: the check compares a rep with the reps before it`);
  if (!(c.minEarShoulderRatio > 0 && c.minEarShoulderRatio < 1)) problems.push(`minEarShoulderRatio (${c.minEarShoulderRatio}) must lie between 0 and 1`);
  if (!(c.maxHeadLineDeg > 180 && c.maxHeadLineDeg < 300)) problems.push(`maxHeadLineDeg (${c.maxHeadLineDeg}) must lie between 180 and 300`);
  if (problems.length) throw new RangeError(`upward-dog config: ${problems.join('; ')}`);
  return c;
}

/**
 * The defaults adjusted for the pose model that produced the frames. Models
 * place the hip, knee and ankle differently; what each override corrects is
 * said next to it. Unknown models get the defaults (tuned on Lightning).
 */
export function upwardDogConfigForModel(model: string | undefined, base: UpwardDogConfig = UPWARD_DOG_DEFAULTS): UpwardDogConfig {
  switch (model) {
    case 'blazepose-full':
    case 'blazepose-lite':
      // BlazePose puts the hip keypoint lower than MoveNet: hip lift 0.29-0.31 on the clips'
      // side-view tops (MoveNet 0.38-0.39), 0.22 on the up-dog photo (MoveNet 0.32), 0.14-0.15
      // on the cobra photo (MoveNet 0.23-0.24)
      return validateUpwardDogConfig({ ...base, topMinHipLiftTorso: base.topMinHipLiftTorso - 0.03 });
    default:
      return validateUpwardDogConfig(base);
  }
}
