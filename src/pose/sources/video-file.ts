/**
 * A local video file as a frame source, analysed frame by frame: it seeks to
 * each sample time in turn (default 15 fps, as the CLI), so every sample is
 * analysed however slow the model, and paces itself to real time at most so
 * that the person watching sees the clip at its own speed.
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
  private index = 0;
  private closed = false;
  private readonly startedMs = performance.now();

  private constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    readonly label: string,
    readonly sampleFps: number,
    private readonly realtime: boolean,
  ) {}

  static async open(video: HTMLVideoElement, file: File, options: { fps?: number; realtime?: boolean } = {}): Promise<VideoFileSource> {
    if (file.type && !file.type.startsWith('video/')) {
      throw new SourceError('video-file', `${file.name} is not a video (${file.type})`);
    }
    const url = URL.createObjectURL(file);
    video.srcObject = null;
    video.muted = true;
    video.playsInline = true;
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
    return new VideoFileSource(video, url, file.name, options.fps ?? 15, options.realtime ?? true);
  }

  get durationMs(): number {
    return this.video.duration * 1000;
  }

  get progress(): number {
    return Math.min(1, (this.index * 1000) / this.sampleFps / this.durationMs);
  }

  async next(): Promise<SourceFrame | null> {
    if (this.closed) return null;
    const timestampMs = (this.index * 1000) / this.sampleFps;
    if (timestampMs >= this.durationMs) return null;
    if (this.realtime) {
      const aheadMs = timestampMs - (performance.now() - this.startedMs);
      if (aheadMs > 1) await new Promise((r) => setTimeout(r, aheadMs));
    }
    const seeked = once(this.video, 'seeked');
    this.video.currentTime = timestampMs / 1000;
    await seeked;
    if (this.closed) return null;
    this.index++;
    return { image: this.video, timestampMs };
  }

  close(): void {
    this.closed = true;
    URL.revokeObjectURL(this.url);
  }
}
