/**
 * Analysed frames per second and mean inference time over a sliding window,
 * for the HUD. Fixed-size ring buffers: nothing is allocated per frame.
 */
export class RateMeter {
  private readonly stamps: Float64Array;
  private readonly durations: Float64Array;
  private count = 0;
  private next = 0;

  constructor(private readonly windowSize = 30) {
    if (!Number.isInteger(windowSize) || windowSize < 2) throw new RangeError(`RateMeter: windowSize must be an integer >= 2, got ${windowSize}`);
    this.stamps = new Float64Array(windowSize);
    this.durations = new Float64Array(windowSize);
  }

  /** Records one analysed frame finished at `nowMs` that took `durationMs` to infer. */
  update(nowMs: number, durationMs: number): void {
    this.stamps[this.next] = nowMs;
    this.durations[this.next] = durationMs;
    this.next = (this.next + 1) % this.windowSize;
    if (this.count < this.windowSize) this.count++;
  }

  /** Frames per second over the window; 0 until two frames are in. */
  get fps(): number {
    if (this.count < 2) return 0;
    const newest = this.stamps[(this.next - 1 + this.windowSize) % this.windowSize] as number;
    const oldest = this.stamps[(this.next - this.count + this.windowSize) % this.windowSize] as number;
    const span = newest - oldest;
    return span > 0 ? ((this.count - 1) * 1000) / span : 0;
  }

  /** Mean duration in ms over the window; 0 when empty. */
  get meanDurationMs(): number {
    if (this.count === 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.durations[i] as number;
    return sum / this.count;
  }

  reset(): void {
    this.count = 0;
    this.next = 0;
  }
}
