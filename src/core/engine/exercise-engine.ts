/**
 * Frame -> events, the same in the browser, the CLI and the tests: reads the
 * body, checks view, framing, posture and start position, lets the exercise's
 * checker count and judge once the start position has been held, and turns
 * what it reports into one cue at a time.
 *
 * Nothing counts while the person walks in, lies down or gets set: counting
 * starts only after the start position has held for `startHoldMs`.
 */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { HeldFor } from '../signal/hysteresis.ts';
import { BodyState } from './body-state.ts';
import { FrameHistory } from './frame-history.ts';
import type { ExerciseChecker, CheckerOutput } from './checker.ts';
import { CueEngine, DEFAULT_CUE_ENGINE, type CueEngineConfig } from './cue-engine.ts';
import type { Cue, CueKey } from './cues.ts';
import { repCue } from './rep-cues.ts';
import type { EngineEvent, Phase, RepRecord, WarningKey } from './events.ts';
import type { ViewKind } from './view.ts';

export interface EngineOptions {
  /** how long the start position must hold before counting starts, ms */
  readonly startHoldMs?: number;
  readonly cues?: CueEngineConfig;
  readonly minKeypointScore?: number;
}

/** 1 s: long enough that walking through the start position does not start a set, short enough not to feel slow. */
export const DEFAULT_START_HOLD_MS = 1000;

/**
 * How far back the engine looks once the start position is confirmed: a rep
 * that began as soon as the person was in the start position counts
 * (fixtures README). The good morning of gm_12pt_bodyweight_side leaves the
 * start position 0.9 s into the clip and is first back in it, held, at
 * 4.9 s; 12 s covers a slow first rep with a hold (the article's tempo:
 * reps of 3-5 s) at 60 fps in 720 preallocated slots.
 */
export const LOOK_BACK_MS = 12_000;
const LOOK_BACK_SLOTS = 720;

/**
 * Models drop a frame or lose a joint for a frame or two all the time (10% of
 * frames in the robustness traces). Shorter gaps than these are glitches: the
 * frame is skipped, nothing is reset and nobody is told to step into view.
 */
export const ABSENT_AFTER_MS = 500;
export const OUT_OF_FRAME_AFTER_MS = 400;

/**
 * Counting stops when the person has left the exercise's posture for this
 * long (stood up from the floor, lay down after a standing set): whatever
 * they do next is no rep (fixtures README: getting up and another pose after
 * the exercise are not reps), and counting resumes once the start position
 * is held again. A second is longer than the model's brief misreadings of
 * posture, which the read posture 'unknown' (a kneel, a transition) never
 * triggers.
 */
export const LEFT_EXERCISE_AFTER_MS = 1000;

const SETUP_CUE: Partial<Record<WarningKey, CueKey>> = {
  'no-person': 'setup.step-into-view',
  'not-whole-body': 'setup.whole-body',
  'front-view': 'setup.turn-sideways',
};

/** What a checker reported during a look-back replay, before it is known whether the replay stands. */
type RecordedOutput =
  | { readonly kind: 'phase'; readonly phase: Phase; readonly tMs: number }
  | { readonly kind: 'rep'; readonly rep: RepRecord }
  | { readonly kind: 'fault'; readonly fault: FaultKey; readonly cue: CueKey; readonly tMs: number }
  | { readonly kind: 'warning'; readonly warning: WarningKey; readonly tMs: number; readonly detail: string | undefined };

