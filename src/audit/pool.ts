/**
 * Score files on worker threads. Files go out in batches; results come back in any order and
 * are handed on strictly in input order through a small reorder buffer, so the report is
 * byte-identical whatever --jobs is. In-flight work is bounded, so memory is too.
 *
 * A worker that dies (out of memory, a crash in native code) takes its batches with it: those
 * files are sent again one by one to fresh workers, so only the file that kills a worker ends up
 * in errors.csv and every other file is still scored.
 *
 * A worker that dies before it is ready (it could not start: a bad NODE_OPTIONS, no memory for
 * a thread) has scored nothing, so no file is blamed: its batches go to the next worker. When
 * workers keep failing to start, the pool stops and says so, and the caller scores the rest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse, WorkerInit, WorkerTask } from './worker.js';
import type { FileOutcome, ScoreConfig } from './score-file.js';
import type { PortableRuleset } from '../ruleset/index.js';
import type { StringList } from '../model/packed-strings.js';

export interface PoolOptions {
  jobs: number;
  ruleset: PortableRuleset;
  config: ScoreConfig;
  /** What the workers do with each file (default: score it). */
  task?: WorkerTask;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Workers started earlier with the same init (src/audit/pool.ts EarlyWorkers): used first. */
  early?: EarlyWorkers;
}

/** Workers cost a ruleset compile and a thread start each: not worth it for a handful of files. */
const MIN_FILES_PER_WORKER = 64;

/** The threads a run asks for: --jobs, else one per core, capped (maxJobs). */
export function requestedJobs(jobs: number | undefined): number {
  return Math.min(jobs ?? availableParallelism(), maxJobs());
}

