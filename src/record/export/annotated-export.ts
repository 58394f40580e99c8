/**
 * The annotated export of an analysed video file: the clip decoded frame by
 * frame (WebCodecs through mediabunny, as src/pose/sources/video-file.ts
 * reads it), each frame composited with the overlay of the stored keypoint
 * track replayed through the engine (track-replay.ts: the pose model does not
 * run again), and encoded frame by frame into a new file: WebM (VP9, else
 * VP8), or MP4 (H.264) where the browser encodes neither. Nothing waits on a
 * clock: it runs as fast as decoder and encoder allow.
 *
 * Frames: the clip's own rate up to `maxFps` (30 by default); a faster clip
 * keeps the frames the sampling rule of src/core/frame-sampling.ts picks at
 * that rate (every 2nd of 60 fps), each at its own time, so the export lasts
 * as long as the clip. Size: the clip's display aspect at no more pixels
 * than it decodes to, at most `maxLongSide` (1280) on its long side.
 *
 * Every decoded frame is closed as soon as it is drawn or skipped; cancelling
 * (the signal) or a failure cancels the output, stops the decoder and
 * disposes of the input, so nothing is left holding video memory.
 */
import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  CanvasSource,
  Input,
  Mp4OutputFormat,
  Output,
  Quality,
  VideoSampleSink,
  WebMOutputFormat,
  getFirstEncodableVideoCodec,
  type InputVideoTrack,
  type VideoCodec,
  type VideoSample,
} from 'mediabunny';
import type { ExerciseChecker } from '../../core/engine/checker.ts';
import { FrameSampler } from '../../core/frame-sampling.ts';
import type { KeypointTrack } from '../../core/track.ts';
import { AnnotatedFrameCompositor, recordingSizeOf } from '../annotated-frame.ts';
import type { Context2D } from '../../app/draw/arcs.ts';
import { overlayOfReplay, type OverlayTexts } from './overlay-of-replay.ts';
import { TrackReplay } from './track-replay.ts';

/** Why an export could not be made; the UI says each in the user's language. */
export type ExportProblem = 'no-webcodecs' | 'unreadable' | 'cannot-decode' | 'cannot-encode' | 'failed';

export class ExportError extends Error {
  constructor(
    readonly problem: ExportProblem,
    /** what the browser said, for the message's detail */
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'ExportError';
  }
}

export interface AnnotatedExportRequest {
  readonly file: File;
  readonly track: KeypointTrack;
  /** a fresh checker for the set's exercise, variant and model (createChecker) */
  readonly checker: ExerciseChecker;
  readonly texts: OverlayTexts;
  readonly maxFps?: number;
  readonly maxLongSide?: number;
  readonly signal?: AbortSignal;
  /** 0..1, the share of the clip done; called after each encoded frame */
  readonly onProgress?: (fraction: number) => void;
}

export interface AnnotatedExportResult {
  readonly blob: Blob;
  /** 'webm' or 'mp4' */
  readonly extension: string;
  readonly codec: VideoCodec;
  readonly width: number;
  readonly height: number;
  /** frames encoded */
  readonly frames: number;
  /** the clip's length, first to last frame plus one frame, ms */
  readonly durationMs: number;
  /** wall-clock time the export took, ms */
  readonly elapsedMs: number;
  /** where that time went, ms: waiting for decoded frames, drawing the annotated frames, waiting for the encoder and muxer */
  readonly phasesMs: { readonly decode: number; readonly draw: number; readonly encode: number };
}

export const EXPORT_MAX_FPS = 30;
export const EXPORT_MAX_LONG_SIDE = 1280;
const KEY_FRAME_INTERVAL_S = 2;
/**
 * The export's bitrate: 2.5 Mbit/s for 1280 x 720 at 30 fps, scaled by
 * pixels (640 x 480 gets 0.93 Mbit/s), at least 0.8 Mbit/s: sharp text
 * and skeleton in VP9, a few MB a minute. The qualitative levels encode at
 * a fixed quantizer in Chromium instead, which gave 5-8 Mbit/s for a 480p
 * clip, far more than a review copy needs.
 */
/** What the export's size depends on: the track's display size (after rotation and pixel aspect), its coded size, its rotation. */
export interface SourceGeometry {
  readonly displayWidth: number;
  readonly displayHeight: number;
  readonly codedWidth: number;
  readonly codedHeight: number;
  /** clockwise degrees */
  readonly rotation: number;
}

/**
 * The export's size: the display's aspect ratio, never more pixels along a
 * side than the clip decodes to (non-square pixels are narrowed, not
 * stretched: 1280 x 720 shown at 521:414 exports at 906 x 720, not
 * 1280 x 1018), at most `maxLongSide` on the long side, both even.
 */
