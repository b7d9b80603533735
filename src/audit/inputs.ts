/**
 * Expand the command line's inputs (files, directories, globs, @lists) into a sorted list of
 * transcript files. Whatever matches nothing is reported, never silently dropped.
 *
 * A month can be millions of files, so no list here is held whole in memory beyond `inMemory`
 * paths: the paths found are de-duplicated and sorted by external merge sorts, and the sorted
 * list is read back from a temporary file (src/model/spooled-strings.ts). Below the limit, as for
 * most months, nothing touches the disk.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { byteOrder } from '../model/order.js';
import { isUndecodedName, undecodedNameMessage } from './file-names.js';
import { Scratch, scratchError } from '../model/scratch.js';
import { notRegularCause, readRegularFileSync } from '../model/read-file.js';
import { SpillSort } from '../model/spill-sort.js';
import { SpooledStrings } from '../model/spooled-strings.js';
import type { StringList } from '../model/packed-strings.js';

export interface InputProblem {
  file: string;
  message: string;
}

export interface ExpandedInputs {
  /** Sorted in byte order; past `inMemory` paths, read from a temporary file. */
  files: StringList;
  problems: InputProblem[];
  /** Remove the temporary files once `files` is no longer read (done at exit at the latest). */
  release(): void;
}

const GLOB_CHARS = /[*?[\]{}!]/;

/** Paths kept in memory by each step; a month beyond this goes through temporary files. */
const IN_MEMORY = 20_000;

export interface ExpandOptions {
  /** Folders whose files are never inputs: the report folder, when it lies inside an input folder. */
  exclude?: readonly string[];
  /** Paths kept in memory before the lists go to temporary files (tests set it low). */
  inMemory?: number;
  /**
   * Ctrl-C: the walk and the sort pause now and then so that the signal is heard, and stop when
   * it is (a million files take seconds). The lists are then empty.
   */
  signal?: AbortSignal;
}

/** Folders read, or paths sorted, between two pauses that let a signal handler run. */
const PAUSE_EVERY = 4096;

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A path as found (`shown`), the file it names (`real`: links resolved), and the order it was found in. */
interface FoundPath {
  real: string;
  shown: string;
  seq: number;
}

/** What readdir says an entry is (fast-glob's Dirent type differs from node:fs's). */
type EntryType = Pick<Dirent, 'isFile' | 'isDirectory'>;

/** Takes a path found; `real` is the file it names when a link may lie on the way (default: the path resolved). */
type AddPath = (shown: string, real?: string) => void;

export async function expandInputs(inputs: readonly string[], opts: ExpandOptions = {}): Promise<ExpandedInputs> {
  const limit = opts.inMemory ?? IN_MEMORY;
  const scratch = new Scratch();
  // Sorted by the file they name, then by when they were found: the first path found for a file is
  // kept, however many links lead to it (a hard link is another file).
  const found = new SpillSort<FoundPath>(() => scratch.folder('found'), (a, b) => byteOrder(a.real, b.real) || a.seq - b.seq, limit);
  const problems: InputProblem[] = [];
  const excludedDirs = (opts.exclude ?? []).map((dir) => resolve(dir) + sep);
  /** A resolved path in an excluded folder, or that folder itself. */
  const inExcluded = (resolved: string): boolean => excludedDirs.some((dir) => `${resolved}${sep}`.startsWith(dir));
  const add: AddPath = (shown, real) => {
    const resolved = resolve(shown);
    if (!inExcluded(resolved)) found.add({ real: real ?? resolved, shown, seq: found.size });
  };
  try {
    const signal = opts.signal;
    await walkInputs(inputs, (path) => inExcluded(resolve(path)), add, problems, signal);
    // Byte order, not locale order: the same inputs list the same way on every machine.
    const distinct = new SpillSort<string>(() => scratch.folder('sorted'), byteOrder, limit);
    const files = new SpooledStrings(() => scratch.folder('files'), limit);
    let last: string | undefined;
    let n = 0;
    for (const f of signal?.aborted ? [] : found.sorted()) {
      if (f.real !== last) distinct.add(f.shown);
      last = f.real;
      if (++n % PAUSE_EVERY === 0 && (await pause(), signal?.aborted)) break;
    }
    found.discard();
    for (const path of signal?.aborted ? [] : distinct.sorted()) {
      files.push(path);
      if (files.length % PAUSE_EVERY === 0 && (await pause(), signal?.aborted)) break;
    }
    distinct.discard();
    return {
      files,
      problems,
      release: () => {
        files.close();
        scratch.remove();
      },
    };
  } catch (err) {
    scratch.remove();
    // A run file that could not be written (the walk itself lists what it cannot read).
    throw (err as NodeJS.ErrnoException | undefined)?.code ? scratchError(err, tmpdir()) : err;
  }
}

