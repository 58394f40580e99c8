import { describe, it, expect } from 'vitest';
import type { Keypoint, PoseFrame } from './frame/pose-frame.ts';
import { PackedTrackFrames } from './packed-track-frames.ts';
import { trackFrameOf } from './track.ts';

const MOVENET = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];

/** a frame with awkward numbers: thirds, negatives, off-image points, scores at both ends */
function frameAt(i: number, names: readonly string[] = MOVENET): PoseFrame {
  const keypoints: Keypoint[] = names.map((name, k) => ({ name, x: (i * 37.123 + k / 3) % 1999.97 - 20.04, y: (i * 11.9 + k * 7.77) % 1081.3, score: ((i + k) % 1001) / 1000 + 0.0004 }));
  return { timestampMs: i * 33.37, imageWidth: 1920, imageHeight: 1080, score: (i % 997) / 996, keypoints };
}

describe('packed track frames', () => {
  it('give back every frame exactly as trackFrameOf rounded it, across chunks', () => {
    // 52 numbers a MoveNet frame: a 200-number chunk holds 3, so 50 frames cross many chunks
    const packed = new PackedTrackFrames(200);
    const frames = Array.from({ length: 50 }, (_, i) => trackFrameOf(frameAt(i)));
    for (const f of frames) packed.push(f);
    expect(packed.length).toBe(50);
    expect(packed.toArray()).toEqual(frames);
    expect(packed.frame(17)).toEqual(frames[17]);
    expect([packed.firstT, packed.lastT]).toEqual([frames[0]!.t, frames[49]!.t]);
  });

  it('keep frames without a pose, and another model’s keypoint names, in their place', () => {
    const packed = new PackedTrackFrames(120);
    const frames = [
      trackFrameOf(frameAt(0)),
      trackFrameOf({ timestampMs: 40, imageWidth: 640, imageHeight: 360, score: 0, keypoints: [] }),
      trackFrameOf(frameAt(2, ['nose', 'left_heel', 'right_foot_index'])),
      trackFrameOf(frameAt(3)),
    ];
    for (const f of frames) packed.push(f);
    expect(packed.toArray()).toEqual(frames);
  });

  it('keep coordinates of a 4K picture to 0.1 px (beyond 16 bits: that frame is kept whole), with packed frames around it', () => {
    const packed = new PackedTrackFrames();
    const before = trackFrameOf(frameAt(1));
    const frame = trackFrameOf({ timestampMs: 9_999_999.4, imageWidth: 3840, imageHeight: 2160, score: 0.5, keypoints: [{ name: 'nose', x: 3839.94, y: -12.34, score: 1 }] });
    const edge = trackFrameOf({ timestampMs: 10_000_033, imageWidth: 3840, imageHeight: 2160, score: 1, keypoints: [{ name: 'nose', x: 3276.7, y: -3276.7, score: 0 }] });
    for (const f of [before, frame, edge]) packed.push(f);
    expect(packed.frame(1)).toEqual({ t: 9_999_999, score: 0.5, keypoints: [{ name: 'nose', x: 3839.9, y: -12.3, score: 1 }] });
    expect(packed.toArray()).toEqual([before, frame, edge]);
  });

  it('is empty at first, and refuses a frame bigger than a chunk with its size', () => {
    const packed = new PackedTrackFrames(10);
    expect(packed.length).toBe(0);
    expect(packed.firstT).toBeUndefined();
    expect(packed.toArray()).toEqual([]);
    expect(() => packed.push(trackFrameOf(frameAt(0)))).toThrow('a track frame of 17 keypoints does not fit a chunk of 10 numbers');
    expect(() => packed.frame(0)).toThrow(RangeError);
  });
});
