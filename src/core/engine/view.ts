/**
 * Where the camera stands relative to the body: how far it is turned off the
 * person's side (yaw: 0 = true side view, 90 = facing the camera), as a
 * continuous estimate, and the side / oblique / front class derived from it
 * with hysteresis.
 *
 * The estimate is posture-independent and is not fooled by the torso's own
 * foreshortening. Body axes, in 3D: the torso t (hip midpoint -> shoulder
 * midpoint, length L) and the shoulder line l (length W = k L), at right
 * angles to each other. Seen along a direction d, with alpha = t.d and
 * beta = l.d (cosines), an orthographic camera shows
 *   torso length     T = L sqrt(1 - alpha^2)
 *   shoulder spread  S = k L sqrt(1 - beta^2)
 *   their dot product C = -alpha beta k L^2   (image vectors t and l)
 * Three measurements, three unknowns (L, alpha, beta) once k is fixed. The
 * yaw off the side is the angle between d and the shoulder line:
 * sin(yaw) = sqrt(1 - beta^2). yawFromImageDeg solves it in closed form.
 *
 * Why not spread / torso length (the old measure): a person hinging toward
 * the camera (good morning) shortens the torso on screen (alpha grows), so
 * S / T grows and a 45 deg view read "front" mid-rep; a lying body filmed from
 * the feet foreshortens the torso by cos(yaw), so S / T ~ k tan(yaw) saturates
 * near 45 deg. Here that shortening is the alpha the solution finds: an
 * upright torso (C = 0, T = L) gives sin(yaw) = S / (k T); a torso tipping
 * toward the camera gives the same yaw, read from the tilt of the spread
 * against the torso in the image (C) and from S > k T (only a front view
 * shows a spread wider than k times the torso seen).
 *
 * k (COCO shoulder keypoints, which sit at the shoulder joints, apart in
 * torso lengths) from anthropometry: shoulder joint centres ~0.20 of stature
 * apart, torso (shoulder joint to hip joint) ~0.29 of stature: 0.69
 * (Drillis & Contini's segment table, Winter, "Biomechanics and Motor
 * Control of Human Movement"). Measured: gm_12pt_bodyweight_front_2reps_trim,
 * a true front view standing, shows 0.65 (MoveNet) and 0.61 (BlazePose); the
 * synthetic figure (test/synthetic) has 0.75. 0.70 sits in that range: a
 * person 7% broader or narrower than k reads sin(yaw) 7% off, a few degrees
 * below 45, more near 90 where the sine is flat (why the front class has a
 * wide hysteresis band).
 */
export type ViewKind = 'side' | 'oblique' | 'front' | 'unknown';

export interface ViewConfig {
  /** shoulder keypoint spread of a body facing the camera, in torso lengths (k above) */
  readonly shoulderWidthTorso: number;
  /** a side view turns oblique once the yaw rises above this, deg ... */
  readonly obliqueAboveDeg: number;
  /** ... and an oblique view is a side view again below this */
  readonly sideBelowDeg: number;
  /** the view turns frontal once the yaw rises above this, deg ... */
  readonly frontAboveDeg: number;
  /** ... and stays frontal until it falls below this */
  readonly frontLeaveBelowDeg: number;
  /** half-life of the yaw's moving average, ms (views change over seconds, not frames) */
  readonly halfLifeMs: number;
}

/**
 * Thresholds, from geometry, checked on the fixture tracks of all four
 * models (the smoothed yaw of this config; "min-max" over each labelled
 * segment, after the 400 ms average has settled):
 *
 * - side / oblique, 30 in, 22 out: a sagittal angle's horizontal
 *   components shrink by cos(yaw); at 22-30 deg that is 7-13%, a 45 deg
 *   inclination reads 43-41: still the joint's own angle. True side views
 *   read 1-8 deg standing (gm_12pt_bodyweight_side, gm_fitbod SIDEONLY and
 *   the side segment of gm_fitbod frontoblique+side) and 5-20 lying (the
 *   camera stands a little above a body on the floor: the bridge, superman
 *   and up-dog side clips); only the Thunder track of
 *   updog_istock_hanshitha reaches 30-33 in the downward dog after the
 *   exercise. The oblique segments read 27-57 (bridge_medball oblique
 *   28-43, the superman / up-dog / good-morning front-oblique segments
 *   27-57, hipthrust_vivek bench 34-57): above 22 throughout, so once
 *   oblique they stay oblique.
 * - front, 78 in, 56 out: past ~65-70 deg the sagittal components are
 *   under cos(70) = 0.34 of their size: a hip angle or a hinge is mostly
 *   projection. 78 lies 21 deg above the highest front-oblique reading
 *   (57: hipthrust_vivek and superman front-oblique, MoveNet Lightning)
 *   and above what the synthetic figure (broad shoulders, k 0.75) reads at a
 *   true 60 deg with the noise (75 at most, test/unit/camera-angle):
 *   a checker that cannot count from the front is stopped only past ~70 deg
 *   of true yaw (~65 for such a broad-shouldered person). The true front
 *   view gm_12pt_bodyweight_front reads 68-74 standing (MoveNet; 59-64
 *   BlazePose, whose shoulder keypoints sit narrower) and 86-89 in a hinge,
 *   where the torso tips toward the camera and shows the view for what it
 *   is: it turns frontal in its first hinge on every model and, with 56 to
 *   leave, stays frontal standing between reps (3 deg under BlazePose
 *   Lite's lowest standing reading). The band is wide because the spread's
 *   sine is flat there: from 56 to 78 deg it grows by only 18%, about the
 *   person-to-person spread of shoulder width.
 * - 400 ms: the yaw's frame-to-frame jitter (synthetic noise sigma 0.03
 *   torso, 10% of frames dropped) averages down to +-7 deg at a true 60 deg
 *   (the sine is flat there), and a front view's first hinge is recognised
 *   within about half a second (gm_12pt_bodyweight_front: the good-morning
 *   checker then reads the hinge from the torso's shortening from 5.4 s
 *   on BlazePose Lite, 0.7 s before the bottom).
 */
