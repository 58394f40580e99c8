/**
 * The frames of a keypoint track packed into fixed Int16Array chunks, for a
 * track that grows for as long as a session runs. As objects, a MoveNet frame
 * (17 keypoint objects, their name strings shared) holds 1.5-2.5 KB of JS
 * heap: a 30-minute camera session grew the page's heap by ~50 MB (npm run
 * soak). Packed, each number is a whole count of the track's rounding step
 * (0.1 px, 0.001 of a score: trackFrameOf) in 2 bytes (score, then x, y,
 * score per keypoint: 104 bytes a MoveNet frame, ~5 MB for 30 minutes at
 * 25 fps), beside its time and a reference to its keypoint names (one array
 * per distinct set of names); at most one chunk stands partly empty: no
 * doubling, no copying as it grows.
 *
 * Numbers come back exactly as the track rounds them: a stored count times
 * its step is the rounded value. A frame with a coordinate beyond +-3276.7 px
 * (a 4K picture, or a point far off the image) does not fit 16 bits and is
 * kept as it is, an object.
 */
import type { Keypoint } from './frame/pose-frame.ts';
import type { TrackFrame } from './track.ts';

/** 128 KB a chunk: about 40 s of MoveNet frames at 30 fps, so a short track stays small */
export const CHUNK_NUMBERS = 1 << 16;

/** the track's rounding steps, as counts per unit */
const PX_COUNTS = 10;
const SCORE_COUNTS = 1000;
const INT16_MAX = 32_767;

/** Rounds to the track's steps: 0.1 px and 0.001 of a score are below any model's precision. */
export const roundPx = (v: number): number => Math.round(v * PX_COUNTS) / PX_COUNTS;
export const roundScore = (v: number): number => Math.round(v * SCORE_COUNTS) / SCORE_COUNTS;

const fits = (counts: number): boolean => counts >= -INT16_MAX && counts <= INT16_MAX;

export class PackedTrackFrames {
  private readonly chunks: Int16Array[] = [];
  /** numbers used in the last chunk */
  private used: number;
  /** each frame's first number: chunk index * chunkNumbers + offset; or -1 - its index in `unpacked` */
  private readonly starts: number[] = [];
  /** frames whose numbers do not fit 16 bits, as they came */
  private readonly unpacked: TrackFrame[] = [];
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
    this.times.push(frame.t);
    this.names.push(this.namesOf(frame.keypoints));
    if (!PackedTrackFrames.fitsSixteenBits(frame)) {
      this.starts.push(-1 - this.unpacked.length);
      this.unpacked.push(frame);
      return;
    }
    if (this.used + needed > this.chunkNumbers) {
      this.chunks.push(new Int16Array(this.chunkNumbers));
      this.used = 0;
    }
    const index = this.chunks.length - 1;
    const chunk = this.chunks[index]!;
    let at = this.used;
    this.starts.push(index * this.chunkNumbers + at);
    chunk[at++] = Math.round(frame.score * SCORE_COUNTS);
    for (const k of frame.keypoints) {
      chunk[at++] = Math.round(k.x * PX_COUNTS);
      chunk[at++] = Math.round(k.y * PX_COUNTS);
      chunk[at++] = Math.round(k.score * SCORE_COUNTS);
    }
    this.used = at;
  }

  private static fitsSixteenBits(frame: TrackFrame): boolean {
    if (!fits(Math.round(frame.score * SCORE_COUNTS))) return false;
    for (const k of frame.keypoints) {
      if (!fits(Math.round(k.x * PX_COUNTS)) || !fits(Math.round(k.y * PX_COUNTS)) || !fits(Math.round(k.score * SCORE_COUNTS))) return false;
    }
    return true;
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
    if (start < 0) return this.unpacked[-1 - start]!;
    const chunk = this.chunks[Math.floor(start / this.chunkNumbers)]!;
    let at = start % this.chunkNumbers;
    const score = chunk[at++]! / SCORE_COUNTS;
    const keypoints: Keypoint[] = [];
    for (const name of names) {
      keypoints.push({ name, x: chunk[at]! / PX_COUNTS, y: chunk[at + 1]! / PX_COUNTS, score: chunk[at + 2]! / SCORE_COUNTS });
      at += 3;
    }
    return { t, score, keypoints };
  }

  /** Every frame as objects, in order (a new array each call). */
  toArray(): TrackFrame[] {
    return Array.from({ length: this.length }, (_, i) => this.frame(i));
  }
}
