import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Write all of `data`: a write to a filling disk may take only part of it and say so by the
 * count it returns, not by an error (the error comes with the next write — if there is one).
 */
export function writeAllSync(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

/**
 * Write a file made of many small pieces, joined into chunks of about `chunkChars` characters:
 * one string for the whole file would be as big as the file.
 */
export function writeInChunks(path: string, produce: (write: (text: string) => void) => void, chunkChars: number): void {
  const fd = openSync(path, 'w');
  try {
    let chunk = '';
    produce((text) => {
      chunk += text;
      if (chunk.length >= chunkChars) {
        writeAllSync(fd, chunk);
        chunk = '';
      }
    });
    writeAllSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
