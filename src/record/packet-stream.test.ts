import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAME_US, durationMsOf, mergeBySeq, playablePrefix, withDurations, type PacketLike } from './packet-stream.ts';

const packet = (seq: number, timestampUs = seq * 50_000, key = seq % 40 === 0): PacketLike => ({ seq, timestampUs, key });

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe('playablePrefix', () => {
  it('keeps an unbroken recording whole', async () => {
    const packets = [0, 1, 2, 3].map((s) => packet(s));
    expect(await all(playablePrefix(packets))).toEqual(packets);
  });
  it('stops at the first gap: a frame decoded against a missing one would be corrupt', async () => {
    const seqs = (await all(playablePrefix([0, 1, 2, 4, 5].map((s) => packet(s))))).map((p) => p.seq);
    expect(seqs).toEqual([0, 1, 2]);
  });
  it('gives nothing when the first stored packet is not a key frame', async () => {
    expect(await all(playablePrefix([packet(0, 0, false), packet(1)]))).toEqual([]);
  });
});

describe('mergeBySeq', () => {
  it('puts packets kept in memory after a failed write back among the stored ones, in decode order', async () => {
    const stored = [0, 1, 3, 4].map((s) => packet(s));
    const kept = [2, 5, 6].map((s) => packet(s));
    expect((await all(mergeBySeq(stream(stored), kept))).map((p) => p.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('gives a packet that is both stored and kept once', async () => {
    expect((await all(mergeBySeq(stream([packet(0), packet(1)]), [packet(1), packet(2)]))).map((p) => p.seq)).toEqual([0, 1, 2]);
  });
  it('gives the kept packets alone when nothing was stored', async () => {
    expect((await all(mergeBySeq(stream([]), [packet(0), packet(1)]))).map((p) => p.seq)).toEqual([0, 1]);
  });
});

describe('withDurations', () => {
  it('lasts each frame until the next, and the last as long as the one before it', async () => {
    const timed = await all(withDurations(stream([packet(0, 0), packet(1, 40_000), packet(2, 100_000)])));
    expect(timed.map((t) => t.durationUs)).toEqual([40_000, 60_000, 60_000]);
  });
  it('gives a lone frame one frame at the default rate', async () => {
    expect((await all(withDurations(stream([packet(0, 0)])))).map((t) => t.durationUs)).toEqual([DEFAULT_FRAME_US]);
  });
});

describe('durationMsOf', () => {
  it('is the last timestamp plus one frame', () => {
    expect(durationMsOf(9_950_000, 50_000)).toBe(10_000);
  });
});
