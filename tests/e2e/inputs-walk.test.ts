// What a folder walk meets besides transcripts: links, FIFOs, and last run's report folder.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { callqa, readCsv, ROOT, tempDir } from './helpers.js';

describe('walking an input folder', () => {
  it('lists links to folders, broken links and FIFOs; reads a link to a file; skips its own report folder', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(join(input, 'sub'), { recursive: true });
    copyFileSync(join(ROOT, 'fixtures/calls/01-model-enquiry.txt'), join(input, 'sub', 'a.txt'));
    copyFileSync(join(ROOT, 'fixtures/calls/02-complaint-handled-well.txt'), join(dir, 'elsewhere.txt'));
    symlinkSync(join(dir, 'elsewhere.txt'), join(input, 'b.txt'));
    symlinkSync(join(input, 'sub'), join(input, 'folder-link'));
    symlinkSync(join(dir, 'nowhere.txt'), join(input, 'broken.txt'));
    execFileSync('mkfifo', [join(input, 'pipe.txt')]);
    const out = join(input, 'report');
    for (let run = 1; run <= 2; run++) {
      // The second run finds the first run's report inside its input folder: not input.
      expect(callqa(['audit', input, '--out', out, '--quiet']).status).toBe(1);
      const errors = readCsv(join(out, 'errors.csv')).rows.filter((e) => e.severity === 'error');
      expect(errors.map((e) => [e.file?.slice(input.length + 1), e.message])).toEqual([
        ['broken.txt', 'a broken link'],
        ['folder-link', 'a link to a folder: not followed'],
        ['pipe.txt', 'not a regular file'],
      ]);
      const facts = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
      expect([facts.inputs, facts.scored, facts.errors, facts.complete]).toEqual([5, 2, 3, true]);
    }
  });

  it('scores a file once however it is reached: a link to it, a linked folder, a list, a glob', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd'));
    copyFileSync(join(ROOT, 'fixtures/calls/01-model-enquiry.txt'), join(dir, 'd', 'a.txt'));
    symlinkSync('d/a.txt', join(dir, 'alink.txt'));
    symlinkSync('d', join(dir, 'dlink'));
    writeFileSync(join(dir, 'list.txt'), 'alink.txt\ndlink/a.txt\n');
    const run = callqa(['audit', 'd', 'alink.txt', 'dlink/a.txt', 'dlink/*.txt', 'dlink', '@list.txt', '--out', 'report', '--quiet'], dir);
    expect(run.status, run.stderr).toBe(0);
    const facts = JSON.parse(readFileSync(join(dir, 'report', 'run.json'), 'utf8'));
    expect([facts.inputs, facts.scored, facts.errors, facts.warnings]).toEqual([1, 1, 0, 0]);
    // The first path found is the one shown.
    expect(readCsv(join(dir, 'report', 'errors.csv')).rows).toEqual([]);
    expect(readCsv(join(dir, 'report', 'scorecards', 'A128.csv')).rows.map((r) => r.file)).toEqual(['d/a.txt']);
  });
});
