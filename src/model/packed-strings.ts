/**
 * Compact strings for lists that grow with the month (one entry per call): as JS strings in an
 * array, a month of paths was ~500 bytes of heap each; here ~5 bytes of overhead. Lists too long
 * even for this go to disk (spooled-strings.ts).
 */

/** A list of strings read by position: a plain array, PackedStrings or SpooledStrings. */
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
    const [from, to] = sliceBounds(this.count, start, end);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i) as string);
    return out;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as string;
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
}

/** Array.prototype.slice's [from, to) for a list of `length` (negative positions count from the end). */
export function sliceBounds(length: number, start: number, end: number): [number, number] {
  const from = start < 0 ? Math.max(0, length + start) : Math.min(start, length);
  const to = end < 0 ? Math.max(0, length + end) : Math.min(end, length);
  return [from, to];
}

/** A copy of `array` with room for at least `needed` items (doubling). */
function grown<T extends Buffer | Uint32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = (array instanceof Buffer ? Buffer.allocUnsafe(size) : new Uint32Array(size)) as T;
  bigger.set(array);
  return bigger;
}
