/**
 * readCallFile opens the file and fstats the descriptor (one path lookup instead of two); these
 * tests hold it to the stat-then-readFileSync form it replaced, for every kind of path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseCallBytes, readCallFile } from '../../src/readers/index.js';
import type { ReadOutcome } from '../../src/readers/index.js';

function reference(file: string, limit = MAX_FILE_BYTES): ReadOutcome {
  const fail = (message: string): ReadOutcome => ({ ok: false, error: { file, stage: 'read', message } });
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail('is a directory, not a file');
    if (!stat.isFile()) return fail('not a regular file');
    if (stat.size > limit) return fail('file too large');
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file not found' : `cannot read the file: ${(err as Error).message}`);
  }
  return parseCallBytes(bytes, file);
}

/** The outcome with the too-large message shortened, as the reference above words it. */
function outcome(file: string, limit?: number): ReadOutcome {
  const o = readCallFile(file, limit === undefined ? {} : { maxFileBytes: limit });
  if (!o.ok && o.error.message.startsWith('file too large')) o.error.message = 'file too large';
  return o;
}

describe('readCallFile reads every kind of path as before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callqa-read-exact-'));
  const file = join(dir, 'call.txt');
  writeFileSync(file, '坐席：您好\n客户：你好\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  mkdirSync(join(dir, 'sub'));
  symlinkSync(file, join(dir, 'link.txt'));
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
  let fifo: string | undefined = join(dir, 'pipe.txt');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifo = undefined;
  }

  it.each([
    ['a file', file],
    ['a symlink to a file', join(dir, 'link.txt')],
    ['an empty file', join(dir, 'empty.txt')],
    ['a directory', join(dir, 'sub')],
    ['a missing file', join(dir, 'missing.txt')],
    ['a dangling symlink', join(dir, 'dangling.txt')],
    ['a path through a file (ENOTDIR)', join(file, 'x.txt')],
    ['a device', '/dev/null'],
  ])('%s', (_name, path) => {
    expect(outcome(path)).toEqual(reference(path));
  });

  it('a file over the limit', () => {
    expect(outcome(file, 10)).toEqual(reference(file, 10));
  });

  it('a regular file that states size 0 is read to its end (procfs)', () => {
    if (statSync('/proc/version', { throwIfNoEntry: false })?.size !== 0) return;
    expect(outcome('/proc/version')).toEqual(reference('/proc/version'));
  });

  it('a FIFO is refused without waiting for a writer', () => {
    if (fifo === undefined) return;
    expect(outcome(fifo)).toEqual(reference(fifo));
  });
});
