/** What an exercise checker is to the engine: one per exercise, each in its own folder. */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import type { ChainJoint } from './body.ts';
import type { BodyState, Posture } from './body-state.ts';
import type { CueKey } from './cues.ts';
import type { KeyAngleReading, KeyAngleScale } from './key-angle.ts';
import type { Phase, RepRecord, WarningKey } from './events.ts';

/** Where a checker sends what it sees; the engine turns it into events and cues. */
export interface CheckerOutput {
  phase(phase: Phase, tMs: number): void;
  /** a full or partial rep ended */
  rep(rep: RepRecord): void;
  /** a form fault seen now; the engine decides when its cue shows */
  fault(fault: FaultKey, cue: CueKey, tMs: number): void;
  warning(warning: WarningKey, tMs: number, detail?: string): void;
}

export interface ExerciseChecker {
  readonly exercise: ExerciseId;
  /** e.g. the hip thrust's 'floor' | 'bench'; null when the exercise has none */
  readonly variant: string | null;
  readonly posture: Exclude<Posture, 'unknown'>;
  /** joints of the measured side that must be in frame */
  readonly requiredJoints: readonly ChainJoint[];
  /** false for exercises without a hold at the top (the good morning): the report lists no holds; default true */
  readonly countsHolds?: boolean;
  /**
   * Whether the body's posture suits the exercise before counting starts;
   * when left out, `body.posture === posture`. (A hip thrust with the
   * shoulders on a bench is neither standing nor lying.)
   */
  acceptsPosture?(body: BodyState): boolean;
  /**
   * True when the checker counts on in what reads as a front view (it then
   * judges no angle faults itself): a body lying along the camera's axis
   * foreshortens the torso, so its shoulder spread reads as frontal although
   * the camera is only ~45 deg off the side. The engine then warns instead of
   * blocking. Default false.
   */
  readonly countsInFrontView?: boolean;
  /** the hint to give once when it counts in a front view, where it judges less (the good morning's depth); none: the general side-view tip */
  readonly frontViewCue?: CueKey;
  /** the setup cue that asks for this exercise's start position */
  readonly startCue: CueKey;
  /** true when the body is in the start position (counting begins once it is held) */
  isStartPosition(body: BodyState): boolean;
  /** one frame while counting */
  update(body: BodyState, out: CheckerOutput): void;
  /**
   * The set or the clip ends at `tMs` (the last frame seen): a rep that has
   * reached its top counts now, with its hold so far (fixtures README: a
   * person still at the top when the clip ends did the rep).
   */
  finish(tMs: number, out: CheckerOutput): void;
  /** the scale of the exercise's key angle (its target band), from the checker's config */
  readonly keyAngleScale: KeyAngleScale;
  /** Reads the key angle this frame into `out`; false when the checker reads none here (joints unknown, a view it does not judge). */
  readKeyAngle(body: BodyState, out: KeyAngleReading): boolean;
  /** the angles and distances worth showing live, by name (deg or torso lengths); NaN when unknown */
  readonly live: Readonly<Record<string, number>>;
  reset(): void;
}
