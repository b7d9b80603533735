/**
 * diff and sample print the files they could not use on stderr, as audit writes them to
 * errors.csv: a reader's message can quote the transcript, so it is masked the same way.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, tempDir } from '../e2e/helpers.js';

describe('problem lines of diff and sample', () => {
  const dir = tempDir();
  // A Whisper export whose end time is a phone number with letters glued on: a parse error quoting it.
  writeFileSync(join(dir, 'w.json'), '{"segments":[{"start":0,"end":"13812345678abc","text":"您好"}]}');

  it.each([
    ['diff', ['diff', '--old', 'rulesets/standard.yaml', '--new', 'fixtures/workflow/standard-v2.yaml', dir]],
    ['sample', ['sample', dir, '--per-agent', '1', '--seed', '1', '--out', join(dir, 'list.txt')]],
  ])('%s masks the number the message quotes', (_name, args) => {
    const r = callqa(args);
    expect(r.stderr).toContain('w.json: error (parse)');
    expect(r.stderr).toContain('138****5678abc');
    expect(r.stderr).not.toContain('13812345678');
  });
});
