/**
 * A 2D sagittal-plane stick figure, and the crude camera that turns it into
 * the 17 COCO keypoints a MoveNet-style model would report.
 *
 * Coordinates of the figure ("sagittal", in torso lengths):
 *   u: along the body's forward axis as it stands (the way the toes point),
 *   v: up, from the floor (v = 0 is the floor line).
 * A direction is an angle in degrees from vertical-up, positive toward +u
 * (clockwise when +u is drawn to the right): 0 = up, 90 = forward,
 * 180 = down, -90 = backward. So the torso direction alone gives the posture:
 * standing 0, hinged forward 70, lying prone (face down, head toward +u) 90,
 * lying supine (face up, head toward -u) -90.
 *
 * The image (camera yaw about the vertical): x = centre + facing * (u *
 * cos(yaw) - z * sin(yaw)) * scale, y = floorY - v * scale, where z is the
 * lateral offset of a joint (+ on the near side) and scale = cameraDistancePx
 * (pixels per torso length). About the lengthwise axis (lying bodies), the
 * roles of x and y swap: see CameraOptions.yawAxis.
 *
 * facing matches the engine's signed-angle convention: the way the front of
 * the body points when it stands up by turning in the image plane: prone
 * with facing +1 has the head at +x, supine with facing +1 at -x.
 */
import { COCO_17 } from '../../src/core/frame/skeleton.ts';

export type CocoName = (typeof COCO_17)[number];

/**
 * Segment lengths in torso lengths (shoulder-hip distance = 1). Approximate
 * anthropometric ratios after Drillis & Contini (1966), as tabulated in D. A.
 * Winter, "Biomechanics and Motor Control of Human Movement" (segment lengths
 * as fractions of stature H: shoulder-hip about 0.29 H, upper arm 0.19 H,
 * forearm 0.15 H, thigh and shank 0.25 H each). Rounded, and a little short
 * for the arms and legs: the COCO shoulder and hip keypoints sit inside the
 * bony landmarks, which lengthens the torso they measure.
 */
export const SEGMENT_TORSO = {
  torso: 1,
  upperArm: 0.55,
  forearm: 0.5,
  thigh: 0.8,
  shank: 0.8,
  /** shoulder -> ear */
  neck: 0.35,
  /** ear -> nose */
  face: 0.12,
} as const;

/**
 * Half of each left-right width, in torso lengths: only used to spread the
 * far side from the near side when the camera is not square to the side.
 * Shoulder width 0.75 and hip width 0.55 (same sources, rounded); the arms
 * hang at the shoulders' width and the legs at the hips'. The head widths are
 * a guess from a head about 0.3 torso wide and eyes about 0.12 apart.
 */
export const HALF_WIDTH_TORSO = {
  shoulder: 0.75 / 2,
  hip: 0.55 / 2,
  ear: 0.14,
  eye: 0.06,
  nose: 0,
} as const;

/** Where the face keypoints sit relative to the neck line (shoulder -> ear). */
export const FACE_GEOMETRY = {
  /** the nose points this far from the neck direction, toward the front (90 = square; a bit more = slightly down) */
  noseFromNeckDeg: 100,
  /** the eyes lie this fraction of the way from the ear to the nose ... */
  eyeAlongEarToNose: 0.7,
  /** ... and this far (torso lengths) above that line, toward the top of the head */
  eyeAboveFaceLineTorso: 0.04,
} as const;

/**
 * Keypoint confidence, as a base and a +- spread (trace.ts draws uniformly in
 * base +- spread per frame). The side facing the camera is seen well, the far
 * side is half hidden behind the body: MoveNet on the real side-view clips
 * gives about these numbers.
 */
export const KEYPOINT_SCORE = {
  near: { base: 0.875, spread: 0.07 },
  far: { base: 0.55, spread: 0.14 },
  face: { base: 0.75, spread: 0.14 },
} as const;

/** Joint angles of one side of the body (all relative, in degrees). */
export interface SideAngles {
  /** angle at the hip between shoulder and knee, signed: 180 straight, < 180 flexion (thigh toward the front), > 180 extension */
  readonly hipDeg: number;
  /** angle at the knee between hip and ankle: 180 straight, < 180 flexion (the shank folds backward) */
  readonly kneeDeg: number;
  /** angle at the shoulder from the torso's downward line (shoulder -> hip) to the upper arm, signed: 0 along the torso, 90 forward, 180 overhead in line with the torso, < 0 behind the back */
  readonly shoulderDeg: number;
  /** angle at the elbow between shoulder and wrist: 180 straight, < 180 flexion */
  readonly elbowDeg: number;
}

