/**
 * Compact string bookkeeping for lists that grow with the month (one entry per call): a
 * Map<string, number> costs ~90 bytes an entry in V8 (the key string, the entry, the table's
 * spare room), which at a million calls is most of the memory budget. These keep the bytes in
 * typed arrays instead.
 */

/** A list of strings read by position: a plain array, or PackedStrings. */
export interface StringList extends Iterable<string> {
  readonly length: number;
  at(index: number): string | undefined;
  slice(start?: number, end?: number): string[];
}

/** Strings stored back to back as UTF-8 in one growing buffer: ~5 bytes of overhead each. */
export class PackedStrings implements StringList {
  private bytes = Buffer.allocUnsafe(1 << 12);
  private used = 0;
  /** Entry i is bytes[ends[i-1] (or 0), ends[i]). */
  private ends = new Uint32Array(256);
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Append `text`; its entry number. */
  push(text: string): number {
    const size = Buffer.byteLength(text);
    if (this.used + size > this.bytes.length) this.bytes = grown(this.bytes, this.used + size);
    this.bytes.write(text, this.used);
    return this.close(size);
  }

  at(index: number): string | undefined {
    if (index < 0) index += this.count;
    if (index < 0 || index >= this.count) return undefined;
    return this.bytes.toString('utf8', this.start(index), this.ends[index]);
  }

  /** As Array.prototype.slice (negative positions count from the end). */
  slice(start = 0, end = this.count): string[] {
    const from = start < 0 ? Math.max(0, this.count + start) : Math.min(start, this.count);
    const to = end < 0 ? Math.max(0, this.count + end) : Math.min(end, this.count);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i) as string);
    return out;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as string;
  }

  /**
   * The same strings in code-unit order (byteOrder, what `<` gives for JS strings), compared as
   * bytes: no string is decoded, so a million paths sort without a million strings on the heap,
   * and the bytes are not copied (a view through a permutation).
   */
  sorted(): StringList {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => this.compare(a, b));
    return new PermutedStrings(this, order);
  }

  /** The entry just written at bytes[used, used + size) ends there. */
  private close(size: number): number {
    this.used += size;
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1);
    this.ends[this.count] = this.used;
    return this.count++;
  }

  private start(entry: number): number {
    return entry === 0 ? 0 : (this.ends[entry - 1] as number);
  }

  private compare(a: number, b: number): number {
    const bytes = this.bytes;
    const endA = this.ends[a] as number;
    const endB = this.ends[b] as number;
    let i = this.start(a);
    let j = this.start(b);
    for (; i < endA && j < endB; i++, j++) {
      const x = bytes[i] as number;
      const y = bytes[j] as number;
      if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
    }
    return endA - i - (endB - j);
  }
}

/** A list read through a permutation of another's entries (PackedStrings.sorted). */
class PermutedStrings implements StringList {
  constructor(
    private readonly list: StringList,
    private readonly order: Uint32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(index: number): string | undefined {
    const entry = this.order.at(index);
    return entry === undefined ? undefined : this.list.at(entry);
  }

  slice(start = 0, end = this.length): string[] {
    return Array.from(this.order.subarray(start, end), (entry) => this.list.at(entry) as string);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const entry of this.order) yield this.list.at(entry) as string;
  }
}

/**
 * UTF-8 bytes sort like code points; JS strings sort by UTF-16 code units, where a character
 * beyond U+FFFF (a surrogate pair, D800–DFFF; UTF-8 lead bytes F0–F4) comes before U+E000–U+FFFF
 * (lead bytes EE, EF). The first differing byte of two strings with a common prefix is at the
 * same place in a character on both sides, so ranking lead bytes is enough.
 */
function codeUnitRank(byte: number): number {
  return byte >= 0xf0 ? 0xed + (byte - 0xef) / 8 : byte;
}

/**
 * A hash index over keys the caller stores elsewhere: it maps a string to a number (an entry of
 * the caller's list) and confirms a hash match by asking the caller for that entry's key, so it
 * keeps 8 bytes a slot and no strings. Open addressing, linear probing, at most half full.
 */
export class StringIndex {
  /** Per slot: the value + 1 (0 = empty), and the key's hash. */
  private values = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private size = 0;

  constructor(private readonly keyOf: (value: number) => string) {}

  /** The value stored for `key`, or -1. */
  get(key: string): number {
    const hash = hashOf(key);
    const mask = this.values.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const value = (this.values[slot] as number) - 1;
      if (value < 0) return -1;
      if (this.hashes[slot] === hash && this.keyOf(value) === key) return value;
    }
  }

  /** Store `value` (a non-negative int32) for a key not in the index. */
  add(key: string, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.rehash();
    this.place(hashOf(key), value + 1);
    this.size++;
  }

  private place(hash: number, stored: number): void {
    const mask = this.values.length - 1;
    let slot = hash & mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    this.values[slot] = stored;
    this.hashes[slot] = hash;
  }

  private rehash(): void {
    const { values, hashes } = this;
    this.values = new Int32Array(values.length * 2);
    this.hashes = new Int32Array(values.length * 2);
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] !== 0) this.place(hashes[slot] as number, values[slot] as number);
    }
  }
}

/** FNV-1a over UTF-16 code units, with a final mix so that linear probing sees spread low bits. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** A copy of `array` with room for at least `needed` items (doubling). */
export function grown<T extends Buffer | Uint32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = (array instanceof Buffer ? Buffer.allocUnsafe(size) : new Uint32Array(size)) as T;
  bigger.set(array);
  return bigger;
}
