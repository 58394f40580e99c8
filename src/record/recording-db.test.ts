import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { muxPackets } from './mux.ts';
import { RecordingStore, type RecordingMeta, type StoredPacket } from './recording-db.ts';

let dbCount = 0;
const stores: RecordingStore[] = [];
async function freshStore(): Promise<RecordingStore> {
  const store = await RecordingStore.open(`recordings-test-${++dbCount}`);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const meta = (sessionId: string): RecordingMeta => ({
  sessionId,
  what: 'superman',
  startedAt: '2026-12-06T14:12:00.000Z',
  mimeType: 'video/webm',
  codec: 'vp8',
  width: 640,
  height: 360,
  state: 'recording',
  decoderConfig: { codec: 'vp8', codedWidth: 640, codedHeight: 360 },
  durationMs: 0,
});

const packet = (sessionId: string, seq: number): StoredPacket => ({
  sessionId,
  seq,
  data: new Uint8Array([seq & 0xff, 1, 2, 3]).buffer,
  timestampUs: seq * 50_000,
  key: seq % 40 === 0,
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('RecordingStore', () => {
  it('gives back a recording’s packets in decode order, bytes intact, page after page', async () => {
    const store = await freshStore();
    await store.putMeta(meta('a'));
    // written out of order, and another recording's packets in between
    for (const seq of [2, 0, 1, 4, 3]) await store.putPacket(packet('a', seq));
    await store.putPacket(packet('b', 0));
    const read = await all(store.packets('a', 2));
    expect(read.map((p) => p.seq)).toEqual([0, 1, 2, 3, 4]);
    expect([...new Uint8Array(read[3]?.data ?? new ArrayBuffer(0))]).toEqual([3, 1, 2, 3]);
    expect(await store.packetCount('a')).toBe(5);
    expect((await store.lastPacket('a'))?.seq).toBe(4);
  });

  it('deletes one recording with its packets and leaves the others', async () => {
    const store = await freshStore();
    await store.putMeta(meta('a'));
    await store.putMeta(meta('b'));
    await store.putPacket(packet('a', 0));
    await store.putPacket(packet('b', 0));
    await store.delete('a');
    expect(await store.meta('a')).toBeUndefined();
    expect(await store.packetCount('a')).toBe(0);
    expect(await store.packetCount('b')).toBe(1);
    await store.deleteAll();
    expect(await store.allMeta()).toEqual([]);
    expect(await store.packetCount('b')).toBe(0);
  });

  it('keeps what was written when the page reloads (a new connection reads it)', async () => {
    const first = await RecordingStore.open('recordings-reload');
    await first.putMeta(meta('a'));
    await first.putPacket(packet('a', 0));
    first.close();
    const second = await RecordingStore.open('recordings-reload');
    stores.push(second);
    expect((await second.meta('a'))?.state).toBe('recording');
    expect(await second.packetCount('a')).toBe(1);
  });
});

describe('muxPackets', () => {
  it('writes a WebM whose duration runs from the first frame to the end of the last, from stored packets without re-encoding', async () => {
    const store = await freshStore();
    for (let seq = 0; seq < 200; seq++) await store.putPacket(packet('a', seq));
    let progress = 0;
    const muxed = await muxPackets('vp8', meta('a').decoderConfig!, store.packets('a'), (n) => (progress = n));
    expect(muxed.mimeType).toBe('video/webm');
    expect(muxed.packetCount).toBe(200);
    expect(progress).toBe(200);
    expect(muxed.durationMs).toBeCloseTo(10_000, 6);
    // EBML magic: a Matroska/WebM file
    expect([...new Uint8Array(await muxed.blob.slice(0, 4).arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  });
});
