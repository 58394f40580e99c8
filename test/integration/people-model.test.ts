/**
 * The people model (MoveNet MultiPose with its tracker), real weights from
 * public/models, wasm backend in Node, on the two-person clip the tests
 * compose: it finds both people while both are in view, keeps each one's
 * tracker id, and leaves no tensor behind (the earlier trial left 303).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createNodeEstimator } from '../../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../../src/cli/ffmpeg.ts';
import { readModelFileFrom } from '../../src/cli/node-model-files.ts';
import type { PoseEstimator } from '../../src/pose/estimator.ts';
import { createPeopleEstimator, type PeopleEstimator } from '../../src/pose/people-estimator.ts';
import { OTHER_PERSON_IN_VIEW_S, twoPeopleClip } from '../helpers/two-people.ts';
import type { PeopleFrame } from '../../src/core/people/people-frame.ts';

describe('MoveNet MultiPose with its tracker on the two-person clip (Node, wasm)', () => {
  let coachingModel: PoseEstimator;
  let people: PeopleEstimator;
  const frames: PeopleFrame[] = [];
  const tensorsAfter: number[] = [];
  let firstPicture: { rgb: Int32Array | Uint8Array; width: number; height: number } | null = null;

  beforeAll(async () => {
    // the coaching model starts the backend, as in the pose worker
    coachingModel = await createNodeEstimator('movenet-lightning', 'wasm');
    people = await createPeopleEstimator({ readModelFile: readModelFileFrom() });
    const clip = twoPeopleClip({ format: 'mp4' });
    for await (const frame of decodeFrames(clip, probeVideo(clip), { fps: 5 })) {
      firstPicture ??= { rgb: frame.rgb.slice(), width: frame.width, height: frame.height };
      const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
      try {
        frames.push(await people.estimatePeople(image, frame.timestampMs));
      } finally {
        image.dispose();
      }
      tensorsAfter.push(tf.memory().numTensors);
    }
  }, 300_000);

  afterAll(() => {
    people?.dispose();
    coachingModel?.dispose();
  });

  it('leaves as many tensors after the last frame as after the first', () => {
    expect(tensorsAfter.length).toBeGreaterThan(40);
    console.log(`tensors alive after frame 1: ${tensorsAfter[0]}, after frame ${tensorsAfter.length}: ${tensorsAfter.at(-1)}`);
    expect(new Set(tensorsAfter)).toEqual(new Set([tensorsAfter[0]]));
  });

  it('finds one person before the second walks in, and two while both are in view', () => {
    const { from, to } = OTHER_PERSON_IN_VIEW_S;
    const alone = frames.filter((f) => f.timestampMs < (from - 0.2) * 1000);
    const both = frames.filter((f) => f.timestampMs > (from + 1.6) * 1000 && f.timestampMs < (to - 1.6) * 1000);
    expect(alone.every((f) => f.poses.length === 1)).toBe(true);
    // the standing woman is small and half hidden at times: most frames, not every one
    expect(both.filter((f) => f.poses.length === 2).length).toBeGreaterThanOrEqual(both.length * 0.6);
  });

  it("keeps the subject's tracker id while the other person comes and goes", () => {
    const subjectIds = frames.map((f) => f.poses.find((p) => p.keypoints[0]!.x < 450)?.id).filter((id) => id !== undefined);
    expect(new Set(subjectIds).size).toBe(1);
  });

  it('forgets its tracks on reset (the same person gets a new id), also when the source starts again from 0, and tracks on from there', async () => {
    const picture = firstPicture!;
    const image = tf.tensor3d(picture.rgb, [picture.height, picture.width, 3], 'int32');
    try {
      const idsBefore = new Set(frames.flatMap((f) => f.poses.map((p) => p.id)));
      people.reset();
      const restarted = await people.estimatePeople(image, 0);
      const next = await people.estimatePeople(image, 200);
      expect(restarted.poses.length).toBe(1);
      expect(idsBefore.has(restarted.poses[0]!.id)).toBe(false);
      expect(next.poses.map((p) => p.id)).toEqual([restarted.poses[0]!.id]);
      expect(restarted.timestampMs).toBe(0);
    } finally {
      image.dispose();
    }
  });

  it('frees every tensor of the people model when it is disposed', async () => {
    const before = tf.memory().numTensors;
    const another = await createPeopleEstimator({ readModelFile: readModelFileFrom() });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    another.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
