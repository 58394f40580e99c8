/**
 * The last few seconds of a live set, for demo mode: every analysed pose
 * frame with what the coach showed at that moment (reps, hold, cue, phase,
 * the key angle and its target band), and the engine's rep and cue events.
 * The slow-motion replay of the last rep and the threshold preview read it.
 *
 * Preallocated: the frame slots, the key-angle snapshots in them and the
 * event ring are made once, so pushing a frame allocates nothing (the
 * keypoints are kept by reference: frames are never mutated once made). A
 * frame older than `durationMs` before the newest one falls out, and so
 * does the oldest when frames come faster than `maxFps` (the window is then
 * shorter, never the memory larger).
 */
import type { Cue } from '../engine/cues.ts';
import type { Phase, RepRecord } from '../engine/events.ts';
import type { KeyAngle, KeyAngleBand, KeyAngleLabel, KeyAngleZone } from '../engine/key-angle.ts';
import type { Keypoint, PoseFrame } from '../frame/pose-frame.ts';
import { SlotRing } from '../signal/slot-ring.ts';

/** 12 s: a slow rep with a 5 s hold and the few reps before it (the article's tempo: reps of 3-5 s). */
export const DEFAULT_BUFFER_MS = 12_000;
/** a 60 fps camera at most: 721 slots for 12 s */
export const DEFAULT_BUFFER_MAX_FPS = 60;
/** rep and cue events kept: far more than 12 s can hold (a cue changes at most every second or so) */
export const DEFAULT_EVENT_SLOTS = 128;

/** what an emptied slot holds instead of a frame's keypoints (one shared array: dropping allocates nothing) */
const NO_KEYPOINTS: readonly Keypoint[] = Object.freeze([]);

/** What the coach showed at a frame's time. */
export interface CoachMoment {
  readonly reps: number;
  readonly partialReps: number;
  /** seconds at the top so far; 0 when not at the top */
  readonly holdS: number;
  readonly phase: Phase;
  readonly cue: Cue | null;
}

/** One buffered frame: the pose frame, what the coach showed, and the key angle (when there was one). */
export interface BufferedFrame extends PoseFrame, CoachMoment {
  /** the key angle at this frame, a snapshot; null when none was read */
  readonly keyAngle: KeyAngle | null;
}

export type BufferedEvent =
  | { readonly kind: 'rep'; readonly tMs: number; readonly rep: RepRecord }
  | { readonly kind: 'cue'; readonly tMs: number; readonly cue: Cue | null };

export interface RollingBufferOptions {
  readonly durationMs?: number;
  readonly maxFps?: number;
  /** the exercise's key-angle zones (keyAngleScale.zones.length): each slot's band snapshot is this long */
  readonly bandCount: number;
  readonly eventSlots?: number;
}

class AngleSnapshot implements KeyAngle {
  readonly vertex = { x: 0, y: 0 };
  fromDeg = 0;
  toDeg = 0;
  valueDeg = 0;
  label: KeyAngleLabel = 'hipAngle';
  zone: KeyAngleZone = 'off';
  readonly bands: { fromDeg: number; toDeg: number; zone: KeyAngleZone }[];

  constructor(bandCount: number) {
    this.bands = Array.from({ length: bandCount }, () => ({ fromDeg: 0, toDeg: 0, zone: 'off' as KeyAngleZone }));
  }

  copy(angle: KeyAngle): void {
    this.vertex.x = angle.vertex.x;
    this.vertex.y = angle.vertex.y;
    this.fromDeg = angle.fromDeg;
    this.toDeg = angle.toDeg;
    this.valueDeg = angle.valueDeg;
    this.label = angle.label;
    this.zone = angle.zone;
    for (let i = 0; i < this.bands.length; i++) {
      const from: KeyAngleBand | undefined = angle.bands[i];
      const to = this.bands[i]!;
      // a checker with fewer bands than expected leaves the rest empty (drawn as nothing)
      to.fromDeg = from?.fromDeg ?? 0;
      to.toDeg = from?.toDeg ?? 0;
      to.zone = from?.zone ?? 'off';
    }
  }
}

