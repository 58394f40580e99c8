/**
 * The frames of the current setup stretch (since the last blocking problem),
 * kept so that the engine can look back once the start position is
 * confirmed: a rep that began as soon as the person was in the start
 * position counts (fixtures README). Preallocated slots, oldest dropped
 * first: nothing is allocated per frame.
 */
import type { PoseFrame } from '../frame/pose-frame.ts';
import { SlotRing } from '../signal/slot-ring.ts';

interface Slot {
  timestampMs: number;
  imageWidth: number;
  imageHeight: number;
  score: number;
  keypoints: PoseFrame['keypoints'];
  /** the checker said this frame was in the start position */
  inStart: boolean;
}

/** what an emptied slot holds instead of a frame's keypoints (shared: dropping allocates nothing) */
const NO_KEYPOINTS: PoseFrame['keypoints'] = Object.freeze([]);

export class FrameHistory {
  private readonly ring: SlotRing<Slot>;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1 && Number.isInteger(capacity))) throw new RangeError(`FrameHistory: capacity must be a whole number >= 1, got ${capacity}`);
    this.ring = new SlotRing<Slot>(
      capacity,
      () => ({ timestampMs: 0, imageWidth: 0, imageHeight: 0, score: 0, keypoints: NO_KEYPOINTS, inStart: false }),
      (s) => {
        s.keypoints = NO_KEYPOINTS;
      },
    );
  }

  get length(): number {
    return this.ring.length;
  }

  /** Keeps the frame (its keypoints by reference: frames are not mutated after they are made). */
  push(frame: PoseFrame, inStart: boolean): void {
    const s = this.ring.claim();
    s.timestampMs = frame.timestampMs;
    s.imageWidth = frame.imageWidth;
    s.imageHeight = frame.imageHeight;
    s.score = frame.score;
    s.keypoints = frame.keypoints;
    s.inStart = inStart;
  }

  /** The i-th oldest frame kept (0 = oldest); a PoseFrame view of the slot, valid until the next push. */
  at(i: number): Readonly<PoseFrame> & { readonly inStart: boolean } {
    if (!(i >= 0 && i < this.ring.length)) throw new RangeError(`FrameHistory.at: ${i} outside 0..${this.ring.length - 1}`);
    return this.ring.at(i);
  }

  /** Index of the oldest frame in the start position, or -1. */
  firstInStart(): number {
    for (let i = 0; i < this.ring.length; i++) if (this.ring.at(i).inStart) return i;
    return -1;
  }

  clear(): void {
    this.ring.clear();
  }
}