async function walkInputs(inputs: readonly string[], excluded: (path: string) => boolean, add: AddPath, problems: InputProblem[], signal?: AbortSignal): Promise<void> {
  for (const input of inputs) {
    if (signal?.aborted) return;
    if (input.startsWith('@')) {
      expandList(input.slice(1), add, problems);
      continue;
    }
    const kind = statKind(input);
    if (kind === 'dir') {
      // Symlinked folders are not followed (a link loop cannot trap the walk), hidden files are
      // skipped; whatever else is in the way (a link to a folder, a broken link, a FIFO) is listed.
      let entries = 0;
      let readable = true;
      const realOf = realPathsUnder(input);
      await walkFolder(input, excluded, signal, (path, dirent) => {
        entries++;
        takeEntry(path, dirent, realOf, add, problems);
      }, (dir) => {
        readable &&= dir !== input;
        problems.push({ file: dir, message: 'cannot read this folder: its files are not scored' });
      });
      if (readable && entries === 0) problems.push({ file: input, message: 'directory holds no files' });
    } else if (kind === 'file') {
      add(input, realPath(input));
    } else if (GLOB_CHARS.test(input)) {
      await expandGlob(input, excluded, add, problems, signal);
    } else {
      problems.push({ file: input, message: kind === 'other' ? 'not a regular file or directory' : isUndecodedName(input) ? undecodedNameMessage(dirname(input), basename(input)) : 'no such file or directory' });
    }
  }
}

/**
 * A glob's matches, taken as the folder walk takes its entries (a link to a file is read, a
 * FIFO or broken link listed); folders matched are not walked, as for any glob. Streamed: a
 * pattern can match a month of a million files.
 */
async function expandGlob(pattern: string, excluded: (path: string) => boolean, add: AddPath, problems: InputProblem[], signal?: AbortSignal): Promise<void> {
  const realOf = realPathsOfFiles();
  let entries = 0;
  const matches = fg.stream(pattern.replace(/\\/g, '/'), { objectMode: true, onlyFiles: false, dot: false, followSymbolicLinks: false, suppressErrors: true });
  for await (const { path, dirent } of matches as AsyncIterable<fg.Entry>) {
    if (signal?.aborted) return; // leaving the loop closes the stream
    if (dirent.isDirectory() || (!dirent.isFile() && excluded(path))) continue;
    entries++;
    takeEntry(path, dirent, realOf, add, problems);
  }
  if (entries === 0) problems.push({ file: pattern, message: 'pattern matches no files' });
}

/** An entry the walk meets that is not a folder: a file or a link to one is added, anything else listed. */
function takeEntry(path: string, dirent: EntryType, realOf: (path: string) => string | undefined, add: AddPath, problems: InputProblem[]): void {
  if (isUndecodedName(path)) {
    problems.push({ file: path, message: undecodedNameMessage(dirname(path), basename(path), dirent.isDirectory()) });
    return;
  }
  if (dirent.isFile()) {
    add(path, realOf(path));
    return;
  }
  const kind = statKind(path);
  if (kind === 'file') add(path, realPath(path));
  else problems.push({ file: path, message: kind === 'dir' ? 'a link to a folder: not followed' : kind === 'missing' ? 'a broken link' : 'not a regular file' });
}

/**
 * Every entry under `root` but folders, hidden names (and what is inside hidden folders) and
 * excluded folders, one readdir per folder. By hand rather than fast-glob's object mode: on
 * 200,000 files the glob's entry objects left ~130 MB of garbage in the main thread's heap, which
 * was the audit's peak memory (the heap was 146 MB at 20,000 calls scored, 55 MB later on).
 */
