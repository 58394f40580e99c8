/**
 * The live annotated recording: canvas frames -> WebCodecs VideoEncoder ->
 * each encoded packet into IndexedDB as it arrives (recording-db.ts) ->
 * at stop, the stored packets muxed into one file (mux.ts), no re-encoding.
 *
 * Memory stays bounded however long it records: a packet is held only until
 * its write commits, and a frame is dropped (not queued) while the encoder
 * is behind. Only when a write fails (the quota is used up, the database is
 * gone) are packets kept in memory from then on: the recording goes on, the
 * owner is told once (`onStorageProblem`), and `snapshot()` muxes what exists
 * (stored + kept) for an immediate download. Nothing recorded is dropped.
 *
 * Frames carry their own timestamps (the analysed frames' media time), so the
 * file's duration is the time recorded, whatever the frame rate was.
 */
import { isQuotaError } from '../app/storage/storage-errors.ts';
import type { RecordingMimeType } from './file-name.ts';
import { CONTAINER_OF, muxPackets, type MuxedRecording } from './mux.ts';
import { mergeBySeq } from './packet-stream.ts';
import type { RecordingCodec, RecordingMeta, RecordingStore, StoredDecoderConfig, StoredPacket } from './recording-db.ts';

/** How a codec is asked of WebCodecs. */
const CODEC_STRING: { readonly [C in RecordingCodec]: string } = { vp8: 'vp8', vp9: 'vp09.00.10.08', avc: 'avc1.42001f' };

/**
 * Codecs in the order they are tried. VP8 first: the cheapest to encode in
 * software (the machine is also running the pose model), in WebM, which every
 * browser plays; see the report of issue 9 for the measured alternatives.
 */
export const CODEC_PREFERENCE: readonly RecordingCodec[] = ['vp8', 'vp9', 'avc'];

/** A key frame at least this often: seeking lands close, and an interrupted recording loses no more than this before a gap. */
const KEY_FRAME_INTERVAL_US = 2_000_000;
/** Frames waiting in the encoder beyond this are dropped instead of queued (memory stays bounded on a slow machine). */
const MAX_ENCODE_QUEUE = 3;

/** Bits per second for a picture of this size at the analysed rate: ~0.1 bit per pixel per frame at 20 fps (about 1.8 Mbit/s at 720p). */
export function bitrateFor(width: number, height: number): number {
  return Math.round(Math.min(4_000_000, Math.max(300_000, width * height * 20 * 0.1)));
}

/** The first codec of `preference` this browser can encode at this size, or null. */
export async function encodableCodec(width: number, height: number, preference: readonly RecordingCodec[] = CODEC_PREFERENCE): Promise<RecordingCodec | null> {
  if (typeof VideoEncoder === 'undefined') return null;
  for (const codec of preference) {
    try {
      const { supported } = await VideoEncoder.isConfigSupported(encoderConfigOf(codec, width, height));
      if (supported) return codec;
    } catch {
      // a codec string this browser does not know: try the next
    }
  }
  return null;
}

function encoderConfigOf(codec: RecordingCodec, width: number, height: number): VideoEncoderConfig {
  const config: VideoEncoderConfig = { codec: CODEC_STRING[codec], width, height, bitrate: bitrateFor(width, height), framerate: 20, latencyMode: 'realtime' };
  if (codec === 'avc') config.avc = { format: 'avc' };
  return config;
}

/** A copy of the encoder's decoder config that IndexedDB can store. */
function storedConfigOf(config: VideoDecoderConfig, width: number, height: number): StoredDecoderConfig {
  const stored: { -readonly [K in keyof StoredDecoderConfig]: StoredDecoderConfig[K] } = {
    codec: config.codec,
    codedWidth: config.codedWidth ?? width,
    codedHeight: config.codedHeight ?? height,
  };
  const d = config.description;
  if (d) stored.description = ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice().buffer : new Uint8Array(d).slice().buffer;
  return stored;
}

export type StorageProblem = 'quota' | 'write-failed';

