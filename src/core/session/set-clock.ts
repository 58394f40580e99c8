/**
 * A set's wall-clock times, read once from the wall clock and carried on by
 * the monotonic clock (performance.now()). The wall clock may jump while a
 * set runs (the user or NTP sets the time, a laptop wakes with another time
 * zone): read again at the end, it could make a set end before it began (a
 * record the schema refuses) or last hours. Frames carry monotonic times, so
 * every duration inside the set is unaffected either way.
 */
export class SetClock {
  /**
   * @param startedAtMs the wall clock at the set's start, ms since the epoch
   * @param startedMonoMs the monotonic clock at the same moment, ms
   */
  constructor(
    readonly startedAtMs: number,
    private readonly startedMonoMs: number,
  ) {}

  /** The wall-clock time (ms since the epoch) of the monotonic instant `monoMs`; never before the start. */
  wallAt(monoMs: number): number {
    return this.startedAtMs + Math.max(0, monoMs - this.startedMonoMs);
  }
}
