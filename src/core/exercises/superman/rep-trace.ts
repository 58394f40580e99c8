/**
 * What the current rep looked like, frame by frame, in preallocated columns:
 * the count signal and the measurements the faults are judged on. It keeps a
 * short lead-in from before the rep started, so the lift's timing can be read
 * from rest (the count only starts a rep once the lift is well under way).
 * At the end of a rep the checker reads the "top" (the frames within the
 * counter's top band of the peak) and the timing of the lift and the lowering.
 */
export const TRACE_COLUMNS = ['together', 'meanLift', 'kneeLift', 'elbowLift', 'ankleLift', 'wristLift', 'farKneeLift', 'farElbowLift', 'elevationDeg', 'headUpDeg', 'noseAboveBack', 'pair'] as const;
export type TraceColumn = (typeof TRACE_COLUMNS)[number];

/** ~68 s at 30 fps: longer than the longest rep (maxRepMs), after which resolution halves. */
const CAPACITY = 2048;
/** frames kept from before the rep: ~1 s at 30 fps covers the start of a lift before the count sees it */
const LEAD_IN = 32;

export class RepTrace {
  readonly times = new Float64Array(CAPACITY);
  private readonly columns: Record<TraceColumn, Float64Array>;
  count = 0;
  private inRep = false;
  private repStartIndex = 0;

  constructor() {
    const columns = {} as Record<TraceColumn, Float64Array>;
    for (const c of TRACE_COLUMNS) columns[c] = new Float64Array(CAPACITY);
    this.columns = columns;
  }

  column(name: TraceColumn): Float64Array {
    return this.columns[name];
  }

  /** Index of the first frame of the rep (after the lead-in). */
  get startIndex(): number {
    return this.repStartIndex;
  }

  /** The rep starts with the frame recorded next; what came just before stays as the lead-in. */
  beginRep(): void {
    if (this.count > LEAD_IN) this.keepLast(LEAD_IN);
    this.inRep = true;
    this.repStartIndex = this.count;
  }

  endRep(): void {
    this.inRep = false;
  }

  /** Appends one frame: call set() for each column first, then commit(t). */
  set(name: TraceColumn, value: number): void {
    this.columns[name][this.count] = value;
  }

  commit(timestampMs: number): void {
    this.times[this.count] = timestampMs;
    this.count++;
    if (!this.inRep && this.count >= 2 * LEAD_IN) this.keepLast(LEAD_IN);
    else if (this.count === CAPACITY) this.halve();
  }

  /** The index with the largest value of a column at or after the rep start; -1 if none. */
  peakIndex(name: TraceColumn): number {
    const v = this.columns[name];
    let best = -1;
    for (let i = this.repStartIndex; i < this.count; i++) if (!Number.isNaN(v[i]!) && (best < 0 || v[i]! > v[best]!)) best = i;
    return best;
  }

  /** Mean of a column over the rep's frames whose `together` is at least `floor`; NaN if none is known. */
  meanWhereTogetherAtLeast(name: TraceColumn, floor: number): number {
    const v = this.columns[name];
    const t = this.columns.together;
    let sum = 0;
    let n = 0;
    for (let i = this.repStartIndex; i < this.count; i++) {
      if (t[i]! >= floor && !Number.isNaN(v[i]!)) {
        sum += v[i]!;
        n++;
      }
    }
    return n > 0 ? sum / n : Number.NaN;
  }

  reset(): void {
    this.count = 0;
    this.inRep = false;
    this.repStartIndex = 0;
  }

  private keepLast(n: number): void {
    const from = this.count - n;
    this.times.copyWithin(0, from, this.count);
    for (let c = 0; c < TRACE_COLUMNS.length; c++) this.columns[TRACE_COLUMNS[c]!].copyWithin(0, from, this.count);
    this.count = n;
  }

  /** Out of room in a very long rep: keep every other frame (the rep start stays in). */
  private halve(): void {
    let w = 0;
    for (let r = 0; r < this.count; r += 2) {
      this.times[w] = this.times[r]!;
      for (let c = 0; c < TRACE_COLUMNS.length; c++) {
        const column = this.columns[TRACE_COLUMNS[c]!];
        column[w] = column[r]!;
      }
      w++;
    }
    this.count = w;
    this.repStartIndex = Math.floor(this.repStartIndex / 2);
  }
}
