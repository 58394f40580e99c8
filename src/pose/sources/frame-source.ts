/** Where frames come from: the camera or a video file, behind one interface so one pipeline analyses both. */
import type { PoseInput } from '../estimator.ts';

export interface SourceFrame {
  readonly image: PoseInput;
  /** media time of the frame, ms from the start of the source */
  readonly timestampMs: number;
}

export interface FrameSource {
  readonly kind: 'camera' | 'file';
  /** a name for the track: "camera" or the file name */
  readonly label: string;
  /** frames per second the source is sampled at, when fixed */
  readonly sampleFps: number | undefined;
  /** The next frame, or null at the end. Rejects with a SourceError when the source fails. */
  next(): Promise<SourceFrame | null>;
  /**
   * Files: takes back a frame `next()` gave that was not analysed (the loop
   * stopped while it was on its way, for a pause or a model switch), so the
   * next call gives it again and no sample is skipped. Live sources leave it out.
   */
  giveBack?(frame: SourceFrame): void;
  /** 0..1 for files; undefined for live sources */
  readonly progress: number | undefined;
  close(): void;
}
