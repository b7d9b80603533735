/**
 * Single-file outputs (`audit --html FILE`, `sample --out FILE`) get the promise the report
 * folder has: only a file callqa wrote before is ever replaced. An arbitrary existing file — a
 * transcript, a spreadsheet, one of this run's own inputs — is refused with a usage error before
 * anything is written. Missing parent folders are created, as for the report folder (and removed
 * again when the write fails). A symbolic link is written through: the file it points to must be
 * an earlier callqa file and is replaced, the link stays; a link to nothing is refused.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { missingParentProblem } from './atomic.js';

/** What kind of callqa file an output is, and how to recognise an earlier one from its start. */
export interface OutputKind {
  /** e.g. "report.html", "sample list" */
  name: string;
  /** True when the first bytes are those of a file callqa wrote. */
  isOurs(head: string): boolean;
}

/** report.html: the generator meta tag (and, for reports from before it, the error trap in <head>). */
export const HTML_REPORT: OutputKind = {
  name: 'callqa report.html',
  isOurs: (head) => head.startsWith('<!DOCTYPE html>') && (head.includes('<meta name="generator" content="callqa">') || head.includes('window.__callqaErrors')),
};

/** The sample list: its first line is the command that drew it. */
export const SAMPLE_LIST: OutputKind = {
  name: 'callqa sample list',
  isOurs: (head) => head.startsWith('# callqa sample '),
};

const HEAD_BYTES = 64 * 1024;

/**
 * Why `path` must not be written (a one-line message for a usage error), or undefined when it is
 * free or an earlier callqa file of this kind. `inputs`: every file the run reads, in lists.
 */
export function outputFileProblem(option: string, path: string, kind: OutputKind, inputs: ReadonlyArray<Iterable<string>>): string | undefined {
  const shown = `${option} ${path}`;
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isSymlink(path)) return `${shown} is a symbolic link to a missing file; give the file itself`;
    if (code === 'ENOENT') return missingParentProblem(shown, path);
    if (code === 'ENOTDIR') return missingParentProblem(shown, path) ?? `${shown}: a parent is not a folder`;
    if (code === 'ELOOP') return `${shown}: a loop of symbolic links`;
    return `${shown}: cannot check the file (${code ?? 'error'})`;
  }
  if (stat.isDirectory()) return `${shown} is a folder; give a file name`;
  if (!stat.isFile()) return `${shown} exists and is not a regular file`;
  const real = realpathOf(path);
  if (inputs.some((list) => isIn(list, real))) return `${shown} is one of this run's inputs; choose another file`;
  if (!kind.isOurs(readHead(path))) {
    return `${shown} exists and is not a ${kind.name}; callqa only replaces a file it wrote before (choose another file or remove it)`;
  }
  return undefined;
}

function isIn(files: Iterable<string>, real: string): boolean {
  for (const file of files) if (realpathOf(file) === real) return true;
  return false;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
