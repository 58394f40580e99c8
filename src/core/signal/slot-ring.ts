/**
 * A ring of preallocated slots, oldest first: the per-frame buffers
 * (the engine's look-back history, demo mode's rolling buffer and its event
 * ring) claim a slot and overwrite it instead of allocating a new object per
 * frame. When the ring is full, claiming drops the oldest slot.
 */
export class SlotRing<S> {
  readonly capacity: number;
  private readonly slots: S[];
  private start = 0;
  private size = 0;

  /** `release` is called on a slot as it falls out (drop, clear), to let go of what it references */
  constructor(
    capacity: number,
    makeSlot: (index: number) => S,
    private readonly release: (slot: S) => void = () => {},
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`SlotRing: capacity must be a whole number >= 1, got ${capacity}`);
    this.capacity = capacity;
    this.slots = Array.from({ length: capacity }, (_, i) => makeSlot(i));
  }

  get length(): number {
    return this.size;
  }

  /** The slot to write the newest entry into; when full, the oldest slot is released and reused. */
  claim(): S {
    const i = (this.start + this.size) % this.capacity;
    if (this.size === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
      this.release(this.slots[i]!);
    } else {
      this.size++;
    }
    return this.slots[i]!;
  }

  /** The i-th oldest slot kept (0 = oldest). */
  at(i: number): S {
    if (!(Number.isInteger(i) && i >= 0 && i < this.size)) throw new RangeError(`SlotRing.at: ${i} outside 0..${this.size - 1}`);
    return this.slots[(this.start + i) % this.capacity]!;
  }

  /** Releases and forgets the oldest slot (no-op when empty). */
  dropOldest(): void {
    if (this.size === 0) return;
    this.release(this.slots[this.start]!);
    this.start = (this.start + 1) % this.capacity;
    this.size--;
  }

  /** Releases every slot kept and empties the ring. */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.release(this.slots[(this.start + k) % this.capacity]!);
    this.start = 0;
    this.size = 0;
  }
}
