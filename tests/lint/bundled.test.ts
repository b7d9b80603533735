/**
 * The bundled rulesets lint without errors and every example gets its verdict (the CI gate of
 * issue 6); every rule of the default ruleset has a passing and a failing example in simplified
 * and in traditional characters.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { exampleAgrees, lintRulesetFile } from '../../src/lint/index.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

describe('bundled rulesets', () => {
  const files = readdirSync('rulesets').filter((f) => /\.ya?ml$/.test(f)).map((f) => join('rulesets', f));

  for (const file of files) {
    it(`${file}: no lint errors, every example gets its verdict`, () => {
      const result = lintRulesetFile(file);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const wrong = (result.examples ?? []).flatMap((r) => r.outcomes.filter((o) => !exampleAgrees(o)).map((o) => `${r.ruleId} ${o.line}: ${o.reason}`));
      expect(wrong).toEqual([]);
    });
  }

  it('the default ruleset: a pass and a fail example per rule, in both scripts', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the default ruleset does not load');
    expect(loaded.ruleset.rules.length).toBe(31);
    const gaps: string[] = [];
    for (const rule of loaded.ruleset.rules) {
      for (const verdict of ['pass', 'fail'] as const) {
        const texts = rule.examples.filter((e) => e.verdict === verdict).map((e) => e.dialogue);
        // A text is simplified when converting it to traditional changes it, and vice versa.
        const simplified = texts.some((t) => toTraditional(t) !== t);
        const traditional = texts.some((t) => toSimplified(t) !== t);
        if (!simplified) gaps.push(`${rule.id}: no simplified ${verdict} example`);
        if (!traditional) gaps.push(`${rule.id}: no traditional ${verdict} example`);
      }
    }
    expect(gaps).toEqual([]);
  });
});

