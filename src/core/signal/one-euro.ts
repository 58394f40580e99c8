/**
 * The One Euro filter (Casiez, Roussel, Vogel, CHI 2012,
 * https://gery.casiez.net/1euro/): a low-pass filter whose cutoff rises with
 * speed, so a still joint stops jittering while a moving one does not lag.
 * Timestamps in ms; works at any and at irregular frame rates.
 */
export interface OneEuroParams {
  /** cutoff at rest, Hz: lower = steadier when still */
  readonly minCutoffHz: number;
  /** how fast the cutoff rises with speed: higher = less lag when moving */
  readonly beta: number;
  /** cutoff for the speed estimate, Hz */
  readonly derivativeCutoffHz: number;
}

const alpha = (cutoffHz: number, dtS: number): number => {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
};

export class OneEuroFilter {
  private previousValue = Number.NaN;
  private previousDerivative = 0;
  private previousMs = Number.NaN;

  constructor(private readonly params: OneEuroParams) {
    if (!(params.minCutoffHz > 0) || !(params.derivativeCutoffHz > 0) || !(params.beta >= 0)) {
      throw new RangeError(`OneEuroFilter: cutoffs must be > 0 and beta >= 0, got ${JSON.stringify(params)}`);
    }
  }

  /** The filtered value of `value` measured at `timestampMs`. NaN passes through and does not disturb the state. */
  update(value: number, timestampMs: number): number {
    if (Number.isNaN(value)) return value;
    if (Number.isNaN(this.previousValue) || !(timestampMs > this.previousMs)) {
      this.previousValue = value;
      this.previousMs = timestampMs;
      this.previousDerivative = 0;
      return value;
    }
    const dtS = (timestampMs - this.previousMs) / 1000;
    const derivative = (value - this.previousValue) / dtS;
    const aD = alpha(this.params.derivativeCutoffHz, dtS);
    const smoothedDerivative = aD * derivative + (1 - aD) * this.previousDerivative;
    const cutoff = this.params.minCutoffHz + this.params.beta * Math.abs(smoothedDerivative);
    const a = alpha(cutoff, dtS);
    const filtered = a * value + (1 - a) * this.previousValue;
    this.previousValue = filtered;
    this.previousDerivative = smoothedDerivative;
    this.previousMs = timestampMs;
    return filtered;
  }

  reset(): void {
    this.previousValue = Number.NaN;
    this.previousDerivative = 0;
    this.previousMs = Number.NaN;
  }
}
