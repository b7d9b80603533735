import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';

const HEAD = `name: t
version: 1
pass_mark: 80
weights: { hold: 1, conduct: 1, opening: 1 }
`;

function problems(text: string): string[] {
  const r = loadRulesetFromText(HEAD + text, 't.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`);
}

describe('timing checks in the ruleset language', () => {
  it('threshold names resolve to numbers: in checks and in meta tests', () => {
    const r = loadRulesetFromText(
      `${HEAD}thresholds: { dead_air_s: 12, ring_max_s: 9, hold_min_s: 8 }
lexicons: { hold_announce: [稍等] }
rules:
  - { id: hold.x, category: hold, title: x, points: 1, when: { timed: true }, dead_air: { max_s: dead_air_s } }
  - { id: opening.w, category: opening, title: w, points: 1, when: { meta: { ring_s: { gt: ring_max_s } } }, require: { speaker: agent, any: [久等] } }
`,
      't.yaml',
    );
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.ruleset.rules[0]?.checks[0]).toMatchObject({ type: 'dead_air', maxMs: 12000, skipFirstMs: 0, skipCustomerPauses: true });
    expect(r.ruleset.rules[1]?.when?.meta?.ring_s).toMatchObject({ gt: 9 });
    expect(r.ruleset.holdDetection?.minMs).toBe(8000);
  });

  it('an unknown threshold name is an error at its line, with a suggestion', () => {
    expect(
      problems(`thresholds: { overlap_ms: 800 }
rules:
  - id: conduct.i
    category: conduct
    title: i
    points: 1
    interrupt: { overlap_ms: overlap_msec }
`),
    ).toEqual(['11:30 unknown-threshold unknown threshold "overlap_msec" (did you mean "overlap_ms"?); thresholds: overlap_ms']);
  });

  it('hold rules without lexicons.hold_announce and thresholds.hold_min_s are an error at the rule', () => {
    expect(problems(`rules:\n  - { id: hold.a, category: hold, title: a, points: 1, when: { hold: true }, hold: { after: [谢谢] } }\n`)).toEqual([
      '6:84 hold-detection hold rules need lexicons.hold_announce and thresholds.hold_min_s (how a hold is announced, and how long its silence is at least)',
    ]);
  });

  it('a hold check takes exactly one of before / check_back_s / after', () => {
    const found = problems(`rules:\n  - { id: hold.a, category: hold, title: a, points: 1, hold: { before: [好吗], after: [谢谢] } }\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^6:/);
  });
});
