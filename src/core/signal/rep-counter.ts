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
import type { Phase } from './phase.ts';

export interface RepCounterConfig {
  readonly startAbove: number;
  readonly restBelow: number;
  readonly fullAt: number;
  readonly partialFrom: number;
  /** "at the top" while within this of the rep's running peak */
  readonly topBand: number;
  /**
   * ... or within this fraction of the peak itself, when that is wider
   * (default 0): a band that grows with the lift, so the hold of a big lift
   * read through jittery keypoints is not cut into pieces
   */
  readonly topBandFraction?: number;
  readonly minRepMs: number;
  /** a rep that lasts longer was not a rep (the person stayed down or left); it is dropped */
  readonly maxRepMs: number;
  /** unknown signal for longer than this in a rep drops the rep */
  readonly maxGapMs: number;
  /**
   * no rep starts within this long after the last one ended (default 0):
   * noise on the way down cannot split one rep into two
   */
  readonly minRestMs?: number;
  /**
   * a rep ends once the signal has stayed below restBelow this long (default
   * 0: at once); it ends at the first of those frames. A small lift read
   * through noise dips under restBelow for a frame mid-hold: that is no end.
   */
  readonly restConfirmMs?: number;
}

export function validateRepCounterConfig(name: string, c: RepCounterConfig): void {
  const problems: string[] = [];
  if (!(c.restBelow < c.startAbove)) problems.push(`restBelow (${c.restBelow}) must be below startAbove (${c.startAbove})`);
  if (!(c.partialFrom >= c.startAbove)) problems.push(`partialFrom (${c.partialFrom}) must be at least startAbove (${c.startAbove})`);
  if (!(c.fullAt >= c.partialFrom)) problems.push(`fullAt (${c.fullAt}) must be at least partialFrom (${c.partialFrom})`);
  if (!(c.topBand > 0)) problems.push(`topBand must be > 0`);
  if (c.topBandFraction !== undefined && !(c.topBandFraction >= 0 && c.topBandFraction < 1)) problems.push(`topBandFraction must lie in [0, 1)`);
  if (!(c.minRepMs >= 0 && c.maxRepMs > c.minRepMs)) problems.push(`need 0 <= minRepMs < maxRepMs`);
  if (!(c.maxGapMs > 0)) problems.push(`maxGapMs must be > 0`);
  if (c.minRestMs !== undefined && !(c.minRestMs >= 0)) problems.push(`minRestMs must be >= 0`);
  if (c.restConfirmMs !== undefined && !(c.restConfirmMs >= 0)) problems.push(`restConfirmMs must be >= 0`);
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
  /** the first frame of the current stretch below restBelow within a rep (NaN while above) */
  private belowSinceMs = Number.NaN;
  /** when the last rep ended (-Infinity before the first) */
  private lastEndMs = Number.NEGATIVE_INFINITY;
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  private count = 0;
  private readonly outcome: RepOutcome = { full: false, startMs: 0, peakMs: 0, endMs: 0, peak: 0, holdS: 0 };

  private config: RepCounterConfig;

  constructor(config: RepCounterConfig) {
    validateRepCounterConfig('RepCounter', config);
    this.config = config;
  }

  /**
   * New thresholds, learned from this person (a checker's resting noise, say).
   * Taken only at rest, so a rep under way is judged by the thresholds it
   * started with; returns whether they were taken.
   */
  retune(thresholds: Partial<Pick<RepCounterConfig, 'startAbove' | 'restBelow' | 'partialFrom' | 'fullAt' | 'topBand'>>): boolean {
    if (this.phase !== 'rest') return false;
    const next = { ...this.config, ...thresholds };
    validateRepCounterConfig('RepCounter.retune', next);
    this.config = next;
    return true;
  }

  /**
   * The signal is taken to be back at rest now, whatever it reads (a camera
   * cut: what comes after is another picture): a rep under way ends as if it
   * had come down, by the usual rules (minRepMs, partialFrom).
   */
  endAtRest(tMs: number): RepOutcome | null {
    if (this.phase === 'rest') return null;
    return this.finish(Number.isNaN(this.belowSinceMs) ? tMs : this.belowSinceMs);
  }

  /** A new picture (a camera cut): the rest after the last rep starts afresh, so the next rep may start at once. */
  endRefractory(): void {
    this.lastEndMs = Number.NEGATIVE_INFINITY;
  }

  /** the thresholds in force */
  get thresholds(): Readonly<RepCounterConfig> {
    return this.config;
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
      // just after a rep, noise on the way down must not start the next one
      if (tMs - this.lastEndMs < (c.minRestMs ?? 0)) return null;
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
    if (value < c.restBelow) {
      if (Number.isNaN(this.belowSinceMs)) this.belowSinceMs = tMs;
      if (tMs - this.belowSinceMs >= (c.restConfirmMs ?? 0)) return this.finish(this.belowSinceMs);
      return null;
    }
    this.belowSinceMs = Number.NaN;
    const nearPeak = value >= this.peak - this.band();
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
   * A rep still rising is not judged; one cut short by the end needs only
   * half of minRepMs (superman_klarfit's last, quick lift: 0.54 s from the
   * start of the count to the clip's end). Returns the outcome, or null; the
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
    // back at rest but not yet confirmed: the rep ended where the rest began
    const endMs = Number.isNaN(this.belowSinceMs) ? Math.max(tMs, this.lastKnownMs) : this.belowSinceMs;
    return this.finish(endMs, this.config.minRepMs / 2);
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

  /**
   * `minMs`: the shortest rep; a rep cut short by the end of the set is
   * allowed half of minRepMs (it reached its top, and the end took the rest).
   */
  private finish(tMs: number, minMs = this.config.minRepMs): RepOutcome | null {
    const c = this.config;
    const durationMs = tMs - this.startMs;
    this.phase = 'rest';
    this.lastEndMs = tMs;
    this.belowSinceMs = Number.NaN;
    if (durationMs < minMs || this.peak < c.partialFrom) return null;
    const o = this.outcome;
    o.full = this.peak >= c.fullAt;
    o.startMs = this.startMs;
    o.peakMs = this.peakMs;
    o.endMs = tMs;
    o.peak = this.peak;
    o.holdS = this.longestNearPeakMs() / 1000;
    return o;
  }

  /** the top band at the current peak */
  private band(): number {
    const f = this.config.topBandFraction ?? 0;
    return f > 0 ? Math.max(this.config.topBand, f * this.peak) : this.config.topBand;
  }

  private longestNearPeakMs(): number {
    const floor = this.peak - this.band();
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
    this.belowSinceMs = Number.NaN;
    this.needRest = true;
    this.phase = 'rest';
    this.count = 0;
    this.peak = Number.NEGATIVE_INFINITY;
  }

  reset(): void {
    this.abandon();
    this.needRest = false;
    this.lastEndMs = Number.NEGATIVE_INFINITY;
    this.lastKnownMs = Number.NaN;
  }
}
