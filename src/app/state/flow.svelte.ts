/**
 * Where the person is in a session: choosing an exercise, the safety check,
 * setting up the camera, training a set, the summary between sets, and the
 * end. Holds what the session records (pain answers, why it stopped, the
 * sets done); the screens render it.
 */
import type { FaultKey } from '../../core/exercises/fault-keys.ts';
import type { CueKey } from '../../core/engine/cues.ts';
import type { RepRecord } from '../../core/engine/events.ts';
import type { KeypointTrack } from '../../core/track.ts';
import type { SessionRecord } from '../../core/session/schema.ts';
import type { RepComparison } from '../../core/reference/score.ts';
import { isExerciseId, isHipThrustVariant, type ExerciseId, type HipThrustVariant } from '../../core/exercises/ids.ts';
import { SET_TARGETS, type SetTarget } from '../../core/exercises/targets.ts';
import type { ThresholdOverrides } from '../../core/exercises/tunables.ts';
import { itemOverrides, type Program, type ProgramItem } from '../../core/program/program.ts';
import type { Reference } from '../../core/reference/format.ts';

export type Screen = 'home' | 'safety' | 'blocked' | 'setup' | 'training' | 'summary' | 'done' | 'lab' | 'history' | 'review' | 'report' | 'physio' | 'program-overview';

export interface SetResult {
  readonly set: number;
  readonly reps: number;
  readonly partialReps: number;
  readonly repRecords: readonly RepRecord[];
  /** fault name -> cue key, for readable points to watch */
  readonly faultCues: ReadonlyMap<FaultKey, CueKey>;
  readonly endedBy: 'target' | 'user' | 'clip-end' | 'pain';
  /** the set's id: its session record and recording are stored under it */
  readonly sessionId: string;
  /** the video file analysed in this set (null for the camera): an annotated copy can be saved from it */
  readonly file: File | null;
  /** the set's keypoint track (null when no frame was analysed) */
  readonly track: KeypointTrack | null;
  /** the set's session record as stored in the history (null when nothing was analysed) */
  readonly record: SessionRecord | null;
  /** each rep's comparison with the physio's reference, in the order of repRecords; absent when the set had no reference */
  readonly comparisons?: readonly RepComparison[];
}

/** Where a set's session record goes (the app's history; tests collect them). */
export type RecordSink = (record: SessionRecord) => void;

export type StopReason = 'sharp-pain-before' | 'pain-during';

export class Flow {
  /** @param saveRecord stores each set's session record, and again when the pain score after it is given */
  constructor(private readonly saveRecord: RecordSink = () => {}) {}

  screen = $state<Screen>('home');
  exercise = $state<ExerciseId | null>(null);
  variant = $state<HipThrustVariant>('floor');
  /** optional 0-10 pain scores */
  painBefore = $state<number | null>(null);
  painAfter = $state<number | null>(null);
  stopReason = $state<StopReason | null>(null);
  sets = $state.raw<readonly SetResult[]>([]);
  /** 1-based number of the set under way or just done */
  setNumber = $state(1);
  /** demo mode stays on from one set to the next (DemoMode reads and sets it) */
  demoMode = $state(false);

  /** the program item this exercise follows (chooseItem); null for an exercise chosen on its own */
  programItem = $state.raw<{ readonly program: Program; readonly index: number } | null>(null);

  /** The set target: the program item's when one is followed (a hold-only item is one rep held), else the exercise's own. */
  get target(): SetTarget | null {
    const item = this.followedItem;
    if (item) return { sets: item.sets, reps: item.reps ?? 1, holdS: item.holdS ?? 0, restS: item.restS };
    return this.exercise ? SET_TARGETS[this.exercise] : null;
  }

  get followedItem(): ProgramItem | null {
    const followed = this.programItem;
    return followed ? (followed.program.items[followed.index] ?? null) : null;
  }

  /** the thresholds the followed item sets (every tunable of its exercise); undefined: the exercise's defaults */
  get overrides(): ThresholdOverrides | undefined {
    const item = this.followedItem;
    return item ? itemOverrides(item) : undefined;
  }

  /** the followed item's reference rep, if the physio recorded one */
  get programReference(): Reference | null {
    return this.followedItem?.reference ?? null;
  }

  /** what the set's session record says of the program it followed */
  get programRef(): { readonly id: string; readonly title: string; readonly itemIndex: number } | null {
    const followed = this.programItem;
    return followed ? { id: followed.program.id, title: followed.program.title, itemIndex: followed.index } : null;
  }