function sameList(a: readonly WarningKey[], b: readonly WarningKey[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ExerciseEngine {
  readonly body: BodyState;
  private readonly cues: CueEngine;
  private readonly startHeld: HeldFor;
  private readonly absent = new HeldFor(ABSENT_AFTER_MS);
  private readonly outOfFrame = new HeldFor(OUT_OF_FRAME_AFTER_MS);
  private readonly leftExercise = new HeldFor(LEFT_EXERCISE_AFTER_MS);
  private readonly events: EngineEvent[] = [];
  /** frames since the last blocking problem, while not counting: the look-back once the start is confirmed */
  private readonly history = new FrameHistory(LOOK_BACK_SLOTS);
  private readonly startHoldMs: number;
  private readonly problems: WarningKey[] = [];
  private readonly setupCues: CueKey[] = [];
  /** in the start position, the hold not yet long enough */
  private holdingStart = false;
  /** the problems and view last reported in a 'setup' event */
  private readonly reportedProblems: WarningKey[] = [];
  private reportedView: ViewKind | null = null;
  private lastView: ViewKind = 'unknown';
  private warnedOblique = false;
  private warnedFront = false;
  private warnedSwaps = false;

  counting = false;
  phase: Phase = 'rest';
  reps = 0;
  partialReps = 0;
  currentCue: Cue | null = null;

  private readonly output: CheckerOutput = {
    phase: (phase, tMs) => {
      if (phase === this.phase) return;
      this.phase = phase;
      this.events.push({ kind: 'phase', tMs, phase });
    },
    rep: (rep: RepRecord) => {
      // what the rep calls for (rep-cues.ts): what a partial rep was missing, or a full rep's short hold
      const cue = repCue(this.checker.exercise, rep);
      if (rep.full) {
        this.reps++;
        this.events.push({ kind: 'rep', tMs: rep.endMs, rep: { ...rep, index: this.reps } });
        if (rep.faults.length === 0 && cue === null) this.cues.cleanRep(rep.endMs);
      } else {
        this.partialReps++;
        this.events.push({ kind: 'partial-rep', tMs: rep.endMs, rep: { ...rep, index: 0 } });
      }
      if (cue !== null) this.cues.offer(cue, rep.endMs);
    },
    fault: (fault, cue, tMs) => {
      this.events.push({ kind: 'fault', tMs, fault, cue });
      this.cues.offer(cue, tMs);
    },
    warning: (warning, tMs, detail) => {
      this.events.push(detail === undefined ? { kind: 'warning', tMs, warning } : { kind: 'warning', tMs, warning, detail });
    },
  };

  constructor(
    readonly checker: ExerciseChecker,
    options: EngineOptions = {},
  ) {
    this.body = new BodyState(options.minKeypointScore);
    this.cues = new CueEngine(options.cues ?? DEFAULT_CUE_ENGINE);
    this.startHoldMs = options.startHoldMs ?? DEFAULT_START_HOLD_MS;
    this.startHeld = new HeldFor(this.startHoldMs);
  }

  /** Feeds one frame; returns the events it caused (the array is reused: read it before the next update). */
  update(frame: PoseFrame): readonly EngineEvent[] {
    this.events.length = 0;
    const t = frame.timestampMs;
    const body = this.body.update(frame);
    const glitch = this.collectProblems(t);
    if (glitch) return this.finishFrame(t);
    if (this.counting && this.leftExercise.update(body.posture !== 'unknown' && !this.postureOk(), t)) this.leaveExercise(t);
    const blocking = this.problems.length > 0;

    this.holdingStart = false;
    let lookedBack = false;
    if (!this.counting) {
      const inStart = !blocking && this.checker.isStartPosition(body);
      if (!blocking && !inStart) this.problems.push('not-in-start-position');
      if (blocking) this.history.clear();
      else this.history.push(frame, inStart);
      if (this.startHeld.update(inStart, t)) {
        this.counting = true;
        this.events.push({ kind: 'counting-started', tMs: t });
        lookedBack = this.lookBack(t);
      } else {
        this.holdingStart = inStart;
      }
    }
    this.reportSetup(t);

    if (this.counting && !blocking && !lookedBack) this.checker.update(body, this.output);
    return this.finishFrame(t);
  }

  /**
   * The person left the exercise's posture (LEFT_EXERCISE_AFTER_MS): counting
   * stops, a rep under way is dropped with the checker's state, and the start
   * position must be held again. The reps counted so far stay.
   */
  private leaveExercise(t: number): void {
    this.counting = false;
    this.checker.reset();
    this.startHeld.reset();
    this.leftExercise.reset();
    this.history.clear();
    this.output.phase('rest', t);
    this.output.warning('wrong-posture', t, 'you left the exercise position: counting goes on once you take the start position again');
    if (!this.problems.includes('wrong-posture')) this.problems.push('wrong-posture');
  }

  /**
   * The start position is confirmed at `t`. When the person was in it
   * earlier in this setup stretch (no blocking problem since) and left it
   * before the hold was long enough, they may have been exercising rather
   * than getting set: the checker and the body start again from that
   * earliest moment and replay the stretch. If that replay finds a full rep
   * that ended before the confirming hold began, it stands (the first rep
   * counts, fixtures README); otherwise the stretch was getting set
   * (placing the legs, walking in, lying down) and is replayed as the live
   * pass saw it, start position only, so nothing changes. Returns true when
   * the replay stood (this frame included).
   */
  private lookBack(t: number): boolean {
    const history = this.history;
    const first = history.firstInStart();
    const streakFromMs = t - this.startHeld.heldMs(t);
    const firstMs = first >= 0 ? history.at(first).timestampMs : Number.NaN;
    if (!(firstMs < streakFromMs) || t - firstMs > LOOK_BACK_MS) {
      history.clear();
      return false;
    }
    const recorded = this.replayFrom(first);
    const stands = recorded.some((r) => r.kind === 'rep' && r.rep.full && r.rep.endMs <= streakFromMs);
    if (stands) {
      for (const r of recorded) {
        if (r.kind === 'phase') this.output.phase(r.phase, r.tMs);
        else if (r.kind === 'rep') this.output.rep(r.rep);
        else if (r.kind === 'fault') this.output.fault(r.fault, r.cue, r.tMs);
        else this.output.warning(r.warning, r.tMs, r.detail);
      }
    } else {
      this.replayFrom(history.length);
    }
    history.clear();
    return stands;
  }

  /**
   * Resets body and checker and replays the history: the start position
   * only before `from`, then counting from `from` on (the checker still
   * learns its start position, its rest levels and floors, while the
   * person holds it). What the checker reports is recorded, not sent.
   */
  private replayFrom(from: number): RecordedOutput[] {
    const recorded: RecordedOutput[] = [];
    const out: CheckerOutput = {
      phase: (phase, tMs) => recorded.push({ kind: 'phase', phase, tMs }),
      rep: (rep) => recorded.push({ kind: 'rep', rep }),
      fault: (fault, cue, tMs) => recorded.push({ kind: 'fault', fault, cue, tMs }),
      warning: (warning, tMs, detail) => recorded.push({ kind: 'warning', warning, tMs, detail }),
    };
    this.body.reset();
    this.checker.reset();
    let departed = false;
    for (let i = 0; i < this.history.length; i++) {
      const f = this.history.at(i);
      const body = this.body.update(f);
      if (i < from) {
        this.checker.isStartPosition(body);
        continue;
      }
      if (!departed && f.inStart) this.checker.isStartPosition(body);
      else departed = true;
      this.checker.update(body, out);
    }
    return recorded;
  }

  private finishFrame(t: number): readonly EngineEvent[] {
    const setupCues = this.setupCues;
    setupCues.length = 0;
    for (const p of this.problems) {
      const cue = p === 'wrong-posture' || p === 'not-in-start-position' ? (this.counting ? null : this.checker.startCue) : SETUP_CUE[p];
      if (cue) setupCues.push(cue);
    }
    // in the start position, waiting for the hold to complete: "hold still"
    if (this.holdingStart) setupCues.push('setup.hold-start');
    this.cues.setSetup(setupCues);
    const changed = this.cues.update(t);
    if (changed !== undefined) {
      this.currentCue = changed;
      this.events.push({ kind: 'cue', tMs: t, cue: changed });
    }
    return this.events;
  }

  private postureOk(): boolean {
    return this.checker.acceptsPosture ? this.checker.acceptsPosture(this.body) : this.body.posture === this.checker.posture;
  }

  /**
   * Fills this.problems for this frame. Returns true when the frame is a
   * glitch (a short dropout of the pose or of a required joint): it is then
   * skipped, and the problems of the previous frame stand.
   */
  private collectProblems(t: number): boolean {
    const body = this.body;
    const absentLong = this.absent.update(!body.present, t);
    if (!body.present && !absentLong) return true;
    const problems = this.problems;
    if (!body.present) {
      problems.length = 0;
      problems.push('no-person');
      this.outOfFrame.reset();
      return false;
    }
    // a required joint at the frame edge is near the edge, not missing, unless it is gone
    // from the picture: unknown, far outside or clamped to the border (body-state.ts EDGE_RULES)
    let missing = false;
    for (const j of this.checker.requiredJoints) {
      if (body.jointGone(j)) {
        missing = true;
        break;
      }
    }
    const missingLong = this.outOfFrame.update(missing, t);
    if (missing && !missingLong) return true;
    problems.length = 0;
    if (missing) problems.push('not-whole-body');
    // 'front' is a yaw past DEFAULT_VIEW.frontAboveDeg (78 deg, view.ts), left below 56: up to
    // about 60 deg off the side a standing exercise counts on as an oblique view
    if (body.view === 'front' && !this.checker.countsInFrontView) problems.push('front-view');
    if (!this.counting && !this.postureOk()) problems.push('wrong-posture');
    return false;
  }

  private reportSetup(t: number): void {
    const body = this.body;
    if (body.view !== this.reportedView || !sameList(this.problems, this.reportedProblems)) {
      this.reportedView = body.view;
      this.reportedProblems.length = 0;
      this.reportedProblems.push(...this.problems);
      this.events.push({ kind: 'setup', tMs: t, ready: this.problems.length === 0, view: body.view, problems: this.problems.slice() });
    }
    if (body.view !== this.lastView) {
      this.lastView = body.view;
      if (body.view === 'front' && !this.checker.countsInFrontView)
        this.output.warning('front-view', t, `the camera is about ${Math.round(body.yawDeg)} deg off your side: the key angles cannot be measured from the front; turn sideways to the camera`);
      if ((body.view === 'oblique' || (body.view === 'front' && this.checker.countsInFrontView)) && !this.warnedOblique) {
        this.warnedOblique = true;
        this.output.warning('oblique-view', t, 'counting in an oblique view; a true side view gives better feedback');
        this.cues.offer('setup.side-view-better', t);
      }
      const frontCue = this.checker.frontViewCue;
      if (body.view === 'front' && this.checker.countsInFrontView && frontCue && !this.warnedFront) {
        // what counting from the front leaves out, said once (the exercise names it)
        this.warnedFront = true;
        this.cues.offer(frontCue, t);
      }
    }
    if (!this.warnedSwaps && body.swapsFollowed >= 5) {
      this.warnedSwaps = true;
      this.output.warning('label-swaps', t, 'the model swapped left and right several times; angles may be less reliable');
    }
  }

  /**
   * The set or the clip ends (the last frame was at `tMs`): a rep still at
   * its top, or on its way down, counts with its hold so far. Returns the
   * events it caused; the engine can go on or be reset afterwards.
   */
  finish(tMs: number): readonly EngineEvent[] {
    this.events.length = 0;
    if (this.counting) {
      this.checker.finish(tMs, this.output);
      this.output.phase('rest', tMs);
    }
    return this.events;
  }

  /**
   * Starts counting now, without waiting for the start position to be held
   * (the "start set" button): the person says they are ready.
   */
  startCounting(tMs: number): void {
    if (this.counting) return;
    this.counting = true;
    this.holdingStart = false;
    this.events.length = 0;
    this.events.push({ kind: 'counting-started', tMs });
  }

  reset(): void {
    this.body.reset();
    this.cues.reset();
    this.startHeld.reset();
    this.absent.reset();
    this.outOfFrame.reset();
    this.leftExercise.reset();
    this.problems.length = 0;
    this.checker.reset();
    this.history.clear();
    this.counting = false;
    this.holdingStart = false;
    this.phase = 'rest';
    this.reps = 0;
    this.partialReps = 0;
    this.currentCue = null;
    this.reportedProblems.length = 0;
    this.reportedView = null;
    this.lastView = 'unknown';
    this.warnedOblique = false;
    this.warnedFront = false;
    this.warnedSwaps = false;
  }
}
