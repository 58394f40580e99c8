/**
 * Test helper (not a test): hand-built pose frames of a stick figure, so that
 * engine tests read as sentences ("a person standing sideways, facing +x, arms
 * raised"). COCO-17 keypoints, pixels with y down, like MoveNet emits them.
 *
 * The figure is laid out in body coordinates, in torso lengths from the hip:
 * u along the body toward the head, v toward the front of the body. Standing,
 * u points up on screen and v the way the person faces; lying prone, u points
 * the way the head points and v down to the floor; supine, v points up.
 */
import { COCO_17, type KeypointName } from '../frame/skeleton.ts';
import type { Keypoint, PoseFrame } from '../frame/pose-frame.ts';
import { TRACK_VERSION, type KeypointTrack, type TrackFrame } from '../track.ts';
import type { Point } from '../geometry/vec.ts';

export const IMAGE_W = 640;
export const IMAGE_H = 480;

export type FigurePosture = 'standing' | 'prone' | 'supine';

export interface FigureOptions {
  /** frame time, ms (default 0) */
  readonly t?: number;
  readonly posture?: FigurePosture;
  /** standing: the way the person faces; lying: the way the head points (default +1) */
  readonly toward?: 1 | -1;
  /** where the hips are, px (default: a spot that keeps the whole figure inside the image) */
  readonly hip?: Point;
  /** shoulder-hip distance, px (default 80) */
  readonly torso?: number;
  /** distance between the left and right shoulders (and hips), in torso lengths: 0 = a true side view */
  readonly spread?: number;
  /** arms straight up past the head instead of hanging along the body */
  readonly armsRaised?: boolean;
  /** score of every left-side keypoint (default 0.9: the left side faces the camera) */
  readonly leftScore?: number;
  /** score of every right-side keypoint (default 0.6) */
  readonly rightScore?: number;
  /** score of the nose (default 0.9) */
  readonly noseScore?: number;
  /** the pose score (default 0.8) */
  readonly poseScore?: number;
  /** the model mislabels the sides: left_* keypoints get the right side's coordinates and scores and vice versa */
  readonly swapLabels?: boolean;
  /** replaces single keypoints after the layout (absolute px and/or score) */
  readonly set?: Partial<Record<KeypointName, Partial<Omit<Keypoint, 'name'>>>>;
  readonly width?: number;
  readonly height?: number;
}

/** Body coordinates (u toward the head, v toward the front), in torso lengths from the hip. */
type UV = readonly [number, number];

const HEAD: Record<'nose' | 'eye' | 'ear', UV> = { nose: [1.3, 0.15], eye: [1.35, 0.1], ear: [1.3, 0] };
const LIMBS = {
  shoulder: [1, 0],
  hip: [0, 0],
  knee: [-1, 0.05],
  ankle: [-2, 0],
} as const satisfies Record<string, UV>;
const ARMS_DOWN = { elbow: [0.55, 0.05], wrist: [0.15, 0.1] } as const satisfies Record<string, UV>;
const ARMS_UP = { elbow: [1.6, 0.05], wrist: [2.1, 0.1] } as const satisfies Record<string, UV>;

/** Unit vectors of the body axes on screen (y down). */
function axes(posture: FigurePosture, toward: 1 | -1): { u: Point; v: Point } {
  if (posture === 'standing') return { u: { x: 0, y: -1 }, v: { x: toward, y: 0 } };
  return { u: { x: toward, y: 0 }, v: { x: 0, y: posture === 'prone' ? 1 : -1 } };
}

const DEFAULT_HIP: Record<FigurePosture, Point> = {
  standing: { x: IMAGE_W / 2, y: 280 },
  prone: { x: IMAGE_W / 2, y: 360 },
  supine: { x: IMAGE_W / 2, y: 360 },
};

/** One frame of the stick figure. */
export function figure(options: FigureOptions = {}): PoseFrame {
  const posture = options.posture ?? 'standing';
  const toward = options.toward ?? 1;
  const hip = options.hip ?? DEFAULT_HIP[posture];
  const torso = options.torso ?? 80;
  const spread = options.spread ?? 0;
  const { u, v } = axes(posture, toward);
  const at = ([du, dv]: UV, side: -1 | 0 | 1): Point => {
    // left and right sit half the spread either side of the body's mid-plane, along v
    const dvSide = dv + (side * spread) / 2;
    return { x: hip.x + torso * (du * u.x + dvSide * v.x), y: hip.y + torso * (du * u.y + dvSide * v.y) };
  };
  const arms = options.armsRaised ? ARMS_UP : ARMS_DOWN;
  const score = { left: options.leftScore ?? 0.9, right: options.rightScore ?? 0.6 };
  const place = new Map<string, { p: Point; score: number }>();
  place.set('nose', { p: at(HEAD.nose, 0), score: options.noseScore ?? 0.9 });
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? -1 : 1;
    const named = options.swapLabels ? (side === 'left' ? 'right' : 'left') : side;
    place.set(`${named}_eye`, { p: at(HEAD.eye, s), score: score[side] });
    place.set(`${named}_ear`, { p: at(HEAD.ear, s), score: score[side] });
    for (const [joint, uv] of Object.entries({ ...LIMBS, ...arms })) place.set(`${named}_${joint}`, { p: at(uv, s), score: score[side] });
  }
  const keypoints: Keypoint[] = COCO_17.map((name) => {
    const k = place.get(name);
    if (!k) throw new Error(`test-frames: no place for ${name}`);
    const o = options.set?.[name];
    return { name, x: o?.x ?? k.p.x, y: o?.y ?? k.p.y, score: o?.score ?? k.score };
  });
  return {
    timestampMs: options.t ?? 0,
    imageWidth: options.width ?? IMAGE_W,
    imageHeight: options.height ?? IMAGE_H,
    score: options.poseScore ?? 0.8,
    keypoints,
  };
}

/** A frame in which the model found nobody. */
export function noPerson(t = 0, width = IMAGE_W, height = IMAGE_H): PoseFrame {
  return { timestampMs: t, imageWidth: width, imageHeight: height, score: 0, keypoints: [] };
}

/** Frame times from `fromMs` up to and including `toMs`, every `stepMs`. */
export function times(fromMs: number, toMs: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) out.push(t);
  return out;
}

/** The same figure at each of `ts`. */
export function figures(ts: readonly number[], options: FigureOptions = {}): PoseFrame[] {
  return ts.map((t) => figure({ ...options, t }));
}

/** The keypoint named `name` of a frame (throws when absent, so tests fail loudly). */
export function kp(frame: PoseFrame, name: KeypointName): Keypoint {
  const k = frame.keypoints.find((p) => p.name === name);
  if (!k) throw new Error(`test-frames: frame has no ${name}`);
  return k;
}

export function trackFrameOfPose(frame: PoseFrame): TrackFrame {
  return { t: frame.timestampMs, score: frame.score, keypoints: frame.keypoints };
}

/** A keypoint track of `frames` (all the same image size). */
export function trackOf(frames: readonly PoseFrame[], source = 'hand-built', model = 'test-model'): KeypointTrack {
  const first = frames[0];
  return {
    version: TRACK_VERSION,
    source,
    model,
    width: first?.imageWidth ?? IMAGE_W,
    height: first?.imageHeight ?? IMAGE_H,
    fps: 10,
    frames: frames.map(trackFrameOfPose),
  };
}
