/**
 * When the reference's cue (cue.ts) is said aloud during a live set, without
 * breaking the cue engine's one-cue-at-a-time rule (engine/cue-engine.ts).
 * The cue engine stays the only voice of corrections about form; the
 * reference's cue waits beside it:
 *
 * - it is said only while the cue engine shows nothing: a correction about
 *   form (safety first) is never talked over, and never cut off;
 * - it waits at most the cue engine's maxWaitMs for that (4 s), then it is
 *   dropped: by then it would be about an old rep;
 * - the same cue is not said again within the cue engine's cooldownMs (12 s),
 *   and after any reference cue nothing else of the reference is said for its
 *   minShowMs (2.5 s: time to hear it);
 * - "just like the example" is praise: said for the first matching rep, then
 *   every praiseEvery-th one, like the cue engine's clean-rep praise.
 *
 * The text of every rep's cue is shown anyway (the training panel, beside
 * the similarity): only speaking is gated.
 */
import { DEFAULT_CUE_ENGINE, type CueEngineConfig } from '../engine/cue-engine.ts';
import type { ReferenceCue, ReferenceCueKind } from './cue.ts';

export class ReferenceCueGate {
  private waiting: { readonly cue: ReferenceCue; readonly sinceMs: number } | null = null;
  private readonly lastSaidMs = new Map<ReferenceCueKind, number>();
  private lastAnyMs = Number.NEGATIVE_INFINITY;
  private matches = 0;

  constructor(private readonly config: CueEngineConfig = DEFAULT_CUE_ENGINE) {}

  /** A rep was scored: its cue wants to be said (it replaces one still waiting: the newer rep counts). */
  offer(cue: ReferenceCue, tMs: number): void {
    if (cue.kind === 'matches') {
      this.matches++;
      if ((this.matches - 1) % this.config.praiseEvery !== 0) {
        this.waiting = null;
        return;
      }
    }
    const last = this.lastSaidMs.get(cue.kind);
    if (last !== undefined && tMs - last < this.config.cooldownMs) {
      this.waiting = null;
      return;
    }
    this.waiting = { cue, sinceMs: tMs };
  }

  /**
   * Advances to `tMs`, `engineShowing` being whether the cue engine shows a
   * cue now: the cue to say now, or null.
   */
  update(tMs: number, engineShowing: boolean): ReferenceCue | null {
    const w = this.waiting;
    if (!w) return null;
    if (tMs - w.sinceMs > this.config.maxWaitMs) {
      this.waiting = null;
      return null;
    }
    if (engineShowing || tMs - this.lastAnyMs < this.config.minShowMs) return null;
    this.waiting = null;
    this.lastSaidMs.set(w.cue.kind, tMs);
    this.lastAnyMs = tMs;
    return w.cue;
  }

  reset(): void {
    this.waiting = null;
    this.lastSaidMs.clear();
    this.lastAnyMs = Number.NEGATIVE_INFINITY;
    this.matches = 0;
  }
}
