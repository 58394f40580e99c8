/**
 * The seconds a person has held the top of the current rep, as the training
 * view shows them. Only time in which the person was seen and the set was
 * counting adds up: frame steps longer than MAX_HOLD_STEP_MS are gaps (a
 * hidden tab, a camera lost and resumed, a pause) and add nothing, and a
 * step the caller marks as not counting (the person out of view, the set
 * paused) adds nothing either. So the hold stops where it was and goes on
 * from there, never jumping by the time nobody held anything.
 */

/**
 * Longest step between two analysed frames that still counts as held time.
 * The slowest model on a busy 2-core machine analyses a frame in about
 * 300 ms; a second and a half is a gap, not a slow frame.
 */
export const MAX_HOLD_STEP_MS = 1500;

export class HoldClock {
  private heldMs = 0;
  private lastMs = Number.NaN;
  private running = false;

  /** The person reached the top at `tMs`: the hold starts from 0. */
  start(tMs: number): void {
    this.heldMs = 0;
    this.lastMs = tMs;
    this.running = true;
  }

  /** The person left the top: no hold. */
  stop(): void {
    this.running = false;
    this.heldMs = 0;
    this.lastMs = Number.NaN;
  }

  /** Frames stopped reaching the coach (a pause): the next step is a gap. */
  gap(): void {
    this.lastMs = Number.NaN;
  }

  /** A frame at `tMs`; `counts`: the person is seen (no setup problem), so the step is held time. */
  tick(tMs: number, counts: boolean): void {
    if (!this.running) return;
    const stepMs = tMs - this.lastMs;
    this.lastMs = tMs;
    if (counts && stepMs > 0 && stepMs <= MAX_HOLD_STEP_MS) this.heldMs += stepMs;
  }

  get seconds(): number {
    return this.heldMs / 1000;
  }
}
