/**
 * A replayed engine state (track-replay.ts) as the compositor's OverlayState
 * (src/record/annotated-frame.ts): the numbers from the replay, the words
 * from the caller, already in the user's language. Pure: no DOM.
 */
import type { Cue } from '../../core/engine/cues.ts';
import type { OverlayState } from '../annotated-frame.ts';
import type { ReplayState } from './track-replay.ts';

/** What the overlay says around the replay's numbers, translated by the caller. */
export interface OverlayTexts {
  /** the exercise's name ("Superman") */
  readonly exerciseName: string;
  readonly repsLabel: string;
  readonly holdLabel: string;
  /** the set's target reps (0: none) */
  readonly targetReps: number;
  /** the hold target, s; 0: the exercise does not hold and no timer is shown */
  readonly targetHoldS: number;
  /** the cue's text in the user's language */
  readonly cueText: (cue: Cue) => string;
}

/** The overlay of one output frame: the clip's time as elapsed time, never mirrored (a file is shown as filmed). */
export function overlayOfReplay(state: ReplayState, texts: OverlayTexts): OverlayState {
  return {
    exerciseName: texts.exerciseName,
    repsLabel: texts.repsLabel,
    reps: state.reps,
    targetReps: texts.targetReps,
    holdLabel: texts.holdLabel,
    holdS: texts.targetHoldS > 0 ? state.holdS : null,
    targetHoldS: texts.targetHoldS,
    cueText: state.cue === null ? null : texts.cueText(state.cue),
    elapsedMs: state.timestampMs,
    keyAngle: state.keyAngle,
    keyAngleText: state.keyAngle === null ? null : `${Math.round(state.keyAngle.valueDeg)}°`,
    frame: state.frame,
    mirror: false,
  };
}
