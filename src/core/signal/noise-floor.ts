/**
 * The resting level of a signal and how much it wanders there: an
 * exponential mean and mean absolute deviation for irregular frame times.
 * A checker feeds it while the person rests (the start position, between
 * reps) and sets its thresholds above what it measured: "clearly above the
 * noise" of this person, this camera and this model, not above a fixed
 * number fitted to other people.
 */
export class NoiseFloor {
  private mean = Number.NaN;
  private mad = Number.NaN;
  private lastMs = Number.NaN;
  private n = 0;

  constructor(private readonly halfLifeMs: number) {
    if (!(halfLifeMs > 0)) throw new RangeError(`NoiseFloor: halfLifeMs must be > 0, got ${halfLifeMs}`);
  }

  /** samples seen since the last reset */
  get samples(): number {
    return this.n;
  }

  /** the resting level; NaN before the first sample */
  get level(): number {
    return this.mean;
  }

  /** mean absolute deviation from the level (for Gaussian noise about 0.8 sigma); NaN before two samples */
  get spread(): number {
    return this.mad;
  }

  /** Adds a resting sample; NaN is skipped. */
  update(value: number, timestampMs: number): void {
    if (!Number.isFinite(value)) return;
    this.n++;
    if (Number.isNaN(this.mean)) {
      this.mean = value;
      this.lastMs = timestampMs;
      return;
    }
    // a plain average over the first samples (each weighs 1/n), then exponential: a few
    // early samples cannot stand for the whole noise
    const keep = Math.min(1 - 1 / this.n, Math.pow(0.5, Math.max(0, timestampMs - this.lastMs) / this.halfLifeMs));
    this.lastMs = timestampMs;
    const deviation = Math.abs(value - this.mean);
    this.mad = Number.isNaN(this.mad) ? deviation : keep * this.mad + (1 - keep) * deviation;
    this.mean = keep * this.mean + (1 - keep) * value;
  }

  reset(): void {
    this.mean = Number.NaN;
    this.mad = Number.NaN;
    this.lastMs = Number.NaN;
    this.n = 0;
  }
}
