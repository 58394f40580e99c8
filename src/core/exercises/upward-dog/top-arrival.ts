/**
 * When a rep arrived at its top: the first moment the counted signal came
 * within a band of the rep's highest value. An up dog is a hold, and its
 * highest frame can fall anywhere on it (BlazePose Lite reads the side clip's
 * hold creeping up 1 deg to its very end, 2.5 s after the press); the moment
 * of reaching the top is what the labels mark and what a coach calls "the
 * top". Fixed storage: adding a sample allocates nothing.
 */

/** ~45 s at 30 fps (the longest rep the default config keeps); past it, every other sample is dropped. */
const CAPACITY = 1400;

export class TopArrival {
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  private count = 0;

  add(value: number, tMs: number): void {
    if (!Number.isFinite(value)) return;
    if (this.count === CAPACITY) {
      for (let i = 0; i < CAPACITY / 2; i++) {
        this.times[i] = this.times[2 * i + 1] as number;
        this.values[i] = this.values[2 * i + 1] as number;
      }
      this.count = CAPACITY / 2;
    }
    this.times[this.count] = tMs;
    this.values[this.count] = value;
    this.count++;
  }

  /** The first time a sample reached `peak - bandDeg`; NaN when there are none. */
  arrivalMs(peak: number, bandDeg: number): number {
    for (let i = 0; i < this.count; i++) if ((this.values[i] as number) >= peak - bandDeg) return this.times[i] as number;
    return Number.NaN;
  }

  reset(): void {
    this.count = 0;
  }
}
