/**
 * Expand the command line's inputs (files, directories, globs, @lists) into a sorted list of
 * transcript files. Whatever matches nothing is reported, never silently dropped.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fg from 'fast-glob';
import { byteOrder } from '../model/order.js';

export interface InputProblem {
  file: string;
  message: string;
}

export interface ExpandedInputs {
  files: string[];
  problems: InputProblem[];
}

const GLOB_CHARS = /[*?[\]{}!]/;

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files = new Map<string, string>(); // resolved path → path as shown
  const problems: InputProblem[] = [];
  const add = (shown: string): void => {
    const key = resolve(shown);
    if (!files.has(key)) files.set(key, shown);
  };
  for (const input of inputs) {
    if (input.startsWith('@')) {
      expandList(input.slice(1), add, problems);
      continue;
    }
    const kind = statKind(input);
    if (kind === 'dir') {
      // Symlinks are not followed: a link loop cannot trap the walk, and hidden files are skipped.
      const found = await fg('**/*', { cwd: input, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
      if (found.length === 0) problems.push({ file: input, message: 'directory holds no files' });
      found.forEach((f) => add(join(input, f)));
    } else if (kind === 'file') {
      add(input);
    } else if (GLOB_CHARS.test(input)) {
      const found = await fg(input.replace(/\\/g, '/'), { onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
      if (found.length === 0) problems.push({ file: input, message: 'pattern matches no files' });
      found.forEach(add);
    } else {
      problems.push({ file: input, message: kind === 'other' ? 'not a regular file or directory' : 'no such file or directory' });
    }
  }
  // Byte order, not locale order: the same inputs list the same way on every machine.
  const sorted = [...files.values()].sort(byteOrder);
  return { files: sorted, problems };
}

/** `@list.txt`: one path per line (relative to the list), blank lines and # comments skipped. */
function expandList(listFile: string, add: (f: string) => void, problems: InputProblem[]): void {
  let text: string;
  try {
    text = readFileSync(listFile, 'utf8');
  } catch {
    problems.push({ file: listFile, message: 'cannot read the input list' });
    return;
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const path = resolve(dirname(listFile), line) === resolve(line) ? line : join(dirname(listFile), line);
    const kind = statKind(path);
    if (kind === 'file') add(path);
    else problems.push({ file: path, message: `listed in ${listFile} line ${i + 1} but ${kind === 'missing' ? 'not found' : 'not a regular file'}` });
  });
}

function statKind(path: string): 'file' | 'dir' | 'other' | 'missing' {
  try {
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}
