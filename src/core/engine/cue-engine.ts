/**
 * One clear cue at a time. A cue, once shown, stays up long enough to read
 * (~2.5 s); the same correction is not repeated within a cooldown; the most
 * urgent of the waiting cues goes next; a clean rep earns praise now and
 * then, not every time (a coach who praises every rep stops being heard).
 * Setup cues hold while their condition lasts.
 */
import { CUES, type CueKey } from './cues.ts';

export interface CueEngineConfig {
  /** a shown cue stays at least this long, ms: about two readings of a short sentence */
  readonly minShowMs: number;
  /** the same correction is not shown again within this, ms */
  readonly cooldownMs: number;
  /** a waiting correction is dropped when it could not be shown within this, ms (it would be about an old rep) */
  readonly maxWaitMs: number;
  /** praise the first clean rep, then every n-th clean rep */
  readonly praiseEvery: number;
}

/** 2.5 s to read (issue #3), 12 s cooldown: about two to three reps at the article's calm tempo. */
export const DEFAULT_CUE_ENGINE: CueEngineConfig = { minShowMs: 2500, cooldownMs: 12_000, maxWaitMs: 4000, praiseEvery: 3 };

export class CueEngine {
  private shown: CueKey | null = null;
  private shownSinceMs = 0;
  private readonly lastShownMs = new Map<CueKey, number>();
  private readonly waiting = new Map<CueKey, number>();
  private readonly setupNow = new Set<CueKey>();
  private cleanReps = 0;

  constructor(private readonly config: CueEngineConfig = DEFAULT_CUE_ENGINE) {
    if (!(config.minShowMs >= 0 && config.cooldownMs >= 0 && config.maxWaitMs >= 0 && config.praiseEvery >= 1)) {
      throw new RangeError(`CueEngine: invalid config ${JSON.stringify(config)}`);
    }
  }

  get current(): CueKey | null {
    return this.shown;
  }

  /** A correction or praise wants to be said (once). */
  offer(cue: CueKey, tMs: number): void {
    const last = this.lastShownMs.get(cue);
    if (last !== undefined && tMs - last < this.config.cooldownMs) return;
    if (!this.waiting.has(cue)) this.waiting.set(cue, tMs);
  }

  /** The setup cues that hold in this frame (replaces those of the previous frame). */
  setSetup(cues: Iterable<CueKey>): void {
    this.setupNow.clear();
    for (const c of cues) this.setupNow.add(c);
  }

  /** A clean full rep: praise the first, then every n-th. */
  cleanRep(tMs: number): void {
    this.cleanReps++;
    if ((this.cleanReps - 1) % this.config.praiseEvery === 0) this.offer('praise.good-rep', tMs);
  }

  /**
   * Advances to `tMs`; returns the cue to show now if it changed (null to
   * clear), or undefined when nothing changed.
   */
  update(tMs: number): CueKey | null | undefined {
    for (const [cue, since] of this.waiting) if (tMs - since > this.config.maxWaitMs) this.waiting.delete(cue);
    const shownFor = tMs - this.shownSinceMs;
    const shownIsSetup = this.shown !== null && CUES[this.shown].kind === 'setup';
    // a setup cue is a status ("hold still", "step into view"): it goes as soon as its condition ends
    const setupEnded = shownIsSetup && this.shown !== null && !this.setupNow.has(this.shown);
    if (this.shown !== null && shownFor < this.config.minShowMs && !setupEnded) return undefined;
    if (shownIsSetup && !setupEnded && this.best(this.setupNow) === this.shown) return undefined;

    const next = this.best(this.setupNow) ?? this.best(this.waiting.keys());
    if (next === null) {
      if (this.shown === null) return undefined;
      this.shown = null;
      this.shownSinceMs = tMs;
      return null;
    }
    if (next === this.shown) return undefined;
    this.shown = next;
    this.shownSinceMs = tMs;
    this.waiting.delete(next);
    if (CUES[next].kind !== 'setup') this.lastShownMs.set(next, tMs);
    return next;
  }

  private best(cues: Iterable<CueKey>): CueKey | null {
    let best: CueKey | null = null;
    for (const c of cues) if (best === null || CUES[c].priority > CUES[best].priority) best = c;
    return best;
  }

  reset(): void {
    this.shown = null;
    this.shownSinceMs = 0;
    this.lastShownMs.clear();
    this.waiting.clear();
    this.setupNow.clear();
    this.cleanReps = 0;
  }
}
