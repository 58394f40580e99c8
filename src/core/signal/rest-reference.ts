/**
 * A value of the start position to compare the top with (the ear-shoulder
 * distance, for "shoulders sunk toward the ears"): the median of its last
 * samples. Not a time-based moving average: that forgets everything over the
 * seconds of a rep and then takes the first sample after it almost whole,
 * jitter and all (seen on the synthetic tracks: one noisy frame moved the
 * reference by a third). Fixed storage: nothing is allocated per sample.
 */
import { medianOf } from './median.ts';

export class RestReference {
  private readonly ring: Float64Array;
  private readonly scratch: Float64Array;
  private next = 0;
  private count = 0;

  /** @param size how many of the latest samples count (45: 3 s at 15 fps) */
  constructor(size = 45) {
    if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`RestReference: size must be a positive integer, got ${size}`);
    this.ring = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  /** Adds a sample; NaN (unknown) is skipped. */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.ring.length;
    this.count = Math.min(this.count + 1, this.ring.length);
  }

  /** The median of the samples kept, or NaN with fewer than `minSamples`. */
  median(minSamples = 1): number {
    if (this.count === 0 || this.count < minSamples) return Number.NaN;
    return medianOf(this.ring, this.count, this.scratch);
  }

  get samples(): number {
    return this.count;
  }

  reset(): void {
    this.next = 0;
    this.count = 0;
  }
}
