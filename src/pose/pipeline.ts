/**
 * The one road every frame travels in the browser: source -> estimator ->
 * sink. It runs until the source ends, the signal aborts, or something fails
 * (then it rejects, after closing nothing: the caller owns source and estimator).
 */
import type { PoseFrame } from '../core/frame/pose-frame.ts';
import type { PoseEstimator } from './estimator.ts';
import type { FrameSource, SourceFrame } from './sources/frame-source.ts';

/** Called with each analysed frame; `source` (its image) is valid only during the call. */
export type FrameSink = (frame: PoseFrame, inferenceMs: number, source: SourceFrame) => void;

export async function runPipeline(source: FrameSource, estimator: PoseEstimator, sink: FrameSink, signal: AbortSignal): Promise<'ended' | 'aborted'> {
  while (!signal.aborted) {
    const frame = await source.next();
    if (frame === null) return signal.aborted ? 'aborted' : 'ended';
    if (signal.aborted) {
      source.giveBack?.(frame);
      break;
    }
    const started = performance.now();
    const pose = await estimator.estimate(frame.image, frame.timestampMs);
    sink(pose, performance.now() - started, frame);
  }
  return 'aborted';
}
