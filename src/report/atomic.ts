/**
 * Atomic output: the whole report is written into a temporary sibling folder and swapped into
 * place at the end, so a run that is interrupted or fails (disk full) leaves the previous report
 * intact — never a half-written CSV. Single files go through a temporary name and a rename.
 *
 * Not a durability guarantee against power loss (no fsync of every scorecard): the aim is that
 * Ctrl-C, SIGTERM, a crash or a full disk never leave a mix of old and new files.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { ioCause } from '../model/io-cause.js';
import { readRegularFileSync } from '../model/read-file.js';
import { byteOrder } from '../model/order.js';
import { writeAllSync } from '../model/write-all.js';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A report that could not be written: the CLI prints the message and exits 3. */
export class ReportError extends Error {
  /** The cause alone ("the disk is full"), for messages that say more than the default one. */
  readonly why: string;

  constructor(message: string, why = message) {
    super(message);
    this.name = 'ReportError';
    this.why = why;
  }
}

/**
 * `path` is the file that failed; `shown` the report (folder) named in the message when it is
 * not that path, e.g. an --html file staged before the report folder is committed.
 */
export function describeIoError(err: unknown, path: string, shown?: string): ReportError {
  if (err instanceof ReportError) return err;
  const why = ioCause(err);
  const what = shown === undefined || shown === path ? path : `${path} (for the report at ${shown})`;
  return new ReportError(`cannot write the report at ${what}: ${why}; the previous report is unchanged`, why);
}

/**
 * Missing folders made on the way to an output. A run that fails takes them away again (deepest
 * first, each only while empty): a failed run leaves the disk as it found it.
 */
class MadeFolders {
  private constructor(
    private readonly deepest: string,
    /** The shallowest folder made; undefined when all existed. */
    private readonly first: string | undefined,
  ) {}

  /**
   * Make `dir` and its missing parents (mkdir -p), one level at a time: when a level cannot be
   * made (a name too long, no permission), the levels made before it are taken away again and
   * the error is thrown as mkdirSync threw it. `mkdirSync(…, { recursive: true })` left them.
   */
  static make(dir: string): MadeFolders {
    const deepest = resolve(dir);
    const missing: string[] = [];
    for (let d = deepest; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
    const made = new MadeFolders(deepest, missing[0]);
    let last: string | undefined;
    try {
      for (const d of missing) {
        mkdirSync(d);
        last = d;
      }
    } catch (err) {
      if (last !== undefined) new MadeFolders(last, missing[0]).remove();
      throw err;
    }
    return made;
  }

  remove(): void {
    if (this.first === undefined) return;
    for (let dir = this.deepest; ; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        return; // not empty (someone else's file), or gone: stop there
      }
      if (dir === this.first || dirname(dir) === dir) return;
    }
  }
}

/**
 * Where writing `path` really lands: for a symbolic link, the file it points to — that file is
 * replaced atomically and the link stays a link (renaming over the link would have turned it into
 * a plain file and left its target stale). A link to nothing is refused: following it would
 * create a file wherever the link says.
 */
function writeTarget(path: string): string {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return path; // nothing there yet
  }
  if (!link) return path;
  try {
    return realpathSync(path);
  } catch (err) {
    throw new ReportError(`cannot write ${path}: it is a symbolic link to a missing file (${(err as NodeJS.ErrnoException).code ?? 'error'}); the previous report is unchanged`);
  }
}

/** Staging folders of this process not yet committed or discarded: removed if the process exits. */
const live = new Set<{ discard(): void }>();
let exitHook = false;

function track(item: { discard(): void }): void {
  live.add(item);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', discardAllStaging);
  }
}

/** Remove every staging folder of this process (for a signal handler that exits right away). */
export function discardAllStaging(): void {
  for (const dir of [...live]) dir.discard();
}

export class StagingDir {
  readonly path: string;
  private done = false;
  /** Missing parents of the report folder made for it: removed again if the run fails. */
  private made?: MadeFolders;

  constructor(readonly target: string) {
    const abs = resolve(target);
    assertReplaceable(abs, target);
    removeStale(abs);
    this.path = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
    try {
      this.made = MadeFolders.make(dirname(abs));
      mkdirSync(this.path);
    } catch (err) {
      this.made?.remove();
      throw describeIoError(err, target);
    }
    track(this);
  }

  /** Swap the staged folder into place; the old report is removed only once the new one is in. */
  commit(): void {
    const abs = resolve(this.target);
    const old = `${this.path}.old`;
    try {
      assertReplaceable(abs, this.target);
      if (existsSync(abs)) renameSync(abs, old);
      try {
        renameSync(this.path, abs);
      } catch (err) {
        if (existsSync(old)) renameSync(old, abs);
        throw err;
      }
      this.done = true;
      live.delete(this);
    } catch (err) {
      this.discard();
      throw describeIoError(err, this.target);
    }
    // The new report is in place; an old copy that cannot be removed is only clutter.
    try {
      rmSync(old, { recursive: true, force: true });
    } catch {
      // leave it; the report itself is complete
    }
  }

  discard(): void {
    live.delete(this);
    if (this.done) return;
    this.done = true;
    rmSync(this.path, { recursive: true, force: true });
    this.made?.remove();
  }
}

/**
 * Only an earlier report (or an empty folder) is ever replaced: `--out src` or `--out ~` must
 * fail with a message, not delete the folder.
 */
function assertReplaceable(abs: string, shown: string): void {
  const problem = reportFolderProblem(abs, shown);
  if (problem) throw new ReportError(problem);
}