class FrameSlot implements BufferedFrame {
  timestampMs = 0;
  imageWidth = 0;
  imageHeight = 0;
  score = 0;
  keypoints: readonly Keypoint[] = NO_KEYPOINTS;
  reps = 0;
  partialReps = 0;
  holdS = 0;
  phase: Phase = 'rest';
  cue: Cue | null = null;
  hasAngle = false;
  readonly angle: AngleSnapshot;

  constructor(bandCount: number) {
    this.angle = new AngleSnapshot(bandCount);
  }

  get keyAngle(): KeyAngle | null {
    return this.hasAngle ? this.angle : null;
  }
}

/** A read-only sequence of frames, oldest first (the buffer, or an array in tests). */
export interface FrameSequence<F extends PoseFrame = PoseFrame> {
  readonly length: number;
  at(index: number): F;
}

export class RollingBuffer implements FrameSequence<BufferedFrame> {
  readonly durationMs: number;
  readonly capacity: number;
  private readonly frames: SlotRing<FrameSlot>;
  private readonly events: SlotRing<{ event: BufferedEvent | null }>;

  constructor(options: RollingBufferOptions) {
    const durationMs = options.durationMs ?? DEFAULT_BUFFER_MS;
    const maxFps = options.maxFps ?? DEFAULT_BUFFER_MAX_FPS;
    const eventSlots = options.eventSlots ?? DEFAULT_EVENT_SLOTS;
    if (!(durationMs > 0 && Number.isFinite(durationMs))) throw new RangeError(`RollingBuffer: durationMs must be a positive number of ms, got ${durationMs}`);
    if (!(maxFps > 0 && Number.isFinite(maxFps))) throw new RangeError(`RollingBuffer: maxFps must be a positive number, got ${maxFps}`);
    if (!(Number.isInteger(options.bandCount) && options.bandCount >= 0)) throw new RangeError(`RollingBuffer: bandCount must be a whole number >= 0, got ${options.bandCount}`);
    if (!(Number.isInteger(eventSlots) && eventSlots >= 1)) throw new RangeError(`RollingBuffer: eventSlots must be a whole number >= 1, got ${eventSlots}`);
    this.durationMs = durationMs;
    // the newest frame and every frame up to durationMs before it, at maxFps
    this.capacity = Math.ceil((durationMs / 1000) * maxFps) + 1;
    this.frames = new SlotRing(
      this.capacity,
      () => new FrameSlot(options.bandCount),
      (s) => {
        // let go of the keypoints and cues, so a dropped or cleared slot holds no frame alive
        s.keypoints = NO_KEYPOINTS;
        s.cue = null;
      },
    );
    this.events = new SlotRing<{ event: BufferedEvent | null }>(
      eventSlots,
      () => ({ event: null }),
      (slot) => {
        slot.event = null;
      },
    );
  }

  get length(): number {
    return this.frames.length;
  }

  /** The i-th oldest frame kept (0 = oldest); a view of the slot, rewritten once it falls out. */
  at(index: number): BufferedFrame {
    if (!(index >= 0 && index < this.frames.length)) throw new RangeError(`RollingBuffer.at: ${index} outside 0..${this.frames.length - 1}`);
    return this.frames.at(index);
  }

  /** The oldest frame's time, ms; NaN when empty. */
  get oldestMs(): number {
    return this.frames.length > 0 ? this.frames.at(0).timestampMs : Number.NaN;
  }

  /** The newest frame's time, ms; NaN when empty. */
  get newestMs(): number {
    return this.frames.length > 0 ? this.frames.at(this.frames.length - 1).timestampMs : Number.NaN;
  }

