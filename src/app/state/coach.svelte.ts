/**
 * The exercise engine at the browser's edge: the same ExerciseEngine the CLI
 * and the tests run, fed with every analysed frame; this class only mirrors
 * what the engine says into reactive state for the components, and tells
 * listeners (voice, chime) about cues and reps.
 */
import type { FaultKey } from '../../core/exercises/fault-keys.ts';
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { ExerciseEngine } from '../../core/engine/exercise-engine.ts';
import { ReportCollector, type AnalysisReport } from '../../core/engine/analysis.ts';
import type { Language } from '../../core/i18n/messages.ts';
import type { Cue, CueKey } from '../../core/engine/cues.ts';
import type { Phase, RepRecord, WarningKey } from '../../core/engine/events.ts';
import type { ViewKind } from '../../core/engine/view.ts';
import { createChecker } from '../../core/exercises/registry.ts';
import type { ThresholdOverrides } from '../../core/exercises/tunables.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';
import type { Reference } from '../../core/reference/format.ts';
import { ReferenceFollower } from '../../core/reference/follower.ts';
import { ReferenceCueGate } from '../../core/reference/cue-gate.ts';
import type { ReferenceCue } from '../../core/reference/cue.ts';
import type { RepComparison } from '../../core/reference/score.ts';
import { HoldClock } from '../../core/engine/hold-clock.ts';

export interface CoachListener {
  cue?(cue: Cue | null): void;
  rep?(rep: RepRecord): void;
  /** the reference's cue to say now (cue-gate.ts: only while no cue of the engine shows) */
  referenceCue?(cue: ReferenceCue): void;
}

/** How the coach judges beyond the exercise's defaults. */
export interface CoachOptions {
  /** the physio's reference rep: each rep is scored against it (null: none) */
  readonly reference?: Reference | null;
  /** the exercise's tunable thresholds as a physio set them (a program item, demo tuning); checked by createChecker */
  readonly overrides?: ThresholdOverrides | undefined;
}

export class Coach {
  reps = $state(0);
  partialReps = $state(0);
  phase = $state<Phase>('rest');
  cue = $state.raw<Cue | null>(null);
  counting = $state(false);
  view = $state<ViewKind>('unknown');
  problems = $state.raw<readonly WarningKey[]>([]);
  /** every rep of the set, full and partial, in order */
  repRecords = $state.raw<readonly RepRecord[]>([]);
  /** seconds at the top of the current rep, live; 0 when not at the top */
  holdS = $state(0);
  /** the cue each fault of this set maps to, for the summary (read once the set ends: no reactivity needed) */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly faultCues = new Map<FaultKey, CueKey>();
  /** no frames reach the engine while paused */
  paused = $state(false);
  lastFrameMs = 0;
  /** the last rep's similarity to the reference, 0-100; null without a reference or before the first rep */
  similarity = $state<number | null>(null);
  /** the last rep's comparison with the reference (its parts and cue) */
  comparison = $state.raw<RepComparison | null>(null);
  /** every rep's comparison, in the order of repRecords (empty without a reference) */
  comparisons = $state.raw<readonly RepComparison[]>([]);

  readonly engine: ExerciseEngine;
  /** every event of the set, for its session record */
  private readonly collector: ReportCollector;
  /** the hold at the top of the current rep: it stops out of view and skips gaps in the frames (a pause, a hidden tab, a lost camera) */
  private readonly hold = new HoldClock();
  private readonly listeners: CoachListener[] = [];
  /** the reference this set is scored against, or null */
  readonly reference: Reference | null;
  private readonly follower: ReferenceFollower | null;
  private readonly referenceCues = new ReferenceCueGate();

  constructor(
    readonly exercise: ExerciseId,
    model: string,
    variant?: string,
    options: CoachOptions = {},
  ) {
    const checker = createChecker({ exercise, model, variant, overrides: options.overrides });
    this.engine = new ExerciseEngine(checker);
    this.collector = new ReportCollector(checker);
    // a reference of another exercise cannot be compared with: no score rather than a wrong one
    this.reference = options.reference?.exercise === exercise ? options.reference : null;
    this.follower = this.reference ? new ReferenceFollower(this.reference) : null;
  }

  /** The set's report so far (what `npm run analyze` gives for a clip), its texts in `lang`. */
  report(meta: { readonly model: string; readonly source: string; readonly lang: Language }): AnalysisReport {
    return this.collector.report(this.engine, { ...meta, endMs: this.lastFrameMs });
  }

  listen(listener: CoachListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  update(frame: PoseFrame): void {
    if (this.paused) {
      // the frames that come while paused are no hold time, nor the step to the first after it
      this.hold.gap();
      return;
    }
    this.lastFrameMs = frame.timestampMs;
    const events = this.engine.update(frame);
    this.collector.take(events);
    for (const e of events) this.apply(e);
    // the hold shown runs only while the person is seen: out of view, it stops where it was (it does not count on)
    this.hold.tick(frame.timestampMs, this.problems.length === 0);
    this.holdS = this.hold.seconds;
    if (this.follower) {
      this.scored(this.follower.update(frame.timestampMs, this.engine, events), frame.timestampMs);
      const say = this.referenceCues.update(frame.timestampMs, this.cue !== null);
      if (say) for (const l of this.listeners) l.referenceCue?.(say);
    }
  }

  private scored(comparison: RepComparison | null, tMs: number): void {
    if (!comparison || !this.follower) return;
    this.comparison = comparison;
    this.similarity = comparison.similarity;
    this.comparisons = [...this.follower.all];
    this.referenceCues.offer(comparison.cue, tMs);
  }

  /** The set ends (the user ended it, the target was reached, the clip ended): a rep still at its top counts now. */
  finish(): void {
    const events = this.engine.finish(this.lastFrameMs);
    this.collector.take(events);
    for (const e of events) this.apply(e);
    // a rep that counts only now is scored too (shown on the summary; the set is over, nothing is said)
    if (this.follower) this.scored(this.follower.take(events), this.lastFrameMs);
  }

  /** The start-set button: count from now on. */
  startNow(): void {
    this.engine.startCounting(this.lastFrameMs);
    this.counting = true;
  }

  private apply(e: ReturnType<ExerciseEngine['update']>[number]): void {
    switch (e.kind) {
      case 'rep':
      case 'partial-rep':
        this.reps = this.engine.reps;
        this.partialReps = this.engine.partialReps;
        this.repRecords = [...this.repRecords, e.rep];
        for (const l of this.listeners) l.rep?.(e.rep);
        break;
      case 'phase':
        this.phase = e.phase;
        if (e.phase === 'top') this.hold.start(e.tMs);
        else this.hold.stop();
        break;
      case 'cue':
        this.cue = e.cue;
        for (const l of this.listeners) l.cue?.(e.cue);
        break;
      case 'fault':
        this.faultCues.set(e.fault, e.cue);
        break;
      case 'counting-started':
        this.counting = true;
        break;
      case 'setup':
        this.view = e.view;
        this.problems = e.problems;
        break;
      default:
        break;
    }
  }
}
