/**
 * When the reps happen: a progress signal 0..1 over time (0 = the start
 * position, 1 = full depth or the top) with cosine transitions, and the
 * ground-truth interval of every rep. Exercise motions map progress to joint
 * angles; the intervals become the truth the checkers are tested against.
 */

export interface RepPlan {
  /** fraction of the full depth this rep reaches (1 = full, 0.5 = a half rep) */
  readonly depth: number;
  /** start -> peak: the descent of a good morning, the lift of a superman or hip thrust */
  readonly downMs: number;
  /** time held at the peak */
  readonly holdMs: number;
  /** peak -> start position */
  readonly upMs: number;
  /** time in the start position after the rep */
  readonly restMs: number;
}

export interface ScheduleOptions {
  readonly reps?: number;
  /** time in the start position before the first rep */
  readonly startDelayMs?: number;
  readonly downMs?: number;
  readonly holdMs?: number;
  readonly upMs?: number;
  readonly restMs?: number;
  /** per-rep depth multipliers, e.g. [1, 1, 0.5]: the third rep goes half as deep */
  readonly depths?: readonly number[];
  /** per-rep hold times */
  readonly holdsMs?: readonly number[];
  /** per-rep overrides of anything above (wins over depths and holdsMs) */
  readonly perRep?: readonly Partial<RepPlan>[];
}

export interface RepInterval {
  readonly index: number;
  /** leaves the start position */
  readonly startMs: number;
  /** reaches the peak */
  readonly holdStartMs: number;
  /** the middle of the hold: the moment of the deepest or highest point */
  readonly peakMs: number;
  /** leaves the peak */
  readonly holdEndMs: number;
  /** back in the start position */
  readonly endMs: number;
  readonly depth: number;
  readonly downMs: number;
  readonly holdMs: number;
  readonly upMs: number;
}

export type RepPhase = 'before' | 'down' | 'hold' | 'up' | 'rest';

export interface ScheduleState {
  /** depth * eased: the progress signal */
  readonly progress: number;
  /** 0..1 within the current rep, before the depth multiplier */
  readonly eased: number;
  /** the rep in progress, or the last one finished; -1 before the first */
  readonly repIndex: number;
  readonly phase: RepPhase;
  /** 0..1 through the current phase */
  readonly phaseFraction: number;
}

export interface RepSchedule {
  readonly reps: readonly RepInterval[];
  /** the whole schedule including the rest after the last rep */
  readonly durationMs: number;
  progressAt(tMs: number): number;
  stateAt(tMs: number): ScheduleState;
}

export const SCHEDULE_DEFAULTS = {
  reps: 3,
  startDelayMs: 1500,
  downMs: 1500,
  holdMs: 500,
  upMs: 1500,
  restMs: 1000,
} as const;

/** Cosine ease: 0 -> 1 with zero speed at both ends, as a controlled movement starts and stops. */
export function cosineEase(fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return (1 - Math.cos(Math.PI * f)) / 2;
}

export function repSchedule(options: ScheduleOptions = {}): RepSchedule {
  const count = options.reps ?? SCHEDULE_DEFAULTS.reps;
  const startDelayMs = options.startDelayMs ?? SCHEDULE_DEFAULTS.startDelayMs;
  const reps: RepInterval[] = [];
  const rests: number[] = [];
  let t = startDelayMs;
  for (let index = 0; index < count; index++) {
    const own = options.perRep?.[index] ?? {};
    const plan: RepPlan = {
      depth: own.depth ?? options.depths?.[index] ?? 1,
      downMs: own.downMs ?? options.downMs ?? SCHEDULE_DEFAULTS.downMs,
      holdMs: own.holdMs ?? options.holdsMs?.[index] ?? options.holdMs ?? SCHEDULE_DEFAULTS.holdMs,
      upMs: own.upMs ?? options.upMs ?? SCHEDULE_DEFAULTS.upMs,
      restMs: own.restMs ?? options.restMs ?? SCHEDULE_DEFAULTS.restMs,
    };
    if (plan.downMs <= 0 || plan.upMs <= 0 || plan.holdMs < 0 || plan.restMs < 0) {
      throw new Error(`repSchedule: rep ${index} needs downMs, upMs > 0 and holdMs, restMs >= 0`);
    }
    const holdStartMs = t + plan.downMs;
    const holdEndMs = holdStartMs + plan.holdMs;
    reps.push({
      index,
      startMs: t,
      holdStartMs,
      peakMs: holdStartMs + plan.holdMs / 2,
      holdEndMs,
      endMs: holdEndMs + plan.upMs,
      depth: plan.depth,
      downMs: plan.downMs,
      holdMs: plan.holdMs,
      upMs: plan.upMs,
    });
    rests.push(plan.restMs);
    t = holdEndMs + plan.upMs + plan.restMs;
  }
  const durationMs = t;

  const stateAt = (tMs: number): ScheduleState => {
    const first = reps[0];
    if (!first || tMs < first.startMs) {
      return { progress: 0, eased: 0, repIndex: -1, phase: 'before', phaseFraction: startDelayMs > 0 ? Math.max(0, tMs) / startDelayMs : 1 };
    }
    // the last rep that has started
    let index = 0;
    while (index + 1 < reps.length && (reps[index + 1]?.startMs ?? Infinity) <= tMs) index++;
    const rep = reps[index] ?? first;
    const at = (eased: number, phase: RepPhase, phaseFraction: number): ScheduleState => ({
      progress: rep.depth * eased,
      eased,
      repIndex: index,
      phase,
      phaseFraction: Math.min(1, Math.max(0, phaseFraction)),
    });
    if (tMs < rep.holdStartMs) return at(cosineEase((tMs - rep.startMs) / rep.downMs), 'down', (tMs - rep.startMs) / rep.downMs);
    if (tMs < rep.holdEndMs) return at(1, 'hold', (tMs - rep.holdStartMs) / rep.holdMs);
    if (tMs < rep.endMs) return at(1 - cosineEase((tMs - rep.holdEndMs) / rep.upMs), 'up', (tMs - rep.holdEndMs) / rep.upMs);
    const restMs = rests[index] ?? 0;
    return at(0, 'rest', restMs > 0 ? (tMs - rep.endMs) / restMs : 1);
  };

  return { reps, durationMs, stateAt, progressAt: (tMs) => stateAt(tMs).progress };
}

/** 0 -> 1 -> 0 over fraction 0..1: eased up over the first `edge`, held, eased down over the last `edge`. */
export function plateau(fraction: number, edge = 0.3): number {
  const f = Math.min(1, Math.max(0, fraction));
  if (f < edge) return cosineEase(f / edge);
  if (f > 1 - edge) return cosineEase((1 - f) / edge);
  return 1;
}