/**
 * A pose: where the hips are and how every segment sits. The near side faces
 * the camera; the far side may differ (an alternating superman lifts one arm
 * and the opposite leg).
 */
export interface BodyPose {
  /** hip midpoint along the forward axis, torso lengths */
  readonly rootU: number;
  /** hip height above the floor, torso lengths */
  readonly rootV: number;
  /** direction of hip -> shoulder (see the file comment): 0 standing, 90 prone, -90 supine */
  readonly torsoDeg: number;
  /** neck (shoulder -> ear) relative to the torso line, + toward the front (flexion, chin to chest), - head back */
  readonly neckDeg: number;
  /** how much closer (torso lengths) the ears come to the shoulders than the neck length: 0 relaxed, > 0 shoulders shrugged */
  readonly shrugTorso: number;
  readonly near: SideAngles;
  readonly far: SideAngles;
}

/** A point in the sagittal plane, torso lengths, v up. */
export interface SagittalPoint {
  readonly u: number;
  readonly v: number;
}

export interface LimbPoints {
  readonly shoulder: SagittalPoint;
  readonly elbow: SagittalPoint;
  readonly wrist: SagittalPoint;
  readonly hip: SagittalPoint;
  readonly knee: SagittalPoint;
  readonly ankle: SagittalPoint;
}

export interface SagittalSkeleton {
  readonly ear: SagittalPoint;
  readonly eye: SagittalPoint;
  readonly nose: SagittalPoint;
  readonly near: LimbPoints;
  readonly far: LimbPoints;
}

export type Side = 'near' | 'far';
export type LimbJoint = keyof LimbPoints;

/** Absolute segment directions of one side (degrees from vertical-up, + toward the front). */
export interface SideDirections {
  /** hip -> knee */
  readonly thighDeg: number;
  /** knee -> ankle */
  readonly shankDeg: number;
  /** shoulder -> elbow */
  readonly upperArmDeg: number;
  /** elbow -> wrist */
  readonly forearmDeg: number;
}

/** A pose given by absolute directions: easier when a motion pins a joint to the floor. */
export interface PoseDirections {
  readonly rootU: number;
  readonly rootV: number;
  readonly torsoDeg: number;
  /** shoulder -> ear, absolute */
  readonly neckDeg: number;
  readonly shrugTorso?: number;
  readonly near: SideDirections;
  /** the near side's when left out */
  readonly far?: SideDirections;
}

const RAD = Math.PI / 180;

