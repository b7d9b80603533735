/**
 * A scoring worker: compiles once the ruleset the main thread loaded, then scores batches of
 * files sent by the pool (or, for `callqa sample`, reads them for their strata). Reads are synchronous here on purpose (several times faster than
 * fs.promises for many small files). A failure on one file becomes an error row; the worker
 * goes on.
 */
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compilePortable, type PortableRuleset } from '../ruleset/portable.js';
import { auditFile, buildScoreOptions, type FileOutcome, type ScoreConfig } from './score-file.js';
import { sampleFileWith } from '../workflow/sample-file.js';
import type { SignalThresholds } from '../workflow/signals.js';

export interface WorkerInit {
  /** Read and validated by the main thread: the worker only compiles it. */
  ruleset: PortableRuleset;
  config: ScoreConfig;
  /** What is done with each file: scored and rendered (the default), or read for the sample's strata. */
  task?: WorkerTask;
}

export type WorkerTask = { kind: 'score' } | { kind: 'sample'; thresholds: SignalThresholds };

export interface BatchRequest {
  batch: number;
  /** Set when one file of a batch is retried alone after a worker crash. */
  part?: number;
  files: string[];
}

export interface BatchResponse {
  batch: number;
  part?: number;
  outcomes: FileOutcome[];
}

const init = workerData as WorkerInit;
const ruleset = compilePortable(init.ruleset);
const options = buildScoreOptions(init.config);
const work: (file: string) => FileOutcome =
  init.task?.kind === 'sample' ? sampleFileWith(ruleset, options, init.task.thresholds) : (file) => auditFile(file, ruleset, options);

// Fault injection for the start-up tests only: fail to start, always or (when the token file
// exists, which the first worker removes) once.
failStartForTests(process.env.CALLQA_TEST_WORKER_START_FAIL);

// Tell the pool this worker started: from now on a crash is a file's doing, not the thread's.
parentPort?.postMessage('ready');

parentPort?.on('message', (request: BatchRequest) => {
  const outcomes = request.files.map((file) => scoreSafely(file));
  const response: BatchResponse = { batch: request.batch, part: request.part, outcomes };
  // The rendered bytes are moved, not copied: none of them stays behind in this thread.
  const moved: ArrayBuffer[] = [];
  for (const o of outcomes) if (o.rendered) moved.push(o.rendered.buffer as ArrayBuffer);
  parentPort?.postMessage(response, moved);
});

/**
 * Fault injection for the crash-isolation test only: a worker that reads a file whose path
 * contains this text dies as a native crash would (no exception to catch).
 */
const crashOn = process.env.CALLQA_TEST_WORKER_CRASH_ON;

function scoreSafely(file: string): FileOutcome {
  if (crashOn && file.includes(crashOn)) process.exit(99);
  try {
    return work(file);
  } catch (err) {
    const message = `internal error while scoring: ${err instanceof Error ? err.message : String(err)}`;
    return { file, rows: [{ file, severity: 'error', stage: 'score', message }] };
  }
}

function failStartForTests(how: string | undefined): void {
  if (!how) return;
  if (how === 'always') process.exit(98);
  try {
    rmSync(how);
  } catch {
    return; // the token is gone: another worker already failed once
  }
  process.exit(98);
}
