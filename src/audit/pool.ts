/**
 * Score files on worker threads. Files go out in batches; results come back in any order and
 * are handed on strictly in input order through a small reorder buffer, so the report is
 * byte-identical whatever --jobs is. In-flight work is bounded, so memory is too.
 */
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse, WorkerInit } from './worker.js';
import type { FileOutcome, ScoreConfig } from './score-file.js';

export interface PoolOptions {
  jobs: number;
  rulesetFile: string;
  config: ScoreConfig;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Batches in flight per worker: enough to hide the message round trip, small enough for memory. */
const IN_FLIGHT_PER_WORKER = 2;

export async function scoreInWorkers(files: string[], opts: PoolOptions, take: (o: FileOutcome) => void): Promise<boolean> {
  const batchSize = opts.batchSize ?? 32;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const ready = new Map<number, FileOutcome[]>();
  let nextToSend = 0;
  let nextToTake = 0;
  let done = 0;

  return await new Promise<boolean>((resolve) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, Set<number>>();
    let settled = false;
    const finish = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      resolve(ok);
    };
    const onAbort = (): void => finish(false);
    opts.signal?.addEventListener('abort', onAbort);

    const flush = (): void => {
      for (let out = ready.get(nextToTake); out; out = ready.get(nextToTake)) {
        ready.delete(nextToTake++);
        for (const o of out) take(o);
        done += out.length;
        opts.onProgress?.(done, files.length);
      }
      if (nextToTake === batches.length) finish(true);
    };
    const feed = (w: Worker): void => {
      const mine = inFlight.get(w) as Set<number>;
      // Do not run far ahead of the batch the report is waiting for (bounded reorder buffer).
      while (mine.size < IN_FLIGHT_PER_WORKER && nextToSend < batches.length && nextToSend - nextToTake < opts.jobs * IN_FLIGHT_PER_WORKER * 4) {
        const batch = nextToSend++;
        mine.add(batch);
        const request: BatchRequest = { batch, files: batches[batch] as string[] };
        w.postMessage(request);
      }
    };
    const start = (): Worker => {
      const init: WorkerInit = { rulesetFile: opts.rulesetFile, config: opts.config };
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
      workers.push(w);
      inFlight.set(w, new Set());
      w.on('message', (response: BatchResponse) => {
        inFlight.get(w)?.delete(response.batch);
        ready.set(response.batch, response.outcomes);
        flush();
        if (!settled) for (const x of workers) feed(x);
      });
      // A worker that dies (out of memory, a crash in native code) takes its batches with it:
      // list those files as errors, replace the worker, and go on.
      w.on('error', (err) => {
        const lost = inFlight.get(w) ?? new Set<number>();
        inFlight.delete(w);
        workers.splice(workers.indexOf(w), 1);
        for (const batch of lost) {
          ready.set(batch, (batches[batch] ?? []).map((file) => ({ file, rows: [{ file, severity: 'error', stage: 'score', message: `worker crashed: ${err.message}` }] })));
        }
        flush();
        if (!settled) {
          const replacement = start();
          feed(replacement);
        }
      });
      return w;
    };
    if (batches.length === 0) return finish(true);
    for (let i = 0; i < Math.min(opts.jobs, batches.length); i++) start();
    for (const w of workers) feed(w);
  });
}
