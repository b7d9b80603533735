// File names that are not UTF-8: what a Windows export (GBK names) unzipped on Linux looks like.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs as expandPacked } from '../../src/audit/inputs.js';
import { tempDir } from '../e2e/helpers.js';

/** The expansion with its packed file list read out as an array. */
const expandInputs = async (...args: Parameters<typeof expandPacked>) => {
  const { files, problems } = await expandPacked(...args);
  return { files: [...files], problems };
};

// GBK bytes, written out (Node decodes GBK but does not encode it): 王芳_通话录音.txt, 通话.
const WANG_FANG = Buffer.from([0xcd, 0xf5, 0xb7, 0xbc, 0x5f, 0xcd, 0xa8, 0xbb, 0xb0, 0xc2, 0xbc, 0xd2, 0xf4, 0x2e, 0x74, 0x78, 0x74]);
const CALLS = Buffer.from([0xcd, 0xa8, 0xbb, 0xb0]);
const FF = Buffer.from([0xff, 0x2e, 0x74, 0x78, 0x74]);

describe('a walked folder with names that are not UTF-8', () => {
  it('says so, with what the name reads as in GBK, instead of "file not found"; other names are scored', async () => {
    const root = tempDir();
    const under = (...names: Buffer[]): Buffer => Buffer.concat([Buffer.from(root), ...names.flatMap((n) => [Buffer.from('/'), n])]);
    writeFileSync(under(WANG_FANG), '坐席：您好。\n');
    writeFileSync(under(FF), '坐席：您好。\n');
    mkdirSync(under(CALLS));
    writeFileSync(under(CALLS, Buffer.from('a.txt')), '坐席：您好。\n');
    writeFileSync(join(root, 'ok\uFFFD.txt'), '坐席：您好。\n'); // a real U+FFFD: a valid name
    const { files, problems } = await expandInputs([root]);
    expect(files).toEqual([join(root, 'ok\uFFFD.txt')]);
    const said = Object.fromEntries(problems.map((p) => [p.file, p.message]));
    // The names as Node gives them (U+FFFD for each byte it cannot decode).
    expect(said).toEqual({
      [join(root, WANG_FANG.toString())]: 'file name is not valid UTF-8 (GBK? it would read 王芳_通话录音.txt): rename it, e.g. with convmv -f gbk -t utf8 --notest',
      [join(root, FF.toString())]: 'file name is not valid UTF-8: rename it, e.g. with convmv',
      [join(root, CALLS.toString())]: 'folder name is not valid UTF-8 (GBK? it would read 通话): its files are not scored; rename it, e.g. with convmv -f gbk -t utf8 --notest -r',
    });
  });

  it('a name typed on the command line that is not UTF-8 says so too', async () => {
    const root = tempDir();
    writeFileSync(Buffer.concat([Buffer.from(`${root}/`), FF]), '坐席：您好。\n');
    expect((await expandInputs([join(root, FF.toString())])).problems).toEqual([{ file: join(root, FF.toString()), message: 'file name is not valid UTF-8: rename it, e.g. with convmv' }]);
  });
});