export function exportSizeOf(source: SourceGeometry, maxLongSide: number = EXPORT_MAX_LONG_SIDE): { width: number; height: number } {
  const quarterTurn = Math.abs(Math.round(source.rotation / 90)) % 2 === 1;
  const codedAcross = quarterTurn ? source.codedHeight : source.codedWidth;
  const codedDown = quarterTurn ? source.codedWidth : source.codedHeight;
  const scale = Math.min(1, codedAcross / source.displayWidth, codedDown / source.displayHeight);
  return recordingSizeOf(source.displayWidth * scale, source.displayHeight * scale, maxLongSide);
}

const REFERENCE_BITRATE = 2_500_000;
const MIN_BITRATE = 800_000;
export function exportBitrate(width: number, height: number, frameRate: number): number {
  const pixels = (width * height) / (1280 * 720);
  const rate = Math.min(1, frameRate / 30);
  return Math.max(MIN_BITRATE, Math.round((REFERENCE_BITRATE * Math.pow(pixels, 0.9) * rate) / 1000) * 1000);
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface Encoding {
  readonly codec: VideoCodec;
  readonly output: Output;
  readonly target: BufferTarget;
  readonly extension: string;
  readonly mimeType: string;
}

/** VP9 or VP8 in WebM where the browser encodes them, else H.264 in MP4. */
async function chooseEncoding(width: number, height: number, frameRate: number, quality: Quality): Promise<Encoding> {
  const options = { width, height, frameRate, quality };
  let codec: VideoCodec | null;
  try {
    codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], options);
    if (codec) {
      const target = new BufferTarget();
      const format = new WebMOutputFormat();
      return { codec, target, output: new Output({ format, target }), extension: 'webm', mimeType: format.mimeType };
    }
    codec = await getFirstEncodableVideoCodec(['avc'], options);
  } catch (err) {
    throw new ExportError('cannot-encode', detailOf(err));
  }
  if (!codec) throw new ExportError('cannot-encode', `no VP9, VP8 or H.264 encoder for ${width} x ${height}`);
  const target = new BufferTarget();
  const format = new Mp4OutputFormat({ fastStart: 'in-memory' });
  return { codec, target, output: new Output({ format, target }), extension: 'mp4', mimeType: format.mimeType };
}

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement | OffscreenCanvas; ctx: Context2D } {
  const none = (): never => {
    throw new ExportError('failed', 'the browser has no 2D canvas to draw the frames into');
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, ctx: canvas.getContext('2d', { alpha: false }) ?? none() };
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  return { canvas, ctx: canvas.getContext('2d', { alpha: false }) ?? none() };
}

async function openTrack(input: Input, file: File): Promise<InputVideoTrack> {
  let track: InputVideoTrack | null;
  try {
    track = await input.getPrimaryVideoTrack();
  } catch (err) {
    throw new ExportError('unreadable', `${file.name}: ${detailOf(err)}`);
  }
  if (!track) throw new ExportError('unreadable', `${file.name} has no video track`);
  if (!(await track.canDecode())) throw new ExportError('cannot-decode', `${(await track.getCodec()) ?? 'unknown codec'} in ${file.name}`);
  return track;
}

