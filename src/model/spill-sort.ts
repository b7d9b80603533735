/**
 * Rows that must come out sorted but whose number grows with the month: the input paths (a
 * million calls, a million paths), errors.csv (a warning on every call of a month without agent
 * ids is a million rows, ~250 MB as objects), run.json's legacy-encoded files. Up to `limit` rows
 * are kept in memory; beyond that each full batch is sorted and written to a run file (JSON
 * lines), and `sorted()` merges the runs. An external merge sort, as `sort(1)` does it.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeInChunks } from './write-all.js';

const CHUNK = 64 * 1024;

export class SpillSort<T> {
  private readonly rows: T[] = [];
  private readonly runs: string[] = [];
  private total = 0;
  /** The folder of the run files, once the first is written. */
  private folder: string | undefined;

  /**
   * `dir`: a folder for the run files, made on the first spill (a function: asked for only
   * then); the caller removes it (or calls discard()) when done.
   */
  constructor(
    private readonly dir: string | (() => string),
    private readonly compare: (a: T, b: T) => number,
    private readonly limit = 20_000,
  ) {}

  get size(): number {
    return this.total;
  }

  /** Throws the file system's error when a run cannot be written (ENOSPC). */
  add(row: T): void {
    this.rows.push(row);
    this.total++;
    if (this.rows.length >= this.limit) this.spill();
  }

  /** Every row added, in order (stable: equal rows keep the order they were added in). */
  *sorted(): Generator<T> {
    this.rows.sort(this.compare);
    if (this.runs.length === 0) {
      yield* this.rows;
      return;
    }
    const sources = [...this.runs.map((file) => new RunReader<T>(file)), new ArraySource(this.rows)];
    try {
      const heads = sources.map((s) => s.next());
      for (;;) {
        // Runs are few (a million rows make 50): a scan beats a heap's bookkeeping here.
        let best = -1;
        for (let i = 0; i < heads.length; i++) {
          const head = heads[i];
          if (head === undefined) continue;
          if (best < 0 || this.compare(head, heads[best] as T) < 0) best = i;
        }
        if (best < 0) return;
        yield heads[best] as T;
        heads[best] = (sources[best] as Source<T>).next();
      }
    } finally {
      for (const s of sources) s.close();
    }
  }

  /** Remove the run files. */
  discard(): void {
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
  }

  private spill(): void {
    this.rows.sort(this.compare);
    if (this.folder === undefined) {
      const folder = typeof this.dir === 'string' ? this.dir : this.dir();
      mkdirSync(folder, { recursive: true });
      this.folder = folder;
    }
    const file = join(this.folder, `run-${this.runs.length}.jsonl`);
    writeInChunks(file, (write) => {
      for (const row of this.rows) write(`${JSON.stringify(row)}\n`);
    }, CHUNK);
    this.runs.push(file);
    this.rows.length = 0;
  }
}

interface Source<T> {
  next(): T | undefined;
  close(): void;
}

class ArraySource<T> implements Source<T> {
  private at = 0;
  constructor(private readonly rows: readonly T[]) {}
  next(): T | undefined {
    return this.rows[this.at++];
  }
  close(): void {}
}

/** One run file, a line (a row) at a time. */
class RunReader<T> implements Source<T> {
  private fd: number | undefined;
  private pending = Buffer.alloc(0);

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  next(): T | undefined {
    for (;;) {
      const newline = this.pending.indexOf(10);
      if (newline >= 0) {
        const line = this.pending.toString('utf8', 0, newline);
        this.pending = this.pending.subarray(newline + 1);
        return JSON.parse(line) as T;
      }
      if (this.fd === undefined) return undefined;
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(this.fd, chunk, 0, CHUNK, null);
      if (read === 0) this.close();
      else this.pending = Buffer.concat([this.pending, chunk.subarray(0, read)]);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
