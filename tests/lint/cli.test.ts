/**
 * `callqa lint` / `callqa test` through the CLI entry (main returns the exit code):
 * formats, exit codes 0/1/2, --max-warnings, --quiet. See: issue 6.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-run.js';

const B = 'fixtures/rulesets/broken';

const run = runCli;

describe('callqa lint', () => {
  it('stylish (default, no colour off a TTY): grouped by file, aligned, with a summary', async () => {
    const r = await run('lint', `${B}/unknown-key.yaml`, `${B}/weights-sum.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        `${B}/unknown-key.yaml`,
        '  10:5  error    unknown key "requre" in rule opening.greeting (did you mean "require"?)  unknown-key',
        '',
        `${B}/weights-sum.yaml`,
        '  4:10  warning  weights add up to 90, not 100 (opening 30 + conduct 50 + closing 10)  weights-sum',
        '  4:38  warning  category "closing" has a weight but no rule                           unused-weight',
        '',
        '✖ 3 problems (1 error, 2 warnings)',
      ].join('\n'),
    );
  });

  it('--format github: one workflow annotation per problem, message data escaped', async () => {
    const r = await run('lint', '--format', 'github', `${B}/threshold-range.yaml`);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      `::error file=${B}/threshold-range.yaml,line=6,col=22,title=callqa out-of-range::threshold review_confidence is 1.5: it must be more than 0 and at most 1`,
      `::error file=${B}/threshold-range.yaml,line=7,col=15,title=callqa out-of-range::threshold hold_min_s is -3: it must be at least 0 and at most 3600 s`,
    ]);
  });

  it('--format json: data that reads back, with counts', async () => {
    const r = await run('lint', '-f', 'json', `${B}/duplicate-phrase.yaml`);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as Array<{ file: string; errorCount: number; warningCount: number; problems: Array<{ line: number; code: string }> }>;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ file: `${B}/duplicate-phrase.yaml`, errorCount: 0, warningCount: 2 });
    expect(data[0]?.problems.map((p) => `${p.line}:${p.code}`)).toEqual(['12:duplicate-phrase', '12:duplicate-phrase']);
  });

  it('exit 0 with warnings only; 1 with --max-warnings 0', async () => {
    expect((await run('lint', `${B}/not-in-catalogue.yaml`)).code).toBe(0);
    const strict = await run('lint', '--max-warnings', '0', `${B}/not-in-catalogue.yaml`);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('more than --max-warnings 0');
  });

  it('--quiet prints errors only', async () => {
    const r = await run('lint', '--quiet', `${B}/weights-sum.yaml`);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('exit 2 when it cannot run: a missing file, an unknown format', async () => {
    const missing = await run('lint', 'no/such/ruleset.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/ruleset.yaml: no such ruleset file');
    const format = await run('lint', '--format', 'xml', `${B}/unknown-key.yaml`);
    expect(format.code).toBe(2);
    expect(format.err).toContain('unknown format "xml" (formats: stylish, json, github)');
  });
});

describe('callqa test', () => {
  it('prints per-rule counts and each disagreeing example with its line and the engine reason', async () => {
    const r = await run('test', `${B}/example-failed.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        `${B}/example-failed.yaml`,
        '  ✗ opening.greeting  pass 1/2',
        '      17:9  "wrongly labelled": expected pass, got fail — not said: 「您好」',
        '',
        '✖ 1 of 2 example(s) disagree, in 1 rule(s)',
      ].join('\n'),
    );
  });

  it('a ruleset with errors cannot run its examples: exit 1 and says why', async () => {
    const r = await run('test', `${B}/unknown-lexicon.yaml`);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the ruleset has errors, its examples cannot run');
    // No green tick over a ruleset that ran nothing, alone or beside a clean one.
    expect(r.out).not.toContain('✔');
    expect(r.out).toContain('✖ 1 ruleset(s) have errors and ran no examples');
    const mixed = await run('test', `${B}/unknown-lexicon.yaml`, 'rulesets/xiongshi.yaml');
    expect(mixed.code).toBe(1);
    expect(mixed.out).toContain('✖ 1 ruleset(s) have errors and ran no examples; 0 of 5 example(s) of the others disagree');
  });
});
