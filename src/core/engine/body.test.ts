import { describe, expect, it } from 'vitest';
import { BodyFrame, CHAIN_JOINTS, chainScore, otherSide } from './body.ts';
import { BLAZEPOSE_33, COCO_17 } from '../frame/skeleton.ts';
import { DEFAULT_MIN_KEYPOINT_SCORE } from '../frame/confidence.ts';
import type { Keypoint, PoseFrame } from '../frame/pose-frame.ts';
import { figure, kp, noPerson } from './test-frames.ts';

/** A frame whose keypoint i sits at a spot unique to i (and to `seed`), with score `scoreOf(i)`. */
function numbered(names: readonly string[], seed = 0, scoreOf: (i: number) => number = () => 0.9): PoseFrame {
  const keypoints: Keypoint[] = names.map((name, i) => ({ name, x: 10 * i + seed, y: 500 - 7 * i - seed, score: scoreOf(i) }));
  return { timestampMs: 40 + seed, imageWidth: 640, imageHeight: 480, score: 0.7, keypoints };
}

const byName = (frame: PoseFrame, name: string): Keypoint => {
  const k = frame.keypoints.find((p) => p.name === name);
  if (!k) throw new Error(`no ${name}`);
  return k;
};

function expectChainsMatch(body: BodyFrame, frame: PoseFrame): void {
  for (const side of ['left', 'right'] as const) {
    for (const j of CHAIN_JOINTS) {
      const k = byName(frame, `${side}_${j}`);
      expect(body.chain(side)[j], `${side}_${j}`).toMatchObject({ x: k.x, y: k.y, score: k.score });
    }
  }
  const nose = byName(frame, 'nose');
  expect(body.nose).toMatchObject({ x: nose.x, y: nose.y, score: nose.score });
}

describe('BodyFrame.read', () => {
  it('reads both chains and the nose of a COCO-17 frame by name', () => {
    const frame = numbered(COCO_17);
    const body = new BodyFrame().read(frame);
    expect(body.present).toBe(true);
    expectChainsMatch(body, frame);
    expect(body).toMatchObject({ timestampMs: frame.timestampMs, imageWidth: frame.imageWidth, imageHeight: frame.imageHeight, poseScore: frame.score });
  });

  it('reads both chains and the nose of a BlazePose-33 frame by name', () => {
    const frame = numbered(BLAZEPOSE_33);
    const body = new BodyFrame().read(frame);
    expect(body.present).toBe(true);
    expectChainsMatch(body, frame);
  });

  it('follows a change of keypoint format between frames', () => {
    const body = new BodyFrame();
    body.read(numbered(COCO_17));
    const blaze = numbered(BLAZEPOSE_33, 3);
    body.read(blaze);
    expectChainsMatch(body, blaze);
    const coco = numbered(COCO_17, 5);
    body.read(coco);
    expectChainsMatch(body, coco);
  });

  it('marks joints known at and above the score gate (0.3), unknown below it', () => {
    expect(DEFAULT_MIN_KEYPOINT_SCORE).toBe(0.3);
    const gate = DEFAULT_MIN_KEYPOINT_SCORE;
    const frame = figure({
      set: {
        left_shoulder: { score: gate },
        left_hip: { score: gate - 0.01 },
        right_knee: { score: 0 },
        nose: { score: gate + 0.01 },
      },
    });
    const body = new BodyFrame().read(frame);
    expect(body.left.shoulder.known).toBe(true);
    expect(body.left.hip.known).toBe(false);
    expect(body.right.knee.known).toBe(false);
    expect(body.nose.known).toBe(true);
    // an unknown joint still carries its coordinates (for drawing)
    expect(body.left.hip).toMatchObject({ x: kp(frame, 'left_hip').x, y: kp(frame, 'left_hip').y });
  });

  it('uses the gate given to the constructor', () => {
    const frame = figure({ leftScore: 0.5, rightScore: 0.5 });
    expect(new BodyFrame(0.6).read(frame).left.shoulder.known).toBe(false);
    expect(new BodyFrame(0.4).read(frame).left.shoulder.known).toBe(true);
  });

  it('treats a joint with non-finite coordinates as unknown whatever its score', () => {
    const body = new BodyFrame().read(figure({ set: { left_knee: { x: Number.NaN, score: 0.99 } } }));
    expect(body.left.knee.known).toBe(false);
  });

  it('reads an empty frame as no person', () => {
    const body = new BodyFrame();
    body.read(figure());
    expect(body.present).toBe(true);
    const empty = noPerson(123);
    body.read(empty);
    expect(body.present).toBe(false);
    expect(body.timestampMs).toBe(empty.timestampMs);
  });

  it('reads a keypoint list without the chain names as no person', () => {
    const frame = numbered(COCO_17.map((n) => (n === 'left_ankle' ? 'left_foot' : n)));
    expect(new BodyFrame().read(frame).present).toBe(false);
  });

  it('reuses the same joint objects from frame to frame', () => {
    const body = new BodyFrame();
    expect(body.read(figure({ t: 0 }))).toBe(body);
    const joints = CHAIN_JOINTS.map((j) => [body.left[j], body.right[j]]);
    const nose = body.nose;
    const { left, right } = body;
    const second = figure({ t: 100, hip: { x: 250, y: 290 } });
    body.read(second);
    expect(body.left).toBe(left);
    expect(body.right).toBe(right);
    expect(body.nose).toBe(nose);
    CHAIN_JOINTS.forEach((j, i) => {
      expect(body.left[j]).toBe(joints[i]?.[0]);
      expect(body.right[j]).toBe(joints[i]?.[1]);
    });
    // ...updated in place with the second frame's values
    expect(body.left.hip.x).toBe(kp(second, 'left_hip').x);
    expect(body.timestampMs).toBe(100);
  });

  it('chain(side) returns that side', () => {
    const body = new BodyFrame().read(figure());
    expect(body.chain('left')).toBe(body.left);
    expect(body.chain('right')).toBe(body.right);
    expect(otherSide('left')).toBe('right');
    expect(otherSide('right')).toBe('left');
  });
});

describe('chainScore', () => {
  it('is the mean score of the chain joints', () => {
    const scores = [0.1, 0.2, 0.9, 0.4, 0.5, 0.6, 0.95];
    const set = Object.fromEntries(CHAIN_JOINTS.map((j, i) => [`right_${j}`, { score: scores[i] }]));
    const body = new BodyFrame().read(figure({ set }));
    expect(chainScore(body.right)).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 12);
  });

  it('counts the scores of unknown joints too', () => {
    const body = new BodyFrame().read(figure({ leftScore: 0.1 }));
    expect(body.left.hip.known).toBe(false);
    expect(chainScore(body.left)).toBeCloseTo(0.1, 12);
  });
});
