/**
 * The phase state machine shared by all four checkers, on one signal where
 * larger means deeper or higher (torso inclination, hip angle, lift, ...):
 *
 *   rest --(> startAbove)--> rising --(near the peak)--> top --(leaves the top band)--> lowering --(< restBelow)--> rest
 *
 * restBelow < startAbove gives hysteresis, so jitter around one threshold
 * never counts twice; excursions shorter than minRepMs are jitter, not reps.
 * A rep whose peak reaches fullAt is full, one that peaks between
 * partialFrom and fullAt is partial, lower ones are ignored. The hold is the
 * longest stretch the signal stayed within topBand of the peak.
 */
import type { Phase } from '../engine/events.ts';

export interface RepCounterConfig {
  readonly startAbove: number;
  readonly restBelow: number;
  readonly fullAt: number;
  readonly partialFrom: number;
  /** "at the top" while within this of the rep's running peak */
  readonly topBand: number;
  readonly minRepMs: number;
  /** a rep that lasts longer was not a rep (the person stayed down or left); it is dropped */
  readonly maxRepMs: number;
  /** unknown signal for longer than this in a rep drops the rep */
  readonly maxGapMs: number;
}

export function validateRepCounterConfig(name: string, c: RepCounterConfig): void {
  const problems: string[] = [];
  if (!(c.restBelow < c.startAbove)) problems.push(`restBelow (${c.restBelow}) must be below startAbove (${c.startAbove})`);
  if (!(c.partialFrom >= c.startAbove)) problems.push(`partialFrom (${c.partialFrom}) must be at least startAbove (${c.startAbove})`);
  if (!(c.fullAt >= c.partialFrom)) problems.push(`fullAt (${c.fullAt}) must be at least partialFrom (${c.partialFrom})`);
  if (!(c.topBand > 0)) problems.push(`topBand must be > 0`);
  if (!(c.minRepMs >= 0 && c.maxRepMs > c.minRepMs)) problems.push(`need 0 <= minRepMs < maxRepMs`);
  if (!(c.maxGapMs > 0)) problems.push(`maxGapMs must be > 0`);
  if (problems.length) throw new RangeError(`${name}: ${problems.join('; ')}`);
}

/** What the counter saw when a rep ended. Reused: copy what you keep. */
export interface RepOutcome {
  full: boolean;
  startMs: number;
  peakMs: number;
  endMs: number;
  peak: number;
  holdS: number;
}

/** Samples of the current rep, for the hold; preallocated, ~60 s at 30 fps. */
const CAPACITY = 2048;

export class RepCounter {
  phase: Phase = 'rest';
  private startMs = 0;
  private peak = Number.NEGATIVE_INFINITY;
  private peakMs = 0;
  private lastKnownMs = Number.NaN;
  /** after a dropped rep the signal must come back to rest before a new rep can start: half-seen reps never count */
  private needRest = false;
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  private count = 0;
  private readonly outcome: RepOutcome = { full: false, startMs: 0, peakMs: 0, endMs: 0, peak: 0, holdS: 0 };

  constructor(private readonly config: RepCounterConfig) {
    validateRepCounterConfig('RepCounter', config);
  }

  /** True while a rep is under way (the signal left rest). */
  get inRep(): boolean {
    return this.phase !== 'rest';
  }

  get runningPeak(): number {
    return this.peak;
  }

  /**
   * Feeds one sample. Returns the outcome when a rep (full or partial) just
   * ended, otherwise null. Read `phase` for the current phase.
   */
  update(value: number, tMs: number): RepOutcome | null {
    const c = this.config;
    if (!Number.isFinite(value)) {
      if (this.phase !== 'rest' && tMs - this.lastKnownMs > c.maxGapMs) this.abandon();
      return null;
    }
    this.lastKnownMs = tMs;
    if (this.phase === 'rest') {
      if (this.needRest) {
        if (value < c.restBelow) this.needRest = false;
        return null;
      }
      if (value > c.startAbove) {
        this.phase = 'rising';
        this.startMs = tMs;
        this.peak = value;
        this.peakMs = tMs;
        this.count = 0;
        this.record(value, tMs);
      }
      return null;
    }
    this.record(value, tMs);
    if (value > this.peak) {
      this.peak = value;
      this.peakMs = tMs;
    }
    if (tMs - this.startMs > c.maxRepMs) {
      this.abandon();
      return null;
    }
    if (value < c.restBelow) return this.finish(tMs);
    const nearPeak = value >= this.peak - c.topBand;
    // at the top once the signal stops climbing; a smoothed signal creeping up a still
    // hold by less than a tenth of the top band a frame counts as stopped
    if (this.phase === 'rising' && nearPeak && value >= c.partialFrom && this.count > 1 && value - this.values[this.count - 2]! <= c.topBand * 0.1) this.phase = 'top';
    else if (this.phase === 'top' && !nearPeak) this.phase = 'lowering';
    else if (this.phase === 'lowering' && nearPeak && value > this.values[this.count - 2]!) this.phase = 'top';
    return null;
  }

  /**
   * The set or the clip ends now. A rep that has reached its top (phase top
   * or lowering) counts, with its hold so far: the fixtures README counts a
   * person still at the top in the last frame, and one most of the way down.
   * A rep still rising is not judged. Returns the outcome, or null; the
   * counter is at rest afterwards either way.
   */
  endNow(tMs: number): RepOutcome | null {
    if (this.phase === 'rest') return null;
    const reachedTop = this.phase === 'top' || this.phase === 'lowering';
    if (!reachedTop) {
      this.abandon();
      this.needRest = false;
      return null;
    }
    return this.finish(Math.max(tMs, this.lastKnownMs));
  }

  private record(value: number, tMs: number): void {
    if (this.count === CAPACITY) {
      // keep every other sample: resolution halves, memory stays fixed
      for (let i = 0; i < CAPACITY / 2; i++) {
        this.times[i] = this.times[2 * i + 1]!;
        this.values[i] = this.values[2 * i + 1]!;
      }
      this.count = CAPACITY / 2;
    }
    this.times[this.count] = tMs;
    this.values[this.count] = value;
    this.count++;
  }

  private finish(tMs: number): RepOutcome | null {
    const c = this.config;
    const durationMs = tMs - this.startMs;
    this.phase = 'rest';
    if (durationMs < c.minRepMs || this.peak < c.partialFrom) return null;
    const o = this.outcome;
    o.full = this.peak >= c.fullAt;
    o.startMs = this.startMs;
    o.peakMs = this.peakMs;
    o.endMs = tMs;
    o.peak = this.peak;
    o.holdS = this.longestNearPeakMs() / 1000;
    return o;
  }

  private longestNearPeakMs(): number {
    const floor = this.peak - this.config.topBand;
    let best = 0;
    let since = Number.NaN;
    for (let i = 0; i < this.count; i++) {
      const t = this.times[i]!;
      if (this.values[i]! >= floor) {
        if (Number.isNaN(since)) since = t;
        best = Math.max(best, t - since);
      } else since = Number.NaN;
    }
    return best;
  }

  private abandon(): void {
    this.needRest = true;
    this.phase = 'rest';
    this.count = 0;
    this.peak = Number.NEGATIVE_INFINITY;
  }

  reset(): void {
    this.abandon();
    this.needRest = false;
    this.lastKnownMs = Number.NaN;
  }
}
