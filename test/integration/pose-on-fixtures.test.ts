/**
 * The real MoveNet Lightning, on the wasm backend in Node, on every side-view
 * fixture clip: it must find the person (pose score >= 0.3) in at least 90% of
 * the frames, and leave no tensor behind.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeVideo, createNodeEstimator } from '../../src/cli/analyze-video.ts';
import type { PoseEstimator } from '../../src/pose/estimator.ts';
import { validateTrack } from '../../src/core/track.ts';
import { fixturePath, sideViewClips } from '../helpers/fixtures.ts';
import { SCRATCH } from '../helpers/paths.ts';

const MIN_POSE_SCORE = 0.3;
const MIN_FRACTION_WITH_POSE = 0.9;
const clips = sideViewClips();

describe('MoveNet Lightning on the side-view fixture clips (Node, wasm)', () => {
  let estimator: PoseEstimator;
  beforeAll(async () => {
    estimator = await createNodeEstimator('movenet-lightning', 'wasm');
  });
  afterAll(() => estimator?.dispose());

  it('has side-view clips to run on', () => {
    expect(clips.length).toBeGreaterThanOrEqual(4);
  });

  for (const clip of clips) it(`finds the person in at least 90% of the frames of ${basename(clip.file)}`, async () => {
    const tensorsBefore = tf.memory().numTensors;
    const track = await analyzeVideo(fixturePath(clip), { estimator, fps: 15 });
    expect(tf.memory().numTensors).toBe(tensorsBefore);

    const validation = validateTrack(track);
    expect(validation.ok ? 'valid' : validation.error).toBe('valid');
    expect(track.frames.length).toBeGreaterThan(15);
    const withPose = track.frames.filter((f) => f.score >= MIN_POSE_SCORE).length;
    const fraction = withPose / track.frames.length;

    mkdirSync(join(SCRATCH, 'tracks'), { recursive: true });
    writeFileSync(join(SCRATCH, 'tracks', `${basename(clip.file, '.mp4')}.movenet-lightning.json`), JSON.stringify(track));
    console.log(`${basename(clip.file)}: pose in ${withPose}/${track.frames.length} frames (${(fraction * 100).toFixed(1)}%)`);
    expect(fraction).toBeGreaterThanOrEqual(MIN_FRACTION_WITH_POSE);
  });
});
