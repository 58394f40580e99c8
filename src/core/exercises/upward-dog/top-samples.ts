/**
 * The measures over the frames of one rep's settled top (the hold), judged by
 * their median. The press up and the lowering pass through odd shapes for a
 * moment at the edges of the hold (the knees bend to 132-152 deg as the feet
 * roll over the toes on the fixture clips, while the torso is still within a
 * few degrees of its peak); the median ignores those frames where a mean
 * would be pulled 3-4 deg toward them. Fixed storage: adding a frame or
 * taking a median allocates nothing.
 */
import { newUpwardDogMeasures, type UpwardDogMeasures } from './measures.ts';

export type MeasureKey = keyof UpwardDogMeasures;
const KEYS = Object.keys(newUpwardDogMeasures()) as readonly MeasureKey[];

/** ~45 s at 30 fps (the longest rep the default config keeps); past it, every other sample is dropped. */
const CAPACITY = 1400;

export class TopSamples {
  private readonly values = new Map<MeasureKey, Float64Array>(KEYS.map((k) => [k, new Float64Array(CAPACITY)]));
  private readonly counts = newUpwardDogMeasures();
  private readonly scratch = new Float64Array(CAPACITY);
  /** time of the first and the last frame added, ms; NaN when none */
  firstMs = Number.NaN;
  lastMs = Number.NaN;
  frames = 0;

  constructor() {
    this.reset();
  }

  add(m: Readonly<UpwardDogMeasures>, tMs: number): void {
    for (const k of KEYS) {
      const v = m[k];
      if (!Number.isFinite(v)) continue;
      const buffer = this.values.get(k) as Float64Array;
      let n = this.counts[k];
      if (n === CAPACITY) {
        for (let i = 0; i < CAPACITY / 2; i++) buffer[i] = buffer[2 * i + 1] as number;
        n = CAPACITY / 2;
      }
      buffer[n] = v;
      this.counts[k] = n + 1;
    }
    if (this.frames === 0) this.firstMs = tMs;
    this.lastMs = tMs;
    this.frames++;
  }

  /** median over the frames where the measure was known; NaN when it never was */
  median(key: MeasureKey): number {
    const n = this.counts[key];
    if (n === 0) return Number.NaN;
    const s = this.scratch;
    const buffer = this.values.get(key) as Float64Array;
    for (let i = 0; i < n; i++) s[i] = buffer[i] as number;
    const upper = selectKth(s, n, n >> 1);
    if (n % 2 === 1) return upper;
    // the lower middle is the largest value left of the upper one after selection
    let lower = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n >> 1; i++) lower = Math.max(lower, s[i] as number);
    return (lower + upper) / 2;
  }

  /** ms from the first to the last frame added */
  get spanMs(): number {
    return this.frames > 0 ? this.lastMs - this.firstMs : 0;
  }

  /** the medians, into `out` */
  medians(out: UpwardDogMeasures): UpwardDogMeasures {
    for (const k of KEYS) out[k] = this.median(k);
    return out;
  }

  reset(): void {
    for (const k of KEYS) this.counts[k] = 0;
    this.firstMs = Number.NaN;
    this.lastMs = Number.NaN;
    this.frames = 0;
  }
}

/**
 * The k-th smallest of a[0..n) (0-based), by quickselect (Hoare partition,
 * middle pivot); reorders a[0..n) so that a[0..k) <= a[k] <= a[k+1..n).
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = a[i] as number;
        a[i] = a[j] as number;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] as number;
}
