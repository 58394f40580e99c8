/**
 * Plays a keypoint track back at its own timing (the frames' t), for the
 * review when no recording was kept: the current time, play/pause, seeking,
 * and the frame shown (the last one at or before the current time).
 */
import type { KeypointTrack, TrackFrame } from '../../core/track.ts';

/** Index of the last frame at or before `t` (0 before the first): binary search, the frames' t ascend. */
export function frameIndexAt(frames: readonly TrackFrame[], t: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((frames[mid]?.t ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export class TrackPlayer {
  timeMs = $state(0);
  playing = $state(false);
  readonly startMs: number;
  readonly endMs: number;
  private raf = 0;
  private lastNow = 0;

  constructor(
    readonly track: KeypointTrack,
    private readonly schedule: (step: (now: number) => void) => number = (step) => requestAnimationFrame(step),
    private readonly cancel: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
  ) {
    this.startMs = track.frames[0]?.t ?? 0;
    this.endMs = track.frames[track.frames.length - 1]?.t ?? 0;
    this.timeMs = this.startMs;
  }

  /** the frame shown now */
  get frame(): TrackFrame | null {
    return this.track.frames[frameIndexAt(this.track.frames, this.timeMs)] ?? null;
  }

  play(): void {
    if (this.playing) return;
    if (this.timeMs >= this.endMs) this.timeMs = this.startMs;
    this.playing = true;
    this.lastNow = Number.NaN;
    this.raf = this.schedule(this.step);
  }

  pause(): void {
    this.playing = false;
    this.cancel(this.raf);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  seek(ms: number): void {
    this.timeMs = Math.min(this.endMs, Math.max(this.startMs, ms));
  }

  private readonly step = (now: number): void => {
    if (!this.playing) return;
    // the first callback only anchors the clock: playback moves by real elapsed time
    const dt = Number.isNaN(this.lastNow) ? 0 : now - this.lastNow;
    this.lastNow = now;
    const next = this.timeMs + dt;
    if (next >= this.endMs) {
      this.timeMs = this.endMs;
      this.playing = false;
      return;
    }
    this.timeMs = next;
    this.raf = this.schedule(this.step);
  };

  dispose(): void {
    this.pause();
  }
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The part of the image the person moved in over the whole track (every
 * keypoint at or above `minScore`), with a margin of `marginFraction` of its
 * size, kept inside the image: the replay shows that, so a person far from
 * the camera is not a small figure in a large empty frame. The whole image
 * when no keypoint was seen.
 */
export function personBox(track: KeypointTrack, minScore = 0.3, marginFraction = 0.15): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const f of track.frames) {
    for (const k of f.keypoints) {
      if (k.score < minScore) continue;
      if (k.x < x0) x0 = k.x;
      if (k.x > x1) x1 = k.x;
      if (k.y < y0) y0 = k.y;
      if (k.y > y1) y1 = k.y;
    }
  }
  if (!(x1 > x0 && y1 > y0)) return { x: 0, y: 0, width: track.width, height: track.height };
  const mx = (x1 - x0) * marginFraction;
  const my = (y1 - y0) * marginFraction;
  const left = Math.max(0, x0 - mx);
  const top = Math.max(0, y0 - my);
  return { x: left, y: top, width: Math.min(track.width, x1 + mx) - left, height: Math.min(track.height, y1 + my) - top };
}
