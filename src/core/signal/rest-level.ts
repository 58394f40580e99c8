/**
 * The resting level of a signal (shared by the checkers): where the hip thrust's hip angle sits
 * with the hips down, the good morning's torso length standing tall.
 * In an oblique view the angle's absolute value depends on the camera, so a
 * rep is measured as the rise above this level instead; and the start
 * position must be held still, i.e. near this level. An exponential average
 * for irregular frame times that can follow down faster than up (settling
 * lower is still rest; a rise may be the start of a rep).
 */
export class RestLevel {
  private levelValue = Number.NaN;
  private lastMs = Number.NaN;

  /** NaN until the first sample */
  get level(): number {
    return this.levelValue;
  }

  /** Moves the level toward `value` with the given half-lives (ms). NaN is skipped. */
  follow(value: number, timestampMs: number, upHalfLifeMs: number, downHalfLifeMs: number): number {
    if (!Number.isFinite(value)) return this.levelValue;
    if (Number.isNaN(this.levelValue)) {
      this.restart(value, timestampMs);
      return this.levelValue;
    }
    const dtMs = Math.max(0, timestampMs - this.lastMs);
    this.lastMs = timestampMs;
    const gap = value - this.levelValue;
    const halfLifeMs = gap < 0 ? downHalfLifeMs : upHalfLifeMs;
    this.levelValue += (1 - Math.pow(0.5, dtMs / halfLifeMs)) * gap;
    return this.levelValue;
  }

  /** Starts over at `value` (the view changed, or the old level proved wrong). */
  restart(value: number, timestampMs: number): void {
    this.levelValue = value;
    this.lastMs = timestampMs;
  }

  reset(): void {
    this.levelValue = Number.NaN;
    this.lastMs = Number.NaN;
  }
}
