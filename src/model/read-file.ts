/**
 * Reading a side file (a ruleset, a manifest, an overrides or labels CSV): a FIFO or a device
 * named there would block readFileSync forever, deaf to Ctrl-C. It is opened without blocking and
 * refused unless it is a regular file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Thrown as a file-system error with this code, so callers word it with the others. */
export const NOT_REGULAR = 'ENOTREG';

export function readRegularFileSync(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' });
    if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: NOT_REGULAR });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** 「not a regular file (a FIFO or a device)」 for NOT_REGULAR; undefined for any other error. */
export function notRegularCause(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code === NOT_REGULAR ? 'not a regular file (a FIFO or a device)' : undefined;
}
