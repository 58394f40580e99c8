/**
 * State of the live page: which source runs, which model on which backend,
 * the latest analysed frame, the HUD figures, the track so far, and what went
 * wrong. Components render it; they hold no logic of their own.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { RateMeter } from '../../core/rate-meter.ts';
import { TrackRecorder, type KeypointTrack } from '../../core/track.ts';
import type { BackendChoice, BackendName } from '../../pose/backend.ts';
import type { PoseEstimator } from '../../pose/estimator.ts';
import { DEFAULT_MODEL, type ModelId } from '../../pose/models.ts';
import { runPipeline } from '../../pose/pipeline.ts';
import { CameraSource, listCameras, openCameraStream } from '../../pose/sources/camera.ts';
import type { FrameSource, SourceFrame } from '../../pose/sources/frame-source.ts';
import { VideoFileSource } from '../../pose/sources/video-file.ts';
import { EstimatorStartError, toAppError, type AppError } from '../errors.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';
import type { ThresholdOverrides } from '../../core/exercises/tunables.ts';
import { Coach, type CoachOptions } from './coach.svelte.ts';
import { PeopleNotice } from './people-notice.svelte.ts';
import { isPeopleWatching } from '../../pose/worker/people-watch.ts';

export type LiveStatus = 'idle' | 'loading-model' | 'starting-camera' | 'opening-file' | 'running' | 'file-done' | 'stopped' | 'error';

/** Called with each analysed frame and its picture. */
export type FrameListener = (frame: PoseFrame, image: SourceFrame['image']) => void;

export type EstimatorFactory = (model: ModelId, backend: BackendChoice) => Promise<PoseEstimator>;

export class LiveSession {
  status = $state<LiveStatus>('idle');
  error = $state<AppError | null>(null);
  model = $state<ModelId>(DEFAULT_MODEL);
  backendChoice = $state<BackendChoice>('auto');
  /** the backend actually running, once a model is loaded */
  backend = $state<BackendName | null>(null);
  mirror = $state(true);
  sourceKind = $state<'camera' | 'file' | null>(null);
  sourceLabel = $state('');
  cameras = $state.raw<MediaDeviceInfo[]>([]);
  cameraId = $state('');
  /** the latest analysed frame; raw: replaced whole every frame, never mutated */
  frame = $state.raw<PoseFrame | null>(null);
  fps = $state(0);
  inferenceMs = $state(0);
  framesAnalysed = $state(0);
  progress = $state(0);
  modelBytesLoaded = $state(0);
  /** the exercise being coached; null: pose only */
  exercise = $state<ExerciseId | null>(null);
  /** the hip thrust's variant, passed to its checker */
  variant: string | undefined = undefined;
  /** how every coach of this session judges beyond the exercise's defaults (the reference rep, a program's thresholds) */
  coachOptions: CoachOptions = {};
  coach = $state.raw<Coach | null>(null);
  /** the file's analysis is paused (camera frames keep flowing; the coach pauses instead) */
  loopPaused = $state(false);
  /** the video file being analysed (null for the camera) */
  file = $state.raw<File | null>(null);
  /** called when a video file has been analysed to its end */
  onEnded: (() => void) | null = null;
  /** other people in view of the camera: the coach keeps the person who took the start position (people-watch.ts) */
  readonly people = new PeopleNotice();
  /** who is told of each analysed frame and its picture, after the coach has seen it (the annotated recording, demo mode's buffer) */
  private readonly frameListeners: FrameListener[] = [];

  /** Tells `listener` of every analysed frame from now on; the returned function stops that. */
  listenFrames(listener: FrameListener): () => void {
    this.frameListeners.push(listener);
    return () => {
      const i = this.frameListeners.indexOf(listener);
      if (i >= 0) this.frameListeners.splice(i, 1);
    };
  }

  private estimator: PoseEstimator | null = null;
  private source: FrameSource | null = null;
  private loop: AbortController | null = null;
  private recorder: TrackRecorder | null = null;
  private sampleFps: number | undefined;
  private readonly meter = new RateMeter(30);

  constructor(private readonly createEstimator: EstimatorFactory) {}

  get hasTrack(): boolean {
    return this.framesAnalysed > 0;
  }

  private estimatorLoading: Promise<PoseEstimator> | null = null;

  /** The estimator for the chosen model; concurrent starts share one load instead of loading twice. */
  private async ensureEstimator(): Promise<PoseEstimator> {
    if (this.estimator && this.estimator.model === this.model) return this.estimator;
    if (this.estimatorLoading) return this.estimatorLoading;
    this.estimator?.dispose();
    this.estimator = null;
    this.status = 'loading-model';
    const loading = this.createEstimator(this.model, this.backendChoice).then(
      (estimator) => {
        this.estimator = estimator;
        this.backend = estimator.backend;
        this.modelBytesLoaded = estimator.modelBytesLoaded;
        return estimator;
      },
      (err: unknown) => {
        throw new EstimatorStartError(this.backendChoice, err);
      },
    );
    this.estimatorLoading = loading;
    try {
      return await loading;
    } finally {
      this.estimatorLoading = null;
    }
  }

