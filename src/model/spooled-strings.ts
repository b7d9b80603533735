/**
 * A list of strings appended in order and read by position, kept in memory (packed) up to a
 * limit and in a temporary file beyond it, so that a month's input paths cost the same memory
 * for a thousand calls or ten million. In the file, the strings are UTF-8 separated by NUL (which
 * no path can hold); every BLOCK-th string's offset is kept, so reading one means reading its
 * block (a few KB), and the last block read is kept: the audit reads the list in order.
 */
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { scratchError } from './scratch.js';
import { PackedStrings, sliceBounds, type StringList } from './packed-strings.js';
import { writeAllSync } from './write-all.js';

const BLOCK = 64;
const FLUSH_BYTES = 64 * 1024;

export class SpooledStrings implements StringList {
  private memory: PackedStrings | undefined = new PackedStrings();
  private file: string | undefined;
  private fd: number | undefined;
  private count = 0;
  /** blockStart[b]: where string b × BLOCK starts in the file. */
  private blockStart: number[] = [];
  private written = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  private cachedBlock = -1;
  private cached: string[] = [];

  /** `folder`: asked for only when the list outgrows `limit` strings; made then. */
  constructor(
    private readonly folder: () => string,
    private readonly limit = 20_000,
  ) {}

  get length(): number {
    return this.count;
  }

  /** True once the strings are in a file. */
  get spooled(): boolean {
    return this.memory === undefined;
  }

  /** Append a string (no NUL in it). Throws a ScratchError when the file cannot be written. */
  push(text: string): void {
    if (text.includes('\u0000')) throw new Error('SpooledStrings: a string with NUL');
    if (this.memory) {
      this.memory.push(text);
      this.count++;
      if (this.count > this.limit) this.spool();
      return;
    }
    this.append(text);
  }

  at(index: number): string | undefined {
    if (index < 0) index += this.count;
    if (index < 0 || index >= this.count) return undefined;
    if (this.memory) return this.memory.at(index);
    return this.block(Math.floor(index / BLOCK))[index % BLOCK];
  }

  slice(start = 0, end = this.count): string[] {
    if (this.memory) return this.memory.slice(start, end);
    const [from, to] = sliceBounds(this.count, start, end);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i) as string);
    return out;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as string;
  }

  /** Close the file (it is removed with the scratch folder it is in). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Move the strings kept so far to the file; from now on every string goes there. */
  private spool(): void {
    const memory = this.memory as PackedStrings;
    const folder = this.folder();
    this.file = join(folder, 'strings');
    try {
      mkdirSync(folder, { recursive: true });
      this.fd = openSync(this.file, 'w+');
    } catch (err) {
      throw scratchError(err, folder);
    }
    this.memory = undefined;
    const count = this.count;
    this.count = 0;
    for (let i = 0; i < count; i++) this.append(memory.at(i) as string);
  }

  private append(text: string): void {
    if (this.count % BLOCK === 0) this.blockStart.push(this.written + this.pendingBytes);
    this.pending.push(text);
    this.pendingBytes += Buffer.byteLength(text) + 1;
    this.count++;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(`${this.pending.join('\u0000')}\u0000`, 'utf8');
    try {
      writeAllSync(this.fd as number, bytes);
    } catch (err) {
      throw scratchError(err, this.file as string);
    }
    this.written += bytes.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The strings of block `b`, read from the file (the last one read is kept). */
  private block(b: number): string[] {
    if (b === this.cachedBlock) return this.cached;
    this.flush();
    const start = this.blockStart[b] as number;
    const end = this.blockStart[b + 1] ?? this.written;
    const bytes = Buffer.allocUnsafe(end - start);
    try {
      for (let off = 0; off < bytes.length; ) {
        const read = readSync(this.fd as number, bytes, off, bytes.length - off, start + off);
        if (read === 0) throw new Error('the file is shorter than written');
        off += read;
      }
    } catch (err) {
      throw scratchError(err, this.file as string);
    }
    // The block ends with a NUL: the last piece of the split is empty.
    this.cached = bytes.toString('utf8').split('\u0000', end === this.written ? this.count - b * BLOCK : BLOCK);
    this.cachedBlock = b;
    return this.cached;
  }
}