export interface LiveRecorderOptions {
  readonly sessionId: string;
  /** what is recorded, for the file name ("superman") */
  readonly what: string;
  /** when it started, ms since the epoch */
  readonly startedAtMs: number;
  readonly width: number;
  readonly height: number;
  /** null: no database (IndexedDB unavailable): everything is kept in memory from the start */
  readonly store: RecordingStore | null;
  /** called once, at the first failed write: the recording carries on in memory */
  readonly onStorageProblem?: (problem: StorageProblem, error: unknown) => void;
  /** called when the encoder fails: the recording stops; what is stored stays */
  readonly onEncoderError?: (error: unknown) => void;
  readonly codecs?: readonly RecordingCodec[];
  /** called once the recording is finished or abandoned (to release its lock) */
  readonly onClosed?: () => void;
}

/** The encoder is not available (no WebCodecs, or none of the codecs). */
export class NoEncoderError extends Error {
  override readonly name = 'NoEncoderError';
}

export class LiveRecorder {
  readonly codec: RecordingCodec;
  readonly mimeType: RecordingMimeType;
  private readonly encoder: VideoEncoder;
  private meta: RecordingMeta;
  private seq = 0;
  private firstUs = Number.NaN;
  private lastKeyUs = Number.NEGATIVE_INFINITY;
  private lastTimestampUs = 0;
  /** writes not yet committed (each resolves, never rejects) */
  private readonly pending = new Set<Promise<void>>();
  /** packets kept because a write failed; empty while storage works */
  private readonly kept: StoredPacket[] = [];
  private storageFailed = false;
  private closed = false;
  /** frames offered and encoded / dropped because the encoder was behind (for tests and the report) */
  framesEncoded = 0;
  framesDropped = 0;

  private constructor(
    private readonly options: LiveRecorderOptions,
    codec: RecordingCodec,
  ) {
    this.codec = codec;
    this.mimeType = CONTAINER_OF[codec];
    this.meta = {
      sessionId: options.sessionId,
      what: options.what,
      startedAt: new Date(options.startedAtMs).toISOString(),
      mimeType: this.mimeType,
      codec,
      width: options.width,
      height: options.height,
      state: 'recording',
      decoderConfig: null,
      durationMs: 0,
    };
    this.encoder = new VideoEncoder({
      output: (chunk, metadata) => this.onChunk(chunk, metadata),
      error: (err) => {
        this.closed = true;
        options.onEncoderError?.(err);
      },
    });
    this.encoder.configure(encoderConfigOf(codec, options.width, options.height));
  }

  /** Starts a recording of frames `width` x `height` (even numbers: see recordingSizeOf). */
  static async start(options: LiveRecorderOptions): Promise<LiveRecorder> {
    const codec = await encodableCodec(options.width, options.height, options.codecs);
    if (!codec) throw new NoEncoderError('this browser cannot encode video (WebCodecs VP8, VP9 or H.264)');
    const recorder = new LiveRecorder(options, codec);
    if (!options.store) recorder.failStorage('write-failed', new Error('no recordings database'));
    else recorder.track(recorder.writeMeta());
    return recorder;
  }

  /** what is recorded, for the file name */
  get what(): string {
    return this.options.what;
  }

  /** Time recorded so far: from the first frame to the latest. */
  get recordedMs(): number {
    return Number.isNaN(this.firstUs) ? 0 : this.lastTimestampUs / 1000;
  }

  /** Whether packets are being kept in memory because storage failed. */
  get inMemory(): boolean {
    return this.storageFailed;
  }

  /**
   * Encodes the canvas as the frame at `timestampMs` (any clock, ms; the
   * first frame is the recording's 0). A frame is dropped while the encoder
   * is behind, and one not later than the previous one is ignored.
   */
  addFrame(canvas: HTMLCanvasElement | OffscreenCanvas, timestampMs: number): void {
    if (this.closed) return;
    const us = Math.round(timestampMs * 1000);
    if (Number.isNaN(this.firstUs)) this.firstUs = us;
    const t = us - this.firstUs;
    if (this.framesEncoded > 0 && t <= this.lastTimestampUs) return;
    if (this.encoder.encodeQueueSize > MAX_ENCODE_QUEUE) {
      this.framesDropped++;
      return;
    }
    const frame = new VideoFrame(canvas, { timestamp: t });
    const keyFrame = t - this.lastKeyUs >= KEY_FRAME_INTERVAL_US;
    if (keyFrame) this.lastKeyUs = t;
    try {
      this.encoder.encode(frame, { keyFrame });
      this.framesEncoded++;
      this.lastTimestampUs = t;
    } finally {
      frame.close();
    }
  }

