/**
 * Packet bookkeeping between the store and the muxer, pure (no DOM, no
 * IndexedDB): which stored packets make a playable stream, in which order,
 * and how long each one lasts.
 */

/** What these helpers read of a packet. */
export interface PacketLike {
  /** decode order from 0 */
  readonly seq: number;
  /** presentation time from the recording's start, microseconds */
  readonly timestampUs: number;
  readonly key: boolean;
}

/** The shown frame rate assumed for a recording's one and only packet. */
export const DEFAULT_FRAME_US = 1_000_000 / 15;

/**
 * The playable prefix of a recording: from seq 0 (a key frame) up to the
 * first gap in the sequence. A packet after a gap would be decoded against a
 * frame that is not there (a crash can leave one uncommitted while a later
 * one was committed): it and everything after it is left out, instead of
 * showing corrupt frames. Nothing at all when the first packet is missing or
 * not a key frame.
 */
export async function* playablePrefix<P extends PacketLike>(packets: AsyncIterable<P> | Iterable<P>): AsyncGenerator<P> {
  let expected = 0;
  for await (const p of packets) {
    if (p.seq !== expected || (expected === 0 && !p.key)) return;
    expected++;
    yield p;
  }
}

/**
 * Two streams in seq order merged into one (the stored packets and those
 * kept in memory after a failed write); a seq in both is given once.
 */
export async function* mergeBySeq<P extends PacketLike>(stored: AsyncIterable<P>, kept: readonly P[]): AsyncGenerator<P> {
  let i = 0;
  for await (const p of stored) {
    for (let k = kept[i]; k && k.seq < p.seq; k = kept[++i]) yield k;
    if (kept[i]?.seq === p.seq) i++;
    yield p;
  }
  for (; i < kept.length; i++) {
    const k = kept[i];
    if (k) yield k;
  }
}

/**
 * Each packet with its duration: up to the next packet's timestamp (frames
 * come at the analysed rate, which varies), the last one as long as the one
 * before it. So the file lasts from the first frame to the end of the last.
 */
export async function* withDurations<P extends PacketLike>(packets: AsyncIterable<P>): AsyncGenerator<{ packet: P; durationUs: number }> {
  let previous: P | undefined;
  let lastDurationUs = DEFAULT_FRAME_US;
  for await (const p of packets) {
    if (previous) {
      lastDurationUs = Math.max(1, p.timestampUs - previous.timestampUs);
      yield { packet: previous, durationUs: lastDurationUs };
    }
    previous = p;
  }
  if (previous) yield { packet: previous, durationUs: lastDurationUs };
}

/** The recording's duration once its last packet is known: last timestamp plus one frame. */
export function durationMsOf(lastTimestampUs: number, frameUs = DEFAULT_FRAME_US): number {
  return (lastTimestampUs + frameUs) / 1000;
}
