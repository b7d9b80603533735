/**
 * Expand the command line's inputs (files, directories, globs, @lists) into a sorted list of
 * transcript files. Whatever matches nothing is reported, never silently dropped.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { PackedStrings, StringIndex, type StringList } from '../model/string-index.js';

export interface InputProblem {
  file: string;
  message: string;
}

export interface ExpandedInputs {
  /** Sorted in byte order, packed: a month of paths as JS strings was ~500 bytes of heap each. */
  files: StringList;
  problems: InputProblem[];
}

const GLOB_CHARS = /[*?[\]{}!]/;

export interface ExpandOptions {
  /** Folders whose files are never inputs: the report folder, when it lies inside an input folder. */
  exclude?: readonly string[];
}

export async function expandInputs(inputs: readonly string[], opts: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files = new PackedStrings(); // paths as shown
  const seen = new StringIndex((entry) => resolve(files.at(entry) as string)); // by resolved path
  const problems: InputProblem[] = [];
  const excludedDirs = (opts.exclude ?? []).map((dir) => resolve(dir) + sep);
  /** In an excluded folder, or that folder itself. */
  const excluded = (path: string): boolean => excludedDirs.some((dir) => `${resolve(path)}${sep}`.startsWith(dir));
  const add = (shown: string): void => {
    const key = resolve(shown);
    if (!excluded(key) && seen.get(key) < 0) seen.add(key, files.push(shown));
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
      let regular = 0;
      let other = 0;
      let readable = true;
      walkFolder(input, excluded, (path, dirent) => {
        const kind = dirent.isFile() ? 'file' : statKind(path);
        if (kind === 'file') {
          regular++;
          add(path);
          return;
        }
        other++;
        problems.push({ file: path, message: kind === 'dir' ? 'a link to a folder: not followed' : kind === 'missing' ? 'a broken link' : 'not a regular file' });
      }, (dir) => {
        readable &&= dir !== input;
        problems.push({ file: dir, message: 'cannot read this folder: its files are not scored' });
      });
      if (readable && regular === 0 && other === 0) problems.push({ file: input, message: 'directory holds no files' });
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
  return { files: files.sorted(), problems };
}

/**
 * Every entry under `root` but folders, hidden names (and what is inside hidden folders) and
 * excluded folders, one readdir per folder. By hand rather than fast-glob's object mode: on
 * 200,000 files the glob's entry objects left ~130 MB of garbage in the main thread's heap, which
 * was the audit's peak memory (the heap was 146 MB at 20,000 calls scored, 55 MB later on).
 */
function walkFolder(root: string, excluded: (path: string) => boolean, visit: (path: string, dirent: Dirent) => void, unreadable: (dir: string) => void): void {
  const folders = [root];
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable(dir);
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (excluded(path)) continue;
      if (entry.isDirectory()) folders.push(path);
      else visit(path, entry);
    }
  }
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
