/**
 * The annotated recording of one set (owned by SetSession): the record
 * button's state, and the bridge from each analysed frame to the encoder.
 * Every analysed frame is drawn, with the overlay the training view shows,
 * onto an offscreen canvas (src/record/annotated-frame.ts) and encoded by a
 * LiveRecorder (src/record/live-recorder.ts), which stores each packet in
 * IndexedDB under the set's session id as it arrives.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { keyAngleOf } from '../../core/engine/key-angle.ts';
import { cueText } from '../../core/i18n/cue-texts.ts';
import type { SourceFrame } from '../../pose/sources/frame-source.ts';
import { AnnotatedFrameCompositor, recordingSizeOf, type OverlayState } from '../../record/annotated-frame.ts';
import { LiveRecorder, NoEncoderError, type StorageProblem } from '../../record/live-recorder.ts';
import type { MuxedRecording } from '../../record/mux.ts';
import { recordingFileName } from '../../record/file-name.ts';
import { holdRecordingLock, recordingStore } from '../../record/recording-library.ts';
import type { RecordingStore } from '../../record/recording-db.ts';
import { requestPersistentStorage } from '../storage/storage-status.ts';
import { downloadBlob } from '../download.ts';
import type { Flow } from './flow.svelte.ts';
import type { LiveSession } from './live-session.svelte.ts';
import { locale } from './locale.svelte.ts';

export type RecorderStatus = 'idle' | 'starting' | 'recording' | 'finishing' | 'done' | 'failed';

/** Why a recording could not go on, for the message the user sees. */
export type RecorderFailure = 'no-encoder' | 'encoder' | 'mux';

export interface RecordedFile {
  readonly blob: Blob;
  readonly fileName: string;
  readonly durationMs: number;
}

export class Recorder {
  status = $state<RecorderStatus>('idle');
  /** time recorded so far (from the frames' own timestamps) */
  recordedMs = $state(0);
  /** set when a write to the browser's storage failed: the recording goes on in memory */
  storageProblem = $state<StorageProblem | null>(null);
  failure = $state<RecorderFailure | null>(null);
  /** the finished file, once stopped */
  file = $state.raw<RecordedFile | null>(null);
  /** while the partial file for an immediate download is being made */
  savingPartial = $state(false);

