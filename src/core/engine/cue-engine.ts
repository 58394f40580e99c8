/**
 * One clear cue at a time. A cue, once shown, stays up long enough to read
 * (~2.5 s); the same correction is not repeated within a cooldown; the most
 * urgent of the waiting cues goes next; a clean rep earns praise now and
 * then, not every time (a coach who praises every rep stops being heard).
 * Setup cues hold while their condition lasts. Cues of the same topic
 * (cues.ts) are one correction here: one waits, one cooldown. A numbered
 * cue ("hold 5 s at the top") waits, shows and cools down like any other;
 * the number travels with it.
 */
import { CUES, cueKeyOf, cueTopic, isNumberedCueKey, sameCue, type Cue, type CueKey, type CueTopic, type NumberedCue, type PlainCueKey } from './cues.ts';

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
  private shown: Cue | null = null;
  private shownSinceMs = 0;
  /** when each correction (a cue, or a topic of cues) was last shown */
  private readonly lastShownMs = new Map<CueKey | CueTopic, number>();
  /** the corrections waiting to be shown, by topic: the cue and when it was first offered */
  private readonly waiting = new Map<CueKey | CueTopic, { readonly cue: Cue; readonly sinceMs: number }>();
  private readonly setupNow = new Set<PlainCueKey>();
  private cleanReps = 0;

  constructor(private readonly config: CueEngineConfig = DEFAULT_CUE_ENGINE) {
    if (!(config.minShowMs >= 0 && config.cooldownMs >= 0 && config.maxWaitMs >= 0 && config.praiseEvery >= 1)) {
      throw new RangeError(`CueEngine: invalid config ${JSON.stringify(config)}`);
    }
  }

  get current(): Cue | null {
    return this.shown;
  }

  /**
   * A correction or praise wants to be said (once). A numbered cue comes
   * with its number; its bare key is refused (it could not be said). A cue
   * whose topic already waits replaces the waiting one when it is more
   * urgent, and keeps that one's waiting time.
   */
  offer(cue: CueKey | NumberedCue, tMs: number): void {
    if (typeof cue === 'string' && isNumberedCueKey(cue)) throw new RangeError(`CueEngine: cue ${cue} needs its number ({ key, n })`);
    const key = cueKeyOf(cue);
    const topic = cueTopic(key);
    const last = this.lastShownMs.get(topic);
    if (last !== undefined && tMs - last < this.config.cooldownMs) return;
    const waiting = this.waiting.get(topic);
    if (!waiting) this.waiting.set(topic, { cue, sinceMs: tMs });
    else if (CUES[key].priority > CUES[cueKeyOf(waiting.cue)].priority) this.waiting.set(topic, { cue, sinceMs: waiting.sinceMs });
  }

  /** The setup cues that hold in this frame (replaces those of the previous frame). Setup cues carry no number. */
  setSetup(cues: Iterable<CueKey>): void {
    this.setupNow.clear();
    for (const c of cues) if (!isNumberedCueKey(c)) this.setupNow.add(c);
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
  update(tMs: number): Cue | null | undefined {
    for (const [topic, w] of this.waiting) if (tMs - w.sinceMs > this.config.maxWaitMs) this.waiting.delete(topic);
    const shownFor = tMs - this.shownSinceMs;
    const shown = this.shown;
    const shownSetup = typeof shown === 'string' && CUES[shown].kind === 'setup' ? shown : null;
    // a setup cue is a status ("hold still", "step into view"): it goes as soon as its condition ends
    const setupEnded = shownSetup !== null && !this.setupNow.has(shownSetup);
    if (shown !== null && shownFor < this.config.minShowMs && !setupEnded) return undefined;
    if (shownSetup !== null && !setupEnded && this.best(this.setupNow) === shownSetup) return undefined;

    const next = this.best(this.setupNow) ?? this.bestWaiting();
    if (next === null) {
      if (shown === null) return undefined;
      this.shown = null;
      this.shownSinceMs = tMs;
      return null;
    }
    if (sameCue(next, shown)) return undefined;
    this.shown = next;
    this.shownSinceMs = tMs;
    const key = cueKeyOf(next);
    this.waiting.delete(cueTopic(key));
    if (CUES[key].kind !== 'setup') this.lastShownMs.set(cueTopic(key), tMs);
    return next;
  }

  private best(cues: Iterable<PlainCueKey>): PlainCueKey | null {
    let best: PlainCueKey | null = null;
    for (const c of cues) if (best === null || CUES[c].priority > CUES[best].priority) best = c;
    return best;
  }

  private bestWaiting(): Cue | null {
    let best: Cue | null = null;
    for (const { cue } of this.waiting.values()) if (best === null || CUES[cueKeyOf(cue)].priority > CUES[cueKeyOf(best)].priority) best = cue;
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
