/** `said: { …, unanswered: true }`: only a hit the other side never answers (004 (五)3's silent customer). */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const asked = rulesetOf(`  - id: closing.x
    category: closing
    title: x
    points: 1
    when: { said: { speaker: agent, phrases: [还有什么可以帮您], unanswered: true } }
    require: { speaker: agent, scope: { last_turns: 1 }, any: [再见] }
`);

describe('when: said unanswered', () => {
  it('holds when the customer says nothing after the question, quoting it as unanswered', () => {
    const r = judge(asked, callOf('坐席：您的快递今天送达。\n客户：好。\n坐席：请问还有什么可以帮您？\n坐席：感谢您的来电，再见。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.map((e) => [e.turn, e.role])).toEqual([[4, undefined], [3, 'unanswered']]);
  });

  it('does not hold when the customer answers, even only with 「没有了」, but does past a transcriber\'s note', () => {
    expect(judge(asked, callOf('坐席：请问还有什么可以帮您？\n客户：没有了。\n坐席：感谢您的来电，再见。')).verdict).toBe('na');
    expect(judge(asked, callOf('坐席：请问还有什么可以帮您？\n客户：[挂机声]\n坐席：感谢您的来电，再见。')).verdict).toBe('pass');
  });

  it('takes a later unanswered hit when an earlier one was answered', () => {
    const r = judge(asked, callOf('坐席：请问还有什么可以帮您？\n客户：有，改地址。\n坐席：改好了，请问还有什么可以帮您？\n坐席：再见。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.at(-1)?.turn).toBe(3);
  });

  it('is a ruleset error for speaker any, which has no other side', () => {
    const text = `name: unit\nversion: 1\npass_mark: 80\nweights: { closing: 1 }\nrules:\n  - id: closing.x\n    category: closing\n    title: x\n    points: 1\n    when: { said: { speaker: any, phrases: [还有], unanswered: true } }\n    require: { speaker: agent, any: [再见] }\n`;
    const loaded = loadRulesetFromText(text, 'unit.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.message)).toContain('unanswered needs speaker agent or customer');
  });
});
