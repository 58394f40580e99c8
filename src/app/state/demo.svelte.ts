/**
 * Demo mode of the training view: a layout for showing form to a patient
 * across a room (big key-angle number with its target band, mirror, extra
 * large text), the slow-motion replay of the last rep with a freeze-frame at
 * its top, and threshold tuning with a live preview.
 *
 * While it is on, every analysed frame goes into a rolling buffer of the
 * last 12 s (pose frames with what the coach showed, core/replay), and its
 * picture into a ring of small canvases (demo-pictures.ts). A replay or a
 * freeze copies its rep's frames out of the buffer, and no pictures are
 * taken while it shows, so a 0.25x replay (four times the rep's length)
 * keeps its own; the pose frames are buffered on meanwhile, so the tuning
 * preview sees every rep. A rep is offered for replay when its pictures
 * have no hole. The coach counts on throughout.
 *
 * Tuning replays the buffered frames with the coach's thresholds and with
 * the tried ones (core/replay/rejudge.ts) on every slider move, on every rep
 * and when a rep reaches its top. "Coach with these thresholds" hands them
 * to the live coach (SetSession.retune): a new coach that has replayed the
 * set so far, so the count goes on, judged with them from the set's start.
 */
import type { Cue } from '../../core/engine/cues.ts';
import type { RepRecord } from '../../core/engine/events.ts';
import { keyAngleOf, type KeyAngleScale, type KeyAngleZone } from '../../core/engine/key-angle.ts';
import type { TunableKey, ThresholdOverrides } from '../../core/exercises/tunables.ts';
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { rejudge, type Rejudgement } from '../../core/replay/rejudge.ts';
import { RollingBuffer, type BufferedFrame } from '../../core/replay/rolling-buffer.ts';
import type { SourceFrame } from '../../pose/sources/frame-source.ts';
import type { Coach } from './coach.svelte.ts';
import { PictureRing } from './demo-pictures.ts';
import type { SetSession } from './set-session.svelte.ts';
import type { Flow } from './flow.svelte.ts';

export const REPLAY_SPEEDS = [0.25, 0.5, 0.75, 1] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export type DemoView = 'live' | 'playing' | 'frozen';

/** A rep is replayed only when its pictures have no longer hole than this (a few frames dropped by a busy machine are fine). */
const MAX_PICTURE_GAP_MS = 400;

/** How many of the buffer's reps the tuning table shows (the newest). */
export const REJUDGED_SHOWN = 5;

/** The display settings demo mode turns on, to give back as they were when it is turned off. */
interface SavedDisplay {
  readonly extraLarge: boolean;
  readonly showNumbers: boolean;
  readonly mirror: boolean;
}

export class DemoMode {
  on = $state(false);
  /** the key angle now (deg) and its zone; null when it is not seen */
  angleDeg = $state<number | null>(null);
  zone = $state<KeyAngleZone>('off');
  /** the live checker's scale: the target band (tuned thresholds move it) */
  scale = $state.raw<KeyAngleScale | null>(null);
  /** the newest rep whose frames are all buffered: what "replay" plays */
  lastRep = $state.raw<RepRecord | null>(null);
  view = $state<DemoView>('live');
  speed = $state<ReplaySpeed>(0.5);
  /** the rep being replayed or frozen */
  rep = $state.raw<RepRecord | null>(null);
  /** the 1-based number of that rep in the set (its place among every rep, full and partial) */
  repNumber = $state(0);
  /** the buffered frame shown (index into the buffer) and its time; -1 when none */
  frameIndex = $state(-1);
  shownMs = $state(Number.NaN);
  /** bumped whenever what the replay canvas shows changes */
  shown = $state(0);
  /** the thresholds tried (sliders) and those the coach runs with */
  proposed = $state.raw<ThresholdOverrides>({});
  current = $state.raw<ThresholdOverrides>({});
  rejudgement = $state.raw<Rejudgement | null>(null);
  /** the tried thresholds were handed to the live coach */
  applied = $state(false);
  /** bytes the buffered pictures hold now */
  pictureBytes = $state(0);

  /** stops the live session's frames coming to the buffer */
  private readonly unlisten: () => void;
  private buffer: RollingBuffer | null = null;
  readonly pictures = new PictureRing();
  private coach: Coach | null = null;
  private seenReps = 0;
  private lastCue: Cue | null = null;
  private lastPhaseTop = false;
  private saved: SavedDisplay | null = null;
  private raf = 0;
  private playStartedAt = 0;
  private playFromMs = 0;

  constructor(
    private readonly set: SetSession,
    private readonly flow: Flow,
  ) {
    this.unlisten = set.live.listenFrames((frame, image) => this.tap(frame, image));
    // on for the last set: on for this one too
    if (flow.demoMode) this.toggle(true);
  }

  /** the buffer's length in seconds, for the texts */
  get bufferS(): number {
    return Math.round((this.buffer?.durationMs ?? 12_000) / 1000);
  }

