// YAML nested thousands of levels deep, in a transcript's front matter or in a ruleset: one clear
// message at a fixed place, the documented exit code, the same on every thread, no stack trace.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCall, prng } from '../../scripts/synthetic-month.js';
import { callqa, readCsv, tempDir } from './helpers.js';
import { parseFrontMatter } from '../../src/readers/plain-meta.js';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { YAML_MAX_DEPTH } from '../../src/model/yaml.js';

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepCall = (depth: number): string => `---\nagent_id: A1\na: ${nested(depth)}\n---\n坐席：您好，请问有什么可以帮您？\n客户：我要查订单。\n`;
const TOO_DEEP = `front matter is nested too deeply (more than ${YAML_MAX_DEPTH} levels of lists or maps)`;
// The front matter's mapping is the first level; after `a: ` (columns 1-3) the list one level too
// deep is the 64th bracket.
const WHERE = `line 3, column ${4 + YAML_MAX_DEPTH - 1}`;

describe('deeply nested front matter', () => {
  it('is an errors.csv row saying so, with its line, whatever --jobs is', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    const rand = prng(3);
    // Enough calls for worker threads (whose stack is larger than the main thread's).
    for (let i = 0; i < 140; i++) writeFileSync(join(input, `c${String(i).padStart(3, '0')}.txt`), makeCall(rand, i, undefined, 600));
    writeFileSync(join(input, 'deep.txt'), deepCall(5000));
    writeFileSync(join(input, 'deeper.txt'), deepCall(200_000));
    writeFileSync(join(input, 'medium.txt'), deepCall(2000));
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out${jobs}`);
      const r = callqa(['audit', input, '--out', out, '--jobs', jobs, '--quiet']);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+|call stack/);
      expect(r.status).toBe(1);
      const rows = readCsv(join(out, 'errors.csv')).rows.filter((e) => e.severity === 'error');
      expect(rows.map((e) => [e.file?.slice(input.length + 1), e.stage, e.message])).toEqual([
        ['deep.txt', 'parse', `${WHERE}: ${TOO_DEEP}`],
        ['deeper.txt', 'parse', `${WHERE}: ${TOO_DEEP}`],
        ['medium.txt', 'parse', `${WHERE}: ${TOO_DEEP}`],
      ]);
      expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ jobs: Number(jobs), scored: 140, errors: 3 });
    }
  });

  it('nesting up to the limit is read as before: a nested value, ignored with a warning', () => {
    const warnings: { message: string; line?: number }[] = [];
    const { meta } = parseFrontMatter(deepCall(YAML_MAX_DEPTH - 1).split('\n'), warnings);
    expect(meta).toEqual({ agent_id: 'A1' });
    expect(warnings).toEqual([{ message: 'front matter "a": nested values are not supported; ignored', line: 3 }]);
  });
});

describe('a deeply nested ruleset', () => {
  const HEADER = 'name: deep\nversion: 1\npass_mark: 80\nweights: { opening: 100 }\n';
  const text = `${HEADER}lexicons:\n  greeting: ${nested(5000)}\nrules: []\n`;
  const problem = `nested too deeply (more than ${YAML_MAX_DEPTH} levels of lists or maps)`;
  // The top-level mapping and `lexicons:` are two levels; the first bracket is at column 13.
  const column = 13 + YAML_MAX_DEPTH - 2;

  it('is one located problem when loaded', () => {
    const r = loadRulesetFromText(text, 'deep.yaml');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ file: 'deep.yaml', line: 6, column, severity: 'error', code: 'yaml-too-deep', message: problem }]);
  });

  it('lint: exit 1 with the problem; audit --ruleset: exit 2, nothing written', () => {
    const dir = tempDir();
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, text);
    // Nested in block style (`- - - …`) as well as in brackets.
    const block = join(dir, 'block.yaml');
    writeFileSync(block, `${HEADER}lexicons:\n  greeting:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 4)}-`).join('\n')} 您好\nrules: []\n`);
    const lint = callqa(['lint', file, block]);
    expect(lint.stderr).not.toMatch(/at .*\.js:\d+|call stack/);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain(`6:${column}  error    ${problem}  yaml-too-deep`);
    // The greeting list (line 7, column 5) is level 3; each line one deeper, two columns right.
    expect(lint.stdout).toContain(`${7 + YAML_MAX_DEPTH - 3 + 1}:${5 + 2 * (YAML_MAX_DEPTH - 3 + 1)}  error    ${problem}  yaml-too-deep`);

    writeFileSync(join(dir, 'call.txt'), deepCall(1));
    const out = join(dir, 'out');
    const audit = callqa(['audit', join(dir, 'call.txt'), '--ruleset', file, '--out', out]);
    expect(audit.stderr).not.toMatch(/at .*\.js:\d+|call stack/);
    expect(audit.status).toBe(2);
    expect(audit.stderr).toContain(`deep.yaml:6:${column}: error: ${problem} [yaml-too-deep]`);
    expect(() => readFileSync(join(out, 'run.json'))).toThrow();
  });
});
