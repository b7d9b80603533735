// Workers started before the file list is known (src/audit/pool.ts EarlyWorkers). Stand-in
// workers: what matters here is what the pool does with what they said before it took them.
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { EarlyWorkers, scoreInWorkers } from '../../src/audit/pool.js';
import type { FileOutcome } from '../../src/audit/score-file.js';
import type { BatchRequest, WorkerInit } from '../../src/audit/worker.js';

/** Answers every batch with an outcome per file (no scoring), a tick later. */
class StandInWorker extends EventEmitter {
  terminated = false;
  exited = false;
  postMessage(request: BatchRequest): void {
    if (this.exited) return; // a dead thread answers nothing
    setImmediate(() => this.emit('message', { batch: request.batch, part: request.part, outcomes: request.files.map((file) => ({ file, rows: [] })) }));
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

const INIT = {} as WorkerInit;

function early(count: number): { early: EarlyWorkers; workers: StandInWorker[] } {
  const workers: StandInWorker[] = [];
  const pool = new EarlyWorkers(count, INIT, () => {
    const w = new StandInWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { early: pool, workers };
}

describe('workers started early', () => {
  it('what they said before the pool took them counts: one that died is a failed start, one that was ready scores', async () => {
    const { early: started, workers } = early(2);
    const [dead, ready] = workers as [StandInWorker, StandInWorker];
    // Both speak before the pool exists; nobody but EarlyWorkers listens yet.
    dead.exited = true;
    dead.emit('error', new Error('could not start'));
    dead.emit('exit', 1);
    ready.emit('message', 'ready');
    const files = Array.from({ length: 100 }, (_, i) => `call-${String(i).padStart(3, '0')}.txt`);
    const taken: FileOutcome[] = [];
    const end = await scoreInWorkers(files, { jobs: 1, batchSize: 8, ruleset: INIT.ruleset, config: { read: {}, mask: true }, early: started }, (o) => taken.push(o));
    // Unheard, the dead worker's batches would wait for it for ever (the test would time out).
    expect(end).toEqual({ kind: 'done' });
    // Every file once, in input order, none blamed for the worker that died starting.
    expect(taken.map((o) => o.file)).toEqual(files);
    expect(taken.every((o) => o.rows.length === 0)).toBe(true);
    expect(ready.terminated).toBe(true); // the pool stops the workers it used
  });

  it('keeps as many as there is work for and stops the rest; adopt hands them over in order', () => {
    const { early: started, workers } = early(3);
    started.keep(1);
    expect(workers.map((w) => w.terminated)).toEqual([false, true, true]);
    expect(started.adopt()?.worker).toBe(workers[0]);
    expect(started.adopt()).toBeUndefined();
    started.stop();
    expect(workers[0]?.terminated).toBe(false); // adopted: the pool's to stop, not this
  });

  it('stops every worker nobody took', () => {
    const { early: started, workers } = early(2);
    started.stop();
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
  });
});
