/**
 * The key angle frame by frame, kept for the last minute or so, so that when
 * the engine reports a rep (at its end, or later: a rep found by the look-back
 * once the start position is confirmed, exercise-engine.ts) its stretch can be
 * cut out and sampled at a fixed interval. Used the same way on a physio's
 * reference set and on the patient's live reps.
 *
 * Preallocated ring buffer: pushing a frame allocates nothing.
 */
import type { ExerciseEngine } from '../engine/exercise-engine.ts';
import { keyAngleOf } from '../engine/key-angle.ts';
import type { RepRecord } from '../engine/events.ts';
import { LOOK_BACK_MS } from '../engine/exercise-engine.ts';
import { MAX_REP_MS, type KeyAngleSeries } from './format.ts';

/**
 * The rep's samples, 15 a second: the app's analysis rate (the CLI's
 * `--fps 15`, the committed fixture tracks), so a 15 fps source is kept as
 * it came and a 30 fps one loses nothing a 1-2 s phase shows.
 */
export const REFERENCE_SAMPLE_MS = 1000 / 15;

/**
 * A gap in the key angle longer than this inside a rep leaves the rep without
 * a series: the engine itself treats a pose missing this long as gone
 * (ABSENT_AFTER_MS, 500 ms); shorter gaps are the models' usual dropped
 * frames and are bridged by a straight line.
 */
export const MAX_SERIES_GAP_MS = 500;

/** Frames kept: a rep of MAX_REP_MS reported after the engine's look-back, at 60 fps, fits. */
const CAPACITY = Math.ceil(((MAX_REP_MS + LOOK_BACK_MS) / 1000) * 60);

export class RepSeriesRecorder {
  private readonly times = new Float64Array(CAPACITY);
  private readonly values = new Float64Array(CAPACITY);
  /** index of the next write */
  private head = 0;
  private count = 0;

  /** This frame's key angle (deg), NaN when it was not read; frames in time order. */
  push(tMs: number, valueDeg: number): void {
    this.times[this.head] = tMs;
    this.values[this.head] = valueDeg;
    this.head = (this.head + 1) % CAPACITY;
    if (this.count < CAPACITY) this.count++;
  }

  /** After `engine.update(frame)`: the key angle the engine's checker reads on the engine's body now (what the training view draws). */
  pushEngine(tMs: number, engine: ExerciseEngine): void {
    this.push(tMs, keyAngleOf(engine.checker, engine.body)?.valueDeg ?? Number.NaN);
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** the i-th kept frame, oldest first */
  private index(i: number): number {
    return (this.head - this.count + i + CAPACITY) % CAPACITY;
  }

  /**
   * The key angle over [rep.startMs, rep.endMs], sampled every `sampleMs`
   * from the start (linear between frames, dropped frames bridged), values
   * rounded to 0.1 deg (the models' angle noise is 1-2 deg); null when the
   * frames are no longer kept, or the angle was missing at an end or for
   * longer than MAX_SERIES_GAP_MS.
   */
  cut(rep: Pick<RepRecord, 'startMs' | 'endMs'>, sampleMs = REFERENCE_SAMPLE_MS): KeyAngleSeries | null {
    const { startMs, endMs } = rep;
    if (!(endMs > startMs)) return null;
    const n = Math.floor((endMs - startMs) / sampleMs + 1e-9) + 1;
    if (n < 3) return null;
    const times = this.times;
    const values = this.values;
    // the first kept frame at or after the rep's start
    let i = 0;
    while (i < this.count && times[this.index(i)]! < startMs) i++;
    if (i === this.count) return null;
    if (i === 0 && times[this.index(0)]! > startMs) return null; // the rep began before the oldest kept frame
    const deg: number[] = new Array<number>(n);
    // walk the valid frames once, keeping the last valid one before each sample and the next after it
    let prevT = Number.NaN;
    let prevV = Number.NaN;
    // the valid frame just before the start (a sample there may need it)
    for (let back = i - 1; back >= 0; back--) {
      const k = this.index(back);
      if (Number.isFinite(values[k]!)) {
        if (startMs - times[k]! <= MAX_SERIES_GAP_MS) {
          prevT = times[k]!;
          prevV = values[k]!;
        }
        break;
      }
    }
    let j = i;
    for (let s = 0; s < n; s++) {
      const t = startMs + s * sampleMs;
      // advance to the first valid frame at or after t
      let nextT = Number.NaN;
      let nextV = Number.NaN;
      while (j < this.count) {
        const k = this.index(j);
        const tk = times[k]!;
        const vk = values[k]!;
        if (tk > endMs + MAX_SERIES_GAP_MS) break;
        if (Number.isFinite(vk)) {
          if (tk >= t) {
            nextT = tk;
            nextV = vk;
            break;
          }
          prevT = tk;
          prevV = vk;
        }
        j++;
      }
      let value: number;
      if (nextT === t) value = nextV;
      else if (Number.isFinite(prevT) && Number.isFinite(nextT)) {
        if (nextT - prevT > MAX_SERIES_GAP_MS) return null;
        value = prevV + ((nextV - prevV) * (t - prevT)) / (nextT - prevT);
      } else if (Number.isFinite(prevT) && t - prevT <= sampleMs) value = prevV; // the rep's last frame falls just short of the last sample
      else if (Number.isFinite(nextT) && nextT - t <= sampleMs) value = nextV;
      else return null;
      deg[s] = Math.round(value * 10) / 10;
    }
    return { sampleMs, deg };
  }
}