/** Wraps an angle into (-180, 180]. */
export function wrapDeg(deg: number): number {
  const wrapped = ((((deg + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

/** The unit vector of a direction (see the file comment). */
export function unitOf(directionDeg: number): SagittalPoint {
  return { u: Math.sin(directionDeg * RAD), v: Math.cos(directionDeg * RAD) };
}

/** The direction from one point to another (degrees from vertical-up, + toward +u). */
export function directionDeg(from: SagittalPoint, to: SagittalPoint): number {
  return Math.atan2(to.u - from.u, to.v - from.v) / RAD;
}

export function distance(a: SagittalPoint, b: SagittalPoint): number {
  return Math.hypot(a.u - b.u, a.v - b.v);
}

function along(from: SagittalPoint, directionDegrees: number, length: number): SagittalPoint {
  const unit = unitOf(directionDegrees);
  return { u: from.u + unit.u * length, v: from.v + unit.v * length };
}

/** Absolute segment directions of one side, from its relative joint angles. */
export function sideDirections(torsoDeg: number, side: SideAngles): SideDirections {
  const thighDeg = torsoDeg + side.hipDeg;
  const upperArmDeg = torsoDeg + 180 - side.shoulderDeg;
  return {
    thighDeg,
    // knee flexion swings the shank backward relative to the thigh
    shankDeg: thighDeg + 180 - side.kneeDeg,
    upperArmDeg,
    // elbow flexion swings the forearm toward the front of the upper arm
    forearmDeg: upperArmDeg - 180 + side.elbowDeg,
  };
}

/** Relative joint angles from absolute directions: the inverse of sideDirections, in stable ranges. */
export function sideAngles(torsoDeg: number, d: SideDirections): SideAngles {
  return {
    // 180 +- 180: extension past straight stays > 180 instead of folding back
    hipDeg: 180 + wrapDeg(d.thighDeg - torsoDeg - 180),
    kneeDeg: 180 - wrapDeg(d.shankDeg - d.thighDeg),
    // 90 +- 180: an arm overhead (180) or a little past it stays continuous
    shoulderDeg: 90 + wrapDeg(torsoDeg + 180 - d.upperArmDeg - 90),
    elbowDeg: 180 + wrapDeg(d.forearmDeg - d.upperArmDeg),
  };
}

export function poseFromDirections(d: PoseDirections): BodyPose {
  const near = sideAngles(d.torsoDeg, d.near);
  return {
    rootU: d.rootU,
    rootV: d.rootV,
    torsoDeg: d.torsoDeg,
    neckDeg: wrapDeg(d.neckDeg - d.torsoDeg),
    shrugTorso: d.shrugTorso ?? 0,
    near,
    far: d.far ? sideAngles(d.torsoDeg, d.far) : near,
  };
}

function limbPoints(hip: SagittalPoint, shoulder: SagittalPoint, d: SideDirections): LimbPoints {
  const elbow = along(shoulder, d.upperArmDeg, SEGMENT_TORSO.upperArm);
  const knee = along(hip, d.thighDeg, SEGMENT_TORSO.thigh);
  return {
    shoulder,
    elbow,
    wrist: along(elbow, d.forearmDeg, SEGMENT_TORSO.forearm),
    hip,
    knee,
    ankle: along(knee, d.shankDeg, SEGMENT_TORSO.shank),
  };
}

/** Every joint of the figure in the sagittal plane (torso lengths, v up). */
export function sagittalSkeleton(pose: BodyPose): SagittalSkeleton {
  const hip = { u: pose.rootU, v: pose.rootV };
  const shoulder = along(hip, pose.torsoDeg, SEGMENT_TORSO.torso);
  const neckDirection = pose.torsoDeg + pose.neckDeg;
  const ear = along(shoulder, neckDirection, SEGMENT_TORSO.neck - pose.shrugTorso);
  const nose = along(ear, neckDirection + FACE_GEOMETRY.noseFromNeckDeg, SEGMENT_TORSO.face);
  const onFaceLine = {
    u: ear.u + (nose.u - ear.u) * FACE_GEOMETRY.eyeAlongEarToNose,
    v: ear.v + (nose.v - ear.v) * FACE_GEOMETRY.eyeAlongEarToNose,
  };
  return {
    ear,
    eye: along(onFaceLine, neckDirection, FACE_GEOMETRY.eyeAboveFaceLineTorso),
    nose,
    near: limbPoints(hip, shoulder, sideDirections(pose.torsoDeg, pose.near)),
    far: limbPoints(hip, shoulder, sideDirections(pose.torsoDeg, pose.far)),
  };
}

/** The pose moved (not turned) so that one joint lands on a given point: feet on the floor, shoulders on a bench. */
export function anchorPose(pose: BodyPose, joint: LimbJoint, at: SagittalPoint, side: Side = 'near'): BodyPose {
  const now = sagittalSkeleton(pose)[side][joint];
  return { ...pose, rootU: pose.rootU + at.u - now.u, rootV: pose.rootV + at.v - now.v };
}

/**
 * The middle joint of a two-segment limb (knee, elbow) whose ends are pinned,
 * by the law of cosines, bent the way the joint flexes (sideDirections: a
 * knee turns the shank toward larger direction angles, an elbow the forearm
 * toward smaller), so the solution never flips to hyperextension between
 * frames. `reversed` bends it the other way: in a side view that is how an
 * elbow bent out to the side looks (lying prone with the hands planted ahead
 * of the shoulders, the elbows point up and forward). Out of reach, the limb
 * points straight at the target (`reached: false`).
 */
export function twoLinkMiddle(
  root: SagittalPoint,
  target: SagittalPoint,
  firstLength: number,
  secondLength: number,
  joint: 'knee' | 'elbow',
  reversed = false,
): { readonly middle: SagittalPoint; readonly reached: boolean } {
  const span = distance(root, target);
  const longest = firstLength + secondLength;
  const shortest = Math.abs(firstLength - secondLength);
  const reached = span <= longest && span >= shortest && span > 0;
  const clamped = Math.min(Math.max(span, shortest), longest);
  const toTarget = span > 0 ? { u: (target.u - root.u) / span, v: (target.v - root.v) / span } : { u: 0, v: -1 };
  // distance along the line to the foot of the middle joint, and its offset from the line
  const alongLine = (firstLength ** 2 - secondLength ** 2 + clamped ** 2) / (2 * clamped);
  const offset = Math.sqrt(Math.max(0, firstLength ** 2 - alongLine ** 2));
  // with the middle joint to the left of root->target (u right, v up), the second segment turns clockwise:
  // toward larger direction angles, as a flexing knee does
  const leftNormal = { u: -toTarget.v, v: toTarget.u };
  const sign = (joint === 'knee' ? 1 : -1) * (reversed ? -1 : 1);
  return {
    middle: {
      u: root.u + toTarget.u * alongLine + sign * leftNormal.u * offset,
      v: root.v + toTarget.v * alongLine + sign * leftNormal.v * offset,
    },
    reached,
  };
}

/** The camera: an orthographic projection of the figure into the image. */
export interface CameraOptions {
  readonly imageWidthPx?: number;
  readonly imageHeightPx?: number;
  /** pixels per torso length: near 140 for a close camera, 60 for a far one */
  readonly cameraDistancePx?: number;
  /**
   * Yaw of the camera about the body's long axis, from the side toward the
   * front of the body: 0 true side view, 45 oblique, 90 front view. The far
   * side shifts by width * sin(yaw) across the body; the body's depth
   * (front-back) components shrink by cos(yaw). See yawAxis.
   */
  readonly viewYawDeg?: number;
  /**
   * The axis the camera turns about. 'vertical': a tripod turned toward the
   * body's front (the long axis of a standing body; a lying body is
   * foreshortened along its length). 'lengthwise': the forward axis u (the
   * long axis of a lying body; the camera rises toward a view from above,
   * the far side shows above the near side and lengths along the body stay).
   * 'auto' (default): 'lengthwise' when the torso is closer to horizontal
   * than vertical, else 'vertical'; trace.ts decides once per track, from the
   * first frame, so the camera does not move when the figure lies down.
   */
  readonly yawAxis?: 'auto' | 'vertical' | 'lengthwise';
  /** +1: the body's forward axis (u) points to +x in the image; -1: to -x */
  readonly facing?: 1 | -1;
  /**
   * Which body side faces the camera. Left out: what an unmirrored camera
   * sees (a body facing +x shows its right side); the other choice is what a
   * mirrored (selfie) image shows.
   */
  readonly nearSide?: 'left' | 'right';
  /** image x of u = 0 (default: the middle of the image) */
  readonly centreXPx?: number;
  /** image y of the floor, v = 0 (default: 92% down the image) */
  readonly floorYPx?: number;
}

export type Camera = Required<CameraOptions>;

/** Defaults: a 640x360 frame (the app's analysed size) with a standing body filling most of its height. */
export const CAMERA_DEFAULTS = {
  imageWidthPx: 640,
  imageHeightPx: 360,
  /** a standing figure is about 3 torso lengths tall to the ears: 100 px fits 360 px with a margin */
  cameraDistancePx: 100,
  viewYawDeg: 0,
  /** the floor line, as a fraction of the image height from the top */
  floorFraction: 0.92,
} as const;

export function resolveCamera(options: CameraOptions = {}): Camera {
  const imageWidthPx = options.imageWidthPx ?? CAMERA_DEFAULTS.imageWidthPx;
  const imageHeightPx = options.imageHeightPx ?? CAMERA_DEFAULTS.imageHeightPx;
  const facing = options.facing ?? 1;
  return {
    imageWidthPx,
    imageHeightPx,
    cameraDistancePx: options.cameraDistancePx ?? CAMERA_DEFAULTS.cameraDistancePx,
    viewYawDeg: options.viewYawDeg ?? CAMERA_DEFAULTS.viewYawDeg,
    yawAxis: options.yawAxis ?? 'auto',
    facing,
    nearSide: options.nearSide ?? (facing === 1 ? 'right' : 'left'),
    centreXPx: options.centreXPx ?? imageWidthPx / 2,
    floorYPx: options.floorYPx ?? imageHeightPx * CAMERA_DEFAULTS.floorFraction,
  };
}

export interface ProjectedKeypoint {
  readonly name: CocoName;
  readonly x: number;
  readonly y: number;
  /** which score class the keypoint belongs to (KEYPOINT_SCORE) */
  readonly scoreClass: keyof typeof KEYPOINT_SCORE;
}

const LIMB_JOINT_OF: Readonly<Record<string, { readonly joint: LimbJoint; readonly halfWidth: number }>> = {
  shoulder: { joint: 'shoulder', halfWidth: HALF_WIDTH_TORSO.shoulder },
  elbow: { joint: 'elbow', halfWidth: HALF_WIDTH_TORSO.shoulder },
  wrist: { joint: 'wrist', halfWidth: HALF_WIDTH_TORSO.shoulder },
  hip: { joint: 'hip', halfWidth: HALF_WIDTH_TORSO.hip },
  knee: { joint: 'knee', halfWidth: HALF_WIDTH_TORSO.hip },
  ankle: { joint: 'ankle', halfWidth: HALF_WIDTH_TORSO.hip },
};

/** The 17 COCO keypoints of a pose, in COCO order, in image pixels. */
export function projectPose(pose: BodyPose, camera: Camera): readonly ProjectedKeypoint[] {
  const skeleton = sagittalSkeleton(pose);
  const yaw = camera.viewYawDeg * RAD;
  const lengthwise = camera.yawAxis === 'lengthwise' || (camera.yawAxis === 'auto' && Math.abs(Math.cos(pose.torsoDeg * RAD)) < Math.SQRT1_2);
  const toImage = (point: SagittalPoint, lateral: number): { x: number; y: number } =>
    lengthwise
      ? {
          x: camera.centreXPx + camera.facing * point.u * camera.cameraDistancePx,
          // seen from above, the far side (lateral < 0) lies higher in the image
          y: camera.floorYPx - (point.v * Math.cos(yaw) - lateral * Math.sin(yaw)) * camera.cameraDistancePx,
        }
      : {
          x: camera.centreXPx + camera.facing * (point.u * Math.cos(yaw) - lateral * Math.sin(yaw)) * camera.cameraDistancePx,
          y: camera.floorYPx - point.v * camera.cameraDistancePx,
        };
  return COCO_17.map((name): ProjectedKeypoint => {
    if (name === 'nose') return { name, ...toImage(skeleton.nose, 0), scoreClass: 'face' };
    const [bodySide, part = ''] = name.split('_') as [string, string?];
    const side: Side = bodySide === camera.nearSide ? 'near' : 'far';
    const sign = side === 'near' ? 1 : -1;
    if (part === 'eye') return { name, ...toImage(skeleton.eye, sign * HALF_WIDTH_TORSO.eye), scoreClass: 'face' };
    if (part === 'ear') return { name, ...toImage(skeleton.ear, sign * HALF_WIDTH_TORSO.ear), scoreClass: 'face' };
    const limb = LIMB_JOINT_OF[part];
    if (!limb) throw new Error(`body-model: no joint for keypoint ${name}`);
    return { name, ...toImage(skeleton[side][limb.joint], sign * limb.halfWidth), scoreClass: side };
  });
}

/**
 * The base score and spread of a score class under a camera: turning toward
 * the front uncovers the far side, so its score rises to the near side's at
 * a front view.
 */
export function scoreRange(scoreClass: keyof typeof KEYPOINT_SCORE, camera: Camera): { readonly base: number; readonly spread: number } {
  const own = KEYPOINT_SCORE[scoreClass];
  if (scoreClass !== 'far') return own;
  const uncovered = Math.abs(Math.sin(camera.viewYawDeg * RAD));
  const near = KEYPOINT_SCORE.near;
  return { base: own.base + (near.base - own.base) * uncovered, spread: own.spread + (near.spread - own.spread) * uncovered };
}

/** A movement: the pose at every moment (ms from the start of the track). */
export type Motion = (tMs: number) => BodyPose;
