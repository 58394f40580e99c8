/**
 * A local video file as a frame source, analysed frame by frame at a fixed
 * sampling rate (default 15 fps, as the CLI). The video plays forward; each
 * frame that reaches the next sample time is copied into an ImageBitmap and
 * queued for the model while playback goes on. When the model falls two
 * samples behind, playback pauses until it catches up. So decoding stays
 * sequential (seeking an H.264 file frame by frame costs 200+ ms a frame in
 * Chromium), every sample is analysed however slow the model, the clip never
 * runs faster than real time, and a model faster than the sampling rate
 * keeps up with real time (pausing on every sample halved the rate).
 */
import type { FrameSource, SourceFrame } from './frame-source.ts';
import { SourceError } from './source-error.ts';

function once(target: EventTarget, ok: string, failOn = 'error'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      target.removeEventListener(ok, done);
      target.removeEventListener(failOn, fail);
      resolve();
    };
    const fail = (): void => {
      target.removeEventListener(ok, done);
      target.removeEventListener(failOn, fail);
      reject(new SourceError('video-file', 'the browser cannot decode this file'));
    };
    target.addEventListener(ok, done);
    target.addEventListener(failOn, fail);
  });
}

/** Samples copied ahead of the model before playback waits for it. */
const MAX_QUEUED = 2;

interface QueuedFrame {
  readonly bitmap: ImageBitmap;
  readonly timestampMs: number;
}

export class VideoFileSource implements FrameSource {
  readonly kind = 'file';
  private nextSampleS = 0;
  private lastTimestampMs = 0;
  private closed = false;
  private ended = false;
  private failed: SourceError | null = null;
  private readonly queue: QueuedFrame[] = [];
  /** the bitmap handed out last: closed when the next one is asked for (the model is done with it then) */
  private handedOut: ImageBitmap | null = null;
  private waiter: (() => void) | null = null;
  private started = false;
  private capturing = 0;

  private constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    readonly label: string,
    readonly sampleFps: number,
  ) {
    video.addEventListener('ended', this.onEnded);
  }

  private readonly onEnded = (): void => {
    this.ended = true;
    this.wake();
  };

  static async open(video: HTMLVideoElement, file: File, options: { fps?: number } = {}): Promise<VideoFileSource> {
    if (file.type && !file.type.startsWith('video/')) {
      throw new SourceError('video-file', `${file.name} is not a video (${file.type})`);
    }
    const url = URL.createObjectURL(file);
    video.pause();
    video.srcObject = null;
    video.muted = true;
    video.playsInline = true;
    video.loop = false;
    video.preload = 'auto';
    const loaded = once(video, 'loadeddata');
    video.src = url;
    try {
      await loaded;
    } catch (err) {
      URL.revokeObjectURL(url);
      video.removeAttribute('src');
      throw err;
    }
    if (!Number.isFinite(video.duration) || video.duration <= 0 || video.videoWidth === 0) {
      URL.revokeObjectURL(url);
      throw new SourceError('video-file', 'the file has no playable video');
    }
    return new VideoFileSource(video, url, file.name, options.fps ?? 15);
  }

  get durationMs(): number {
    return this.video.duration * 1000;
  }

  get progress(): number {
    return this.ended && this.queue.length === 0 ? 1 : Math.min(1, this.lastTimestampMs / this.durationMs);
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private readonly onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (this.closed) return;
    const t = metadata.mediaTime;
    // half a frame of slack: frame times are rounded in the container
    if (t + 0.5 / this.sampleFps >= this.nextSampleS) {
      this.nextSampleS = Math.max(this.nextSampleS + 1 / this.sampleFps, t + 0.5 / this.sampleFps);
      if (this.queue.length + this.capturing + 1 >= MAX_QUEUED) this.video.pause();
      this.capturing++;
      createImageBitmap(this.video).then(
        (bitmap) => {
          this.capturing--;
          if (this.closed) return bitmap.close();
          this.queue.push({ bitmap, timestampMs: t * 1000 });
          this.wake();
        },
        (err: unknown) => {
          this.capturing--;
          this.failed = new SourceError('video-file', err instanceof Error ? err.message : String(err));
          this.wake();
        },
      );
    }
    if (!this.ended) this.video.requestVideoFrameCallback(this.onFrame);
  };

  private play(): void {
    if (this.closed || this.ended || !this.video.paused) return;
    this.video.play().catch((err: unknown) => {
      if (!this.closed) {
        this.failed = new SourceError('video-file', err instanceof Error ? err.message : String(err));
        this.wake();
      }
    });
  }

  async next(): Promise<SourceFrame | null> {
    this.handedOut?.close();
    this.handedOut = null;
    if (!this.started) {
      this.started = true;
      this.video.requestVideoFrameCallback(this.onFrame);
    }
    for (;;) {
      if (this.closed) return null;
      if (this.failed) throw this.failed;
      const queued = this.queue.shift();
      if (queued) {
        // room in the queue again: let the clip play on while the model works
        if (this.queue.length + this.capturing < MAX_QUEUED) this.play();
        this.handedOut = queued.bitmap;
        this.lastTimestampMs = queued.timestampMs;
        return { image: queued.bitmap, timestampMs: queued.timestampMs };
      }
      if (this.ended && this.capturing === 0) return null;
      this.play();
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.closed = true;
    this.video.pause();
    this.video.removeEventListener('ended', this.onEnded);
    for (const q of this.queue.splice(0)) q.bitmap.close();
    this.handedOut?.close();
    this.handedOut = null;
    this.wake();
    URL.revokeObjectURL(this.url);
  }
}
