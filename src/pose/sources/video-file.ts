/**
 * A local video file as a frame source, decoded frame by frame with WebCodecs
 * (through mediabunny: demux in JavaScript, decode in the browser's
 * VideoDecoder) and sampled by the rule the CLI uses too
 * (src/core/frame-sampling.ts): sample n is stamped n * 1000 / fps ms and its
 * image is the first frame at or after that time. Frames are decoded only as
 * fast as the pipeline asks for them (`next()` pulls), so every sample is
 * analysed however slow or busy the machine, and as fast as the model allows
 * (no playback clock). Each selected frame's 4:2:0 pixels are converted to
 * the model's image by src/core/frame-pixels.ts, as in the CLI (same size,
 * same scaler, same colour matrix: the same decoded frame gives the same
 * pixels on both edges); frames in another layout, rotated or with
 * non-square pixels are drawn through a canvas instead (close, not identical).
 * One ImageData is the model's input; every decoded frame is closed as soon
 * as it has been converted or skipped.
 */
import { ALL_FORMATS, BlobSource, Input, VideoSampleSink, type InputVideoTrack, type VideoSample } from 'mediabunny';
import { ANALYSIS_FPS, FrameSampler, scaledSize } from '../../core/frame-sampling.ts';
import { yuvMatrixOf, yuvToRgb, type YuvFrame, type YuvMatrix } from '../../core/frame-pixels.ts';
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
  /** the model's input: rgba at the analysed size */
  private readonly image: ImageData;
  private yuv = new Uint8Array(0);
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
    private readonly matrix: YuvMatrix,
    private readonly fullRange: boolean,
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
    this.image = new ImageData(width, height);
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
      const [first, end, width, height, colour] = await Promise.all([
        track.getFirstTimestamp(),
        track.computeDuration(),
        track.getDisplayWidth(),
        track.getDisplayHeight(),
        track.getColorSpace(),
      ]);
      if (!(end > first) || width === 0 || height === 0) throw new SourceError('video-file', `${file.name} has no playable video`);
      const size = scaledSize(width, height);
      const matrix = yuvMatrixOf(colour.matrix, height);
      return new VideoFileSource(input, track, file.name, (end - first) * 1000, size.width, size.height, options.fps ?? ANALYSIS_FPS, matrix, colour.fullRange ?? false);
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
    return { image: this.image, timestampMs: this.lastTimestampMs };
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
        await this.convert(sample);
        this.pending.push(...filled);
        return true;
      } finally {
        sample.close();
      }
    }
  }

  /** The sample's pixels into `image`: the CLI's conversion for plain 4:2:0 frames, a canvas otherwise. */
  private async convert(sample: VideoSample): Promise<void> {
    const { width, height } = sample.visibleRect;
    const plain = (sample.format === 'I420' || sample.format === 'NV12') && sample.rotation === 0 && !sample.flip && sample.squarePixelWidth === width;
    if (plain) {
      const bytes = sample.allocationSize();
      if (this.yuv.length < bytes) this.yuv = new Uint8Array(bytes);
      const planes = await sample.copyTo(this.yuv);
      const [y, u, v] = planes;
      if (y && u && (v || sample.format === 'NV12')) {
        const frame: YuvFrame = {
          width,
          height,
          data: this.yuv,
          yOffset: y.offset,
          yStride: y.stride,
          uOffset: u.offset,
          vOffset: sample.format === 'NV12' ? u.offset + 1 : (v?.offset ?? 0),
          uvStride: u.stride,
          uvStep: sample.format === 'NV12' ? 2 : 1,
        };
        yuvToRgb(frame, this.matrix, this.fullRange, this.width, this.height, this.image.data, 4);
        return;
      }
    }
    sample.draw(this.context, 0, 0, this.width, this.height);
    this.image.data.set(this.context.getImageData(0, 0, this.width, this.height).data);
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
