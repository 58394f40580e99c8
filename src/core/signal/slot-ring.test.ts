import { describe, expect, it } from 'vitest';
import { SlotRing } from './slot-ring.ts';

function ringOf(capacity: number): { ring: SlotRing<{ value: number }>; released: number[] } {
  const released: number[] = [];
  const ring = new SlotRing(capacity, () => ({ value: -1 }), (s) => released.push(s.value));
  return { ring, released };
}

const contents = (ring: SlotRing<{ value: number }>): number[] => Array.from({ length: ring.length }, (_, i) => ring.at(i).value);

describe('SlotRing', () => {
  it('keeps entries oldest first until it is full', () => {
    const { ring, released } = ringOf(3);
    for (const v of [1, 2]) ring.claim().value = v;
    expect(contents(ring)).toEqual([1, 2]);
    expect(released).toEqual([]);
  });

  it('drops and releases the oldest entry when a full ring claims another slot, reusing that slot object', () => {
    const { ring, released } = ringOf(3);
    for (const v of [1, 2, 3]) ring.claim().value = v;
    const oldestSlot = ring.at(0);
    const reused = ring.claim();
    expect(reused).toBe(oldestSlot);
    reused.value = 4;
    expect(released).toEqual([1]);
    expect(contents(ring)).toEqual([2, 3, 4]);
  });

  it('after many wraps still holds the last `capacity` entries in order', () => {
    const { ring } = ringOf(4);
    for (let v = 0; v < 103; v++) ring.claim().value = v;
    expect(contents(ring)).toEqual([99, 100, 101, 102]);
  });

  it('dropOldest releases one entry and clear releases every kept entry', () => {
    const { ring, released } = ringOf(4);
    for (const v of [1, 2, 3]) ring.claim().value = v;
    ring.dropOldest();
    expect(contents(ring)).toEqual([2, 3]);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(released).toEqual([1, 2, 3]);
    ring.dropOldest();
    expect(released).toEqual([1, 2, 3]);
  });

  it('refuses a read outside what it holds, and a capacity that is not a whole number >= 1', () => {
    const { ring } = ringOf(2);
    ring.claim().value = 1;
    expect(() => ring.at(1)).toThrow(/outside 0..0/);
    expect(() => new SlotRing(0, () => ({}))).toThrow(/whole number >= 1/);
    expect(() => new SlotRing(2.5, () => ({}))).toThrow(/whole number >= 1/);
  });
});
