/**
 * `said: { …, confirmed: { phrases } }`: only a hit the other side's next reply confirms. The
 * agent's 「请问是刘女士吗？」 makes the surname known once the customer says 「是的」.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const confirmedName = rulesetOf(`  - id: opening.x
    category: opening
    title: x
    points: 1
    respond:
      trigger: { speaker: agent, phrases: ["/是(?<surname>\\\\p{Script=Han})女士吗/"], confirmed: { phrases: ["/^是/"] } }
      reply: { speaker: agent, within_turns: 0, phrases: ["{surname}女士"] }
`);

describe('said confirmed', () => {
  it('counts a confirmed question, quoting the confirmation between the question and the reply', () => {
    const r = judge(confirmedName, callOf('坐席：请问是刘女士吗？\n客户：是的。\n坐席：刘女士您好。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.map((e) => [e.turn, e.role])).toEqual([[1, 'trigger'], [2, 'confirmed'], [3, 'reply']]);
  });

  it('names the confirmation when the reply is missing', () => {
    const r = judge(confirmedName, callOf('坐席：请问是刘女士吗？\n客户：是的。\n坐席：您好。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('confirmed 「是」 (turn 2)');
  });

  it('does not count a denied or unanswered question, but a later confirmed asking does', () => {
    expect(judge(confirmedName, callOf('坐席：请问是刘女士吗？\n客户：不是。\n坐席：好的，刘女士不在是吧。')).verdict).toBe('na');
    expect(judge(confirmedName, callOf('坐席：请问是刘女士吗？\n坐席：喂？')).verdict).toBe('na');
    const r = judge(confirmedName, callOf('坐席：请问是王女士吗？\n客户：听不清。\n坐席：请问是刘女士吗？\n客户：是。\n坐席：刘女士您好。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]?.turn).toBe(3);
  });

  it('is a ruleset error for speaker any, which has no other side', () => {
    const text = `name: unit\nversion: 1\npass_mark: 80\nweights: { opening: 1 }\nrules:\n  - id: opening.x\n    category: opening\n    title: x\n    points: 1\n    when: { said: { speaker: any, phrases: [是刘女士吗], confirmed: { phrases: [是] } } }\n    require: { speaker: agent, any: [刘女士] }\n`;
    const loaded = loadRulesetFromText(text, 'unit.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.message)).toContain('confirmed needs speaker agent or customer');
  });
});
