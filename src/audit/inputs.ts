/**
 * Expand the command line's inputs (files, directories, globs, @lists) into a sorted list of
 * transcript files. Whatever matches nothing is reported, never silently dropped.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
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

export interface ExpandOptions {
  /** Folders whose files are never inputs: the report folder, when it lies inside an input folder. */
  exclude?: readonly string[];
}

export async function expandInputs(inputs: readonly string[], opts: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files = new Map<string, string>(); // resolved path → path as shown
  const problems: InputProblem[] = [];
  const excludedDirs = (opts.exclude ?? []).map((dir) => resolve(dir) + sep);
  const excluded = (path: string): boolean => excludedDirs.some((dir) => resolve(path).startsWith(dir));
  const add = (shown: string): void => {
    const key = resolve(shown);
    if (!excluded(key) && !files.has(key)) files.set(key, shown);
  };
  for (const input of inputs) {
    if (input.startsWith('@')) {
      expandList(input.slice(1), add, problems);
      continue;
    }
    const kind = statKind(input);
    if (kind === 'dir') {
      // Symlinked folders are not followed (a link loop cannot trap the walk), hidden files are
      // skipped; whatever else is in the way (a link to a folder, a broken link, a FIFO) is listed.
      const found = await fg('**/*', { cwd: input, onlyFiles: false, dot: false, followSymbolicLinks: false, suppressErrors: true, objectMode: true });
      let regular = 0;
      for (const entry of found) {
        if (entry.dirent.isDirectory()) continue;
        const path = join(input, entry.path);
        const kind = entry.dirent.isFile() ? 'file' : statKind(path);
        if (kind === 'file') {
          regular++;
          add(path);
        } else if (!excluded(path)) {
          problems.push({ file: path, message: kind === 'dir' ? 'a link to a folder: not followed' : kind === 'missing' ? 'a broken link' : 'not a regular file' });
        }
      }
      if (regular === 0 && found.every((e) => e.dirent.isDirectory())) problems.push({ file: input, message: 'directory holds no files' });
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