  toggle(on: boolean): void {
    this.flow.demoMode = on;
    this.switch(on);
  }

  private switch(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    const live = this.set.live;
    if (on) {
      this.saved = { extraLarge: this.set.extraLarge, showNumbers: this.set.showNumbers, mirror: live.mirror };
      this.set.extraLarge = true;
      this.set.showNumbers = true;
      // a camera shows mirrored, as a mirror on the wall would; a clip stays as filmed
      if (live.sourceKind === 'camera') live.mirror = true;
      this.current = live.coachOptions.overrides ?? {};
      this.proposed = this.current;
      this.applied = false;
    } else {
      this.backToLive();
      if (this.saved) {
        this.set.extraLarge = this.saved.extraLarge;
        this.set.showNumbers = this.saved.showNumbers;
        live.mirror = this.saved.mirror;
      }
      this.saved = null;
      this.buffer = null;
      this.pictures.dispose();
      this.pictureBytes = 0;
      this.lastRep = null;
      this.rejudgement = null;
      this.coach = null;
    }
  }

  /** Called with every analysed frame, after the coach has seen it (null: no picture, the pose alone). */
  tap(frame: PoseFrame, image: SourceFrame['image'] | null): void {
    if (!this.on) return;
    const coach = this.set.live.coach;
    if (!coach) return;
    if (coach !== this.coach) this.follow(coach);
    const angle = coach.counting && frame.keypoints.length > 0 ? keyAngleOf(coach.engine.checker, coach.engine.body) : null;
    this.angleDeg = angle ? angle.valueDeg : null;
    this.zone = angle ? angle.zone : 'off';
    const buffer = (this.buffer ??= new RollingBuffer({ bandCount: coach.engine.checker.keyAngleScale.zones.length }));
    buffer.push(frame, coach, angle);
    // the pictures wait while a replay shows, so that the replayed rep's stay
    if (this.view === 'live') this.pictures.capture(image, frame.timestampMs);
    let changed = false;
    const records = coach.repRecords;
    for (; this.seenReps < records.length; this.seenReps++) {
      const rep = records[this.seenReps]!;
      buffer.pushEvent({ kind: 'rep', tMs: rep.endMs, rep });
      changed = true;
    }
    if (coach.cue !== this.lastCue) {
      this.lastCue = coach.cue;
      buffer.pushEvent({ kind: 'cue', tMs: frame.timestampMs, cue: coach.cue });
    }
    const atTop = coach.phase === 'top';
    // the rep under way is judged again as it reaches its top
    if (atTop && !this.lastPhaseTop) changed = true;
    this.lastPhaseTop = atTop;
    // the rep on offer fell out of the buffer
    if (this.lastRep && this.lastRep.startMs < buffer.oldestMs) changed = true;
    if (changed) {
      this.lastRep = this.replayableRep();
      this.preview();
    }
    this.pictureBytes = this.pictures.bytes;
  }

  /** A new coach (a new source, a model switch, tuned thresholds): the reps it has are not new, the scale is its own. */
  private follow(coach: Coach): void {
    this.coach = coach;
    this.seenReps = coach.repRecords.length;
    this.scale = coach.engine.checker.keyAngleScale;
  }

  // ---- replay --------------------------------------------------------------

  /** the replayed rep's frames, copied out of the buffer when the replay starts (the buffer rolls on) */
  private clip: readonly BufferedFrame[] = [];

  /** The newest rep whose frames are all buffered and whose pictures have no hole (none are taken while a replay shows). */
  private replayableRep(): RepRecord | null {
    const reps = this.buffer?.repsInBuffer() ?? [];
    for (let i = reps.length - 1; i >= 0; i--) {
      const rep = reps[i]!;
      // no picture at all (a source without pictures): the skeleton alone
      if (this.pictures.length === 0 || this.pictures.covers(rep.startMs, rep.endMs, MAX_PICTURE_GAP_MS)) return rep;
    }
    return null;
  }

  /** The frame shown by the replay or freeze; null when live. */
  get frame(): BufferedFrame | null {
    return this.view !== 'live' ? (this.clip[this.frameIndex] ?? null) : null;
  }

  /** The picture taken at or just before the shown frame. */
  get picture(): OffscreenCanvas | null {
    return this.view === 'live' || Number.isNaN(this.shownMs) ? null : this.pictures.at(this.shownMs);
  }

  /** The frame's place in the rep: 0 at its first frame; -1 when live. */
  get repFrame(): number {
    return this.view !== 'live' ? this.frameIndex : -1;
  }

  /** Plays the last rep from its start to its end at `speed`, over and over, until frozen or back to live. */
  replayLastRep(): void {
    const rep = this.replayableRep() ?? this.rep;
    if (!rep) return;
    this.select(rep);
    this.view = 'playing';
    this.playFromMs = rep.startMs;
    this.playStartedAt = performance.now();
    this.seek(rep.startMs);
    this.loop();
  }