  /**
   * Keeps a frame with what the coach showed for it and its key angle
   * (copied: keyAngleOf reuses its object). A frame earlier than the newest
   * one kept means a new source started: what was kept is dropped first.
   */
  push(frame: PoseFrame, moment: CoachMoment, keyAngle: KeyAngle | null): void {
    if (this.frames.length > 0 && frame.timestampMs < this.newestMs) this.clear();
    const s = this.frames.claim();
    s.timestampMs = frame.timestampMs;
    s.imageWidth = frame.imageWidth;
    s.imageHeight = frame.imageHeight;
    s.score = frame.score;
    s.keypoints = frame.keypoints;
    s.reps = moment.reps;
    s.partialReps = moment.partialReps;
    s.holdS = moment.holdS;
    s.phase = moment.phase;
    s.cue = moment.cue;
    s.hasAngle = keyAngle !== null;
    if (keyAngle) s.angle.copy(keyAngle);
    this.dropOlderThan(frame.timestampMs - this.durationMs);
  }

  /** Keeps an engine event (a rep, a cue change); events older than the oldest frame fall out with it. */
  pushEvent(event: BufferedEvent): void {
    this.events.claim().event = event;
  }

  /** The events kept, oldest first (a new array: read on a click, not per frame). */
  eventList(): BufferedEvent[] {
    const out: BufferedEvent[] = [];
    for (let k = 0; k < this.events.length; k++) {
      const e = this.events.at(k).event;
      if (e) out.push(e);
    }
    return out;
  }

  /** The reps whose every frame is still kept (start at or after the oldest frame), oldest first. */
  repsInBuffer(): RepRecord[] {
    const oldest = this.oldestMs;
    const out: RepRecord[] = [];
    for (const e of this.eventList()) if (e.kind === 'rep' && e.rep.startMs >= oldest) out.push(e.rep);
    return out;
  }

  /** The newest rep whose every frame is still kept, or null. */
  lastRep(): RepRecord | null {
    const reps = this.repsInBuffer();
    return reps[reps.length - 1] ?? null;
  }

  /**
   * Copies of the frames from `fromMs` to `toMs` (inclusive), oldest first,
   * each with its own key-angle snapshot: a replay keeps them while the
   * buffer rolls on (made on a click, not per frame).
   */
  copyRange(fromMs: number, toMs: number): BufferedFrame[] {
    const out: BufferedFrame[] = [];
    for (let i = 0; i < this.frames.length; i++) {
      const s = this.frames.at(i);
      if (s.timestampMs < fromMs || s.timestampMs > toMs) continue;
      const copy = new FrameSlot(s.angle.bands.length);
      copy.timestampMs = s.timestampMs;
      copy.imageWidth = s.imageWidth;
      copy.imageHeight = s.imageHeight;
      copy.score = s.score;
      copy.keypoints = s.keypoints;
      copy.reps = s.reps;
      copy.partialReps = s.partialReps;
      copy.holdS = s.holdS;
      copy.phase = s.phase;
      copy.cue = s.cue;
      copy.hasAngle = s.hasAngle;
      if (s.hasAngle) copy.angle.copy(s.angle);
      out.push(copy);
    }
    return out;
  }

  /** Index of the last frame at or before `tMs` (the first frame when all are later); -1 when empty. */
  indexAt(tMs: number): number {
    if (this.frames.length === 0) return -1;
    let lo = 0;
    let hi = this.frames.length - 1;
    if (this.at(0).timestampMs >= tMs) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at(mid).timestampMs <= tMs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  clear(): void {
    this.frames.clear();
    this.events.clear();
  }

  private dropOlderThan(cutMs: number): void {
    while (this.frames.length > 1 && this.frames.at(0).timestampMs < cutMs) this.frames.dropOldest();
    const oldest = this.oldestMs;
    // events end with the frames they belong to; a rep reaching back before the oldest frame stays until it ends there
    while (this.events.length > 0) {
      const e = this.events.at(0).event;
      if (e && e.tMs >= oldest) break;
      this.events.dropOldest();
    }
  }
}
