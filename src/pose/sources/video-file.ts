/**
 * A local video file as a frame source, decoded frame by frame with WebCodecs
 * (through mediabunny: demux in JavaScript, decode in the browser's
 * VideoDecoder) and sampled by the rule the CLI uses too
 * (src/core/frame-sampling.ts): sample n is stamped n * 1000 / fps ms and its
 * image is the first frame at or after that time. Frames are decoded only as
 * fast as the pipeline asks for them (`next()` pulls), so every sample is
 * analysed however slow or busy the machine, and as fast as the model allows
 * (no playback clock). Each selected frame is drawn, scaled like the CLI's
 * (longer side at most 640 px), into one canvas that is the model's input;
 * every decoded frame is closed as soon as it has been drawn or skipped.
 */
import { ALL_FORMATS, BlobSource, Input, VideoSampleSink, type InputVideoTrack, type VideoSample } from 'mediabunny';
import { ANALYSIS_FPS, FrameSampler, scaledSize } from '../../core/frame-sampling.ts';
import type { FrameSource, SourceFrame } from './frame-source.ts';
import { SourceError } from './source-error.ts';

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export interface VideoFileOptions {
  /** the sampling rate; default 15 fps, as the CLI */
  readonly fps?: number;
}

export class VideoFileSource implements FrameSource {
  readonly kind = 'file';
  readonly sampleFps: number;
  private readonly sampler: FrameSampler;
  private readonly samples: AsyncGenerator<VideoSample, void, unknown>;
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  /** samples the image in the canvas still fills (several after a gap in the file) */
  private readonly pending: number[] = [];
  /** a frame handed out but not analysed (the loop stopped while it was on its way): the next call returns it */
  private returned: SourceFrame | null = null;
  private lastTimestampMs = 0;
  private ended = false;
  private closed = false;
  /** next() calls run one after another: a loop restarted after a pause may ask before the old call has settled */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly input: Input,
    track: InputVideoTrack,
    readonly label: string,
    /** ms from the first frame to the last */
    readonly durationMs: number,
    readonly width: number,
    readonly height: number,
    fps: number,
  ) {
    this.sampleFps = fps;
    this.sampler = new FrameSampler(fps);
    this.samples = new VideoSampleSink(track).samples();
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const context = this.canvas.getContext('2d', { willReadFrequently: true, alpha: false });
    if (!context) throw new SourceError('video-file', 'the browser has no 2D canvas to draw the video frames into');
    // closer to ffmpeg's bicubic scaler (the CLI's) than the default
    context.imageSmoothingQuality = 'high';
    this.context = context;
  }

  /** Opens `file` for decoding; rejects with a SourceError that says why it cannot (no WebCodecs, not a video, unsupported codec). */
  static async open(file: File, options: VideoFileOptions = {}): Promise<VideoFileSource> {
    if (file.type && !file.type.startsWith('video/')) {
      throw new SourceError('video-file', `${file.name} is not a video (${file.type})`);
    }
    if (typeof VideoDecoder === 'undefined' || typeof VideoFrame === 'undefined') {
      throw new SourceError('video-file', 'this browser cannot decode video files frame by frame (it has no WebCodecs): use a recent Chrome, Edge, Firefox or Safari');
    }
    const input = new Input({ formats: ALL_FORMATS, source: new BlobSource(file) });
    try {
      let track: InputVideoTrack | null;
      try {
        track = await input.getPrimaryVideoTrack();
      } catch (err) {
        throw new SourceError('video-file', `${file.name} is not a video file this browser can read (${detailOf(err)})`);
      }
      if (!track) throw new SourceError('video-file', `${file.name} has no video track`);
      if (!(await track.canDecode())) {
        const codec = (await track.getCodec()) ?? 'unknown';
        throw new SourceError('video-file', `this browser cannot decode the ${codec} video in ${file.name}; convert it to H.264 MP4 or VP9 WebM`);
      }
      const [first, end, width, height] = await Promise.all([track.getFirstTimestamp(), track.computeDuration(), track.getDisplayWidth(), track.getDisplayHeight()]);
      if (!(end > first) || width === 0 || height === 0) throw new SourceError('video-file', `${file.name} has no playable video`);
      const size = scaledSize(width, height);
      return new VideoFileSource(input, track, file.name, (end - first) * 1000, size.width, size.height, options.fps ?? ANALYSIS_FPS);
    } catch (err) {
      input.dispose();
      throw err instanceof SourceError ? err : new SourceError('video-file', `${file.name} could not be opened (${detailOf(err)})`);
    }
  }

  get progress(): number {
    if (this.ended) return 1;
    return this.durationMs > 0 ? Math.min(1, this.lastTimestampMs / this.durationMs) : 0;
  }

  next(): Promise<SourceFrame | null> {
    const result = this.queue.then(() => this.read());
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Takes back a frame `next()` gave but the loop did not analyse; the next call gives it again. */
  giveBack(frame: SourceFrame): void {
    if (!this.closed) this.returned = frame;
  }

  private async read(): Promise<SourceFrame | null> {
    if (this.closed) return null;
    if (this.returned) {
      const frame = this.returned;
      this.returned = null;
      return frame;
    }
    if (this.pending.length === 0 && !(await this.decodeNextSample())) return null;
    const n = this.pending.shift() ?? 0;
    this.lastTimestampMs = this.sampler.timeOf(n);
    return { image: this.canvas, timestampMs: this.lastTimestampMs };
  }

  /** Decodes frames until one fills a sample, draws it into the canvas; false at the end. */
  private async decodeNextSample(): Promise<boolean> {
    for (;;) {
      let result: IteratorResult<VideoSample, void>;
      try {
        result = await this.samples.next();
      } catch (err) {
        if (this.closed) return false;
        throw new SourceError('video-file', `the video could not be decoded (${detailOf(err)})`);
      }
      if (result.done) {
        this.ended = true;
        return false;
      }
      const sample = result.value;
      try {
        if (this.closed) return false;
        // frames that end before time 0 (edit-list pre-roll) are not meant to be shown
        if (sample.timestamp + sample.duration <= 0) continue;
        const filled = this.sampler.push(sample.timestamp * 1000);
        if (filled.length === 0) continue;
        sample.draw(this.context, 0, 0, this.width, this.height);
        this.pending.push(...filled);
        return true;
      } finally {
        sample.close();
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.returned = null;
    this.pending.length = 0;
    // ends the decoder; a frame still on its way is closed by decodeNextSample
    this.samples.return(undefined).catch(() => undefined);
    this.input.dispose();
  }
}