export const DEFAULT_VIEW: ViewConfig = {
  shoulderWidthTorso: 0.7,
  obliqueAboveDeg: 30,
  sideBelowDeg: 22,
  frontAboveDeg: 78,
  frontLeaveBelowDeg: 56,
  halfLifeMs: 400,
};

const DEG = 180 / Math.PI;

/**
 * The camera's yaw off the body's side, deg in 0..90, from one frame: the
 * image vectors of the torso (hip midpoint -> shoulder midpoint) and of the
 * shoulder line (one shoulder -> the other; its sign does not matter), and
 * k = shoulder width / torso length. NaN when the torso has no length.
 * See the file comment for the geometry.
 */
export function yawFromImageDeg(torsoX: number, torsoY: number, spreadX: number, spreadY: number, k: number = DEFAULT_VIEW.shoulderWidthTorso): number {
  const t2 = torsoX * torsoX + torsoY * torsoY;
  const s2 = spreadX * spreadX + spreadY * spreadY;
  if (!(t2 > 0) || !Number.isFinite(s2) || !(k > 0)) return Number.NaN;
  const c = torsoX * spreadX + torsoY * spreadY;
  // a = sin^2(yaw) if the torso were square to the camera; b carries the spread's tilt against the torso
  const a = s2 / (k * k * t2);
  const b = (c * c) / (k * k * t2 * t2);
  // x = alpha^2 (the torso's foreshortening) solves (b - a) x^2 + (a - 1 - 2b) x + b = 0; the polynomial
  // is b >= 0 at x = 0 and -1 at x = 1, so exactly one root lies in [0, 1)
  const qa = b - a;
  const qb = a - 1 - 2 * b;
  let x: number;
  if (b === 0) x = a > 1 ? (a - 1) / a : 0;
  else if (Math.abs(qa) < 1e-12) x = -b / qb;
  else {
    const root = Math.sqrt(Math.max(0, qb * qb - 4 * qa * b));
    const r1 = (-qb - root) / (2 * qa);
    x = r1 >= 0 && r1 < 1 ? r1 : (-qb + root) / (2 * qa);
  }
  const sin2 = Math.min(1, Math.max(0, a * (1 - Math.min(1, Math.max(0, x)))));
  return Math.asin(Math.sqrt(sin2)) * DEG;
}

/** The view class after this yaw, from the class before it (hysteresis: distinct thresholds in and out). */
export function nextView(current: ViewKind, yawDeg: number, config: ViewConfig = DEFAULT_VIEW): ViewKind {
  if (!Number.isFinite(yawDeg)) return current;
  const fresh = (): ViewKind => (yawDeg > config.frontAboveDeg ? 'front' : yawDeg > config.obliqueAboveDeg ? 'oblique' : 'side');
  switch (current) {
    case 'unknown':
      return fresh();
    case 'side':
      return yawDeg > config.obliqueAboveDeg ? fresh() : 'side';
    case 'oblique':
      if (yawDeg > config.frontAboveDeg) return 'front';
      return yawDeg < config.sideBelowDeg ? 'side' : 'oblique';
    case 'front':
      if (yawDeg >= config.frontLeaveBelowDeg) return 'front';
      return yawDeg < config.sideBelowDeg ? 'side' : 'oblique';
  }
}

/**
 * The shoulder spread (torso lengths) an upright body shows with the camera
 * `yawDeg` off its side: k sin(yaw). The inverse of yawFromImageDeg for an
 * upright torso; tests and hand-built frames use it.
 */
export function uprightSpreadTorso(yawDeg: number, config: ViewConfig = DEFAULT_VIEW): number {
  return config.shoulderWidthTorso * Math.sin(yawDeg / DEG);
}