  /** One of REPLAY_SPEEDS (a value from the speed picker); anything else is ignored. */
  setSpeed(value: number): void {
    const speed = REPLAY_SPEEDS.find((s) => s === value);
    if (speed === undefined) return;
    // the replay carries on from where it is, at the new speed
    if (this.view === 'playing' && !Number.isNaN(this.shownMs)) {
      this.playFromMs = this.shownMs;
      this.playStartedAt = performance.now();
    }
    this.speed = speed;
  }

  /** Jumps to the frame at the rep's top (RepRecord.peakMs) and holds it. */
  freeze(): void {
    // while a replay shows, its rep; from the live view, the last one
    const rep = this.view !== 'live' ? this.rep : this.replayableRep();
    if (!rep) return;
    this.stopLoop();
    this.select(rep);
    this.view = 'frozen';
    this.seek(rep.peakMs);
  }

  /** Back to the live picture; the pictures are taken again from now. */
  backToLive(): void {
    this.stopLoop();
    if (this.view === 'live') return;
    this.view = 'live';
    this.rep = null;
    this.clip = [];
    this.frameIndex = -1;
    this.shownMs = Number.NaN;
    this.lastRep = this.replayableRep();
  }

  private select(rep: RepRecord): void {
    if (rep !== this.rep) this.clip = this.buffer?.copyRange(rep.startMs, rep.endMs) ?? [];
    this.rep = rep;
    const records = this.coach?.repRecords ?? [];
    const i = records.findIndex((r) => r.startMs === rep.startMs && r.endMs === rep.endMs);
    this.repNumber = i >= 0 ? i + 1 : 0;
  }

  /** Index of the clip's last frame at or before `tMs` (its first when all are later). */
  private clipIndexAt(tMs: number): number {
    const clip = this.clip;
    let lo = 0;
    let hi = clip.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (clip[mid]!.timestampMs <= tMs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private seek(tMs: number): void {
    if (this.clip.length === 0) return;
    this.frameIndex = this.clipIndexAt(tMs);
    this.shownMs = this.clip[this.frameIndex]!.timestampMs;
    this.shown++;
  }

  private loop(): void {
    this.stopLoop();
    if (typeof requestAnimationFrame === 'undefined') return;
    const step = (now: number): void => {
      const rep = this.rep;
      if (this.view !== 'playing' || !rep) return;
      let t = this.playFromMs + (now - this.playStartedAt) * this.speed;
      if (t > rep.endMs) {
        // from the start again: the rep plays in a loop while the physio talks it through
        this.playFromMs = rep.startMs;
        this.playStartedAt = now;
        t = rep.startMs;
      }
      if (this.clipIndexAt(t) !== this.frameIndex) this.seek(t);
      this.raf = requestAnimationFrame(step);
    };
    this.raf = requestAnimationFrame(step);
  }

  private stopLoop(): void {
    if (this.raf && typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  // ---- threshold tuning ----------------------------------------------------

  setOverride(key: TunableKey, value: number): void {
    this.proposed = { ...this.proposed, [key]: value };
    this.applied = false;
    this.preview();
  }

  resetOverrides(): void {
    this.proposed = {};
    this.applied = false;
    this.preview();
  }

  /** The buffered reps judged again with the coach's thresholds and the tried ones. */
  preview(): void {
    const buffer = this.buffer;
    const coach = this.coach ?? this.set.live.coach;
    if (!buffer || !coach) {
      this.rejudgement = null;
      return;
    }
    this.rejudgement = rejudge(buffer, { exercise: coach.exercise, variant: this.set.live.variant, model: this.set.live.model, current: this.current, proposed: this.proposed });
  }

  /** The number of the set's rep (1-based, full and partial) that overlaps this stretch most; 0 when none does. */
  repNumberOf(startMs: number, endMs: number): number {
    const records = this.set.live.coach?.repRecords ?? [];
    let best = 0;
    let bestOverlapMs = 0;
    records.forEach((r, i) => {
      const overlapMs = Math.min(r.endMs, endMs) - Math.max(r.startMs, startMs);
      if (overlapMs > bestOverlapMs) {
        best = i + 1;
        bestOverlapMs = overlapMs;
      }
    });
    return best;
  }

  /** The live coach takes the tried thresholds (the preview must have accepted them). */
  apply(): void {
    if (this.rejudgement && !this.rejudgement.ok) return;
    this.set.retune(this.proposed);
    this.current = this.proposed;
    const coach = this.set.live.coach;
    if (coach) this.follow(coach);
    this.applied = true;
    this.preview();
  }

  /** The set's screen goes: everything is let go, and demo mode stays as the next set will find it. */
  dispose(): void {
    this.stopLoop();
    this.switch(false);
    this.unlisten();
  }
}
