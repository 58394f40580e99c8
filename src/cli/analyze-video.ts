/** Video file -> keypoint track, in Node: ffmpeg decode, then the same estimator the browser runs (wasm backend). */
import * as tf from '@tensorflow/tfjs-core';
import { basename } from 'node:path';
import { createPoseEstimator, type PoseEstimator } from '../pose/estimator.ts';
import type { BackendChoice } from '../pose/backend.ts';
import { DEFAULT_MODEL, type ModelId } from '../pose/models.ts';
import { TrackRecorder, type KeypointTrack } from '../core/track.ts';
import type { PoseFrame } from '../core/frame/pose-frame.ts';
import { decodeFrames, probeVideo } from './ffmpeg.ts';
import { readModelFileFrom } from './node-model-files.ts';

export interface AnalyzeVideoOptions {
  readonly model?: ModelId;
  readonly fps?: number;
  readonly backend?: BackendChoice;
  /** called after each analysed frame with frames done and the expected total */
  readonly onProgress?: (done: number, total: number) => void;
  /** called with every analysed frame (for tests and benchmarks) */
  readonly onFrame?: (frame: PoseFrame, inferenceMs: number) => void;
  /** an estimator to reuse across videos; created (and disposed) here when left out */
  readonly estimator?: PoseEstimator;
  /** ffmpeg's decoding threads (DecodeOptions.threads); default: ffmpeg's choice */
  readonly decodeThreads?: number;
}

export async function createNodeEstimator(model: ModelId = DEFAULT_MODEL, backend: BackendChoice = 'wasm', smoothing = true): Promise<PoseEstimator> {
  return createPoseEstimator({ model, backend, readModelFile: readModelFileFrom(), webglRenderer: null, smoothing });
}

export async function analyzeVideo(path: string, options: AnalyzeVideoOptions = {}): Promise<KeypointTrack> {
  const fps = options.fps ?? 15;
  const info = probeVideo(path);
  const estimator = options.estimator ?? (await createNodeEstimator(options.model ?? DEFAULT_MODEL, options.backend ?? 'wasm'));
  const recorder = new TrackRecorder(basename(path), estimator.model);
  const total = Math.max(1, Math.round(info.durationS * fps));
  estimator.reset();
  try {
    for await (const frame of decodeFrames(path, info, { fps, threads: options.decodeThreads })) {
      const started = performance.now();
      // int32 values from decodeFrames: tfjs takes them as they are (one copy, into the backend)
      const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
      let pose: PoseFrame;
      try {
        pose = await estimator.estimate(image, frame.timestampMs);
      } finally {
        image.dispose();
      }
      options.onFrame?.(pose, performance.now() - started);
      recorder.add(pose);
      options.onProgress?.(frame.index + 1, Math.max(total, frame.index + 1));
    }
  } finally {
    if (!options.estimator) estimator.dispose();
  }
  return recorder.toTrack(fps);
}
