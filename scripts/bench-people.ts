/**
 * npm run bench:people — what finding every person costs (issue 11 point 6),
 * in Node on the wasm backend (the pose worker's backend), on the two-person
 * clip the tests compose (test/helpers/two-people.ts): per-frame time of
 * MoveNet Lightning (single pose, the default) and of MoveNet MultiPose with
 * its tracker at a few input sizes, interleaved frame by frame (ABAB) so that
 * a busy machine slows both alike; tensors alive after the first frame and
 * after the last (every tensor must be disposed); people found per frame.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createNodeEstimator } from '../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../src/cli/ffmpeg.ts';
import { readModelFileFrom } from '../src/cli/node-model-files.ts';
import { createPeopleEstimator } from '../src/pose/people-estimator.ts';
import { median } from '../src/core/stats.ts';
import { twoPeopleClip } from '../test/helpers/two-people.ts';
import { loadavg } from 'node:os';

const SIZES_PX = [256, 192, 160] as const;

async function main(): Promise<void> {
  const clip = twoPeopleClip({ format: 'mp4' });
  const info = probeVideo(clip);
  const lightning = await createNodeEstimator('movenet-lightning', 'wasm');
  const people = await Promise.all(SIZES_PX.map((px) => createPeopleEstimator({ readModelFile: readModelFileFrom(), maxDimensionPx: px })));
  const times = { lightning: [] as number[], people: SIZES_PX.map(() => [] as number[]) };
  const found = SIZES_PX.map(() => new Map<number, number>());
  const tensors = { lightning: [] as number[], people: SIZES_PX.map(() => [] as number[]) };
  for await (const frame of decodeFrames(clip, info, { fps: 15 })) {
    const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
    try {
      let started = performance.now();
      await lightning.estimate(image, frame.timestampMs);
      times.lightning.push(performance.now() - started);
      tensors.lightning.push(tf.memory().numTensors);
      for (const [i, estimator] of people.entries()) {
        started = performance.now();
        const result = await estimator.estimatePeople(image, frame.timestampMs);
        times.people[i]!.push(performance.now() - started);
        tensors.people[i]!.push(tf.memory().numTensors);
        found[i]!.set(result.poses.length, (found[i]!.get(result.poses.length) ?? 0) + 1);
      }
    } finally {
      image.dispose();
    }
  }
  const ms = (xs: number[]): string => `median ${median(xs.slice(3)).toFixed(1)} ms (p90 ${[...xs.slice(3)].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 3))]!.toFixed(1)})`;
  console.log(`clip: ${clip} (${info.width}x${info.height}, ${times.lightning.length} frames at 15 fps); load average ${loadavg()[0]!.toFixed(2)}; backend ${tf.getBackend()}`);
  console.log(`MoveNet Lightning (single pose): ${ms(times.lightning)}`);
  for (const [i, px] of SIZES_PX.entries()) {
    const counts = [...found[i]!.entries()].sort((a, b) => a[0] - b[0]).map(([n, c]) => `${n} people: ${c}`).join(', ');
    console.log(`MoveNet MultiPose ${px} px + tracker: ${ms(times.people[i]!)}; ratio to Lightning ${(median(times.people[i]!.slice(3)) / median(times.lightning.slice(3))).toFixed(2)}; frames with ${counts}`);
  }
  // the tensor count is read after each model's frame: it must be the same after the first frame and after the last
  const first = tensors.people[0]![0]!;
  const last = tensors.people[0]!.at(-1)!;
  console.log(`tensors alive after frame 1: ${first}, after frame ${tensors.people[0]!.length}: ${last} (growth ${last - first} over ${tensors.people[0]!.length - 1} frames)`);
  lightning.dispose();
  for (const p of people) p.dispose();
  console.log(`tensors after disposing every model: ${tf.memory().numTensors}`);
}

void main();
