/**
 * The keypoint track: what FormCoach analysed, frame by frame, as JSON. The
 * page downloads it, the CLI writes it, tests replay it. Documented in
 * docs/track-format.md; bump TRACK_VERSION on any incompatible change.
 */
import type { Keypoint, PoseFrame } from './frame/pose-frame.ts';
import { PackedTrackFrames, roundPx, roundScore } from './packed-track-frames.ts';

export const TRACK_VERSION = 1;

export interface TrackFrame {
  /** ms from the start of the source */
  readonly t: number;
  /** pose score, 0..1; 0 when no pose */
  readonly score: number;
  /** [] when no pose was found in this frame */
  readonly keypoints: readonly Keypoint[];
}

export interface KeypointTrack {
  readonly version: typeof TRACK_VERSION;
  /** where the frames came from: a file name, or "camera" */
  readonly source: string;
  /** model id, e.g. "movenet-lightning" */
  readonly model: string;
  /** analysed image size in pixels; keypoint coordinates are in this space */
  readonly width: number;
  readonly height: number;
  /** nominal analysed frames per second (the sampling rate, or measured for a camera) */
  readonly fps: number;
  readonly frames: readonly TrackFrame[];
}

export type TrackValidation =
  | { readonly ok: true; readonly track: KeypointTrack }
  | { readonly ok: false; readonly error: string };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `value` is a keypoint track, and says what is wrong in one line
 * when it is not (the first problem found, with its path).
 */
export function validateTrack(value: unknown): TrackValidation {
  const fail = (error: string): TrackValidation => ({ ok: false, error });
  if (!isObject(value)) return fail('track: expected a JSON object');
  if (value.version !== TRACK_VERSION) return fail(`track.version: expected ${TRACK_VERSION}, got ${JSON.stringify(value.version)}`);
  for (const key of ['source', 'model'] as const) {
    if (typeof value[key] !== 'string') return fail(`track.${key}: expected a string`);
  }
  for (const key of ['width', 'height', 'fps'] as const) {
    const v = value[key];
    if (!isFiniteNumber(v) || v <= 0) return fail(`track.${key}: expected a positive number, got ${JSON.stringify(v)}`);
  }
  if (!Array.isArray(value.frames)) return fail('track.frames: expected an array');
  let previousT = -Infinity;
  for (let i = 0; i < value.frames.length; i++) {
    const frame: unknown = value.frames[i];
    const at = `track.frames[${i}]`;
    if (!isObject(frame)) return fail(`${at}: expected an object`);
    if (!isFiniteNumber(frame.t) || frame.t < 0) return fail(`${at}.t: expected a time in ms >= 0`);
    if (frame.t < previousT) return fail(`${at}.t: ${frame.t} ms comes before the previous frame (${previousT} ms)`);
    previousT = frame.t;
    if (!isFiniteNumber(frame.score) || frame.score < 0 || frame.score > 1) return fail(`${at}.score: expected a number in 0..1`);
    if (!Array.isArray(frame.keypoints)) return fail(`${at}.keypoints: expected an array ([] when no pose)`);
    for (let k = 0; k < frame.keypoints.length; k++) {
      const kp: unknown = frame.keypoints[k];
      const kat = `${at}.keypoints[${k}]`;
      if (!isObject(kp)) return fail(`${kat}: expected an object`);
      if (typeof kp.name !== 'string' || kp.name === '') return fail(`${kat}.name: expected a keypoint name`);
      if (!isFiniteNumber(kp.x) || !isFiniteNumber(kp.y)) return fail(`${kat}: x and y must be finite numbers`);
      if (!isFiniteNumber(kp.score) || kp.score < 0 || kp.score > 1) return fail(`${kat}.score: expected a number in 0..1`);
    }
  }
  return { ok: true, track: value as unknown as KeypointTrack };
}

/** Parses JSON text as a track; errors name the problem in one line. */
export function parseTrack(text: string): TrackValidation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  return validateTrack(value);
}

export function trackFrameOf(frame: PoseFrame): TrackFrame {
  return {
    t: Math.round(frame.timestampMs),
    score: roundScore(frame.score),
    keypoints: frame.keypoints.map((k) => ({ name: k.name, x: roundPx(k.x), y: roundPx(k.y), score: roundScore(k.score) })),
  };
}

/** Collects analysed frames into a track, packed (packed-track-frames.ts): a camera session may run for half an hour. */
export class TrackRecorder {
  private frames = new PackedTrackFrames();
  private width = 0;
  private height = 0;

  constructor(
    private readonly source: string,
    private readonly model: string,
  ) {}

  add(frame: PoseFrame): void {
    this.width = frame.imageWidth;
    this.height = frame.imageHeight;
    this.frames.push(trackFrameOf(frame));
  }

  get frameCount(): number {
    return this.frames.length;
  }

  /** The track so far. `fps` is given for sampled sources, measured otherwise. */
  toTrack(fps?: number): KeypointTrack {
    const n = this.frames.length;
    const first = this.frames.firstT;
    const last = this.frames.lastT;
    const spanMs = first !== undefined && last !== undefined ? last - first : 0;
    const measured = n > 1 && spanMs > 0 ? ((n - 1) * 1000) / spanMs : 0;
    return {
      version: TRACK_VERSION,
      source: this.source,
      model: this.model,
      width: this.width || 1,
      height: this.height || 1,
      fps: Math.round((fps ?? measured) * 100) / 100 || 1,
      frames: this.frames.toArray(),
    };
  }

  reset(): void {
    this.frames = new PackedTrackFrames();
    this.width = 0;
    this.height = 0;
  }
}
