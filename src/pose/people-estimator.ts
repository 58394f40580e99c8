/**
 * The people model: MoveNet MultiPose Lightning with pose-detection's bounding
 * box tracker, so that every person in view is found and keeps an id from
 * frame to frame. It runs beside the coaching model (in the pose worker, or in
 * Node for tests and scripts) on the backend that model already started.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PeopleFrame, TrackedPose } from '../core/people/people-frame.ts';
import type { Keypoint } from '../core/frame/pose-frame.ts';
import { warmUp, type PoseInput } from './estimator.ts';
import { modelFile, modelSpec, PEOPLE_MODEL } from './models.ts';
import { verifiedModelHandler, type LoadStats, type ReadModelFile } from './model-files.ts';

/**
 * The model's input's longer side, px (a multiple of 32): pose-detection's
 * default. On the two-person clip (scripts/bench-people.ts) 192 px ran in
 * 0.6 of the time but saw both people in 61 frames instead of 68 and nobody
 * in 2; 160 px saw nobody in 65 of 167 frames.
 */
export const PEOPLE_MAX_DIMENSION_PX = 256;
/** A pose below this score is no person (pose-detection's default is 0.25). */
export const PEOPLE_MIN_POSE_SCORE = 0.25;
/** Most people tracked at once: more than two or three in a home workout is rare. */
const MAX_TRACKS = 6;
/** A track not seen for this long is dropped, ms (the tracker's default is 1000). */
const TRACK_MAX_AGE_MS = 1000;

export interface PeopleEstimator {
  /** Everyone in `input`, taken at `timestampMs` of the source. */
  estimatePeople(input: PoseInput, timestampMs: number): Promise<PeopleFrame>;
  /** Forgets the tracks and smoothing: call when the source jumps. */
  reset(): void;
  dispose(): void;
}

export interface PeopleEstimatorOptions {
  readonly readModelFile: ReadModelFile;
  readonly smoothing?: boolean;
  /** the model's input's longer side, px, a multiple of 32 (PEOPLE_MAX_DIMENSION_PX when left out) */
  readonly maxDimensionPx?: number;
}

function inputSize(input: PoseInput): { width: number; height: number } {
  if (input instanceof tf.Tensor) return { width: input.shape[1] ?? 0, height: input.shape[0] ?? 0 };
  if (typeof HTMLVideoElement !== 'undefined' && input instanceof HTMLVideoElement) return { width: input.videoWidth, height: input.videoHeight };
  return { width: (input as { width: number }).width, height: (input as { height: number }).height };
}

/** Starts the people model on the current tfjs backend (create the coaching estimator first: it picks and starts the backend). */
export async function createPeopleEstimator(options: PeopleEstimatorOptions): Promise<PeopleEstimator & { readonly modelBytesLoaded: number }> {
  const spec = modelSpec(PEOPLE_MODEL);
  const stats: LoadStats = { bytesRead: 0 };
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
    modelType: poseDetection.movenet.modelType.MULTIPOSE_LIGHTNING,
    modelUrl: verifiedModelHandler(options.readModelFile, modelFile(spec, 'model'), modelFile(spec, 'weights'), stats),
    enableSmoothing: options.smoothing ?? true,
    enableTracking: true,
    trackerType: poseDetection.TrackerType.BoundingBox,
    trackerConfig: { maxTracks: MAX_TRACKS, maxAge: TRACK_MAX_AGE_MS, minSimilarity: 0.15 },
    multiPoseMaxDimension: options.maxDimensionPx ?? PEOPLE_MAX_DIMENSION_PX,
    minPoseScore: PEOPLE_MIN_POSE_SCORE,
  });
  // pose-detection's reset() is for its single-pose models only (it throws on MultiPose's missing
  // crop filters), and the tracker has no reset of its own: a reset moves the time the detector
  // sees on by more than a track's lifetime, so that the tracker drops every track it had and the
  // per-track keypoint filters go with them
  let lastDetectorMs = -Infinity;
  let shiftMs = 0;
  let restart = false;
  await warmUp(detector, PEOPLE_MAX_DIMENSION_PX);
  lastDetectorMs = 0;
  return {
    modelBytesLoaded: stats.bytesRead,
    async estimatePeople(input, timestampMs) {
      const { width, height } = inputSize(input);
      if (width === 0 || height === 0) return { timestampMs, imageWidth: width, imageHeight: height, poses: [] };
      if (restart && Number.isFinite(lastDetectorMs)) shiftMs = lastDetectorMs + 2 * TRACK_MAX_AGE_MS - timestampMs;
      restart = false;
      // the tracker also needs time to go forward: a source starting again from 0 is a restart too
      if (timestampMs + shiftMs <= lastDetectorMs) shiftMs = lastDetectorMs + 2 * TRACK_MAX_AGE_MS - timestampMs;
      lastDetectorMs = timestampMs + shiftMs;
      const found = await detector.estimatePoses(input, { flipHorizontal: false }, lastDetectorMs);
      const poses: TrackedPose[] = found.map((pose) => ({
        id: pose.id ?? -1,
        score: pose.score ?? 0,
        keypoints: pose.keypoints.map((k): Keypoint => ({ name: k.name ?? '', x: k.x, y: k.y, score: k.score ?? 0 })),
      }));
      poses.sort((a, b) => b.score - a.score);
      return { timestampMs, imageWidth: width, imageHeight: height, poses };
    },
    reset() {
      restart = true;
    },
    dispose() {
      detector.dispose();
    },
  };
}
