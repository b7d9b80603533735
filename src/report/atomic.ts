/**
 * Atomic output: the whole report is written into a temporary sibling folder and swapped into
 * place at the end, so a run that is interrupted or fails (disk full) leaves the previous report
 * intact — never a half-written CSV.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A report that could not be written: the CLI prints the message and exits 3. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

export function describeIoError(err: unknown, path: string): ReportError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' ? 'a parent is not a folder'
    : code === 'EROFS' ? 'read-only file system'
    : err instanceof Error ? err.message : String(err);
  return new ReportError(`cannot write the report at ${path}: ${why}; the previous report is unchanged`);
}

export class StagingDir {
  readonly path: string;
  private done = false;

  constructor(readonly target: string) {
    const abs = resolve(target);
    this.path = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
    try {
      mkdirSync(this.path, { recursive: true });
    } catch (err) {
      throw describeIoError(err, target);
    }
  }

  /** Swap the staged folder into place; the old report is removed only once the new one is in. */
  commit(): void {
    const abs = resolve(this.target);
    const old = `${this.path}.old`;
    try {
      if (existsSync(abs)) renameSync(abs, old);
      try {
        renameSync(this.path, abs);
      } catch (err) {
        if (existsSync(old)) renameSync(old, abs);
        throw err;
      }
      rmSync(old, { recursive: true, force: true });
      this.done = true;
    } catch (err) {
      this.discard();
      throw describeIoError(err, this.target);
    }
  }

  discard(): void {
    if (this.done) return;
    this.done = true;
    rmSync(this.path, { recursive: true, force: true });
  }
}
