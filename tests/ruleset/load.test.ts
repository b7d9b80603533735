import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, loadRuleset, loadRulesetFromText } from '../../src/ruleset/index.js';
import { evaluateCall } from '../../src/engine/index.js';
import { callOf } from '../engine/rule-helpers.js';

const HEADER = `name: t
version: 1
pass_mark: 80
weights: { opening: 50, conduct: 50 }
`;

describe('loading rulesets', () => {
  it('loads and compiles the bundled rulesets without problems', () => {
    for (const file of [DEFAULT_RULESET, DEFAULT_RULESET.replace('standard.yaml', 'xiongshi.yaml')]) {
      const r = loadRuleset(file);
      expect(r.ok ? r.problems : r.problems).toEqual([]);
    }
  });

  it('reports a misspelt key at its line and column, with a suggestion', () => {
    const r = loadRulesetFromText(`${HEADER}rules:\n  - id: opening.greeting\n    category: opening\n    title: t\n    points: 1\n    requre: { speaker: agent, any: [您好] }\n`, 'r.yaml');
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ line: 10, column: 5, code: 'unknown-key', message: expect.stringContaining('did you mean "require"') }));
  });

  it('reports an unknown lexicon and a bad regex at the phrase', () => {
    const r = loadRulesetFromText(`${HEADER}rules:\n  - id: conduct.x\n    category: conduct\n    title: t\n    points: 1\n    forbid: { speaker: agent, phrases: [$nope, "/(/"] }\n`, 'r.yaml');
    expect(r.ok).toBe(false);
    const codes = r.problems.map((p) => `${p.code}@${p.line}:${p.column}`);
    expect(codes).toContain('unknown-lexicon@10:41');
    expect(codes).toContain('bad-regex@10:48');
  });

  it('treats names that Object has (toString, constructor, __proto__) as unknown, not as methods', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const r = loadRulesetFromText(`${HEADER}rules:\n  - id: conduct.x\n    category: ${name}\n    title: t\n    points: 1\n    forbid: { speaker: agent, phrases: [$${name}] }\n`, 'r.yaml');
      expect(r.ok, name).toBe(false);
      expect(r.problems.map((p) => p.code), name).toEqual(expect.arrayContaining(['unknown-category', 'unknown-lexicon']));
    }
  });

  it('says in words why a ruleset cannot be read', () => {
    const folder = DEFAULT_RULESET.replace(/[\\/]standard\.yaml$/, '');
    expect(loadRuleset(folder).problems.map((p) => p.message)).toEqual(['cannot read ruleset: is a folder, not a file']);
    expect(loadRuleset(`${folder}/nope.yaml`).problems.map((p) => p.message)).toEqual(['cannot read ruleset: file not found']);
  });

  it('reports YAML syntax errors with their position instead of throwing', () => {
    const r = loadRulesetFromText(`${HEADER}rules: [\n`, 'r.yaml');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ file: 'r.yaml', code: 'yaml-syntax' });
    expect(r.problems[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('rejects duplicate ids and categories without a weight', () => {
    const rule = (id: string, cat: string): string => `  - { id: ${id}, category: ${cat}, title: t, points: 1, forbid: { speaker: agent, phrases: [喂] } }\n`;
    const r = loadRulesetFromText(`${HEADER}rules:\n${rule('opening.a', 'opening')}${rule('opening.a', 'opening')}${rule('closing.b', 'closing')}`, 'r.yaml');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code).sort()).toEqual(['duplicate-id', 'unknown-category']);
  });

  it('compiles one phrase set per distinct list and policy, and still reports every broken use', () => {
    const rule = (id: string, check: string): string => `  - { id: ${id}, category: conduct, title: t, points: 1, ${check} }\n`;
    const text = `${HEADER}rules:\n${rule('conduct.a', 'forbid: { speaker: agent, phrases: [滚, "/你.{0,2}有病/"] }')}${rule('conduct.b', 'forbid: { speaker: agent, phrases: [滚, "/你.{0,2}有病/"] }')}${rule('conduct.c', 'forbid: { speaker: agent, phrases: [滚, "/你.{0,2}有病/"], tolerance: auto }')}`;
    const r = loadRulesetFromText(text, 'r.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const sets = r.ruleset.rules.map((x) => (x.checks[0] as { phrases?: unknown }).phrases);
    expect(sets[0]).toBeDefined();
    expect(sets[1]).toBe(sets[0]);
    expect(sets[2]).not.toBe(sets[0]);
    const broken = loadRulesetFromText(text.replaceAll('滚', '$nope'), 'r.yaml');
    expect(broken.problems.filter((p) => p.code === 'unknown-lexicon').map((p) => p.line)).toEqual([6, 7, 8]);
  });

  it('shares one `said` question between the rules that ask it, and answers it once per call with each rule its own verdict', () => {
    const rule = (id: string, when: string, check: string): string => `  - { id: ${id}, category: conduct, title: t, points: 1, when: { said: ${when} }, ${check} }\n`;
    const complains = '{ speaker: customer, phrases: [太慢了] }';
    const text = `${HEADER}rules:\n${rule('conduct.a', complains, 'require: { speaker: agent, any: [抱歉] }')}${rule('conduct.b', complains, 'require: { speaker: agent, any: [上报] }')}${rule('conduct.c', '{ speaker: customer, phrases: [太慢了], scope: { first_turns: 1 } }', 'require: { speaker: agent, any: [上报] }')}`;
    const r = loadRulesetFromText(text, 'r.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const [a, b, c] = r.ruleset.rules.map((x) => x.when?.said);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(r.ruleset.saidCount).toBe(2);
    const result = evaluateCall(callOf('客户：你好。\n坐席：您好。\n客户：太慢了！\n坐席：非常抱歉。'), r.ruleset);
    expect(result.rules.map((x) => x.verdict)).toEqual(['pass', 'fail', 'na']);
    expect(result.rules[1]?.evidence.some((e) => e.quote === '太慢了！' || e.quote === '太慢了')).toBe(true);
  });

  it('compiles equal scopes to one object, so a call selects each window once', () => {
    const rule = (id: string, scope: string): string => `  - { id: ${id}, category: conduct, title: t, points: 1, require: { speaker: agent, any: [您好], scope: ${scope} } }\n`;
    const text = `${HEADER}rules:\n${rule('conduct.a', '{ first_turns: 1 }')}${rule('conduct.b', '{ first_turns: 1 }')}${rule('conduct.c', '{ first_turns: 2 }')}`;
    const r = loadRulesetFromText(text, 'r.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const [a, b, c] = r.ruleset.rules.map((x) => (x.checks[0] as { scope?: unknown }).scope);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    const result = evaluateCall(callOf('坐席：喂。\n客户：你好。\n坐席：您好，请讲。'), r.ruleset);
    expect(result.rules.map((x) => x.verdict)).toEqual(['fail', 'fail', 'pass']);
  });
});
