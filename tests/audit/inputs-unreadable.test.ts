/**
 * A folder the walk may not read. Tests run as root in CI, where chmod 000 denies nothing, so
 * the file system's answer is simulated: reading one chosen folder fails with EACCES.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const denied = new Set<string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    readdirSync: (path: string, ...rest: unknown[]) => {
      if (denied.has(path)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
    },
  };
});

const { expandInputs: expandPacked } = await import('../../src/audit/inputs.js');
/** The expansion with its packed file list read out as an array. */
const expandInputs = async (...args: Parameters<typeof expandPacked>) => {
  const { files, problems } = await expandPacked(...args);
  return { files: [...files], problems };
};

describe('an input folder with a folder the walk cannot read', () => {
  const root = mkdtempSync(join(tmpdir(), 'callqa-walk-'));
  mkdirSync(join(root, 'open'));
  mkdirSync(join(root, 'locked'));
  mkdirSync(join(root, '.hidden'));
  writeFileSync(join(root, 'open', 'a.txt'), '坐席：您好。\n');
  writeFileSync(join(root, 'locked', 'b.txt'), '坐席：您好。\n');
  writeFileSync(join(root, '.hidden', 'c.txt'), '坐席：您好。\n');
  writeFileSync(join(root, '.d.txt'), '坐席：您好。\n');

  it('lists that folder (its files are not silently dropped) and scores the rest; hidden names stay skipped', async () => {
    denied.add(join(root, 'locked'));
    try {
      expect(await expandInputs([root])).toEqual({
        files: [join(root, 'open', 'a.txt')],
        problems: [{ file: join(root, 'locked'), message: 'cannot read this folder: its files are not scored' }],
      });
    } finally {
      denied.clear();
    }
    expect((await expandInputs([root])).files).toEqual([join(root, 'locked', 'b.txt'), join(root, 'open', 'a.txt')]);
  });

  it('an input folder that cannot be read at all is one row saying so, not "holds no files"', async () => {
    denied.add(root);
    try {
      expect(await expandInputs([root])).toEqual({ files: [], problems: [{ file: root, message: 'cannot read this folder: its files are not scored' }] });
    } finally {
      denied.clear();
    }
  });

  it('skips a report folder inside the input folder, and does not walk into it', async () => {
    const report = join(root, 'open', 'report');
    mkdirSync(report, { recursive: true });
    writeFileSync(join(report, 'findings.csv'), 'x');
    denied.add(report); // walking into it would be a problem row
    try {
      expect(await expandInputs([root], { exclude: [report] })).toEqual({ files: [join(root, 'locked', 'b.txt'), join(root, 'open', 'a.txt')], problems: [] });
    } finally {
      denied.clear();
    }
  });
});
