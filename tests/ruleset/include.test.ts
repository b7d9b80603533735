/**
 * `include:` — a ruleset written as part files (lexicons and rules), merged in order; problems
 * point at the part file's own lines, so the person who edits a part finds them there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/ruleset/index.js';
import { loadRulesetFile } from '../../src/ruleset/load.js';
import { lintRulesetFile } from '../../src/lint/index.js';
import { callqa, tempDir } from '../e2e/helpers.js';

const HEADER = 'name: t\nversion: 1\npass_mark: 80\nweights: { opening: 50, closing: 50 }\n';
const rule = (id: string, phrases: string): string =>
  `  - id: ${id}\n    category: ${id.split('.')[0]}\n    title: t\n    points: 1\n    require: { speaker: agent, any: [${phrases}] }\n`;

/** Write files into a fresh folder; returns the folder. */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('include', () => {
  it('merges the parts\' lexicons and rules after the file\'s own, in the order listed', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include: [r/lex.yaml, r/closing.yaml, r/opening.yaml]\nrules:\n${rule('opening.own', '您好')}`,
      'r/lex.yaml': 'lexicons:\n  greeting: [您好, 你好]\n  bye: [再见]\n',
      'r/closing.yaml': `rules:\n${rule('closing.bye', '$bye')}`,
      'r/opening.yaml': `include: [more.yaml]\nrules:\n${rule('opening.greet', '$greeting')}`,
      'r/more.yaml': `rules:\n${rule('opening.more', '$greeting')}`,
    });
    const r = loadRuleset(join(dir, 'r.yaml'));
    expect(r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.ruleset.rules.map((x) => x.id)).toEqual(['opening.own', 'closing.bye', 'opening.greet', 'opening.more']);
    expect(Object.keys(r.ruleset.spec.lexicons ?? {})).toEqual(['greeting', 'bye']);
  });

  it('the hash of the ruleset changes when only a part changes', () => {
    const files = { 'r.yaml': `${HEADER}include: [p.yaml]\n`, 'p.yaml': `rules:\n${rule('opening.a', '您好')}` };
    const before = loadRuleset(join(folder(files), 'r.yaml'));
    const after = loadRuleset(join(folder({ ...files, 'p.yaml': `rules:\n${rule('opening.a', '你好')}` }), 'r.yaml'));
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(before.ruleset.sha256).not.toBe(after.ruleset.sha256);
  });

  it('a rule id or a lexicon defined in two files is an error naming both places', () => {
    const dir = folder({
      'r.yaml': `${HEADER}lexicons:\n  bye: [再见]\ninclude: [a.yaml, b.yaml]\n`,
      'a.yaml': `rules:\n${rule('opening.a', '您好')}`,
      'b.yaml': `lexicons:\n  bye: [拜拜]\nrules:\n${rule('opening.a', '你好')}`,
    });
    const r = loadRulesetFile(join(dir, 'r.yaml'));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: join(dir, 'b.yaml'), line: 2, column: 3, code: 'duplicate-lexicon', message: `lexicon "bye" is defined twice: here and at ${join(dir, 'r.yaml')}:6` }),
      expect.objectContaining({ file: join(dir, 'b.yaml'), line: 4, column: 5, code: 'duplicate-id', message: `rule "opening.a" is defined twice: here and at ${join(dir, 'a.yaml')}:2` }),
    ]);
  });

  it('an include cycle, a part included twice and a missing part are errors at the include line', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include:\n  - a.yaml\n  - c.yaml\n  - nope.yaml\n`,
      'a.yaml': `include: [b.yaml, common.yaml]\nrules:\n${rule('opening.a', '您好')}`,
      'b.yaml': 'include: [a.yaml]\n',
      'c.yaml': 'include: [common.yaml]\n',
      'common.yaml': 'lexicons: { bye: [再见] }\n',
    });
    const r = loadRulesetFile(join(dir, 'r.yaml'));
    expect(r.ok).toBe(false);
    const got = r.problems.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column} ${p.code}: ${p.message}`);
    expect(got).toEqual([
      'b.yaml:1:11 include-cycle: include cycle: a.yaml is itself including this file',
      `c.yaml:1:11 include-twice: common.yaml is already included at ${join(dir, 'a.yaml')}:1`,
      'r.yaml:8:5 include-unreadable: cannot include nope.yaml: file not found',
    ]);
  });

  it('a ruleset named as a part, or a setting inside a part, is told where it belongs', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include: [whole.yaml, p.yaml]\n`,
      'whole.yaml': `${HEADER}rules: []\n`,
      'p.yaml': `pass_mark: 70\nrules:\n${rule('opening.a', '您好')}`,
    });
    const r = loadRulesetFile(join(dir, 'r.yaml'));
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.code}: ${p.message}`)).toEqual([
      '5:11 include-whole-ruleset: whole.yaml is a whole ruleset (it has name:), not a part: build on it with extends:',
      '1:1 not-in-part: a ruleset part holds only include, lexicons, rules: "pass_mark" belongs in the ruleset that includes it',
    ]);
  });

  it('a part loaded as a ruleset says it is a part', () => {
    const dir = folder({ 'p.yaml': `rules:\n${rule('opening.a', '您好')}` });
    expect(loadRuleset(join(dir, 'p.yaml')).problems).toEqual([expect.objectContaining({ code: 'ruleset-part', message: expect.stringContaining('use the ruleset that includes it') })]);
  });

  it('lint reports a rule\'s problems, and a failing example, in the part file at its line', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include: [r/opening.yaml]\n`,
      'r/opening.yaml': `rules:\n${rule('opening.a', '$nope')}${rule('opening.b', '您好')}    examples:\n      - verdict: pass\n        dialogue: |\n          坐席：喂。\n`,
    });
    const errors = (file: string) => lintRulesetFile(file).problems.filter((p) => p.severity === 'error');
    expect(errors(join(dir, 'r.yaml'))).toEqual([expect.objectContaining({ file: join(dir, 'r/opening.yaml'), line: 6, column: 38, code: 'unknown-lexicon' })]);
    const fixed = join(dir, 'r/opening.yaml');
    writeFileSync(fixed, `rules:\n${rule('opening.b', '您好')}    examples:\n      - verdict: pass\n        dialogue: |\n          坐席：喂。\n`);
    expect(errors(join(dir, 'r.yaml'))).toEqual([
      expect.objectContaining({ file: fixed, line: 8, column: 9, code: 'example-failed' }),
    ]);
    const test = callqa(['test', join(dir, 'r.yaml')]);
    expect(test.status).toBe(1);
    expect(test.stdout).toContain(`${fixed}:8:9  example 1: expected pass, got fail`);
  });

  it('lint reports a misspelt key in one part and the other rules\' problems in one run', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include: [a.yaml, b.yaml]\n`,
      'a.yaml': `rules:\n${rule('opening.a', '您好').replace('require', 'requre')}${rule('opening.b', '您好')}`,
      'b.yaml': `rules:\n${rule('closing.c', '$nope')}`,
    });
    const got = lintRulesetFile(join(dir, 'r.yaml')).problems.filter((p) => p.severity === 'error');
    expect(got.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column} ${p.code}`)).toEqual(['a.yaml:6:5 unknown-key', 'b.yaml:6:38 unknown-lexicon']);
  });

  it('lint of a folder skips the parts, which it lints with the ruleset that includes them, and names a part nothing includes', () => {
    const dir = folder({
      'r.yaml': `${HEADER}include: [r/opening.yaml]\n`,
      'r/opening.yaml': `rules:\n${rule('opening.a', '您好')}`,
      'r/orphan.yaml': `rules:\n${rule('opening.z', '您好')}`,
    });
    const r = callqa(['lint', '--no-examples', dir]);
    expect(r.stdout).not.toContain('ruleset-part');
    expect(r.stderr).toContain(`${join(dir, 'r/orphan.yaml')}: a ruleset part that none of these rulesets includes: not checked`);
    expect(r.stderr).not.toContain('opening.yaml');
  });
});