/**
 * Why the report folder `target` may not be replaced — a file, or a folder holding something
 * other than an earlier report (the input folder, a home folder) — or undefined. Checked before
 * a run as a usage error; checked again at the swap, where it is a write failure.
 */
export function reportFolderProblem(target: string, shown = target): string | undefined {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    // Nothing there yet: it will be made, unless a parent is a file (ENOTDIR when it is made).
    return missingParentProblem(`cannot write the report at ${shown}`, target);
  }
  if (stat.isSymbolicLink()) return `cannot write the report at ${shown}: it is a symbolic link; give the folder it points to`;
  if (!stat.isDirectory()) return `cannot write the report at ${shown}: it exists and is not a folder`;
  const entries = readdirSync(target);
  if (entries.length === 0) return undefined;
  if (!isReport(join(target, 'run.json'))) {
    return `cannot write the report at ${shown}: the folder is not empty and holds no earlier callqa report (run.json); choose another --out`;
  }
  const foreign = foreignEntries(target, entries);
  if (foreign.length === 0) return undefined;
  const named = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
  return `cannot write the report at ${shown}: the earlier report there also holds files callqa did not write (${named}), which replacing it would delete; move them out or choose another --out`;
}

/** What callqa writes into a report folder (scorecards/ holds one CSV per agent). */
const REPORT_ENTRIES = new Set(['summary.csv', 'findings.csv', 'errors.csv', 'escalations.csv', 'run.json', 'report.html', 'scorecards']);

/**
 * Entries of an earlier report that callqa did not write — an appeals file, notes, the month's
 * transcripts — in byte order. The report is replaced as a whole folder, so they would go with it.
 */
function foreignEntries(target: string, entries: string[]): string[] {
  const foreign = entries.filter((name) => !REPORT_ENTRIES.has(name));
  try {
    for (const name of readdirSync(join(target, 'scorecards'))) if (!name.endsWith('.csv')) foreign.push(join('scorecards', name));
  } catch {
    // No scorecards folder (or a file by that name): nothing of anyone's inside it.
  }
  return foreign.sort(byteOrder);
}

/**
 * The nearest existing ancestor of `path` must be a folder (the missing ones will be created):
 * a file there is a usage mistake to say up front, not an I/O failure halfway through.
 */
export function missingParentProblem(shown: string, path: string): string | undefined {
  let dir = dirname(resolve(path));
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) return `${shown}: ${dir} is not a folder`;
      return undefined;
    } catch {
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
}

/** Whether this run.json was written by callqa: the mark of a report folder. */
export function isReport(runJson: string): boolean {
  try {
    const run = JSON.parse(readRegularFileSync(runJson).toString('utf8')) as { tool?: unknown };
    return run.tool === 'callqa';
  } catch {
    return false;
  }
}

/** Staging folders and temporary files left by a killed run (SIGKILL, power cut) of a process that no longer exists. */
function removeStale(abs: string): void {
  const prefix = `.${basename(abs)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(abs));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dirname(abs), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Write one file atomically: a temporary sibling, flushed to disk, then renamed over `path` (over
 * the file a symbolic link points to, for a link). `createFolders`: make missing parents first,
 * and remove them again if the write fails.
 */
export function atomicWriteFile(path: string, data: string | Uint8Array, opts: { createFolders?: boolean } = {}): void {
  const target = writeTarget(path);
  let made: MadeFolders | undefined;
  try {
    if (opts.createFolders) made = MadeFolders.make(dirname(resolve(target)));
    const tmp = writeTemporary(target, data, path);
    try {
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  } catch (err) {
    made?.remove();
    throw describeIoError(err, path);
  }
}

/**
 * A file written next to its final place but not yet in it: the part that can fail (missing
 * folders, a full disk, permissions) happens before the report folder is committed, and
 * commit() after it is a rename in the same folder. `shown` names the report in messages.
 */
export class StagedFile {
  private readonly tmp: string;
  /** Where the file lands: `path`, or the file it links to (see writeTarget). */
  private readonly target: string;
  /** Missing folders made for it: removed again if the run fails. */
  private readonly made: MadeFolders;
  private done = false;

  constructor(readonly path: string, data: string | Uint8Array, shown: string) {
    this.target = writeTarget(path);
    try {
      this.made = MadeFolders.make(dirname(resolve(this.target)));
    } catch (err) {
      throw describeIoError(err, path, shown);
    }
    try {
      this.tmp = writeTemporary(this.target, data, shown);
    } catch (err) {
      this.made.remove();
      throw describeIoError(err, path, shown);
    }
    track(this);
  }

  /** Put the file in place; `committed` says what is already in place, for an accurate message. */
  commit(committed: string): void {
    try {
      renameSync(this.tmp, this.target);
      this.done = true;
      live.delete(this);
    } catch (err) {
      this.discard();
      const e = describeIoError(err, this.path);
      throw new ReportError(`${committed} was written, but ${this.path} could not be: ${e.why}`);
    }
  }

  discard(): void {
    live.delete(this);
    if (this.done) return;
    this.done = true;
    rmSync(this.tmp, { force: true });
    this.made.remove();
  }
}

/** A temporary sibling of `path` holding `data`, flushed to disk; its name is returned. */
function writeTemporary(path: string, data: string | Uint8Array, shown: string): string {
  // A run killed between writing and renaming (kill -9, or a second Ctrl-C) left one behind.
  removeStale(resolve(path));
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeAllSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // the original error is the one worth reporting
    }
    throw describeIoError(err, path, shown);
  }
}
