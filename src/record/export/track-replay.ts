/**
 * A stored keypoint track replayed through the exercise engine in step with
 * a video's frames, for the annotated export of an analysed file: the pose
 * model does not run again. Each video frame shows the nearest analysed
 * sample at or before it (its keypoints and key angle) and the engine's
 * state at that time (reps, partial reps, hold, current cue), exactly what
 * the live view showed when that sample was analysed.
 *
 * Which sample a frame shows follows the sampling rule of
 * src/core/frame-sampling.ts backwards: sample n (time t_n, rounded to the
 * ms in the track) was analysed on the first frame at or after
 * t_n - FRAME_TIME_EPSILON_MS, so a frame at `timestampMs` shows the last
 * sample with t_n - epsilon <= timestampMs. When the replay passes the last
 * sample the clip has ended for the engine too: a rep still at its top
 * counts then (engine.finish), as it did when the set ended.
 *
 * Pure TypeScript (no DOM): unit-tested on synthetic and committed tracks.
 * Nothing is allocated per call beyond the engine's own work per new sample;
 * the returned state is one object, rewritten by the next call.
 */
import type { ExerciseChecker } from '../../core/engine/checker.ts';
import type { Cue } from '../../core/engine/cues.ts';
import type { EngineEvent, Phase } from '../../core/engine/events.ts';
import { ExerciseEngine, type EngineOptions } from '../../core/engine/exercise-engine.ts';
import { keyAngleOf, type KeyAngle } from '../../core/engine/key-angle.ts';
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { FRAME_TIME_EPSILON_MS } from '../../core/frame-sampling.ts';
import type { KeypointTrack } from '../../core/track.ts';

/** What one output frame shows, at its time. */
export interface ReplayState {
  /** the output frame's time, ms from the clip's first frame */
  readonly timestampMs: number;
  /** the analysed sample shown (keypoints in the track's image space); null before the first sample */
  readonly frame: PoseFrame | null;
  /** the exercise's key angle on that sample; null when it reads none */
  readonly keyAngle: KeyAngle | null;
  readonly reps: number;
  readonly partialReps: number;
  /** seconds at the top of the current rep, at the sample's time; 0 when not at the top */
  readonly holdS: number;
  /** the cue showing (null: none) */
  readonly cue: Cue | null;
  /** counting has started (the start position was held, or the engine looked back) */
  readonly counting: boolean;
  readonly phase: Phase;
  /** the clip ended for the engine: every rep it will ever count is counted */
  readonly finished: boolean;
}

interface MutableState {
  timestampMs: number;
  frame: PoseFrame | null;
  keyAngle: KeyAngle | null;
  reps: number;
  partialReps: number;
  holdS: number;
  cue: Cue | null;
  counting: boolean;
  phase: Phase;
  finished: boolean;
}

export class TrackReplay {
  readonly engine: ExerciseEngine;
  private readonly state: MutableState = {
    timestampMs: 0,
    frame: null,
    keyAngle: null,
    reps: 0,
    partialReps: 0,
    holdS: 0,
    cue: null,
    counting: false,
    phase: 'rest',
    finished: false,
  };
  /** the next track sample to feed */
  private next = 0;
  private topSinceMs = Number.NaN;
  private lastTimestampMs = -Infinity;
  private readonly epsilonMs: number;

  constructor(
    private readonly track: KeypointTrack,
    checker: ExerciseChecker,
    options: EngineOptions & { readonly epsilonMs?: number } = {},
  ) {
    this.engine = new ExerciseEngine(checker, options);
    this.epsilonMs = options.epsilonMs ?? FRAME_TIME_EPSILON_MS;
  }

  /** Time of the last analysed sample, ms (0 for an empty track). */
  get lastSampleMs(): number {
    return this.track.frames[this.track.frames.length - 1]?.t ?? 0;
  }

  /**
   * The state an output frame at `timestampMs` (ms from the clip's first
   * frame) shows. Times must not go backwards: the engine only moves forward.
   * The returned object is rewritten by the next call.
   */
  update(timestampMs: number): ReplayState {
    if (!Number.isFinite(timestampMs)) throw new RangeError(`timestamp must be a finite number of ms, got ${timestampMs}`);
    if (timestampMs < this.lastTimestampMs) throw new RangeError(`the replay only moves forward: ${timestampMs} ms comes after ${this.lastTimestampMs} ms`);
    this.lastTimestampMs = timestampMs;
    const frames = this.track.frames;
    let fed = false;
    while (this.next < frames.length && frames[this.next]!.t - this.epsilonMs <= timestampMs) {
      this.feed(frames[this.next]!);
      this.next++;
      fed = true;
    }
    if (fed && this.next === frames.length && !this.state.finished) {
      // the clip ends at its last sample: a rep still at its top counts now, with its hold so far
      const last = frames[frames.length - 1]!;
      this.apply(this.engine.finish(last.t));
      this.state.finished = true;
      this.state.holdS = 0;
    }
    this.state.timestampMs = timestampMs;
    return this.state;
  }

  private feed(sample: KeypointTrack['frames'][number]): void {
    // a fresh frame object per sample: the engine may keep frames for its look-back
    const frame: PoseFrame = { timestampMs: sample.t, imageWidth: this.track.width, imageHeight: this.track.height, score: sample.score, keypoints: sample.keypoints };
    this.apply(this.engine.update(frame));
    this.state.frame = frame;
    this.state.keyAngle = keyAngleOf(this.engine.checker, this.engine.body);
    this.state.holdS = Number.isNaN(this.topSinceMs) ? 0 : (sample.t - this.topSinceMs) / 1000;
  }

  /** The events of one sample, mirrored into the state as the live coach does (src/app/state/coach.svelte.ts). */
  private apply(events: readonly EngineEvent[]): void {
    const state = this.state;
    for (const e of events) {
      switch (e.kind) {
        case 'rep':
        case 'partial-rep':
          state.reps = this.engine.reps;
          state.partialReps = this.engine.partialReps;
          break;
        case 'phase':
          state.phase = e.phase;
          this.topSinceMs = e.phase === 'top' ? e.tMs : Number.NaN;
          break;
        case 'cue':
          state.cue = e.cue;
          break;
        case 'counting-started':
          state.counting = true;
          break;
        default:
          break;
      }
    }
  }
}
