/**
 * From a motion to a keypoint track, with the corruption a real pose model
 * adds: jitter, dropped frames, brief left/right swaps, unsure joints, and
 * joints outside the image. Seeded: the same options give the same track.
 * Each kind of corruption draws from its own random stream, so adding swaps
 * to a track leaves its noise and drops as they were.
 */
import { TRACK_VERSION, trackFrameOf, type KeypointTrack, type TrackFrame } from '../../src/core/track.ts';
import type { Keypoint } from '../../src/core/frame/pose-frame.ts';
import { projectPose, resolveCamera, scoreRange, type Camera, type CameraOptions, type CocoName, type Motion } from './body-model.ts';
import { randomStream } from './prng.ts';

export interface LowScoreSpan {
  readonly joints: readonly CocoName[];
  readonly fromMs: number;
  /** exclusive */
  readonly toMs: number;
  /** the score they get; left out: uniform in CORRUPTION.lowScoreRange per frame */
  readonly score?: number;
}

export interface TraceOptions extends CameraOptions {
  readonly durationMs: number;
  /** frames per second (the app analyses at 15) */
  readonly fps?: number;
  /** Gaussian noise on x and y independently, standard deviation as a fraction of the torso length */
  readonly noiseSigma?: number;
  /** fraction of frames replaced by "no pose" ({ score: 0, keypoints: [] }), picked at random */
  readonly dropFraction?: number;
  /** how many brief left/right label swaps (each 1-3 frames) */
  readonly swaps?: number;
  /** joints the model is unsure of for a while */
  readonly lowScoreJoints?: readonly LowScoreSpan[];
  readonly seed?: number;
  /**
   * What the model reports for a joint outside the image. 'lost' (default):
   * it cannot see it: clamped to the edge with CORRUPTION.outOfImageScore.
   * 'placed': it still places it where it is, just past the edge, with its
   * usual score, as MoveNet and BlazePose do for a knee or foot at the edge
   * of a tight frame (superman_klarfit: an ankle 2-4 px outside at 0.4-0.8).
   */
  readonly offImage?: 'lost' | 'placed';
  /** the track's source text; left out: a description of the options */
  readonly source?: string;
}

/** How the corruption looks: why each number. */
export const CORRUPTION = {
  /** unsure joints: scores below the 0.3 gate of docs/track-format.md */
  lowScoreRange: [0.05, 0.25],
  /** unsure joints wander: position error, standard deviation in torso lengths */
  lowScoreWanderTorso: 0.15,
  /** a keypoint outside the image is clamped to its edge with this score (MoveNet cannot see it) */
  outOfImageScore: 0.05,
  /** with fewer keypoints inside the image than this, the frame has no pose */
  minVisibleKeypoints: 5,
  /** a swap lasts 1 to this many frames */
  maxSwapFrames: 3,
} as const;

export interface SwapEpisode {
  /** first swapped frame index */
  readonly fromFrame: number;
  /** last swapped frame index, inclusive */
  readonly toFrame: number;
}

export interface SynthesizedTrack {
  readonly track: KeypointTrack;
  /** frame indices replaced by "no pose" by dropFraction (not those off the image) */
  readonly droppedFrames: readonly number[];
  readonly swaps: readonly SwapEpisode[];
  /** the camera with every default filled in, yawAxis decided */
  readonly camera: Camera;
}

const mirrorName = (name: string): string =>
  name.startsWith('left_') ? `right_${name.slice(5)}` : name.startsWith('right_') ? `left_${name.slice(6)}` : name;

function pickDrops(frameCount: number, fraction: number, seed: number): Set<number> {
  if (fraction < 0 || fraction > 1) throw new Error(`synthesize: dropFraction must be in 0..1, got ${fraction}`);
  const random = randomStream(seed, 'drop');
  const order = Array.from({ length: frameCount }, (_, i) => i);
  // Fisher-Yates, then the first round(fraction * n): exactly that many frames
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return new Set(order.slice(0, Math.round(fraction * frameCount)));
}

function pickSwaps(frameCount: number, count: number, dropped: ReadonlySet<number>, seed: number): SwapEpisode[] {
  const random = randomStream(seed, 'swap');
  const episodes: SwapEpisode[] = [];
  // frames taken by an episode or next to one: episodes never touch, so each stays countable
  const blocked = new Set<number>();
  for (let attempt = 0; episodes.length < count; attempt++) {
    if (attempt > 1000 * Math.max(1, count)) throw new Error(`synthesize: no room for ${count} swaps in ${frameCount} frames`);
    const length = random.int(1, CORRUPTION.maxSwapFrames);
    const fromFrame = random.int(0, frameCount - length);
    const frames = Array.from({ length }, (_, k) => fromFrame + k);
    if (frames.some((f) => blocked.has(f) || dropped.has(f))) continue;
    episodes.push({ fromFrame, toFrame: fromFrame + length - 1 });
    for (let f = fromFrame - 1; f <= fromFrame + length; f++) blocked.add(f);
  }
  return episodes.sort((a, b) => a.fromFrame - b.fromFrame);
}

