// A glob meets what a folder walk meets: links to files, links to folders, broken links, FIFOs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs as expandPacked } from '../../src/audit/inputs.js';
import { tempDir } from '../e2e/helpers.js';

/** The expansion with its packed file list read out as an array. */
const expandInputs = async (...args: Parameters<typeof expandPacked>) => {
  const { files, problems } = await expandPacked(...args);
  return { files: [...files], problems };
};

describe('a glob over a folder', () => {
  const root = tempDir();
  const g = join(root, 'g');
  mkdirSync(join(g, 'sub'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere', 'x.txt'), '坐席：您好。\n');
  writeFileSync(join(g, 'plain.txt'), '坐席：您好。\n');
  symlinkSync(join(root, 'elsewhere', 'x.txt'), join(g, 'link.txt'));
  symlinkSync(join(root, 'elsewhere'), join(g, 'folder-link.txt'));
  symlinkSync(join(root, 'nowhere'), join(g, 'broken.txt'));
  execFileSync('mkfifo', [join(g, 'pipe.txt')]);
  const walked = {
    files: [join(g, 'link.txt'), join(g, 'plain.txt')],
    problems: [
      { file: join(g, 'broken.txt'), message: 'a broken link' },
      { file: join(g, 'folder-link.txt'), message: 'a link to a folder: not followed' },
      { file: join(g, 'pipe.txt'), message: 'not a regular file' },
    ],
  };
  const sorted = (r: Awaited<ReturnType<typeof expandInputs>>) => ({ ...r, problems: [...r.problems].sort((a, b) => (a.file < b.file ? -1 : 1)) });

  it('reads a link to a file and lists a FIFO, a broken link and a link to a folder, as the walk does', async () => {
    expect(sorted(await expandInputs([g]))).toEqual(walked);
    expect(sorted(await expandInputs([`${g}/*.txt`]))).toEqual(walked);
  });

  it('folders it matches are not walked and not listed; a pattern meeting only a FIFO is not "matches no files"', async () => {
    expect(sorted(await expandInputs([`${g}/*`]))).toEqual(walked);
    expect(await expandInputs([`${g}/pipe.tx?`])).toEqual({ files: [], problems: [{ file: join(g, 'pipe.txt'), message: 'not a regular file' }] });
    expect(await expandInputs([`${g}/*.none`])).toEqual({ files: [], problems: [{ file: `${g}/*.none`, message: 'pattern matches no files' }] });
  });
});
