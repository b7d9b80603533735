// `@list.txt` inputs: what a line names, and what a list that names nothing is.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs as expandPacked } from '../../src/audit/inputs.js';
import { callqa, readCsv, ROOT, tempDir } from '../e2e/helpers.js';

/** The expansion with its packed file list read out as an array. */
const expandInputs = async (...args: Parameters<typeof expandPacked>) => {
  const { files, problems } = await expandPacked(...args);
  return { files: [...files], problems };
};

function folderOf(names: string[]): string {
  const dir = tempDir();
  for (const name of names) copyFileSync(join(ROOT, 'fixtures/calls/01-model-enquiry.txt'), join(dir, name));
  return dir;
}

describe('an @list line', () => {
  it('names a file with leading or trailing spaces as written; ./#… is a file, # a comment', async () => {
    const dir = folderOf([' lead.txt', 'trail.txt ', '#1.txt']);
    const list = join(dir, 'list.txt');
    writeFileSync(list, '# a comment\n lead.txt\ntrail.txt \n./#1.txt\n#1.txt\n');
    expect(await expandInputs([`@${list}`])).toEqual({ files: [join(dir, ' lead.txt'), join(dir, '#1.txt'), join(dir, 'trail.txt ')], problems: [] });
  });

  it('a hand-edited list still works: stray spaces around a name, indented comments, CRLF', async () => {
    const dir = folderOf(['a.txt']);
    mkdirSync(join(dir, 'sub'));
    const list = join(dir, 'sub', 'list.txt');
    writeFileSync(list, '  # indented comment\r\n  ../a.txt  \r\n\t\r\n');
    expect(await expandInputs([`@${list}`])).toEqual({ files: [join(dir, 'a.txt')], problems: [] });
  });
});

describe('an @list that names no file', () => {
  it.each([['empty', ''], ['only comments and blank lines', '# callqa sample …\n\n  # note\n']])('%s: one row, as for an empty folder', async (_, text) => {
    const list = join(tempDir(), 'list.txt');
    writeFileSync(list, text);
    expect(await expandInputs([`@${list}`])).toEqual({ files: [], problems: [{ file: list, message: 'list holds no files' }] });
  });

  it('the audit exits 1: zero calls is not a complete month', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list.txt'), '# nothing\n');
    const run = callqa(['audit', `@${join(dir, 'list.txt')}`, '--out', join(dir, 'report'), '--quiet']);
    expect(run.status).toBe(1);
    expect(readCsv(join(dir, 'report', 'errors.csv')).rows.map((r) => r.message)).toEqual(['list holds no files']);
  });
});
