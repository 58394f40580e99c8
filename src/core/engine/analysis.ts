/**
 * Replays a keypoint track through the engine and summarises the set: the
 * report the CLI prints and the tests compare against labels. The browser
 * feeds the same engine frame by frame; a replay gives the same events.
 */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { KeypointTrack } from '../track.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import type { Language } from '../i18n/messages.ts';
import { cueText } from '../i18n/cue-texts.ts';
import { cueKeyOf, type Cue, type CueKey } from './cues.ts';
import type { EngineEvent, PartialReason, RepRecord, WarningKey } from './events.ts';
import { partialCue } from './rep-cues.ts';
import { ExerciseEngine, type EngineOptions } from './exercise-engine.ts';
import type { ExerciseChecker } from './checker.ts';

/** A hold shorter than this at the top is a turn, not a hold. */
export const MIN_HOLD_S = 0.5;

export interface AnalysisReport {
  readonly exercise: string;
  readonly variant: string | null;
  readonly model: string;
  readonly source: string;
  readonly reps: number;
  readonly partialReps: number;
  /** seconds held at the top, one entry per full rep that held at least MIN_HOLD_S (none for exercises without holds) */
  readonly holds: readonly number[];
  readonly countingStartedMs: number | null;
  readonly repDetails: readonly RepRecord[];
  /** each partial rep, in order: when, and why it was partial (reason null when its checker gave none) */
  readonly partials: readonly PartialRepLine[];
  /** the cues shown; `n` is a numbered cue's number ("Hold 5 s at the top": 5) */
  readonly cues: readonly { readonly t: number; readonly key: CueKey; readonly n?: number; readonly text: string }[];
  readonly warnings: readonly { readonly t: number; readonly key: WarningKey; readonly detail?: string }[];
  readonly faults: readonly { readonly t: number; readonly fault: FaultKey }[];
}

export interface PartialRepLine {
  readonly startMs: number;
  readonly endMs: number;
  /** the counting signal at the rep's top, in the exercise's unit */
  readonly peak: number;
  readonly reason: PartialReason | null;
  /** what was missing, in the report's language: the cue the rep called for */
  readonly text: string | null;
}

export function analyzeTrack(track: KeypointTrack, checker: ExerciseChecker, options: EngineOptions & { lang?: Language; onEvent?: (e: EngineEvent) => void } = {}): AnalysisReport {
  const engine = new ExerciseEngine(checker, options);
  const collector = new ReportCollector(checker);
  const take = (events: readonly EngineEvent[]): void => {
    if (options.onEvent) for (const e of events) options.onEvent(e);
    collector.take(events);
  };
  const frame = { timestampMs: 0, imageWidth: track.width, imageHeight: track.height, score: 0, keypoints: [] as PoseFrame['keypoints'] };
  for (const f of track.frames) {
    frame.timestampMs = f.t;
    frame.score = f.score;
    frame.keypoints = f.keypoints;
    take(engine.update(frame));
  }
  // the clip ends: a rep still at its top counts (fixtures README)
  const lastFrame = track.frames[track.frames.length - 1];
  if (lastFrame) take(engine.finish(lastFrame.t));
  return collector.report(engine, { model: track.model, source: track.source, endMs: lastFrame?.t ?? 0, lang: options.lang ?? 'en' });
}

/**
 * Gathers an engine's events into the report, as they happen: analyzeTrack
 * feeds it a replay, the live coach the camera's frames, so a live set and a
 * replay of its track are summarised by the same code.
 */
export class ReportCollector {
  private readonly reps: RepRecord[] = [];
  private readonly cues: { readonly t: number; readonly cue: Cue }[] = [];
  private readonly warnings: { t: number; key: WarningKey; detail?: string }[] = [];
  private readonly faults: { t: number; fault: FaultKey }[] = [];
  private countingStartedMs: number | null = null;

  constructor(private readonly checker: ExerciseChecker) {}

  take(events: readonly EngineEvent[]): void {
    for (const e of events) {
      switch (e.kind) {
        case 'rep':
        case 'partial-rep':
          this.reps.push(e.rep);
          break;
        case 'cue':
          if (e.cue) this.cues.push({ t: e.tMs, cue: e.cue });
          break;
        case 'warning':
          this.warnings.push(e.detail === undefined ? { t: e.tMs, key: e.warning } : { t: e.tMs, key: e.warning, detail: e.detail });
          break;
        case 'fault':
          this.faults.push({ t: e.tMs, fault: e.fault });
          break;
        case 'counting-started':
          this.countingStartedMs = e.tMs;
          break;
        default:
          break;
      }
    }
  }

  /** The report so far, its texts in `lang`; `endMs` is the last frame's time (where "counting never started" is placed). */
  report(
    counts: { readonly reps: number; readonly partialReps: number },
    meta: { readonly model: string; readonly source: string; readonly endMs: number; readonly lang: Language },
  ): AnalysisReport {
    const { lang } = meta;
    const { checker, reps } = this;
    const warnings =
      this.countingStartedMs === null ? [...this.warnings, { t: meta.endMs, key: 'not-in-start-position' as const, detail: 'counting never started: the start position was not held' }] : [...this.warnings];
    return {
      exercise: checker.exercise,
      variant: checker.variant,
      model: meta.model,
      source: meta.source,
      reps: counts.reps,
      partialReps: counts.partialReps,
      holds: checker.countsHolds === false ? [] : reps.filter((r) => r.full && r.holdS >= MIN_HOLD_S).map((r) => Math.round(r.holdS * 10) / 10),
      countingStartedMs: this.countingStartedMs,
      repDetails: [...reps],
      partials: reps.filter((r) => !r.full).map((r) => partialLine(checker, r, lang)),
      cues: this.cues.map(({ t, cue }) => ({ t, key: cueKeyOf(cue), ...(typeof cue === 'string' ? {} : { n: cue.n }), text: cueText(lang, cue) })),
      warnings,
      faults: [...this.faults],
    };
  }
}

function partialLine(checker: ExerciseChecker, rep: RepRecord, lang: Language): PartialRepLine {
  const reason = rep.partialReason ?? null;
  const cue = reason === null ? null : partialCue(checker.exercise, reason);
  return { startMs: rep.startMs, endMs: rep.endMs, peak: rep.peak, reason, text: cue === null ? null : cueText(lang, cue) };
}
