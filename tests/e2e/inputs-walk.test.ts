// What a folder walk meets besides transcripts: links, FIFOs, and last run's report folder.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { callqa, readCsv, ROOT, tempDir } from './helpers.js';

describe('walking an input folder', () => {
  it('lists links to folders, broken links and FIFOs; reads a link to a file; skips its own report folder', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(join(input, 'sub'), { recursive: true });
    copyFileSync(join(ROOT, 'fixtures/calls/01-model-enquiry.txt'), join(input, 'sub', 'a.txt'));
    symlinkSync(join(input, 'sub', 'a.txt'), join(input, 'b.txt'));
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
});
