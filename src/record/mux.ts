/**
 * Stored packets -> a finished video file, without re-encoding: mediabunny's
 * muxer writes WebM (VP8/VP9) or MP4 (H.264) with the duration in the header
 * and a seek index (WebM Cues, MP4 sample tables), because its target is a
 * seekable buffer (not append-only).
 */
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import type { RecordingMimeType } from './file-name.ts';
import { playablePrefix, withDurations, type PacketLike } from './packet-stream.ts';
import type { RecordingCodec, StoredDecoderConfig } from './recording-db.ts';

export interface MuxablePacket extends PacketLike {
  readonly data: ArrayBuffer;
}

export interface MuxedRecording {
  readonly blob: Blob;
  readonly mimeType: RecordingMimeType;
  /** from the first frame to the end of the last, as the file's header says */
  readonly durationMs: number;
  readonly packetCount: number;
}

/** The container each codec is recorded in. */
export const CONTAINER_OF: { readonly [C in RecordingCodec]: RecordingMimeType } = { vp8: 'video/webm', vp9: 'video/webm', avc: 'video/mp4' };

/** No packet could be muxed: nothing playable was stored (the recording was interrupted before its first frame). */
export class NothingRecordedError extends Error {
  override readonly name = 'NothingRecordedError';
  constructor() {
    super('nothing playable was recorded');
  }
}

function decoderConfigOf(stored: StoredDecoderConfig): VideoDecoderConfig {
  const config: VideoDecoderConfig = { codec: stored.codec, codedWidth: stored.codedWidth, codedHeight: stored.codedHeight };
  if (stored.description) config.description = stored.description;
  return config;
}

/**
 * Muxes `packets` (in decode order; only the playable prefix is used: see
 * packet-stream.ts) into one file. `onPacket` is told how many were muxed so
 * far (for a progress bar).
 */
export async function muxPackets(
  codec: RecordingCodec,
  decoderConfig: StoredDecoderConfig,
  packets: AsyncIterable<MuxablePacket> | Iterable<MuxablePacket>,
  onPacket?: (muxed: number) => void,
): Promise<MuxedRecording> {
  const mimeType = CONTAINER_OF[codec];
  const target = new BufferTarget();
  const output = new Output({ format: mimeType === 'video/webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const source = new EncodedVideoPacketSource(codec);
  output.addVideoTrack(source);
  await output.start();
  let count = 0;
  let endUs = 0;
  for await (const { packet, durationUs } of withDurations(playablePrefix(packets))) {
    const encoded = new EncodedPacket(new Uint8Array(packet.data), packet.key ? 'key' : 'delta', packet.timestampUs / 1e6, durationUs / 1e6);
    await source.add(encoded, count === 0 ? { decoderConfig: decoderConfigOf(decoderConfig) } : undefined);
    endUs = packet.timestampUs + durationUs;
    count++;
    onPacket?.(count);
  }
  if (count === 0) {
    await output.cancel();
    throw new NothingRecordedError();
  }
  source.close();
  await output.finalize();
  const buffer = target.buffer;
  if (!buffer) throw new Error('the muxer finished without a file');
  return { blob: new Blob([buffer], { type: mimeType }), mimeType, durationMs: endUs / 1000, packetCount: count };
}