  private recorder: LiveRecorder | null = null;
  private canvas: OffscreenCanvas | null = null;
  private compositor: AnnotatedFrameCompositor | null = null;
  /** ImageData frames (video files) are put here first: drawImage takes no ImageData */
  private scratch: OffscreenCanvas | null = null;
  private releaseLock: () => void = () => undefined;
  /** when the record button was pressed, ms since the epoch (the file name's time) */
  private startedAtMs = Date.now();
  private firstFrameMs = Number.NaN;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly sessionId: string,
    private readonly live: LiveSession,
    private readonly flow: Flow,
  ) {}

  get active(): boolean {
    return this.status === 'starting' || this.status === 'recording';
  }

  toggle(): void {
    if (this.active) void this.stop();
    else void this.start();
  }

  /** Starts recording from the next analysed frame. A set is recorded once: a second start after a stop is refused. */
  async start(): Promise<void> {
    if (this.status !== 'idle') return;
    this.status = 'starting';
    this.startedAtMs = Date.now();
    // a recording is worth keeping under storage pressure (called from the button's click: a user action)
    void requestPersistentStorage();
    this.unlisten?.();
    this.unlisten = this.live.listenFrames((frame, image) => this.onFrame(frame, image));
  }

  /** stops the frames coming (set while recording) */
  private unlisten: (() => void) | null = null;

  private store: Promise<RecordingStore | null> | null = null;

  private onFrame(frame: PoseFrame, image: SourceFrame['image']): void {
    if (this.status === 'starting') {
      if (this.store) return;
      // the first frame gives the size; the encoder starts once the database is open
      this.store = recordingStore().catch(() => null);
      void this.begin(frame);
      return;
    }
    if (this.status !== 'recording' || !this.recorder || !this.canvas || !this.compositor) return;
    if (Number.isNaN(this.firstFrameMs)) this.firstFrameMs = frame.timestampMs;
    this.compositor.draw(this.drawable(image), this.overlayOf(frame));
    this.recorder.addFrame(this.canvas, frame.timestampMs);
    this.recordedMs = this.recorder.recordedMs;
  }

  private async begin(first: PoseFrame): Promise<void> {
    const { width, height } = recordingSizeOf(first.imageWidth, first.imageHeight);
    const store = await this.store;
    if (this.status !== 'starting') return;
    this.releaseLock = holdRecordingLock(this.sessionId);
    try {
      this.recorder = await LiveRecorder.start({
        sessionId: this.sessionId,
        what: this.live.exercise ?? 'pose',
        startedAtMs: this.startedAtMs,
        width,
        height,
        store,
        onStorageProblem: (problem) => (this.storageProblem = problem),
        onEncoderError: () => this.fail('encoder'),
        onClosed: () => this.releaseLock(),
      });
    } catch (err) {
      this.releaseLock();
      this.fail(err instanceof NoEncoderError ? 'no-encoder' : 'encoder');
      return;
    }
    if (this.status !== 'starting') {
      this.recorder.abandon();
      return;
    }
    this.canvas = new OffscreenCanvas(width, height);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) {
      this.fail('encoder');
      return;
    }
    this.compositor = new AnnotatedFrameCompositor(ctx);
    this.status = 'recording';
  }

  private drawable(image: SourceFrame['image']): CanvasImageSource | null {
    if (image instanceof ImageData) {
      if (!this.scratch || this.scratch.width !== image.width || this.scratch.height !== image.height) this.scratch = new OffscreenCanvas(image.width, image.height);
      this.scratch.getContext('2d')?.putImageData(image, 0, 0);
      return this.scratch;
    }
    if (image instanceof HTMLVideoElement || image instanceof HTMLCanvasElement || image instanceof HTMLImageElement || image instanceof ImageBitmap) return image;
    // a tensor: no picture, the overlay alone
    return null;
  }

  private overlayOf(frame: PoseFrame): OverlayState {
    const coach = this.live.coach;
    const target = this.flow.target;
    const exercise = this.live.exercise;
    const angle = coach && coach.counting && frame.keypoints.length > 0 ? keyAngleOf(coach.engine.checker, coach.engine.body) : null;
    return {
      exerciseName: exercise ? locale.t(`exercise.${exercise}`) : '',
      repsLabel: locale.t('training.reps'),
      reps: coach?.reps ?? 0,
      targetReps: target?.reps ?? 0,
      holdLabel: locale.t('training.hold'),
      holdS: target && target.holdS > 0 ? (coach?.holdS ?? 0) : null,
      targetHoldS: target?.holdS ?? 0,
      cueText: coach?.cue ? cueText(locale.lang, coach.cue) : null,
      elapsedMs: Number.isNaN(this.firstFrameMs) ? 0 : frame.timestampMs - this.firstFrameMs,
      keyAngle: angle,
      keyAngleText: angle ? `${Math.round(angle.valueDeg)}°` : null,
      frame,
      mirror: this.live.mirror && this.live.sourceKind === 'camera',
    };
  }

  private fail(failure: RecorderFailure): void {
    this.failure = failure;
    this.status = 'failed';
    this.unlisten?.();
    this.unlisten = null;
    this.recorder?.abandon();
  }

  /**
   * Stops and finalises: the file is muxed from what was stored (and kept in
   * memory) and offered for download. The set's end calls this too, so a
   * running recording is never lost; calling it twice waits for the first.
   */
  stop(): Promise<void> {
    this.stopping ??= this.finish();
    return this.stopping;
  }

  private async finish(): Promise<void> {
    this.unlisten?.();
    this.unlisten = null;
    if (this.status === 'starting' && !this.recorder) {
      // nothing was recorded yet
      this.status = 'idle';
      this.stopping = null;
      return;
    }
    const recorder = this.recorder;
    if (!recorder || this.status !== 'recording') return;
    this.status = 'finishing';
    try {
      const muxed: MuxedRecording = await recorder.stop();
      this.file = { blob: muxed.blob, fileName: recordingFileName(recorder.what, this.startedAtMs, muxed.mimeType), durationMs: muxed.durationMs };
      this.status = 'done';
    } catch {
      this.failure = 'mux';
      this.status = 'failed';
    }
  }

  download(): void {
    if (this.file) downloadBlob(this.file.blob, this.file.fileName);
  }

  /** The quota path: what exists now, as a file, at once; the recording goes on. */
  async downloadSoFar(): Promise<void> {
    const recorder = this.recorder;
    if (!recorder || this.savingPartial) return;
    this.savingPartial = true;
    try {
      const muxed = await recorder.snapshot();
      downloadBlob(muxed.blob, recordingFileName(recorder.what, this.startedAtMs, muxed.mimeType));
    } catch {
      this.failure = 'mux';
    } finally {
      this.savingPartial = false;
    }
  }
}
