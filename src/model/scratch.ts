/**
 * A private temporary folder for lists that grow with the month and go to disk past a limit
 * (input paths, call ids). Made in the system's temp folder on first use only — a month that
 * fits in memory never touches the disk — and removed by remove() or, at the latest, when the
 * process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ioCause } from './io-cause.js';

/** The temp folder could not be made or written (a full disk, no permission). */
export class ScratchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScratchError';
  }
}

const live = new Set<Scratch>();
let exitHook = false;

export class Scratch {
  private root: string | undefined;
  private made = 0;

  /** A fresh sub-folder name for one list (the list makes it when it first writes). */
  folder(name: string): string {
    if (this.root === undefined) {
      try {
        this.root = mkdtempSync(join(tmpdir(), 'callqa-scratch-'));
      } catch (err) {
        throw scratchError(err, tmpdir());
      }
      live.add(this);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', () => {
          for (const scratch of live) scratch.remove();
        });
      }
    }
    return join(this.root, `${name}-${this.made++}`);
  }

  remove(): void {
    if (this.root === undefined) return;
    rmSync(this.root, { recursive: true, force: true });
    live.delete(this);
    this.root = undefined;
  }
}

/** A file-system error met while spilling a list to `where`, as a message that says what to do. */
export function scratchError(err: unknown, where: string): ScratchError {
  if (err instanceof ScratchError) return err;
  return new ScratchError(`cannot write temporary files in ${where} (lists too long to keep in memory go there; set TMPDIR to another folder): ${ioCause(err)}`);
}
