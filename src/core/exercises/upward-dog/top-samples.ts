/**
 * The measures over the frames of one rep's settled top (the hold), judged by
 * their median. The press up and the lowering pass through odd shapes for a
 * moment at the edges of the hold (the knees bend to 132-152 deg as the feet
 * roll over the toes on the fixture clips, while the torso is still within a
 * few degrees of its peak); the median ignores those frames where a mean
 * would be pulled 3-4 deg toward them. Fixed storage: adding a frame or
 * taking a median allocates nothing.
 */
import { medianOf } from '../../signal/median.ts';
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
    return medianOf(this.values.get(key) as Float64Array, this.counts[key], this.scratch);
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
