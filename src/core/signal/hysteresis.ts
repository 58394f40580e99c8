/**
 * A two-threshold switch: turns on when the value rises above `on` and off
 * only when it falls below `off` (on > off), so a value jittering around one
 * threshold never flips back and forth. NaN (unknown) keeps the state.
 */
export class Hysteresis {
  private state = false;

  constructor(
    private readonly on: number,
    private readonly off: number,
  ) {
    if (!(on > off)) throw new RangeError(`Hysteresis: on (${on}) must be above off (${off})`);
  }

  update(value: number): boolean {
    if (this.state && value < this.off) this.state = false;
    else if (!this.state && value > this.on) this.state = true;
    return this.state;
  }

  get active(): boolean {
    return this.state;
  }

  reset(state = false): void {
    this.state = state;
  }
}

/**
 * True once a condition has held continuously for `minMs`; false as soon as it
 * does not. For "the start position is held", "the pose is gone".
 */
export class HeldFor {
  private sinceMs = Number.NaN;

  constructor(private readonly minMs: number) {}

  update(condition: boolean, timestampMs: number): boolean {
    if (!condition) {
      this.sinceMs = Number.NaN;
      return false;
    }
    if (Number.isNaN(this.sinceMs)) this.sinceMs = timestampMs;
    return timestampMs - this.sinceMs >= this.minMs;
  }

  /** ms the condition has held so far; 0 when it does not hold */
  heldMs(timestampMs: number): number {
    return Number.isNaN(this.sinceMs) ? 0 : timestampMs - this.sinceMs;
  }

  reset(): void {
    this.sinceMs = Number.NaN;
  }
}