  private onChunk(chunk: EncodedVideoChunk, metadata: EncodedVideoChunkMetadata | undefined): void {
    if (metadata?.decoderConfig && !this.meta.decoderConfig) {
      this.meta = { ...this.meta, decoderConfig: storedConfigOf(metadata.decoderConfig, this.options.width, this.options.height) };
      this.track(this.writeMeta());
    }
    const data = new ArrayBuffer(chunk.byteLength);
    chunk.copyTo(data);
    const packet: StoredPacket = { sessionId: this.options.sessionId, seq: this.seq++, data, timestampUs: chunk.timestamp, key: chunk.type === 'key' };
    if (this.storageFailed || !this.options.store) {
      this.kept.push(packet);
      return;
    }
    const store = this.options.store;
    this.track(
      store.putPacket(packet).catch((err: unknown) => {
        this.kept.push(packet);
        // keep decode order for the muxer: a packet whose write failed late may follow later ones
        this.kept.sort((a, b) => a.seq - b.seq);
        this.failStorage(isQuotaError(err) ? 'quota' : 'write-failed', err);
      }),
    );
  }

  /** `evenAfterFailure`: the final meta is tried even after a failed write (a small write may still fit; else it stays 'recording' and is offered for recovery). */
  private async writeMeta(evenAfterFailure = false): Promise<void> {
    const store = this.options.store;
    if (!store || (this.storageFailed && !evenAfterFailure)) return;
    try {
      await store.putMeta(this.meta);
    } catch (err) {
      this.failStorage(isQuotaError(err) ? 'quota' : 'write-failed', err);
    }
  }

  private failStorage(problem: StorageProblem, err: unknown): void {
    if (this.storageFailed) return;
    this.storageFailed = true;
    this.options.onStorageProblem?.(problem, err);
  }

  private track(write: Promise<void>): void {
    const settled = write.catch(() => undefined);
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  private async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** What was recorded so far, muxed (stored packets and those kept in memory); the recording goes on. */
  async snapshot(onPacket?: (muxed: number) => void): Promise<MuxedRecording> {
    await this.settle();
    return this.mux(onPacket);
  }

  private async mux(onPacket?: (muxed: number) => void): Promise<MuxedRecording> {
    const config = this.meta.decoderConfig;
    if (!config) throw new Error('nothing was encoded yet');
    const store = this.options.store;
    const stored = store && this.meta.decoderConfig ? store.packets(this.options.sessionId) : emptyPackets();
    // a snapshot of the kept list: the recording may add to it while muxing
    return muxPackets(this.codec, config, mergeBySeq(stored, this.kept.slice()), onPacket);
  }

  /**
   * Stops: flushes the encoder, waits for every write, marks the recording
   * finished (with its duration) and muxes it. The file comes back whether
   * or not it could be stored.
   */
  async stop(onPacket?: (muxed: number) => void): Promise<MuxedRecording> {
    if (!this.closed) {
      this.closed = true;
      try {
        await this.encoder.flush();
      } finally {
        if (this.encoder.state !== 'closed') this.encoder.close();
      }
    }
    await this.settle();
    const muxed = await this.mux(onPacket);
    this.meta = { ...this.meta, state: 'finished', durationMs: muxed.durationMs };
    await this.writeMeta(true);
    this.options.onClosed?.();
    return muxed;
  }

  /** Stops without a file (the page is going away): what is stored stays, as an interrupted recording. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.encoder.state !== 'closed') this.encoder.close();
    this.options.onClosed?.();
  }
}

async function* emptyPackets(): AsyncGenerator<StoredPacket> {
  // nothing stored
}
