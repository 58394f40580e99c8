/**
 * Test-only: replays a track through the hip thrust checker the way the
 * engine does (BodyState each frame, the start position held 1 s before
 * counting, then update every frame), WITHOUT the engine's posture and
 * front-view gates. Two fixture clips never reach the checker through the
 * engine today (see the report): the bench clip, whose shoulders rest on a
 * bench so BodyState's posture is 'unknown' (neither lying nor standing), and
 * the ball-squeeze clip, filmed from the feet so the shoulder spread reads as
 * a front view. This replay shows what the checker itself does on them: what
 * the engine would count once those gates let a hip thrust through.
 */
import { BodyState } from '../../engine/body-state.ts';
import { DEFAULT_START_HOLD_MS } from '../../engine/exercise-engine.ts';
import type { CheckerOutput } from '../../engine/checker.ts';
import type { RepRecord } from '../../engine/events.ts';
import { HeldFor } from '../../signal/hysteresis.ts';
import type { KeypointTrack } from '../../track.ts';
import type { HipThrustChecker } from './checker.ts';

export interface UngatedReport {
  readonly reps: number;
  readonly partialReps: number;
  readonly repDetails: readonly RepRecord[];
  readonly faults: readonly { readonly t: number; readonly fault: string }[];
  readonly countingStartedMs: number | null;
}

export function replayWithoutPostureAndViewGates(track: KeypointTrack, checker: HipThrustChecker): UngatedReport {
  const body = new BodyState();
  const startHeld = new HeldFor(DEFAULT_START_HOLD_MS);
  const repDetails: RepRecord[] = [];
  const faults: { t: number; fault: string }[] = [];
  const out: CheckerOutput = {
    phase: () => undefined,
    rep: (rep) => repDetails.push(rep),
    fault: (fault, _cue, t) => faults.push({ t, fault }),
    warning: () => undefined,
  };
  let countingStartedMs: number | null = null;
  const frame = { timestampMs: 0, imageWidth: track.width, imageHeight: track.height, score: 0, keypoints: [] as KeypointTrack['frames'][number]['keypoints'] };
  for (const f of track.frames) {
    frame.timestampMs = f.t;
    frame.score = f.score;
    frame.keypoints = f.keypoints;
    body.update(frame);
    // the engine's other gates stay: a person, and the checker's required joints seen
    const seen = body.present && checker.requiredJoints.every((j) => body.near[j].known);
    if (countingStartedMs === null) {
      if (startHeld.update(seen && checker.isStartPosition(body), f.t)) countingStartedMs = f.t;
    }
    if (countingStartedMs !== null && seen) checker.update(body, out);
  }
  return {
    reps: repDetails.filter((r) => r.full).length,
    partialReps: repDetails.filter((r) => !r.full).length,
    repDetails,
    faults,
    countingStartedMs,
  };
}
