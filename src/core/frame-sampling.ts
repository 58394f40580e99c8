/**
 * Which decoded video frames are analysed, and at what time: one rule for
 * the browser (WebCodecs) and the CLI (ffmpeg), so both edges analyse the
 * same frames and stamp them the same.
 *
 * The rule. A clip is analysed at a fixed rate `fps` (15 by default). Time is
 * counted from the clip's first frame (its presentation time, whatever the
 * container's start offset). Sample n has the time n * 1000 / fps ms, exactly,
 * and its image is the first frame, in presentation order, whose time is at
 * or after the sample time, less `epsilonMs` (1 ms) of slack for container
 * times rounded to a coarse time base (Matroska/WebM store milliseconds, so
 * a 30 fps frame meant for 66.667 ms may say 67 ms). The samples end at the
 * last frame: there are floor((last - first + epsilon) * fps / 1000) + 1.
 *
 * Consequences, all by construction:
 * - a frame is decided the moment it is decoded (no look-ahead, no buffering):
 *   both edges stream;
 * - a source at a multiple of the rate (30, 60 fps) gives its every 2nd / 4th
 *   frame, at the sample time; any other constant rate (59.94, 29.97, 25, 24
 *   fps) gives the frame shown at or after the sample time, never more than
 *   one source frame later (59.94 fps: every 4th frame, its lag growing by
 *   1/15 ms a sample until, after 15.7 s, the frame before takes over);
 * - a source slower than the rate, or a gap (dropped frames, variable frame
 *   rate), gives one frame to several samples: the first frame after the gap
 *   fills every sample the gap held, so the analysed rate stays fixed;
 * - a frame at the same time as the one before (a duplicate), or earlier
 *   (out of order), fills no sample.
 *
 * `fps` 0 is not a rate: the callers decode every frame then (photos).
 */

/** The rate both edges analyse video at, frames per second. */
export const ANALYSIS_FPS = 15;

/** Slack for container times rounded to their time base, ms. */
export const FRAME_TIME_EPSILON_MS = 1;

/** The longer side of the frames handed to the model (it sees 192-256 px anyway; both edges scale to it). */
export const ANALYSIS_MAX_SIDE = 640;

const NONE: readonly number[] = Object.freeze([]);

/** Time of sample n at `fps`, ms: exactly n * 1000 / fps. */
export function sampleTimeMs(n: number, fps: number = ANALYSIS_FPS): number {
  return (n * 1000) / fps;
}

/** Number of samples of a clip whose frames run from `firstMs` to `lastMs` (presentation times). */
export function sampleCount(firstMs: number, lastMs: number, fps: number = ANALYSIS_FPS, epsilonMs: number = FRAME_TIME_EPSILON_MS): number {
  if (!(lastMs >= firstMs)) return 0;
  return Math.floor(((lastMs - firstMs + epsilonMs) * fps) / 1000 + 1e-9) + 1;
}

/**
 * The rule, streaming: feed each decoded frame's presentation time, in
 * presentation order; `push` answers which samples that frame fills (usually
 * none or one; several after a gap).
 */
export class FrameSampler {
  private originMs: number | null = null;
  private filled = 0;

  constructor(
    readonly fps: number = ANALYSIS_FPS,
    readonly epsilonMs: number = FRAME_TIME_EPSILON_MS,
  ) {
    if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`sampling rate must be a positive number of frames per second, got ${fps}`);
    if (!(epsilonMs >= 0) || epsilonMs >= 500 / fps) throw new RangeError(`epsilon must be 0 or more and under half a sample interval, got ${epsilonMs} ms`);
  }

  /** Samples filled so far (the next sample's number). */
  get sampleCount(): number {
    return this.filled;
  }

  /** Presentation time of the first frame, ms (null before any). */
  get firstFrameMs(): number | null {
    return this.originMs;
  }

  /** Time of sample n, ms. */
  timeOf(n: number): number {
    return sampleTimeMs(n, this.fps);
  }

  /** The samples the frame shown at `ptsMs` fills: their numbers, ascending; empty when it fills none. */
  push(ptsMs: number): readonly number[] {
    if (!Number.isFinite(ptsMs)) return NONE;
    if (this.originMs === null) this.originMs = ptsMs;
    const offset = ptsMs - this.originMs;
    // sample n is filled by this frame when offset >= n * 1000 / fps - epsilon, for every n not filled yet
    // (1e-9: a frame meant for a sample time, off by float rounding, still reaches it with epsilon 0)
    const upTo = Math.floor(((offset + this.epsilonMs) * this.fps) / 1000 + 1e-9); // the last sample this frame can fill
    if (upTo < this.filled) return NONE;
    const out: number[] = [];
    for (let n = this.filled; n <= upTo; n++) out.push(n);
    this.filled = upTo + 1;
    return out;
  }
}

/**
 * The rule on a whole list of presentation times (for tests and tools): for
 * each sample, the index of its frame in `ptsMs`.
 */
export function sampleFrames(ptsMs: readonly number[], fps: number = ANALYSIS_FPS, epsilonMs: number = FRAME_TIME_EPSILON_MS): number[] {
  const sampler = new FrameSampler(fps, epsilonMs);
  const frameOf: number[] = [];
  ptsMs.forEach((pts, i) => {
    for (const _n of sampler.push(pts)) frameOf.push(i);
  });
  return frameOf;
}

/**
 * Output size of an analysed frame: aspect ratio kept, both sides even (yuv
 * and rgb scalers like even sizes), the longer side at most `maxSide`, and
 * never larger than the source.
 */
export function scaledSize(width: number, height: number, maxSide: number = ANALYSIS_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const floorEven = (v: number): number => 2 * Math.floor(v / 2);
  const even = (v: number): number => Math.max(2, Math.min(2 * Math.round((v * scale) / 2), floorEven(v), floorEven(maxSide)));
  return { width: even(width), height: even(height) };
}
