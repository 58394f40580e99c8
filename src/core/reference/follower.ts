/**
 * The patient's set against the reference, live: fed beside the engine,
 * frame by frame, it keeps the key angle and scores every rep (full or
 * partial) the engine reports. What the UI shows: `last` (the similarity,
 * its parts, the cue) after each rep.
 *
 *   const follower = new ReferenceFollower(reference);
 *   // per frame
 *   const events = engine.update(frame);
 *   const scored = follower.update(frame.timestampMs, engine, events); // a RepComparison when a rep ended
 *   // when the set ends
 *   follower.take(engine.finish(tMs));
 */
import type { EngineEvent } from '../engine/events.ts';
import type { ExerciseEngine } from '../engine/exercise-engine.ts';
import { referenceRepOf } from './build.ts';
import type { Reference } from './format.ts';
import { PreparedReference } from './prepared.ts';
import { RepSeriesRecorder } from './rep-series.ts';
import { RepScorer, type RepComparison } from './score.ts';

export class ReferenceFollower {
  private readonly recorder = new RepSeriesRecorder();
  private readonly scorer: RepScorer;
  /** the last rep's comparison; null before the first rep */
  last: RepComparison | null = null;
  /** every rep's comparison this set, in order (for the session record and the physio's overview) */
  readonly all: RepComparison[] = [];

  constructor(reference: Reference) {
    this.scorer = new RepScorer(new PreparedReference(reference));
  }

  /** After `engine.update(frame)` with the events it returned: the comparison of a rep that ended now, else null. */
  update(tMs: number, engine: ExerciseEngine, events: readonly EngineEvent[]): RepComparison | null {
    this.recorder.pushEngine(tMs, engine);
    return this.take(events);
  }

  /** Scores the reps among `events` (also those of `engine.finish`); returns the last one's comparison, or null. */
  take(events: readonly EngineEvent[]): RepComparison | null {
    let scored: RepComparison | null = null;
    for (const e of events) {
      if (e.kind !== 'rep' && e.kind !== 'partial-rep') continue;
      scored = this.scorer.score(referenceRepOf(e.rep, this.recorder));
      this.last = scored;
      this.all.push(scored);
    }
    return scored;
  }

  reset(): void {
    this.recorder.clear();
    this.last = null;
    this.all.length = 0;
  }
}
