/**
 * Floor (glute bridge) or bench, from the start position: with the shoulders
 * on the floor they lie far below the knees; on a bench they sit about at
 * knee height (design/exercises.md §4: "detect which, or let the user pick").
 * The shoulder-to-knee height is a vertical distance, so turning the camera
 * about the vertical (oblique views) changes it little.
 */
import type { HipThrustVariant } from '../ids.ts';
import { Ema } from '../../signal/ema.ts';

/** 400 ms: a few frames of the start position settle the estimate; one odd frame does not decide it. */
const HALF_LIFE_MS = 400;

export class VariantDetector {
  private readonly shoulderAboveKnee = new Ema(HALF_LIFE_MS);
  private locked: HipThrustVariant | null;

  /** `given`: the variant the user picked, or undefined to detect it */
  constructor(
    private readonly given: HipThrustVariant | undefined,
    private readonly benchAboveTorso: number,
  ) {
    this.locked = given ?? null;
  }

  /** The variant so far: the given one, the detected one, or null while nothing was seen. */
  get variant(): HipThrustVariant | null {
    if (this.locked) return this.locked;
    const v = this.shoulderAboveKnee.current;
    if (Number.isNaN(v)) return null;
    return v > this.benchAboveTorso ? 'bench' : 'floor';
  }

  /** One frame of the start position: the shoulder's height above the knee, torso lengths. */
  observe(shoulderAboveKneeTorso: number, timestampMs: number): void {
    if (this.locked) return;
    this.shoulderAboveKnee.update(shoulderAboveKneeTorso, timestampMs);
  }

  /** Keeps the current estimate for the rest of the set (counting has started). */
  lock(): void {
    this.locked = this.variant;
  }

  reset(): void {
    this.shoulderAboveKnee.reset();
    this.locked = this.given ?? null;
  }
}
