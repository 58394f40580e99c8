/**
 * Exponential moving average with a half-life in ms, for irregular frame
 * times: each sample weighs 1 - 0.5^(dt / halfLife). NaN inputs are skipped.
 * The one smoother of the checkers and the body reading (signal/).
 */
export class Ema {
  private value = Number.NaN;
  private lastMs = Number.NaN;

  constructor(private readonly halfLifeMs: number) {
    if (!(halfLifeMs > 0)) throw new RangeError(`Ema: halfLifeMs must be > 0, got ${halfLifeMs}`);
  }

  update(sample: number, timestampMs: number): number {
    if (!Number.isFinite(sample)) return this.value;
    if (Number.isNaN(this.value)) this.value = sample;
    else {
      const keep = Math.pow(0.5, Math.max(0, timestampMs - this.lastMs) / this.halfLifeMs);
      this.value = keep * this.value + (1 - keep) * sample;
    }
    this.lastMs = timestampMs;
    return this.value;
  }

  get current(): number {
    return this.value;
  }

  reset(): void {
    this.value = Number.NaN;
    this.lastMs = Number.NaN;
  }
}
