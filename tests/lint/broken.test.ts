/**
 * One deliberately broken ruleset per problem kind, with the exact problems lint must report:
 * position, severity, code and message, and nothing else (set equality, like markdownlint's
 * "too few or too many issues"). See: issue 6.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRulesetFile } from '../../src/lint/index.js';

const DIR = 'fixtures/rulesets/broken';

type Expected = [line: number, column: number, severity: 'error' | 'warning', code: string, message: string];

const DIGITS =
  'looks for a long digit run in the folded text, where spaces and punctuation are gone and neighbouring numbers run together ' +
  '(「13812345678，2个」 → 138123456782): for mobile, ID-card and bank-card numbers use `personal_data` on a forbid';

const CASES: Record<string, Expected[]> = {
  'yaml-syntax.yaml': [[8, 1, 'error', 'yaml-syntax', 'Missing closing "quote']],
  // GBK bytes: as UTF-8 the phrase 您好Hi would be mojibake + "hi", a phrase no call says.
  'not-utf8.yaml': [[9, 1, 'error', 'not-utf8', 'not UTF-8 text (GBK or Big5?): save the ruleset as UTF-8']],
  'utf16.yaml': [[1, 1, 'error', 'not-utf8', 'UTF-16 text: save the ruleset as UTF-8']],
  'unknown-key.yaml': [[10, 5, 'error', 'unknown-key', 'unknown key "requre" in rule opening.greeting (did you mean "require"?)']],
  'wrong-type.yaml': [[9, 13, 'error', 'wrong-type', 'rule opening.greeting: points must be number']],
  'bad-value.yaml': [[10, 25, 'error', 'bad-value', 'rule opening.greeting: require.speaker must be one of agent, customer, any (did you mean "agent"?)']],
  'missing-key.yaml': [[6, 5, 'error', 'missing-key', 'rule opening.greeting needs "title"']],
  'bad-regex.yaml': [
    [12, 17, 'error', 'bad-regex', 'regex /1[3-9][0-9]{9/ does not compile: Invalid regular expression: /1[3-9][0-9]{9/gu: Incomplete quantifier'],
    [12, 36, 'error', 'bad-regex', 'regex /(?<n>[0-9]{18}/ does not compile: Invalid regular expression: /(?<n>[0-9]{18}/gu: Unterminated group'],
  ],
  'unknown-lexicon.yaml': [[12, 38, 'error', 'unknown-lexicon', 'unknown lexicon "$greting" (lexicons: greeting)']],
  'unknown-variable.yaml': [
    [12, 38, 'error', 'unknown-variable', 'unknown variable {compnay} (did you mean {company}?); known: company, agent_id, agent_name, agent_no, call_id, customer_name'],
  ],
  'duplicate-id.yaml': [[11, 9, 'error', 'duplicate-id', 'duplicate rule id "conduct.abuse"']],
  'not-in-catalogue.yaml': [[6, 9, 'warning', 'not-in-catalogue', 'rule id "opening.greting" is not in the standards catalogue (did you mean "opening.greeting"?)']],
  'weights-sum.yaml': [
    [4, 10, 'warning', 'weights-sum', 'weights add up to 90, not 100 (opening 30 + conduct 50 + closing 10)'],
    [4, 38, 'warning', 'unused-weight', 'category "closing" has a weight but no rule'],
  ],
  'threshold-range.yaml': [
    [6, 22, 'error', 'out-of-range', 'threshold review_confidence is 1.5: it must be more than 0 and at most 1'],
    [7, 15, 'error', 'out-of-range', 'threshold hold_min_s is -3: it must be at least 0 and at most 3600 s'],
  ],
  'empty-phrase.yaml': [[10, 42, 'error', 'empty-phrase', 'phrase "，。！" normalizes to nothing (only punctuation or spaces)']],
  'shadowed-phrase.yaml': [
    [6, 17, 'warning', 'shadowed-phrase', '「很抱歉」 is shadowed by 「抱歉」 in lexicon $apology: the shorter phrase already matches every text that contains the longer one (after folding)'],
    [15, 17, 'warning', 'shadowed-phrase', '「您好，请问有什么可以帮您」 is shadowed by 「您好」 in this list: the shorter phrase already matches every text that contains the longer one (after folding)'],
    [22, 22, 'warning', 'shadowed-phrase', '「我不知道」 is shadowed by 「不知道」 in this list: the shorter phrase already matches every text that contains the longer one (after folding)'],
  ],
  'duplicate-phrase.yaml': [
    [12, 27, 'warning', 'duplicate-phrase', '「不知道！」 is listed twice in this list (same as 「不知道」 after folding)'],
    [12, 33, 'warning', 'duplicate-phrase', '「聽不懂」 is listed twice in this list (same as 「听不懂」 after folding)'],
  ],
  // Long digit runs in regexes over the folded text, and the personal_data form done wrong.
  'digit-regex.yaml': [
    [6, 10, 'warning', 'digits-in-folded-text', `regex /[0-9]{16,19}/ ${DIGITS}`],
    [15, 17, 'warning', 'digits-in-folded-text', `regex /1[3-9]\\d{9}/ ${DIGITS}`],
    [20, 46, 'error', 'duplicate-item', 'rule conduct.forbidden-phrases: forbid.personal_data lists "mobile" twice'],
    [25, 13, 'error', 'missing-key', 'forbid needs "phrases", "personal_data" (mobile, id_card, bank_card) or both'],
  ],
  // A regex runs on the folded text as written: its traditional or Hong Kong characters never match.
  'unfolded-regex.yaml': [
    [7, 11, 'warning', 'regex-not-folded', 'regex /你自己(撳|按)错/ has 撳 (folded: 揿): the text it runs on is folded, so write the folded character'],
    [15, 25, 'warning', 'regex-not-folded', 'regex /做嘢咁样(㗎|喎)/ has 喎 (folded: 㖞): the text it runs on is folded, so write the folded character'],
  ],
  'example-failed.yaml': [[17, 9, 'error', 'example-failed', 'example "wrongly labelled" of opening.greeting expects pass, got fail: not said: 「您好」']],
  // A schema error in one rule does not hide the compile problems of the others.
  'schema-and-compile.yaml': [
    [10, 43, 'error', 'unknown-key', 'unknown key "scop" in rule opening.greeting: require (did you mean "scope"?)'],
    [15, 41, 'error', 'unknown-lexicon', 'unknown lexicon "$taboo"'],
  ],
};

describe('lint: one broken ruleset per problem kind', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: exactly the expected problems, located`, () => {
      const file = join(DIR, name);
      const result = lintRulesetFile(file);
      const got = result.problems.map((p) => [p.line, p.column, p.severity, p.code, p.message]);
      expect(got).toEqual(expected);
      expect(result.problems.every((p) => p.file === file)).toBe(true);
    });
  }

  it('has a case for every broken fixture', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('reports the example that fails on purpose with its verdict and the engine reason', () => {
    const result = lintRulesetFile(join(DIR, 'example-failed.yaml'));
    const outcomes = result.examples?.[0]?.outcomes ?? [];
    expect(outcomes.map((o) => [o.name, o.expected, o.got, o.line])).toEqual([
      ['greets', 'pass', 'pass', 12],
      ['wrongly labelled', 'pass', 'fail', 17],
    ]);
  });

  it('--no-examples: the same file is clean when its examples are not run', () => {
    expect(lintRulesetFile(join(DIR, 'example-failed.yaml'), { examples: false }).problems).toEqual([]);
  });
});
