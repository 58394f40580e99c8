/**
 * A local video file as a frame source, analysed frame by frame at a fixed
 * sampling rate (default 15 fps, as the CLI). The video plays forward and
 * pauses on each frame that reaches the next sample time until that frame is
 * analysed: decoding stays sequential (seeking an H.264 file frame by frame
 * costs 200+ ms a frame in Chromium), every sample is analysed however slow
 * the model, and the clip never runs faster than real time.
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

export class VideoFileSource implements FrameSource {
  readonly kind = 'file';
  private nextSampleS = 0;
  private lastTimestampMs = 0;
  private closed = false;
  private ended = false;

  private constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    readonly label: string,
    readonly sampleFps: number,
  ) {
    video.addEventListener('ended', this.onEnded);
  }

  private wake: (() => void) | null = null;
  private readonly onEnded = (): void => {
    this.ended = true;
    this.wake?.();
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
    return this.ended ? 1 : Math.min(1, this.lastTimestampMs / this.durationMs);
  }

  next(): Promise<SourceFrame | null> {
    if (this.closed || this.ended) return Promise.resolve(null);
    const video = this.video;
    return new Promise((resolve, reject) => {
      const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
        if (this.closed) return resolve(null);
        const t = metadata.mediaTime;
        // half a frame of slack: frame times are rounded in the container
        if (t + 0.5 / this.sampleFps < this.nextSampleS) {
          video.requestVideoFrameCallback(onFrame);
          return;
        }
        video.pause();
        this.wake = null;
        this.nextSampleS = Math.max(this.nextSampleS + 1 / this.sampleFps, t + 0.5 / this.sampleFps);
        this.lastTimestampMs = t * 1000;
        resolve({ image: video, timestampMs: t * 1000 });
      };
      this.wake = () => resolve(null);
      video.requestVideoFrameCallback(onFrame);
      video.play().catch((err: unknown) => {
        if (!this.closed) reject(new SourceError('video-file', err instanceof Error ? err.message : String(err)));
      });
    });
  }

  close(): void {
    this.closed = true;
    this.video.pause();
    this.video.removeEventListener('ended', this.onEnded);
    this.wake?.();
    URL.revokeObjectURL(this.url);
  }
}
