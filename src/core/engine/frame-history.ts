/**
 * The frames of the current setup stretch (since the last blocking problem),
 * kept so that the engine can look back once the start position is
 * confirmed: a rep that began as soon as the person was in the start
 * position counts (fixtures README). Preallocated slots, oldest dropped
 * first: nothing is allocated per frame.
 */
import type { PoseFrame } from '../frame/pose-frame.ts';

interface Slot {
  timestampMs: number;
  imageWidth: number;
  imageHeight: number;
  score: number;
  keypoints: PoseFrame['keypoints'];
  /** the checker said this frame was in the start position */
  inStart: boolean;
}

export class FrameHistory {
  private readonly slots: Slot[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1 && Number.isInteger(capacity))) throw new RangeError(`FrameHistory: capacity must be a whole number >= 1, got ${capacity}`);
    this.slots = Array.from({ length: capacity }, () => ({ timestampMs: 0, imageWidth: 0, imageHeight: 0, score: 0, keypoints: [], inStart: false }));
  }

  get length(): number {
    return this.size;
  }

  /** Keeps the frame (its keypoints by reference: frames are not mutated after they are made). */
  push(frame: PoseFrame, inStart: boolean): void {
    const i = (this.start + this.size) % this.capacity;
    if (this.size === this.capacity) this.start = (this.start + 1) % this.capacity;
    else this.size++;
    const s = this.slots[i]!;
    s.timestampMs = frame.timestampMs;
    s.imageWidth = frame.imageWidth;
    s.imageHeight = frame.imageHeight;
    s.score = frame.score;
    s.keypoints = frame.keypoints;
    s.inStart = inStart;
  }

  /** The i-th oldest frame kept (0 = oldest); a PoseFrame view of the slot, valid until the next push. */
  at(i: number): Readonly<PoseFrame> & { readonly inStart: boolean } {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`FrameHistory.at: ${i} outside 0..${this.size - 1}`);
    return this.slots[(this.start + i) % this.capacity]!;
  }

  /** Index of the oldest frame in the start position, or -1. */
  firstInStart(): number {
    for (let i = 0; i < this.size; i++) if (this.slots[(this.start + i) % this.capacity]!.inStart) return i;
    return -1;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    for (const s of this.slots) s.keypoints = [];
  }
}
