/**
 * Putting motions one after another: a lead-in (walking in, lying down,
 * getting set) before an exercise, with the exercise's truth moved along.
 */
import type { BodyPose, Motion } from './body-model.ts';
import { shiftTruth, type BuiltExercise } from './truth.ts';

/** A motion of a known length, in its own time (0 = its start). */
export interface Segment {
  readonly durationMs: number;
  readonly motion: Motion;
}

/** Segments one after another; past the end, the last one's final pose holds. */
export function sequence(segments: readonly Segment[]): Segment {
  if (segments.length === 0) throw new Error('sequence: no segments');
  const starts: number[] = [];
  let total = 0;
  for (const s of segments) {
    if (!(s.durationMs >= 0)) throw new Error('sequence: a segment has a negative duration');
    starts.push(total);
    total += s.durationMs;
  }
  const motion = (tMs: number): BodyPose => {
    let index = 0;
    while (index + 1 < segments.length && (starts[index + 1] ?? Infinity) <= tMs) index++;
    const segment = segments[index] as Segment;
    const local = Math.max(0, tMs - (starts[index] ?? 0));
    return segment.motion(Math.min(local, segment.durationMs));
  };
  return { durationMs: total, motion };
}

/**
 * An exercise with a lead-in before it: the exercise starts when the lead-in
 * ends, and its truth (reps, faults, duration) moves by the lead-in's length.
 * The lead-in should end in `built.startPose`, or the figure jumps.
 */
export function precede<F extends string>(leadIn: readonly Segment[], built: BuiltExercise<F>): BuiltExercise<F> {
  const before = sequence(leadIn);
  const offsetMs = before.durationMs;
  return {
    motion: (tMs) => (tMs < offsetMs ? before.motion(tMs) : built.motion(tMs - offsetMs)),
    truth: shiftTruth(built.truth, offsetMs),
    startPose: before.motion(0),
  };
}
