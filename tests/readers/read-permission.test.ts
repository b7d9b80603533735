/**
 * A transcript the audit may not read. Tests run as root in CI, where chmod 000 denies nothing,
 * so the file system's answer is simulated: opening or reading one chosen path fails with EACCES
 * (open fails first; the reader then stats and reads by path, which fails the same way).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const denied = new Set<string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const eacces = (path: unknown): Error => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
  return {
    ...fs,
    openSync: (path: string, ...rest: unknown[]) => {
      if (denied.has(path)) throw eacces(path);
      return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    },
    readFileSync: (path: string, ...rest: unknown[]) => {
      if (typeof path === 'string' && denied.has(path)) throw eacces(path);
      return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    },
  };
});

const { readCallFile } = await import('../../src/readers/index.js');

describe('an unreadable transcript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callqa-perm-'));
  const file = join(dir, 'locked.txt');
  writeFileSync(file, '坐席：您好。\n客户：你好。\n');

  it('is refused with "permission denied", not a stack trace', () => {
    expect(readCallFile(file).ok).toBe(true);
    denied.add(file);
    try {
      expect(readCallFile(file)).toEqual({ ok: false, error: { file, stage: 'read', message: 'permission denied' } });
    } finally {
      denied.delete(file);
    }
  });
});
