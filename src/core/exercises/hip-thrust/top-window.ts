/**
 * The top of one rep, found after the rep: the stretch from first reaching
 * within `band` of the rep's (smoothed) peak to finally leaving it, how long
 * it lasted (the pause), and the mean of the other measurements over it (the
 * hip's height above the line, the knee angle "at the top").
 *
 * Why after the rep: a live "is this the top" judgement on a noisy signal
 * either ends a held top at the first jitter below the band or lets one
 * noisy maximum set the band. Here the whole rep is known: the signal is
 * smoothed with a centred moving average (no lag), and a dip out of the band
 * inside the stretch does not cut it. Samples go into preallocated buffers:
 * recording allocates nothing.
 */

/** ~60 s at 30 fps; when full, every other sample is dropped (resolution halves, memory stays fixed) */
const CAPACITY = 2048;

export interface TopOfRep {
  /** seconds at the top; NaN when it was not seen well enough to say (no samples, a gap around it, or already at the top when the recording began) */
  seconds: number;
  /** mean of the first extra measurement over the top; NaN when none was known */
  meanA: number;
  /** mean of the second extra measurement over the top */
  meanB: number;
}

export class TopWindow {
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  private readonly smoothed = new Float64Array(CAPACITY);
  private readonly extraA = new Float64Array(CAPACITY);
  private readonly extraB = new Float64Array(CAPACITY);
  private count = 0;
  private readonly result: TopOfRep = { seconds: Number.NaN, meanA: Number.NaN, meanB: Number.NaN };

  /** Forgets everything (a new set, or the view changed). */
  clear(): void {
    this.count = 0;
  }

  /**
   * Forgets samples older than `timestampMs`. Between reps the window keeps
   * only a short pre-roll, so a rep's record begins before the smoothed
   * counter noticed it: a brisk rep is at its top within a few frames of
   * passing the start threshold.
   */
  keepSince(timestampMs: number): void {
    let drop = 0;
    while (drop < this.count && this.times[drop]! < timestampMs) drop++;
    if (drop === 0) return;
    for (let i = drop; i < this.count; i++) {
      this.times[i - drop] = this.times[i]!;
      this.values[i - drop] = this.values[i]!;
      this.extraA[i - drop] = this.extraA[i]!;
      this.extraB[i - drop] = this.extraB[i]!;
    }
    this.count -= drop;
  }

  /** One frame: the counting signal and two measurements to average over the top (NaN = unknown). */
  record(timestampMs: number, value: number, a: number, b: number): void {
    if (!Number.isFinite(value)) return;
    if (this.count === CAPACITY) {
      for (let i = 0; i < CAPACITY / 2; i++) {
        this.times[i] = this.times[2 * i + 1]!;
        this.values[i] = this.values[2 * i + 1]!;
        this.extraA[i] = this.extraA[2 * i + 1]!;
        this.extraB[i] = this.extraB[2 * i + 1]!;
      }
      this.count = CAPACITY / 2;
    }
    this.times[this.count] = timestampMs;
    this.values[this.count] = value;
    this.extraA[this.count] = a;
    this.extraB[this.count] = b;
    this.count++;
  }

  /**
   * The top of the rep recorded so far. `band`: within this of the smoothed
   * peak is "at the top"; `smoothMs`: width of the centred moving average;
   * `maxGapMs`: a longer gap between samples next to or within the top
   * makes its length unknown (frames the engine could not use).
   * The returned object is reused: read it before the next call.
   */
  analyse(band: number, smoothMs: number, maxGapMs: number): Readonly<TopOfRep> {
    const r = this.result;
    r.seconds = Number.NaN;
    r.meanA = Number.NaN;
    r.meanB = Number.NaN;
    const n = this.count;
    if (n === 0) return r;
    const half = smoothMs / 2;
    let peak = Number.NEGATIVE_INFINITY;
    let lo = 0;
    let hi = 0;
    let sum = 0;
    // centred moving average with a sliding window [lo, hi)
    for (let i = 0; i < n; i++) {
      const t = this.times[i]!;
      while (hi < n && this.times[hi]! <= t + half) sum += this.values[hi++]!;
      while (this.times[lo]! < t - half) sum -= this.values[lo++]!;
      const v = sum / (hi - lo);
      this.smoothed[i] = v;
      if (v > peak) peak = v;
    }
    const floor = peak - band;
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (this.smoothed[i]! < floor) continue;
      if (first < 0) first = i;
      last = i;
    }
    let sumA = 0;
    let countA = 0;
    let sumB = 0;
    let countB = 0;
    for (let i = first; i <= last; i++) {
      const a = this.extraA[i]!;
      const b = this.extraB[i]!;
      if (Number.isFinite(a)) {
        sumA += a;
        countA++;
      }
      if (Number.isFinite(b)) {
        sumB += b;
        countB++;
      }
    }
    r.meanA = countA > 0 ? sumA / countA : Number.NaN;
    r.meanB = countB > 0 ? sumB / countB : Number.NaN;
    // a top that starts with the first sample began before the rep was seen (counting started mid-rep)
    if (first === 0) return r;
    const from = Math.max(0, first - 1);
    const to = Math.min(n - 1, last + 1);
    for (let i = from; i < to; i++) if (this.times[i + 1]! - this.times[i]! > maxGapMs) return r;
    r.seconds = (this.times[last]! - this.times[first]!) / 1000;
    return r;
  }
}