/** Decodes, composites and encodes; rejects with an ExportError, or with the signal's reason when cancelled. */
export async function exportAnnotatedVideo(request: AnnotatedExportRequest): Promise<AnnotatedExportResult> {
  const started = performance.now();
  const { file, signal } = request;
  if (typeof VideoDecoder === 'undefined' || typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') {
    throw new ExportError('no-webcodecs', 'VideoDecoder/VideoEncoder');
  }
  signal?.throwIfAborted();
  const input = new Input({ formats: ALL_FORMATS, source: new BlobSource(file) });
  let encoding: Encoding | null = null;
  let samples: AsyncGenerator<VideoSample, void, unknown> | null = null;
  let finished = false;
  try {
    const videoTrack = await openTrack(input, file);
    const [first, end, displayWidth, displayHeight, codedWidth, codedHeight, rotation, stats] = await Promise.all([
      videoTrack.getFirstTimestamp(),
      videoTrack.computeDuration(),
      videoTrack.getDisplayWidth(),
      videoTrack.getDisplayHeight(),
      videoTrack.getCodedWidth(),
      videoTrack.getCodedHeight(),
      videoTrack.getRotation(),
      videoTrack.computePacketStats(120),
    ]);
    if (!(end > first) || displayWidth === 0 || displayHeight === 0) throw new ExportError('unreadable', `${file.name} has no playable video`);
    const maxFps = request.maxFps ?? EXPORT_MAX_FPS;
    const frameRate = Math.min(maxFps, stats.averagePacketRate > 0 ? stats.averagePacketRate : maxFps);
    const size = exportSizeOf({ displayWidth, displayHeight, codedWidth, codedHeight, rotation }, request.maxLongSide ?? EXPORT_MAX_LONG_SIDE);
    const durationMs = (end - first) * 1000;

    const quality = new Quality({ bitrate: exportBitrate(size.width, size.height, frameRate), bitrateMode: 'variable' });
    encoding = await chooseEncoding(size.width, size.height, frameRate, quality);
    const { canvas, ctx } = canvasOf(size.width, size.height);
    const compositor = new AnnotatedFrameCompositor(ctx);
    const source = new CanvasSource(canvas, { codec: encoding.codec, quality, keyFrameInterval: KEY_FRAME_INTERVAL_S, latencyMode: 'quality' });
    encoding.output.addVideoTrack(source, { frameRate });
    await encoding.output.start();

    const replay = new TrackReplay(request.track, request.checker);
    const sampler = new FrameSampler(maxFps);
    const frameS = 1 / frameRate;
    // rotated or flipped frames are drawn upright through a canvas of their own; the others go straight in
    // (stretched to the canvas, which has the display's aspect ratio: non-square pixels come out right)
    let upright: { canvas: HTMLCanvasElement | OffscreenCanvas; ctx: Context2D } | null = null;
    let originS: number | null = null;
    let frames = 0;
    const phasesMs = { decode: 0, draw: 0, encode: 0 };
    let clock = performance.now();
    /** adds the time since the last lap to `phase` */
    const lap = (phase: keyof typeof phasesMs): void => {
      const now = performance.now();
      phasesMs[phase] += now - clock;
      clock = now;
    };
    samples = new VideoSampleSink(videoTrack).samples();
    for (;;) {
      let next: IteratorResult<VideoSample, void>;
      try {
        lap('draw');
        next = await samples.next();
        lap('decode');
      } catch (err) {
        signal?.throwIfAborted();
        throw new ExportError('cannot-decode', detailOf(err));
      }
      if (next.done) break;
      const sample = next.value;
      /** the drawn frame's time in the output, s; null: this frame is skipped */
      let atS: number | null = null;
      try {
        signal?.throwIfAborted();
        // frames that end before time 0 (edit-list pre-roll) are not meant to be shown
        if (sample.timestamp + sample.duration <= 0) continue;
        originS ??= sample.timestamp;
        const offsetS = sample.timestamp - originS;
        if (sampler.push(sample.timestamp * 1000).length === 0) continue;
        const state = replay.update(offsetS * 1000);
        const plain = sample.rotation === 0 && !sample.flip;
        if (plain) {
          compositor.draw(sample.toCanvasImageSource(), overlayOfReplay(state, request.texts));
        } else {
          upright ??= canvasOf(size.width, size.height);
          sample.drawWithFit(upright.ctx, { fit: 'fill' });
          compositor.draw(upright.canvas, overlayOfReplay(state, request.texts));
        }
        atS = offsetS;
      } finally {
        sample.close();
      }
      if (atS === null) continue;
      lap('draw');
      // the canvas is captured at once; the promise waits for the encoder and the muxer to keep up
      await source.add(atS, frameS);
      lap('encode');
      frames++;
      request.onProgress?.(durationMs > 0 ? Math.min(1, (atS * 1000) / durationMs) : 0);
    }
    signal?.throwIfAborted();
    if (frames === 0) throw new ExportError('cannot-decode', `no frame of ${file.name} could be decoded`);
    lap('draw');
    source.close();
    await encoding.output.finalize();
    lap('encode');
    finished = true;
    const buffer = encoding.target.buffer;
    if (!buffer) throw new ExportError('failed', 'the encoder produced no file');
    request.onProgress?.(1);
    return {
      blob: new Blob([buffer], { type: encoding.mimeType }),
      extension: encoding.extension,
      codec: encoding.codec,
      width: size.width,
      height: size.height,
      frames,
      durationMs: durationMs + frameS * 1000,
      elapsedMs: performance.now() - started,
      phasesMs,
    };
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (err instanceof ExportError) throw err;
    throw new ExportError('failed', detailOf(err));
  } finally {
    // the decoder stops, the output is dropped (its memory freed), the file is let go
    if (samples) await samples.return(undefined).catch(() => undefined);
    if (encoding && !finished && encoding.output.state !== 'pending') await encoding.output.cancel().catch(() => undefined);
    input.dispose();
  }
}
