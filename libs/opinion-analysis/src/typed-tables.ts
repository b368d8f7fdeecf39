/**
 * Compact containers for clustering a million opinions: typed arrays instead of objects, so memory is
 * a few bytes per entry and the garbage collector has nothing to walk.
 */

const { floor, ceil, max } = Math;
const MAX_LOAD = 0.75;
const GROWTH = 1.5;

/** A copy of `array` with room for at least `length` elements (×1.5 growth), or `array` itself. */
export function ensureLength<T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(
  array: T,
  length: number,
): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(max(length, ceil(array.length * GROWTH), 16));
  next.set(array);
  return next;
}

/**
 * Open-addressing hash map from 32-bit keys to non-negative 31-bit values, in one Int32Array of
 * interleaved (key, value) pairs; value −1 marks an empty slot. Linear probing; the capacity is not a
 * power of two (it grows ×1.5 at load 0.75), so it holds 10–16 bytes per entry. Keys must already be
 * well-mixed hashes: the slot is taken from their top bits.
 */
export class U32Map {
  private slots: Int32Array;
  private capacity: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = max(16, initialCapacity);
    this.slots = new Int32Array(this.capacity * 2).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The value stored under `key`, or −1. */
  get(key: number): number {
    const k = key | 0;
    let slot = this.home(key);
    for (;;) {
      const value = this.slots[slot * 2 + 1]!;
      if (value === -1) return -1;
      if (this.slots[slot * 2] === k) return value;
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }

  /** Stores `value` under `key`, replacing any previous value. */
  set(key: number, value: number): void {
    if (this.count + 1 > this.capacity * MAX_LOAD) this.grow();
    const k = key | 0;
    let slot = this.home(key);
    for (;;) {
      const at = slot * 2;
      if (this.slots[at + 1] === -1) {
        this.slots[at] = k;
        this.slots[at + 1] = value;
        this.count += 1;
        return;
      }
      if (this.slots[at] === k) {
        this.slots[at + 1] = value;
        return;
      }
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }

  /** Adds `delta` to the value under `key` (0 when absent) and returns the new value. */
  add(key: number, delta: number): number {
    if (this.count + 1 > this.capacity * MAX_LOAD) this.grow();
    const k = key | 0;
    let slot = this.home(key);
    for (;;) {
      const at = slot * 2;
      const value = this.slots[at + 1]!;
      if (value === -1) {
        this.slots[at] = k;
        this.slots[at + 1] = delta;
        this.count += 1;
        return delta;
      }
      if (this.slots[at] === k) return (this.slots[at + 1] = value + delta);
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Fixed-point "fast range": the key's top 24 bits scaled to the capacity (exact in doubles). */
  private home(key: number): number {
    return floor(((key >>> 8) * this.capacity) / 16_777_216);
  }

  private grow(): void {
    const old = this.slots;
    this.capacity = ceil(this.capacity * GROWTH);
    this.slots = new Int32Array(this.capacity * 2).fill(-1);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== -1) this.set(old[at]! >>> 0, old[at + 1]!);
  }
}
