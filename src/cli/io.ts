/** Console output for the CLI: one-line errors on stderr, colour only on a TTY. */
import chalk from 'chalk';
import type { ProblemRow } from '../audit/score-file.js';
import { maskPersonalData } from '../report/mask.js';
import { formatProblem, type RulesetProblem } from '../ruleset/index.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

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
  return `${p.file}: ${p.severity} (${p.stage}): ${maskPersonalData(p.message)}`;
}

export function errorLine(message: string): string {
  return `${chalk.red('callqa: error:')} ${message}`;
}
