/**
 * The body as the coach sees it: the joints of each side, looked up by name
 * once per keypoint format (MoveNet's COCO-17 and BlazePose's 33 share these
 * names), each either known (score above the gate) or unknown. Unknown joints
 * keep their last coordinates for drawing but must never feed a count.
 */
import type { PoseFrame } from '../frame/pose-frame.ts';
import { DEFAULT_MIN_KEYPOINT_SCORE } from '../frame/confidence.ts';

export const CHAIN_JOINTS = ['ear', 'shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const;
export type ChainJoint = (typeof CHAIN_JOINTS)[number];
export type Side = 'left' | 'right';

export interface JointSample {
  x: number;
  y: number;
  score: number;
  /** score >= the confidence gate: usable for measurement */
  known: boolean;
}

export type Chain = Record<ChainJoint, JointSample>;

/** Distance between two joints in pixels; NaN unless both are known. */
export const jointDistancePx = (a: JointSample, b: JointSample): number => (a.known && b.known ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN);

const newJoint = (): JointSample => ({ x: 0, y: 0, score: 0, known: false });
const newChain = (): Chain => ({ ear: newJoint(), shoulder: newJoint(), elbow: newJoint(), wrist: newJoint(), hip: newJoint(), knee: newJoint(), ankle: newJoint() });

/** Indices of each chain joint and the nose in a frame's keypoint array, per keypoint list layout. */
interface Layout {
  readonly left: Readonly<Record<ChainJoint, number>>;
  readonly right: Readonly<Record<ChainJoint, number>>;
  readonly nose: number;
}

function layoutOf(frame: PoseFrame): Layout | null {
  const index = new Map<string, number>();
  frame.keypoints.forEach((k, i) => index.set(k.name, i));
  const side = (s: Side): Record<ChainJoint, number> | null => {
    const out = {} as Record<ChainJoint, number>;
    for (const j of CHAIN_JOINTS) {
      const i = index.get(`${s}_${j}`);
      if (i === undefined) return null;
      out[j] = i;
    }
    return out;
  };
  const left = side('left');
  const right = side('right');
  const nose = index.get('nose');
  if (!left || !right || nose === undefined) return null;
  return { left, right, nose };
}

/**
 * Both chains and the nose of one frame, in reused objects: reading a frame
 * allocates nothing once the layout is known.
 */
export class BodyFrame {
  readonly left: Chain = newChain();
  readonly right: Chain = newChain();
  readonly nose: JointSample = newJoint();
  timestampMs = 0;
  imageWidth = 0;
  imageHeight = 0;
  poseScore = 0;
  /** false when the frame had no pose (or an unknown keypoint layout) */
  present = false;

  private layout: Layout | null = null;
  private layoutLength = -1;

  constructor(private readonly minScore = DEFAULT_MIN_KEYPOINT_SCORE) {}

  read(frame: PoseFrame): this {
    this.timestampMs = frame.timestampMs;
    this.imageWidth = frame.imageWidth;
    this.imageHeight = frame.imageHeight;
    this.poseScore = frame.score;
    const kps = frame.keypoints;
    if (kps.length === 0) {
      this.present = false;
      return this;
    }
    if (kps.length !== this.layoutLength || !this.layout || kps[this.layout.nose]?.name !== 'nose') {
      this.layout = layoutOf(frame);
      this.layoutLength = kps.length;
    }
    const layout = this.layout;
    if (!layout) {
      this.present = false;
      return this;
    }
    this.present = true;
    for (const j of CHAIN_JOINTS) {
      this.copy(kps[layout.left[j]], this.left[j]);
      this.copy(kps[layout.right[j]], this.right[j]);
    }
    this.copy(kps[layout.nose], this.nose);
    return this;
  }

  chain(side: Side): Chain {
    return side === 'left' ? this.left : this.right;
  }

  private copy(from: { x: number; y: number; score: number } | undefined, to: JointSample): void {
    if (!from) {
      to.known = false;
      to.score = 0;
      return;
    }
    to.x = from.x;
    to.y = from.y;
    to.score = from.score;
    to.known = from.score >= this.minScore && Number.isFinite(from.x) && Number.isFinite(from.y);
  }
}

/** Mean score of a chain's joints: how well the model sees that side. */
export function chainScore(chain: Chain): number {
  let sum = 0;
  for (const j of CHAIN_JOINTS) sum += chain[j].score;
  return sum / CHAIN_JOINTS.length;
}

export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');