/** The threads worth starting for this many files (1: score in the calling thread). */
export function effectiveJobs(requested: number, files: number): number {
  return Math.max(1, Math.min(requested, maxJobs(), Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * At most four threads per core: more only compete for the cores, and each costs ~40 MB and a
 * start-up (--jobs 1000 took 5 GB and a minute before it could even hear Ctrl-C).
 */
function maxJobs(): number {
  return Math.max(4, 4 * availableParallelism());
}

/** Batches in flight per worker: enough to hide the message round trip, small enough for memory. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A worker's garbage is short-lived (one call's hits and rows), so a small young generation
 * collects it as well as V8's default (up to 48 MB per thread, grown as the run goes on).
 * Measured on 20,000 calls, 2 workers: peak RSS 370–395 → 323–343 MB, same wall time within the
 * noise (9.6–13.9 s default, 10.0–12.0 s capped); 8 MB cut RSS further but was slower.
 *
 * An old generation capped at 1 GB (V8's default here is ~4 GB) also makes V8 start with a
 * small old-space limit: a worker's live heap is ~15 MB, and uncapped it grew to 67 MB before
 * its first full collection, capped to ~32 MB (--trace-gc; 4 → 8 mark-compacts of ~10 ms per
 * 3,000 calls). Peak RSS at 20,000 calls: 303 → 246 MB. A 33 MB Whisper JSON still parses in a
 * worker; a file that needed over 1 GB would be listed as a worker crash, and the run goes on.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** Workers in a row that may fail to start before the pool gives up on threads. */
const START_ATTEMPTS = 3;

/** How the pool ended. `workers-failed`: `taken` outcomes were handed on, the rest were not. */
export type PoolEnd = { kind: 'done' } | { kind: 'interrupted' } | { kind: 'workers-failed'; reason: string; taken: number };

/** A unit of work: a whole batch, or one file of a batch being retried alone. */
interface Unit {
  batch: number;
  part?: number;
}

export async function scoreInWorkers(files: StringList, opts: PoolOptions, take: (o: FileOutcome) => void): Promise<PoolEnd> {
  const batchSize = opts.batchSize ?? 32;
  const batchCount = Math.ceil(files.length / batchSize);
  // Read off the list when sent (and again if retried): a month of paths is packed, or on disk.
  const batchFiles = (batch: number): string[] => files.slice(batch * batchSize, (batch + 1) * batchSize);
  const ready = new Map<number, FileOutcome[]>();
  /** Batches being retried file by file: the outcomes so far. */
  const partial = new Map<number, Array<FileOutcome | undefined>>();
  const retry: Unit[] = [];
  /** Whole batches sent to a worker that died before it was ready: sent again first. */
  const resend: Unit[] = [];
  let failedStarts = 0;
  let nextToSend = 0;
  let nextToTake = 0;
  let done = 0;

  return await new Promise<PoolEnd>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, Unit[]>();
    /** Workers that reported they started. */
    const started = new Set<Worker>();
    let settled = false;
    const stop = (): boolean => {
      if (settled) return false;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      return true;
    };
    const finish = (end: PoolEnd): void => {
      if (stop()) resolve(end);
    };
    /**
     * `take` writes the report (a full disk throws there) and batches are read off the input
     * list (a temporary file): a failure in an event handler ends the pool and reaches the
     * caller, instead of being an uncaught exception with a stack trace.
     */
    const guarded = <A extends unknown[]>(handler: (...args: A) => void) => (...args: A): void => {
      try {
        handler(...args);
      } catch (err) {
        if (stop()) reject(err);
      }
    };
    const onAbort = (): void => finish({ kind: 'interrupted' });
    opts.signal?.addEventListener('abort', onAbort);
    // A signal that came before the pool started fires no event: it stops the pool all the same.
    if (opts.signal?.aborted) {
      onAbort();
      return;
    }

    const flush = (): void => {
      for (let out = ready.get(nextToTake); out; out = ready.get(nextToTake)) {
        ready.delete(nextToTake++);
        for (const o of out) take(o);
        done += out.length;
        opts.onProgress?.(done, files.length);
      }
      if (nextToTake === batchCount) finish({ kind: 'done' });
    };
    const settle = (unit: Unit, outcomes: FileOutcome[]): void => {
      if (unit.part === undefined) {
        ready.set(unit.batch, outcomes);
        return;
      }
      const parts = partial.get(unit.batch) as Array<FileOutcome | undefined>;
      parts[unit.part] = outcomes[0];
      if (parts.every((o) => o !== undefined)) {
        partial.delete(unit.batch);
        ready.set(unit.batch, parts as FileOutcome[]);
      }
    };
    const send = (w: Worker, unit: Unit): void => {
      (inFlight.get(w) as Unit[]).push(unit);
      const request: BatchRequest = { batch: unit.batch, part: unit.part, files: unit.part === undefined ? batchFiles(unit.batch) : [files.at(unit.batch * batchSize + unit.part) as string] };
      w.postMessage(request);
    };
    const feed = (w: Worker): void => {
      const mine = inFlight.get(w);
      if (!mine) return;
      // A retried file goes alone to a worker with nothing else in flight, so a second crash
      // can only be that file's.
      if (retry.length > 0) {
        if (mine.length === 0) send(w, retry.shift() as Unit);
        return;
      }
      while (mine.length < IN_FLIGHT_PER_WORKER && resend.length > 0) send(w, resend.shift() as Unit);
      // Do not run far ahead of the batch the report is waiting for (bounded reorder buffer).
      while (mine.length < IN_FLIGHT_PER_WORKER && nextToSend < batchCount && nextToSend - nextToTake < opts.jobs * IN_FLIGHT_PER_WORKER * 4) {
        send(w, { batch: nextToSend++ });
      }
    };
    const feedAll = (): void => {
      if (!settled) for (const x of workers) feed(x);
    };
    const start = (): Worker => {
      const early = opts.early?.adopt();
      const w = early?.worker ?? spawnWorker({ ruleset: opts.ruleset, config: opts.config, task: opts.task });
      workers.push(w);
      inFlight.set(w, []);
      w.on('message', guarded((response: BatchResponse | 'ready') => {
        if (settled) return;
        if (response === 'ready') {
          started.add(w);
          failedStarts = 0;
          return;
        }
        const mine = inFlight.get(w) ?? [];
        const at = mine.findIndex((u) => u.batch === response.batch && u.part === response.part);
        if (at >= 0) mine.splice(at, 1);
        settle({ batch: response.batch, part: response.part }, response.outcomes);
        flush();
        feedAll();
      }));
      w.on('error', guarded((err: Error) => lose(w, err.message)));
      w.on('exit', guarded((code: number) => {
        if (code !== 0 && inFlight.has(w)) lose(w, `exit code ${code}`);
      }));
      // What an early worker said before it was handed over, heard now in the same order.
      for (const e of early?.heard ?? []) w.emit(e.event, e.value);
      return w;
    };
    const lose = (w: Worker, why: string): void => {
      if (settled) return; // terminated at the end or on Ctrl-C: nothing is lost
      const lost = inFlight.get(w) ?? [];
      inFlight.delete(w);
      workers.splice(workers.indexOf(w), 1);
      if (!started.has(w)) {
        // It died starting up: no file of its batches was opened, so none is to blame.
        resend.unshift(...lost);
        if (++failedStarts >= START_ATTEMPTS) {
          finish({ kind: 'workers-failed', reason: why, taken: done });
          return;
        }
        start();
        feedAll();
        return;
      }
      started.delete(w);
      for (const unit of lost) {
        const lostFiles = batchFiles(unit.batch);
        if (unit.part !== undefined || lostFiles.length === 1) {
          // Scored alone and still fatal: this file is the cause.
          const file = lostFiles[unit.part ?? 0] as string;
          settle(unit, [{ file, rows: [{ file, severity: 'error', stage: 'score', message: `the scoring worker crashed on this file (${why})` }] }]);
        } else {
          partial.set(unit.batch, new Array<FileOutcome | undefined>(lostFiles.length).fill(undefined));
          lostFiles.forEach((_, part) => retry.push({ batch: unit.batch, part }));
        }
      }
      flush();
      if (!settled) {
        start();
        feedAll();
      }
    };
    if (batchCount === 0) return finish({ kind: 'done' });
    guarded(() => {
      for (let i = 0; i < Math.min(opts.jobs, batchCount); i++) start();
      feedAll();
    })();
  });
}

function spawnWorker(init: WorkerInit): Worker {
  return new Worker(new URL('./worker.js', import.meta.url), { workerData: init, resourceLimits: WORKER_LIMITS });
}

interface Heard {
  event: 'message' | 'error' | 'exit';
  value: unknown;
}

/**
 * Workers started before the list of files is known, so that their start (loading modules,
 * compiling the ruleset: ~0.3 s) overlaps the walk of the inputs instead of following it. Until
 * the pool adopts one, what it says (ready, or an error as it dies) is kept to be replayed; the
 * ones never adopted (fewer files than threads) are stopped.
 */
export class EarlyWorkers {
  readonly #waiting: Array<{ worker: Worker; heard: Heard[]; listeners: Array<[Heard['event'], (value: unknown) => void]> }> = [];

  /** `spawn`: how a worker is started (tests pass a stand-in). */
  constructor(count: number, init: WorkerInit, spawn: (init: WorkerInit) => Worker = spawnWorker) {
    for (let i = 0; i < count; i++) {
      const worker = spawn(init);
      const heard: Heard[] = [];
      const listeners = (['message', 'error', 'exit'] as const).map((event): [Heard['event'], (value: unknown) => void] => [event, (value) => heard.push({ event, value })]);
      for (const [event, listener] of listeners) worker.on(event, listener);
      this.#waiting.push({ worker, heard, listeners });
    }
  }

  /** One worker for the pool, with what it said while waiting; undefined when none is left. */
  adopt(): { worker: Worker; heard: Heard[] } | undefined {
    const next = this.#waiting.shift();
    if (!next) return undefined;
    for (const [event, listener] of next.listeners) next.worker.off(event, listener);
    return { worker: next.worker, heard: next.heard };
  }

  /** Stop all but `count` of the workers not yet adopted. */
  keep(count: number): void {
    for (const { worker } of this.#waiting.splice(count)) void worker.terminate();
  }

  /** Stop the workers nobody adopted. */
  stop(): void {
    this.keep(0);
  }
}