  private fail(err: unknown): void {
    this.error = toAppError(err);
    this.status = 'error';
    console.error('FormCoach:', err instanceof EstimatorStartError ? err.cause : err);
  }

  /**
   * The camera was lost mid-set (its track ended): a new camera stream carries
   * the same set on, with its coach, its track so far, and frame times that go
   * on from the lost camera's (the gap is no exercise time). Without a set to
   * carry on, the camera simply starts.
   */
  async resumeCamera(video: HTMLVideoElement): Promise<void> {
    this.carryOn = this.sourceKind === 'camera' && this.recorder !== null && this.estimator !== null;
    await this.startCamera(video);
  }

  /** the next camera start carries the set on (resumeCamera) instead of beginning afresh */
  private carryOn = false;
  /** the monotonic origin of the last camera's frame times */
  private cameraOriginMs: number | undefined;

  async startCamera(video: HTMLVideoElement, deviceId = this.cameraId): Promise<void> {
    const carryOn = this.carryOn;
    this.carryOn = false;
    const attempt = this.newAttempt();
    try {
      const estimator = await this.ensureEstimator();
      if (attempt !== this.attempt) return;
      this.status = 'starting-camera';
      const stream = await openCameraStream(deviceId || undefined);
      // a newer start (a file chosen while the camera was starting) wins: this camera closes
      // again before it ever touches the video element the file now plays in
      if (attempt !== this.attempt) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      // until the stream is handed to the loop, every way out stops it: a view left while the
      // video was starting makes play() reject, and that camera must not stay on (seen in CI)
      let handedOver = false;
      this.attaching = stream;
      try {
        const source = await CameraSource.attach(video, stream, carryOn ? this.cameraOriginMs : undefined);
        const cameras = await listCameras();
        // a file chosen while the camera was attaching wins too (checked after every wait)
        if (attempt !== this.attempt) return;
        this.cameraId = source.deviceId ?? '';
        this.cameras = cameras;
        this.mirror = true;
        this.file = null;
        this.cameraOriginMs = source.originMs;
        if (carryOn && this.recorder) this.continueWith(source, estimator);
        else this.begin(source, estimator);
        handedOver = true;
      } finally {
        if (this.attaching === stream) this.attaching = null;
        if (!handedOver) for (const track of stream.getTracks()) track.stop();
      }
    } catch (err) {
      if (attempt === this.attempt) this.fail(err);
    }
  }

  /** Analyses a video file frame by frame; each analysed frame is shown in the picture canvas (attachPicture). */
  async startFile(file: File): Promise<void> {
    const attempt = this.newAttempt();
    try {
      const estimator = await this.ensureEstimator();
      if (attempt !== this.attempt) return;
      this.status = 'opening-file';
      const source = await VideoFileSource.open(file);
      if (attempt !== this.attempt) return source.close();
      this.mirror = false;
      this.file = file;
      this.begin(source, estimator);
    } catch (err) {
      if (attempt === this.attempt) this.fail(err);
    }
  }

  /** Each start supersedes the ones before it, even while they are still awaiting the model or the camera. */
  private attempt = 0;
  private newAttempt(): number {
    this.stop();
    this.error = null;
    return ++this.attempt;
  }

  private begin(source: FrameSource, estimator: PoseEstimator): void {
    this.source = source;
    this.sourceKind = source.kind;
    this.sourceLabel = source.label;
    this.sampleFps = source.sampleFps;
    this.recorder = new TrackRecorder(source.label, estimator.model);
    this.framesAnalysed = 0;
    this.progress = 0;
    this.meter.reset();
    estimator.reset();
    this.coach = this.exercise ? new Coach(this.exercise, estimator.model, this.variant, this.coachOptions) : null;
    this.runLoop(source, estimator);
  }

  /** A new source for the same set: the coach, the track and the frame count go on. */
  private continueWith(source: FrameSource, estimator: PoseEstimator): void {
    this.source = source;
    this.sourceKind = source.kind;
    this.meter.reset();
    estimator.reset();
    this.runLoop(source, estimator);
  }

  private runLoop(source: FrameSource, estimator: PoseEstimator): void {
    // the camera's frames go to the coach for the person who took the start position only; a file's stay the CLI's
    if (isPeopleWatching(estimator)) estimator.follow(source.kind === 'camera' ? this.people.following(() => this.coach) : null);
    const loop = new AbortController();
    this.loop = loop;
    this.status = 'running';
    runPipeline(source, estimator, (frame, inferenceMs, image) => this.onFrame(frame, inferenceMs, image), loop.signal).then(
      (how) => {
        if (how === 'ended' && this.loop === loop) {
          this.status = 'file-done';
          this.progress = 1;
          this.closeSource();
          this.onEnded?.();
        }
      },
      (err: unknown) => {
        if (this.loop !== loop) return;
        this.closeSource();
        this.fail(err);
      },
    );
  }

  private picture: HTMLCanvasElement | null = null;

