/**
 * Threshold tuning with a live preview: the buffered frames of a live set
 * (rolling-buffer.ts) replayed through two fresh engines, one with the
 * thresholds the coach runs with now and one with those the physiotherapist
 * is trying, and each rep's verdict under both, side by side. Both sides
 * come from the same replay of the same frames, so a difference between
 * them is the thresholds' doing alone (not the fresh engine's start in the
 * middle of a set). Pure, and cheap: microseconds per frame, so the preview
 * re-runs on every slider move.
 */
import { ExerciseEngine } from '../engine/exercise-engine.ts';
import type { EngineEvent, PartialReason, RepRecord } from '../engine/events.ts';
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import { createChecker } from '../exercises/registry.ts';
import type { ThresholdOverrides } from '../exercises/tunables.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import type { FrameSequence } from './rolling-buffer.ts';

export interface RejudgeRequest {
  readonly exercise: ExerciseId;
  /** the variant the coach runs (undefined: detect, or none) */
  readonly variant?: string | undefined;
  /** the pose model that produced the frames */
  readonly model?: string | undefined;
  /** the thresholds the coach runs with now ({}: the exercise's defaults) */
  readonly current: ThresholdOverrides;
  /** the thresholds being tried */
  readonly proposed: ThresholdOverrides;
}

/** What one replay made of a rep. */
export interface RepVerdict {
  readonly full: boolean;
  /** what a partial rep was missing (null on a full rep, or when its checker gave none) */
  readonly reason: PartialReason | null;
  /** the counting signal at the rep's top, in the exercise's unit */
  readonly peak: number;
  readonly holdS: number;
  readonly faults: readonly FaultKey[];
}

/** One rep of the buffer, as the current and as the proposed thresholds judge it (null: that side saw no rep there). */
export interface RejudgedRep {
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
  readonly before: RepVerdict | null;
  readonly after: RepVerdict | null;
  /** still under way at the buffer's end: judged as it stands (at its top, its hold so far) */
  readonly inProgress: boolean;
}

export type Rejudgement =
  | { readonly ok: true; readonly reps: readonly RejudgedRep[] }
  /** an override was refused (not the exercise's, out of bounds): the checker's line says which */
  | { readonly ok: false; readonly error: string };

interface ReplayedRep {
  readonly rep: RepRecord;
  readonly inProgress: boolean;
}

/**
 * The reps a fresh engine with `overrides` finds in `frames` (oldest first).
 * A rep still under way at the last frame is closed as the set's end would
 * close it, and marked in progress.
 */
export function replayReps(frames: FrameSequence, request: Omit<RejudgeRequest, 'current' | 'proposed'>, overrides: ThresholdOverrides): ReplayedRep[] {
  const checker = createChecker({ exercise: request.exercise, variant: request.variant, model: request.model, overrides });
  const engine = new ExerciseEngine(checker);
  const out: ReplayedRep[] = [];
  const take = (events: readonly EngineEvent[], inProgress: boolean): void => {
    for (const e of events) if (e.kind === 'rep' || e.kind === 'partial-rep') out.push({ rep: e.rep, inProgress });
  };
  let last: PoseFrame | null = null;
  for (let i = 0; i < frames.length; i++) {
    last = frames.at(i);
    take(engine.update(last), false);
  }
  if (last) take(engine.finish(last.timestampMs), true);
  return out;
}

const verdictOf = (rep: RepRecord): RepVerdict => ({ full: rep.full, reason: rep.partialReason ?? null, peak: rep.peak, holdS: rep.holdS, faults: rep.faults });

const overlapMs = (a: RepRecord, b: RepRecord): number => Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);

/**
 * Pairs the reps of two replays of the same frames: each rep of `before`
 * with the unpaired rep of `after` it overlaps most in time. Reps one side
 * has and the other not (a lift one threshold calls a rep and the other
 * not) stand alone. Ordered by start.
 */
export function pairReps(before: readonly ReplayedRep[], after: readonly ReplayedRep[]): RejudgedRep[] {
  const taken = new Set<number>();
  const rows: RejudgedRep[] = [];
  for (const b of before) {
    let best = -1;
    let bestOverlap = 0;
    after.forEach((a, i) => {
      const o = overlapMs(b.rep, a.rep);
      if (!taken.has(i) && o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    });
    const a = best >= 0 ? after[best] : undefined;
    if (a) taken.add(best);
    rows.push({
      startMs: b.rep.startMs,
      peakMs: b.rep.peakMs,
      endMs: b.rep.endMs,
      before: verdictOf(b.rep),
      after: a ? verdictOf(a.rep) : null,
      inProgress: b.inProgress || (a?.inProgress ?? false),
    });
  }
  after.forEach((a, i) => {
    if (!taken.has(i)) rows.push({ startMs: a.rep.startMs, peakMs: a.rep.peakMs, endMs: a.rep.endMs, before: null, after: verdictOf(a.rep), inProgress: a.inProgress });
  });
  return rows.sort((x, y) => x.startMs - y.startMs);
}

/** Every rep in `frames`, judged with the current and with the proposed thresholds. */
export function rejudge(frames: FrameSequence, request: RejudgeRequest): Rejudgement {
  try {
    const before = replayReps(frames, request, request.current);
    const after = replayReps(frames, request, request.proposed);
    return { ok: true, reps: pairReps(before, after) };
  } catch (err) {
    // createChecker refuses an override that is not the exercise's or out of bounds, with a line naming it
    if (err instanceof RangeError) return { ok: false, error: err.message };
    throw err;
  }
}

/** The verdict changed: full became partial or back, the reason changed, or one side saw no rep. */
export function verdictChanged(rep: RejudgedRep): boolean {
  const { before, after } = rep;
  if (!before || !after) return before !== after;
  return before.full !== after.full || before.reason !== after.reason;
}