async function walkFolder(
  root: string,
  excluded: (path: string) => boolean,
  signal: AbortSignal | undefined,
  visit: (path: string, dirent: Dirent) => void,
  unreadable: (dir: string) => void,
): Promise<void> {
  const folders = [root];
  let sincePause = 0;
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    if (sincePause >= PAUSE_EVERY) {
      sincePause = 0;
      await pause();
      if (signal?.aborted) return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable(dir);
      continue;
    }
    sincePause += entries.length + 1;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      // A regular file is checked once, when it is added; folders and links here.
      if (!entry.isFile() && excluded(path)) continue;
      // A folder whose name is not UTF-8 cannot be opened by the name Node gives it: listed as such.
      if (entry.isDirectory() && !isUndecodedName(path)) folders.push(path);
      else visit(path, entry);
    }
  }
}

/**
 * `@list.txt`: one path per line (relative to the list), blank lines and # comments skipped. A
 * line is tried exactly as written first, so names with leading or trailing spaces are found;
 * `callqa sample` writes a name that starts with # as `./#…` (sampleListText).
 */
function expandList(listFile: string, add: AddPath, problems: InputProblem[]): void {
  let text: string;
  try {
    text = readRegularFileSync(listFile).toString('utf8');
  } catch (err) {
    const why = notRegularCause(err);
    problems.push({ file: listFile, message: `cannot read the input list${why ? `: ${why}` : ''}` });
    return;
  }
  let named = 0;
  const realOf = realPathsOfFiles();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('#') || !line.trim()) return;
    const listed = listedPath(listFile, line);
    if (listed === undefined) return;
    named++;
    if (listed.kind === 'file') add(listed.path, listed.link ? realPath(listed.path) : realOf(listed.path));
    else problems.push({ file: listed.path, message: `listed in ${listFile} line ${i + 1} but ${listed.kind === 'missing' ? 'not found' : 'not a regular file'}` });
  });
  // As for an empty folder: a list naming nothing (e.g. written by a failed step) is not a complete month.
  if (named === 0) problems.push({ file: listFile, message: 'list holds no files' });
}

/** The file a list line names: as written, else trimmed (hand-edited lists); undefined for an indented comment. */
function listedPath(listFile: string, line: string): ({ path: string } & PathKind) | undefined {
  const exact = pathInList(listFile, line);
  const found = pathKind(exact);
  const trimmed = line.trim();
  if (found.kind !== 'missing' || trimmed === line) return { path: exact, ...found };
  if (trimmed.startsWith('#')) return undefined;
  const path = pathInList(listFile, trimmed);
  return { path, ...pathKind(path) };
}

/** A list line's path: relative to the list's folder unless absolute. */
function pathInList(listFile: string, line: string): string {
  return resolve(dirname(listFile), line) === resolve(line) ? line : join(dirname(listFile), line);
}

/**
 * Real paths of the regular files under a walked folder: the folder's real path and the rest of
 * the path, since the walk follows no link below it. One realpath a walk, not one a file.
 */
function realPathsUnder(root: string): (path: string) => string | undefined {
  const base = resolve(root);
  const real = realPath(root);
  if (real === undefined || real === base) return () => undefined;
  return (path) => real + resolve(path).slice(base.length);
}

/**
 * Real paths of regular files (not links) named one by one, by list lines or glob matches: the
 * real path of their folder, remembered from the last file (a list or glob names many files of
 * one folder in a row), so a file costs no realpath of its own.
 */
function realPathsOfFiles(): (path: string) => string | undefined {
  let dir: string | undefined;
  let realDir: string | undefined;
  return (path) => {
    // By hand, not dirname/join: a glob can match a million files, and this is on its way.
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(sep));
    const folder = cut < 0 ? '.' : path.slice(0, cut) || sep;
    if (folder !== dir) {
      dir = folder;
      realDir = realPath(folder);
    }
    if (realDir === undefined) return undefined;
    return `${realDir.endsWith(sep) ? realDir : realDir + sep}${path.slice(cut + 1)}`;
  };
}

/** The path with every link resolved; undefined if it went away meanwhile (then its text is the key). */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

type Kind = 'file' | 'dir' | 'other' | 'missing';

interface PathKind {
  /** What the path leads to (through links). */
  kind: Kind;
  /** Whether the path itself is a link. */
  link: boolean;
}

function statKind(path: string): Kind {
  return pathKind(path).kind;
}

/** One lstat for most paths (a list names a million files); a link costs a stat more. */
function pathKind(path: string): PathKind {
  try {
    const own = lstatSync(path);
    if (!own.isSymbolicLink()) return { kind: kindOf(own), link: false };
    return { kind: kindOf(statSync(path)), link: true };
  } catch {
    return { kind: 'missing', link: false };
  }
}

function kindOf(s: Stats): Kind {
  return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
}