  /**
   * Where a file's analysed frames are shown (the stage's canvas under the
   * overlay): each frame is drawn in the same task as its skeleton, so the
   * two never disagree. The camera shows in the video element instead.
   */
  attachPicture(canvas: HTMLCanvasElement | null): void {
    this.picture = canvas;
  }

  private showPicture(image: SourceFrame['image']): void {
    const canvas = this.picture;
    if (!canvas || !(image instanceof ImageData || image instanceof HTMLCanvasElement)) return;
    if (canvas.width !== image.width || canvas.height !== image.height) {
      canvas.width = image.width;
      canvas.height = image.height;
    }
    const context = canvas.getContext('2d');
    if (image instanceof ImageData) context?.putImageData(image, 0, 0);
    else context?.drawImage(image, 0, 0);
  }

  private onFrame(frame: PoseFrame, inferenceMs: number, source: SourceFrame): void {
    if (this.sourceKind === 'file') this.showPicture(source.image);
    this.meter.update(performance.now(), inferenceMs);
    this.frame = frame;
    this.fps = this.meter.fps;
    this.inferenceMs = this.meter.meanDurationMs;
    this.recorder?.add(frame);
    this.coach?.update(frame);
    this.framesAnalysed++;
    if (this.source?.progress !== undefined) this.progress = this.source.progress;
    for (const listener of this.frameListeners) listener(frame, source.image);
  }

  /** Swaps model or backend; a running source carries on with the new estimator. */
  async configure(model: ModelId, backendChoice: BackendChoice): Promise<void> {
    const changed = model !== this.model || backendChoice !== this.backendChoice;
    if (!changed) return;
    const source = this.source;
    this.loop?.abort();
    this.loop = null;
    this.model = model;
    this.backendChoice = backendChoice;
    this.estimator?.dispose();
    this.estimator = null;
    try {
      const estimator = await this.ensureEstimator();
      if (source && this.source === source) {
        this.recorder = new TrackRecorder(source.label, estimator.model);
        this.coach = this.exercise ? new Coach(this.exercise, estimator.model, this.variant, this.coachOptions) : null;
        this.framesAnalysed = 0;
        this.runLoop(source, estimator);
      } else {
        this.status = 'idle';
      }
    } catch (err) {
      this.closeSource();
      this.fail(err);
    }
  }

  /** Coaches `exercise` from the next frame on (a fresh count), or stops coaching with null. */
  setExercise(exercise: ExerciseId | null, variant?: string): void {
    this.exercise = exercise;
    this.variant = variant;
    this.coach = exercise && this.estimator ? new Coach(exercise, this.estimator.model, variant, this.coachOptions) : null;
  }

  /**
   * Coaches on with other thresholds (demo mode's tuning): a new coach with
   * them replays the set's frames so far, so the count goes on, every rep
   * judged with them from the set's start, and it takes the next frames.
   */
  retune(overrides: ThresholdOverrides): void {
    const old = this.coach;
    if (!old || !this.exercise || !this.estimator) return;
    this.coachOptions = { ...this.coachOptions, overrides };
    const coach = new Coach(this.exercise, this.estimator.model, this.variant, this.coachOptions);
    const track = this.track();
    if (track) for (const f of track.frames) coach.update({ timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints });
    // a set started with the start-set button counts on, even if its start position was never held
    if (old.counting && !coach.counting) coach.startNow();
    coach.paused = old.paused;
    this.coach = coach;
  }

  /** Pauses counting; a video file also stops advancing, so no rep is skipped. */
  pause(): void {
    if (this.coach) this.coach.paused = true;
    if (this.sourceKind === 'file' && this.loop && this.source) {
      this.loop.abort();
      this.loop = null;
      this.loopPaused = true;
    }
  }

  resume(): void {
    if (this.coach) this.coach.paused = false;
    if (this.loopPaused && this.source && this.estimator) {
      this.loopPaused = false;
      this.runLoop(this.source, this.estimator);
    }
  }

  async selectCamera(video: HTMLVideoElement, deviceId: string): Promise<void> {
    this.cameraId = deviceId;
    await this.startCamera(video, deviceId);
  }

  private closeSource(): void {
    this.source?.close();
    this.source = null;
  }

  stop(): void {
    this.loop?.abort();
    this.loop = null;
    this.loopPaused = false;
    const wasRunning = this.source !== null;
    this.closeSource();
    if (wasRunning) this.status = 'stopped';
  }

  dismissError(): void {
    this.error = null;
    if (this.status === 'error') this.status = 'idle';
  }

  track(): KeypointTrack | null {
    if (!this.recorder || this.recorder.frameCount === 0) return null;
    return this.recorder.toTrack(this.sampleFps);
  }

  /** a camera stream opened and still being attached to the video element (not yet in the loop) */
  private attaching: MediaStream | null = null;

  dispose(): void {
    // a start still awaiting the model or the camera is abandoned: its camera closes the moment it opens (startCamera checks the attempt)
    this.attempt++;
    // one being attached stops now, not when the video's play() settles
    if (this.attaching) for (const track of this.attaching.getTracks()) track.stop();
    this.attaching = null;
    this.stop();
    this.estimator?.dispose();
    this.estimator = null;
  }
}