  /** Follows item `index` of a program: its exercise and variant, then the safety check as always. */
  chooseItem(program: Program, index: number): void {
    const item = program.items[index];
    if (!item) return;
    this.choose(item.exercise, item.variant ?? undefined);
    this.programItem = { program, index };
  }

  /** Chooses an exercise: the safety check always comes first. */
  choose(exercise: ExerciseId, variant?: HipThrustVariant): void {
    this.programItem = null;
    this.exercise = exercise;
    if (variant) this.variant = variant;
    this.painBefore = null;
    this.painAfter = null;
    this.stopReason = null;
    this.sets = [];
    this.setNumber = 1;
    this.screen = 'safety';
  }

  answerSafety(sharpPain: boolean): void {
    if (sharpPain) {
      this.stopReason = 'sharp-pain-before';
      this.screen = 'blocked';
    } else {
      this.screen = 'setup';
    }
  }

  startTraining(): void {
    if (this.screen === 'setup' || this.screen === 'summary') this.screen = 'training';
  }

  endSet(result: Omit<SetResult, 'set'>): void {
    this.sets = [...this.sets, { ...result, set: this.setNumber }];
    if (result.record) this.saveRecord(result.record);
    this.screen = 'summary';
  }

  /** Stores the record of a set left without ending it (the user went to another page mid-set). */
  keepRecord(record: SessionRecord): void {
    this.saveRecord(record);
  }

  /** The pain score after the set (0-10, or null): kept, and the last set's stored record says it too. */
  setPainAfter(score: number | null): void {
    this.painAfter = score;
    const last = this.sets[this.sets.length - 1];
    if (!last?.record) return;
    const record: SessionRecord = { ...last.record, pain: { ...last.record.pain, after: score } };
    this.sets = [...this.sets.slice(0, -1), { ...last, record }];
    this.saveRecord(record);
  }

  nextSet(): void {
    this.setNumber = this.sets.length + 1;
    this.screen = 'setup';
  }

  /** "Stop, this hurts": ends at once and records why. */
  stopForPain(partial?: Omit<SetResult, 'set'>): void {
    if (partial && partial.reps + partial.partialReps > 0) this.sets = [...this.sets, { ...partial, set: this.setNumber, endedBy: 'pain' }];
    // the record says why the session stopped even when no rep was done
    if (partial?.record) this.saveRecord(partial.record);
    this.stopReason = 'pain-during';
    this.screen = 'blocked';
  }

  finish(): void {
    this.screen = 'done';
  }

  home(): void {
    this.screen = 'home';
  }

  lab(): void {
    this.screen = 'lab';
  }

  /** The physio's program builder. */
  physio(): void {
    this.screen = 'physio';
  }

  /** the program whose overview shows (its id, as the session records name it) */
  overviewProgramId = $state<string | null>(null);

  /** The physio's overview of a program's sessions. */
  programOverview(programId: string): void {
    this.overviewProgramId = programId;
    this.screen = 'program-overview';
  }

  /** the stored session the review screen shows */
  reviewId = $state<string | null>(null);

  /** The list of past sessions (stored on this device). */
  history(): void {
    this.screen = 'history';
  }

  /** Opens one stored session for review. */
  review(id: string): void {
    this.reviewId = id;
    this.screen = 'review';
  }

  /** The printable one-page report of a stored session. */
  report(id: string): void {
    this.reviewId = id;
    this.screen = 'report';
  }

  get totalReps(): number {
    return this.sets.reduce((sum, s) => sum + s.reps, 0);
  }

  /**
   * Opens what a link asks for: `?exercise=hip-thrust&variant=bench` goes to
   * that exercise's safety check (never past it); `?view=lab` to the camera check;
   * `?report=<session id>` to that stored session's printable report.
   */
  applyDeepLink(params: URLSearchParams): void {
    if (params.get('view') === 'lab') {
      this.screen = 'lab';
      return;
    }
    if (params.get('view') === 'physio') {
      this.screen = 'physio';
      return;
    }
    if (params.get('view') === 'history') {
      this.screen = 'history';
      return;
    }
    // a stored session's printable report (the session's id; the report says when it is not stored here)
    const reportOf = params.get('report');
    if (reportOf !== null && reportOf !== '') {
      this.report(reportOf);
      return;
    }
    const exercise = params.get('exercise') ?? '';
    const variant = params.get('variant') ?? '';
    if (isExerciseId(exercise)) this.choose(exercise, isHipThrustVariant(variant) ? variant : undefined);
  }
}
