/**
 * The frames of a keypoint track packed into fixed Float32Array chunks, for a
 * track that grows for as long as a session runs. As objects, a MoveNet frame
 * (17 keypoint objects, their name strings shared) holds 1.5-2.5 KB of JS
 * heap: a 30-minute camera session grew the page's heap by ~50 MB (npm run
 * soak). Packed, it takes 4 bytes a number (score, then x, y, score per
 * keypoint, ~210 bytes a MoveNet frame), its time and a reference to its
 * keypoint names (one array per distinct set of names), and at most one
 * chunk stands partly empty: no doubling, no copying as it grows.
 *
 * Numbers come back exactly as the track rounds them (trackFrameOf: 0.1 px,
 * 0.001 of a score): a float32 holds such a value to within far less than
 * that step, and reading rounds it to the step again.
 */
import type { Keypoint } from './frame/pose-frame.ts';
import type { TrackFrame } from './track.ts';

/** 256 KB a chunk: a few seconds of frames, so a short track stays small */
export const CHUNK_NUMBERS = 1 << 16;

/** Rounds to the track's steps: 0.1 px and 0.001 of a score are below any model's precision. */
export const roundPx = (v: number): number => Math.round(v * 10) / 10;
export const roundScore = (v: number): number => Math.round(v * 1000) / 1000;

export class PackedTrackFrames {
  private readonly chunks: Float32Array[] = [];
  /** numbers used in the last chunk */
  private used: number;
  /** each frame's first number: chunk index * chunkNumbers + offset */
  private readonly starts: number[] = [];
  private readonly times: number[] = [];
  private readonly names: (readonly string[])[] = [];
  private lastNames: readonly string[] = [];

  /** `chunkNumbers`: numbers a chunk holds (tests make it small to cross chunks) */
  constructor(private readonly chunkNumbers = CHUNK_NUMBERS) {
    this.used = chunkNumbers;
  }

  get length(): number {
    return this.starts.length;
  }

  /** t of the first and the last frame (undefined when empty) */
  get firstT(): number | undefined {
    return this.times[0];
  }
  get lastT(): number | undefined {
    return this.times[this.times.length - 1];
  }

  push(frame: TrackFrame): void {
    const needed = 1 + 3 * frame.keypoints.length;
    if (needed > this.chunkNumbers) throw new Error(`a track frame of ${frame.keypoints.length} keypoints does not fit a chunk of ${this.chunkNumbers} numbers`);
    if (this.used + needed > this.chunkNumbers) {
      this.chunks.push(new Float32Array(this.chunkNumbers));
      this.used = 0;
    }
    const index = this.chunks.length - 1;
    const chunk = this.chunks[index]!;
    let at = this.used;
    this.starts.push(index * this.chunkNumbers + at);
    chunk[at++] = frame.score;
    for (const k of frame.keypoints) {
      chunk[at++] = k.x;
      chunk[at++] = k.y;
      chunk[at++] = k.score;
    }
    this.used = at;
    this.times.push(frame.t);
    this.names.push(this.namesOf(frame.keypoints));
  }

  /** The model names the same keypoints in every frame: one array of them serves all (a frame without a pose has none). */
  private namesOf(keypoints: readonly Keypoint[]): readonly string[] {
    const same = keypoints.length === this.lastNames.length && keypoints.every((k, i) => k.name === this.lastNames[i]);
    if (!same) this.lastNames = keypoints.map((k) => k.name);
    return this.lastNames;
  }

  frame(i: number): TrackFrame {
    const start = this.starts[i];
    const t = this.times[i];
    const names = this.names[i];
    if (start === undefined || t === undefined || names === undefined) throw new RangeError(`frame ${i} of ${this.length}`);
    const chunk = this.chunks[Math.floor(start / this.chunkNumbers)]!;
    let at = start % this.chunkNumbers;
    const score = roundScore(chunk[at++]!);
    const keypoints: Keypoint[] = [];
    for (const name of names) {
      keypoints.push({ name, x: roundPx(chunk[at]!), y: roundPx(chunk[at + 1]!), score: roundScore(chunk[at + 2]!) });
      at += 3;
    }
    return { t, score, keypoints };
  }

  /** Every frame as objects, in order (a new array each call). */
  toArray(): TrackFrame[] {
    return Array.from({ length: this.length }, (_, i) => this.frame(i));
  }
}
