/**
 * Near matching is not flat in the number of phrases (scripts/bench-phrases.js): a tolerant
 * list of thousands of phrases is a warning that says so, where a long exact list is not.
 */
import { describe, expect, it } from 'vitest';
import { lintRulesetText } from '../../src/lint/index.js';

/** n distinct six-character phrases, none inside another. */
function phrases(n: number): string[] {
  const chars = '的一是不了人我在有他这为之大来以个中上们';
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let p = '';
    for (let k = 0, x = i; k < 6; k++, x = Math.floor(x / chars.length)) p += chars[x % chars.length];
    out.push(p);
  }
  return out;
}

function ruleset(n: number, check: string): string {
  return [
    'name: long-lists',
    'version: 1.0.0',
    'pass_mark: 80',
    'weights: { conduct: 100 }',
    'lexicons:',
    `  words: [${phrases(n).join(', ')}]`,
    'rules:',
    '  - id: conduct.polite-address',
    '    category: conduct',
    '    title: 礼貌用语',
    '    points: 5',
    `    ${check}`,
    '',
  ].join('\n');
}

const longNearList = (text: string) => lintRulesetText(text, 'long.yaml', { examples: false }).problems.filter((p) => p.code === 'long-near-list');

describe('a long near-matched phrase list', () => {
  it('is a warning at the list, with its size and what to do', () => {
    const found = longNearList(ruleset(2001, 'require: { speaker: agent, any: [$words] }'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 12 });
    expect(found[0]?.message).toMatch(/^near matches of 2001 phrases are looked for: .*tolerance: off/);
  });

  it.each([
    ['2,000 phrases, the limit', 2000, 'require: { speaker: agent, any: [$words] }'],
    ['an exact forbid list', 5000, 'forbid: { speaker: agent, phrases: [$words] }'],
    ['tolerance off', 5000, 'require: { speaker: agent, any: [$words], tolerance: off }'],
  ])('is no warning for %s', (_, n, check) => {
    const text = ruleset(n, check);
    expect(lintRulesetText(text, 'long.yaml', { examples: false }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(longNearList(text)).toEqual([]);
  });
});
