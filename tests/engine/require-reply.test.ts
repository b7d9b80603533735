/**
 * `undone_by_reply` and `na_if_said`: a required phrase the other side answered with new business
 * does not count, and one the customer made needless by closing first is na, not fail.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

/** closing.anything-else with these `require` keys besides its phrase. */
const anythingElseWith = (keys: string): ReturnType<typeof rulesetOf> => rulesetOf(`  - id: closing.anything-else
    category: closing
    title: anything else
    points: 4
    require:
      speaker: agent
      scope: { last_turns: 4 }
      any: [还有其他问题]
${keys}`);

const anythingElse = anythingElseWith(`      undone_by_reply: { phrases: [我还想, "/^有/"], except: [有点] }
      na_if_said: { speaker: customer, phrases: [没别的了], scope: { last_turns: 1 } }
`);

describe('require: undone_by_reply', () => {
  it('does not count a question answered with new business, and says which reply undid it', () => {
    const r = judge(anythingElse, callOf('坐席：还有其他问题吗？\n客户：有，我想改套餐。\n坐席：已经改好了。\n客户：好的。\n坐席：再见。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('turn 1 was answered with new business: 「有，我想改套餐。」 (turn 2)');
  });

  it('counts the question asked again after the new business', () => {
    const r = judge(anythingElse, callOf('坐席：还有其他问题吗？\n客户：我还想改套餐。\n坐席：改好了，还有其他问题吗？\n客户：没有了。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]?.turn).toBe(3);
  });

  it('reads the whole reply, across lines, but not past the agent speaking again', () => {
    expect(judge(anythingElse, callOf('坐席：还有其他问题吗？\n客户：嗯。\n客户：我还想问一下。\n坐席：您说。')).verdict).toBe('fail');
    expect(judge(anythingElse, callOf('坐席：还有其他问题吗？\n客户：没有。\n坐席：好的。\n客户：我还想说一句谢谢。')).verdict).toBe('pass');
  });

  it('names the undoing reply as `as` says: a transfer offer answered 「不用转了」 is a refusal', () => {
    const offer = rulesetOf(`  - id: closing.transfer
    category: closing
    title: transfer
    points: 3
    require:
      speaker: agent
      scope: { last_turns: 3 }
      all: [[转到], [好吗]]
      undone_by_reply: { phrases: [不用转], as: a refusal }
`);
    const r = judge(offer, callOf('坐席：我帮您转到售后，好吗？\n客户：不用转了。\n坐席：还是给您转到售后吧，请稍等。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('turn 1 was answered with a refusal: 「不用转了。」 (turn 2)');
  });

  it('keeps exceptions: 「有点贵，不过没有了」 is no new business', () => {
    expect(judge(anythingElse, callOf('坐席：还有其他问题吗？\n客户：有点贵，不过没有了。\n坐席：再见。')).verdict).toBe('pass');
  });

  it('is a ruleset error for speaker any, which has no other side to reply', () => {
    const text = `name: unit\nversion: 1\npass_mark: 80\nweights: { closing: 1 }\nrules:\n  - id: closing.anything-else\n    category: closing\n    title: x\n    points: 1\n    require: { speaker: any, any: [还有], undone_by_reply: { phrases: [有] } }\n`;
    const loaded = loadRulesetFromText(text, 'unit.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.message)).toContain('undone_by_reply needs speaker agent or customer');
  });
});

describe('require: na_if_said', () => {
  it('is na, quoting the customer, when the customer closed first in their last turn', () => {
    const r = judge(anythingElse, callOf('坐席：您本月话费八十元。\n客户：好的，没别的了，拜拜。\n坐席：感谢您的来电，再见。'));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('not said: 「还有其他问题」, but the customer said 「没别的了」 (turn 2) first');
    expect(r.evidence.map((e) => [e.turn, e.role])).toEqual([[2, 'excuse']]);
  });

  it('fails, quoting the agent, when the customer\'s words only answered the agent\'s own goodbye', () => {
    const ruleset = anythingElseWith(`      cut_off: na
      closed_if_said: { speaker: agent, scope: { last_turns: 1 }, phrases: [再见] }
      na_if_said: { speaker: customer, phrases: [拜拜], scope: { last_turns: 1 } }
`);
    const closedFirst = judge(ruleset, callOf('坐席：您本月话费八十元，感谢您的来电，再见。\n客户：好的，拜拜。\n坐席：嗯。'));
    expect(closedFirst.verdict).toBe('fail');
    expect(closedFirst.reason).toBe('not said: 「还有其他问题」; the agent had closed the call first: 「再见」 (turn 1)');
    expect(closedFirst.evidence.map((e) => [e.turn, e.role])).toEqual([[1, 'closed first']]);
    // The customer's goodbye before the agent's: na, whatever the agent answers it with.
    expect(judge(ruleset, callOf('坐席：您本月话费八十元。\n客户：好的，拜拜。\n坐席：嗯。')).verdict).toBe('na');
    expect(judge(ruleset, callOf('坐席：您本月话费八十元。\n客户：好的，拜拜。\n坐席：好的，再见。')).verdict).toBe('na');
  });

  it('still fails when business followed the customer\'s 「没别的了」', () => {
    const r = judge(anythingElse, callOf('坐席：您本月话费八十元。\n客户：没别的了。哦，我还想改套餐。\n坐席：改好了。\n客户：好的。\n坐席：再见。'));
    expect(r.verdict).toBe('fail');
  });
});
