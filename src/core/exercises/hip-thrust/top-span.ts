/**
 * How long a rep stayed at its top: the time from first reaching within
 * `band` of the rep's peak to finally leaving it. Unlike the longest unbroken
 * stretch near the peak, jitter that dips out of the band for a frame does
 * not cut a held top short (a noisy hold stays a hold). Samples go into a
 * preallocated buffer: recording allocates nothing.
 */

/** ~60 s at 30 fps; when full, every other sample is dropped (resolution halves, memory stays fixed) */
const CAPACITY = 2048;

export class TopSpan {
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  private count = 0;

  /** Starts a new rep. */
  clear(): void {
    this.count = 0;
  }

  record(value: number, timestampMs: number): void {
    if (!Number.isFinite(value)) return;
    if (this.count === CAPACITY) {
      for (let i = 0; i < CAPACITY / 2; i++) {
        this.times[i] = this.times[2 * i + 1]!;
        this.values[i] = this.values[2 * i + 1]!;
      }
      this.count = CAPACITY / 2;
    }
    this.times[this.count] = timestampMs;
    this.values[this.count] = value;
    this.count++;
  }

  /**
   * Seconds between the first and the last sample within `band` of the
   * highest; NaN when the top was not seen well enough to say: no samples, or
   * a gap longer than `maxGapMs` next to or within it (frames the engine
   * could not use).
   */
  seconds(band: number, maxGapMs: number): number {
    let peak = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.count; i++) peak = Math.max(peak, this.values[i]!);
    const floor = peak - band;
    let first = -1;
    let last = -1;
    for (let i = 0; i < this.count; i++) {
      if (this.values[i]! < floor) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) return Number.NaN;
    const from = Math.max(0, first - 1);
    const to = Math.min(this.count - 1, last + 1);
    for (let i = from; i < to; i++) if (this.times[i + 1]! - this.times[i]! > maxGapMs) return Number.NaN;
    return (this.times[last]! - this.times[first]!) / 1000;
  }
}
