/** Console output for the CLI: one-line errors on stderr, colour only on a TTY. */
import chalk from 'chalk';
import type { ProblemRow } from '../audit/score-file.js';
import { ioCause } from '../model/io-cause.js';
import { maskProblemMessage } from '../report/mask.js';
import { formatProblem, type RulesetProblem } from '../ruleset/index.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The first failed write to stdout or stderr (a full disk, a closed pipe), once one has failed. */
let streamFailure: { stream: 'standard output' | 'standard error'; err: NodeJS.ErrnoException } | undefined;

/**
 * A write to stdout or stderr that fails is an 'error' event on the stream: unheard, Node prints
 * a stack trace and exits 1. It is noted instead, and the command ends as a write failure.
 */
export function watchStandardStreams(): void {
  const watch = (stream: NodeJS.WriteStream, name: 'standard output' | 'standard error'): void => {
    if (stream.listenerCount('error') === 0) stream.on('error', (err: NodeJS.ErrnoException) => (streamFailure ??= { stream: name, err }));
  };
  watch(process.stdout, 'standard output');
  watch(process.stderr, 'standard error');
}

/**
 * The message for a failed stdout or stderr, or undefined when none failed. A closed pipe
 * (`callqa … | head -1`) is no news to whoever closed it: empty then.
 */
export function standardStreamFailure(): string | undefined {
  if (!streamFailure) return undefined;
  return streamFailure.err.code === 'EPIPE' ? '' : errorLine(`cannot write to ${streamFailure.stream}: ${ioCause(streamFailure.err)}`);
}

export function printProblems(io: Io, problems: RulesetProblem[]): void {
  for (const p of problems) {
    const line = formatProblem(p);
    io.err(p.severity === 'error' ? chalk.red(line) : chalk.yellow(line));
  }
}

/**
 * A file the command could not use, as audit's errors.csv words it. Masked like errors.csv: a
 * reader's message may quote the transcript (「found "13812345678abc"」).
 */
export function fileProblemLine(p: ProblemRow): string {
  return `${p.file}: ${p.severity} (${p.stage}): ${maskProblemMessage(p.message)}`;
}

export function errorLine(message: string): string {
  return `${chalk.red('callqa: error:')} ${message}`;
}
