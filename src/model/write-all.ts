import { writeSync } from 'node:fs';

/**
 * Write all of `data`: a write to a filling disk may take only part of it and say so by the
 * count it returns, not by an error (the error comes with the next write — if there is one).
 */
export function writeAllSync(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}