/** A track of the motion as the camera sees it, and what was corrupted where. */
export function synthesize(motion: Motion, options: TraceOptions): SynthesizedTrack {
  const fps = options.fps ?? 15;
  const seed = options.seed ?? 1;
  if (!(options.durationMs > 0) || !(fps > 0)) throw new Error('synthesize: durationMs and fps must be positive');
  const resolved = resolveCamera(options);
  // the camera turns about one axis for the whole track: the first frame's posture decides 'auto'
  const firstTorsoDeg = motion(0).torsoDeg;
  const camera: Camera =
    resolved.yawAxis === 'auto'
      ? { ...resolved, yawAxis: Math.abs(Math.cos((firstTorsoDeg * Math.PI) / 180)) < Math.SQRT1_2 ? 'lengthwise' : 'vertical' }
      : resolved;
  const frameCount = Math.ceil((options.durationMs * fps) / 1000);
  const sigmaPx = (options.noiseSigma ?? 0) * camera.cameraDistancePx;
  const dropped = pickDrops(frameCount, options.dropFraction ?? 0, seed);
  const swaps = pickSwaps(frameCount, options.swaps ?? 0, dropped, seed);
  const swapped = new Set(swaps.flatMap((s) => Array.from({ length: s.toFrame - s.fromFrame + 1 }, (_, k) => s.fromFrame + k)));
  const scoreRandom = randomStream(seed, 'scores');
  const noiseRandom = randomStream(seed, 'noise');
  const lowScoreRandom = randomStream(seed, 'low-score');
  const lowScoreSpans = options.lowScoreJoints ?? [];

  const frames: TrackFrame[] = [];
  for (let i = 0; i < frameCount; i++) {
    const timestampMs = (i * 1000) / fps;
    let keypoints: Keypoint[] = projectPose(motion(timestampMs), camera).map((k) => {
      const range = scoreRange(k.scoreClass, camera);
      // draw every number every frame, used or not: the streams stay in step whatever the options
      const score = range.base + scoreRandom.uniform(-range.spread, range.spread);
      const dx = noiseRandom.gaussian(1) * sigmaPx;
      const dy = noiseRandom.gaussian(1) * sigmaPx;
      return { name: k.name, x: k.x + dx, y: k.y + dy, score };
    });
    for (const span of lowScoreSpans) {
      if (timestampMs < span.fromMs || timestampMs >= span.toMs) continue;
      keypoints = keypoints.map((k) => {
        if (!span.joints.includes(k.name as CocoName)) return k;
        const wanderPx = CORRUPTION.lowScoreWanderTorso * camera.cameraDistancePx;
        const [low, high] = CORRUPTION.lowScoreRange;
        return {
          name: k.name,
          x: k.x + lowScoreRandom.gaussian(wanderPx),
          y: k.y + lowScoreRandom.gaussian(wanderPx),
          score: span.score ?? lowScoreRandom.uniform(low, high),
        };
      });
    }
    let inside = 0;
    keypoints = keypoints.map((k) => {
      const x = Math.min(camera.imageWidthPx - 1, Math.max(0, k.x));
      const y = Math.min(camera.imageHeightPx - 1, Math.max(0, k.y));
      if (x === k.x && y === k.y) {
        inside++;
        return k;
      }
      if (options.offImage === 'placed') return k;
      return { name: k.name, x, y, score: CORRUPTION.outOfImageScore };
    });
    if (swapped.has(i)) {
      // the model mixes up the sides: each left_* slot gets the right joint's position and score, and back
      const byName = new Map(keypoints.map((k) => [k.name, k]));
      keypoints = keypoints.map((k) => {
        const other = byName.get(mirrorName(k.name)) ?? k;
        return { name: k.name, x: other.x, y: other.y, score: other.score };
      });
    }
    const noPose = dropped.has(i) || inside < CORRUPTION.minVisibleKeypoints;
    const score = noPose ? 0 : keypoints.reduce((sum, k) => sum + k.score, 0) / keypoints.length;
    frames.push(
      trackFrameOf({
        timestampMs,
        imageWidth: camera.imageWidthPx,
        imageHeight: camera.imageHeightPx,
        score,
        keypoints: noPose ? [] : keypoints,
      }),
    );
  }

  const describe = [
    `yaw ${camera.viewYawDeg} deg (${camera.yawAxis})`,
    `facing ${camera.facing > 0 ? '+x' : '-x'}, ${camera.nearSide} side near`,
    `${camera.cameraDistancePx} px/torso`,
    `noise ${options.noiseSigma ?? 0}`,
    `drop ${options.dropFraction ?? 0}`,
    `swaps ${options.swaps ?? 0}`,
    `seed ${seed}`,
  ].join(', ');
  return {
    track: {
      version: TRACK_VERSION,
      source: options.source ?? `synthetic: ${describe}`,
      model: 'synthetic',
      width: camera.imageWidthPx,
      height: camera.imageHeightPx,
      fps,
      frames,
    },
    droppedFrames: [...dropped].sort((a, b) => a - b),
    swaps,
    camera,
  };
}

/** Just the track: synthesize(...).track. */
export function synthesizeTrack(motion: Motion, options: TraceOptions): KeypointTrack {
  return synthesize(motion, options).track;
}
