/**
 * Test helper (not a test): an ExerciseChecker that does what the test tells
 * it, so engine and analysis tests can drive reps, faults and phases at chosen
 * frame times without a real exercise's signal processing.
 *
 * Start position: standing with the arms hanging (the near wrist below the
 * near shoulder); raising the arms leaves it (see test-frames.ts armsRaised).
 */
import type { FaultKey } from '../exercises/fault-keys.ts';
import type { ExerciseId } from '../exercises/ids.ts';
import type { ChainJoint } from './body.ts';
import type { BodyState } from './body-state.ts';
import type { CheckerOutput, ExerciseChecker } from './checker.ts';
import type { CueKey } from './cues.ts';
import type { KeyAngleScale } from './key-angle.ts';
import type { Phase, RepRecord, WarningKey } from './events.ts';

/** Something the checker does in one frame. */
export type Action = (out: CheckerOutput, tMs: number) => void;

export interface FakeCheckerOptions {
  readonly exercise?: ExerciseId;
  readonly variant?: string | null;
  readonly countsHolds?: boolean;
  readonly startCue?: CueKey;
}

export class FakeChecker implements ExerciseChecker {
  readonly exercise: ExerciseId;
  readonly variant: string | null;
  readonly posture = 'standing' as const;
  readonly requiredJoints: readonly ChainJoint[] = ['shoulder', 'hip', 'knee', 'ankle'];
  readonly countsHolds?: boolean;
  readonly startCue: CueKey;
  readonly live: Record<string, number> = {};
  /** frame times at which update ran */
  updatedAt: number[] = [];
  resets = 0;
  private readonly script = new Map<number, Action[]>();

  constructor(options: FakeCheckerOptions = {}) {
    this.exercise = options.exercise ?? 'good-morning';
    this.variant = options.variant ?? null;
    if (options.countsHolds !== undefined) this.countsHolds = options.countsHolds;
    this.startCue = options.startCue ?? 'setup.stand-tall';
  }

  /** Do `actions` in the frame at `tMs` (if the engine lets the checker run then). */
  at(tMs: number, ...actions: Action[]): this {
    this.script.set(tMs, [...(this.script.get(tMs) ?? []), ...actions]);
    return this;
  }

  isStartPosition(body: BodyState): boolean {
    const { wrist, shoulder } = body.near;
    return wrist.known && shoulder.known && wrist.y > shoulder.y;
  }

  update(body: BodyState, out: CheckerOutput): void {
    const t = body.timestampMs;
    this.updatedAt.push(t);
    for (const action of this.script.get(t) ?? []) action(out, t);
  }

  /** a scale with one band; the fake reads no angle */
  readonly keyAngleScale: KeyAngleScale = { label: 'torsoInclination', edges: [0, 90], zones: ['good'], below: 'near', above: 'off' };

  readKeyAngle(): boolean {
    return false;
  }

  /** frame times at which finish ran */
  finishedAt: number[] = [];

  finish(tMs: number): void {
    this.finishedAt.push(tMs);
  }

  reset(): void {
    this.resets++;
    this.updatedAt = [];
  }
}

/** A rep record ending at `endMs`, 2 s long with its peak in the middle. */
export function repRecord(full: boolean, endMs: number, more: Partial<RepRecord> = {}): RepRecord {
  return { index: 0, full, startMs: endMs - 2000, peakMs: endMs - 1000, endMs, peak: full ? 60 : 30, toPeakS: 1, fromPeakS: 1, holdS: 0, metrics: {}, faults: [], ...more };
}

export const fullRep = (more: Partial<RepRecord> = {}): Action => (out, t) => out.rep(repRecord(true, t, more));
export const partialRep = (more: Partial<RepRecord> = {}): Action => (out, t) => out.rep(repRecord(false, t, more));
export const fault = (name: FaultKey, cue: CueKey): Action => (out, t) => out.fault(name, cue, t);
export const phase = (p: Phase): Action => (out, t) => out.phase(p, t);
export const warning = (w: WarningKey, detail?: string): Action => (out, t) => out.warning(w, t, detail);
