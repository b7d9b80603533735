/** `respond`: after the customer's trigger the agent answers within N turns; no trigger ⇒ na. */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const apologize = rulesetOf(`  - id: complaint.apologize
    category: complaint
    title: apology
    points: 5
    respond:
      trigger: { speaker: customer, phrases: [投诉, 不满意], except: [没有不满意] }
      reply: { speaker: agent, phrases: [抱歉, 对不起], within_turns: 2 }
`);

describe('respond', () => {
  it('passes an apology in the agent\'s next turn, with trigger and reply as evidence', () => {
    const r = judge(apologize, callOf('坐席：您好。\n客户：我要投诉！\n坐席：非常抱歉给您添麻烦了。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.map((e) => [e.role, e.turn, e.matched])).toEqual([['trigger', 2, '投诉'], ['reply', 3, '抱歉']]);
  });

  it('fails an apology that comes only in the third agent turn, naming the trigger', () => {
    const call = callOf('客户：我要投诉！\n坐席：但是这是规定。\n客户：什么？\n坐席：你听我说。\n客户：……\n坐席：好吧，抱歉。');
    const r = judge(apologize, call);
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('「投诉」 (turn 1)');
    expect(r.window).toContain('2 turns after turn 1');
  });

  it('is na without a trigger, and a trigger inside an exception is no trigger', () => {
    const none = judge(apologize, callOf('坐席：您好。\n客户：我想查账单。'));
    expect(none.verdict).toBe('na');
    expect(judge(apologize, callOf('坐席：您好。\n客户：我没有不满意，就是问问。\n坐席：好的。')).verdict).toBe('na');
  });

  it('takes a list: each trigger must be answered, and words two checks judge are reported once', () => {
    const consent = rulesetOf(`  - id: opening.outbound-consent
    category: opening
    title: consent
    points: 5
    respond:
      - trigger: { speaker: customer, scope: { first_turns: 2 }, phrases: [不方便, 别再打] }
        reply: { speaker: agent, phrases: [改天, 打扰], within_turns: 1 }
      - trigger: { speaker: customer, phrases: [别再打] }
        reply: { speaker: agent, phrases: [改天, 打扰], within_turns: 1 }
`);
    const late = callOf('坐席：能占用您两分钟吗？\n客户：可以。\n坐席：续约送三个月。\n客户：那原来的呢？\n坐席：不变。\n客户：以后别再打了。\n坐席：您先别挂嘛。');
    expect(judge(consent, late).verdict).toBe('fail');
    const early = judge(consent, callOf('坐席：能占用您两分钟吗？\n客户：别再打了。\n坐席：您先别挂嘛。'));
    expect(early.verdict).toBe('fail');
    expect(early.reason.split('「别再打」').length).toBe(2);
    expect(early.evidence.filter((e) => e.role === 'trigger')).toHaveLength(1);
  });

  it('does not take the agent\'s own words as the trigger', () => {
    expect(judge(apologize, callOf('坐席：您要投诉的话请拨热线。\n客户：好的。')).verdict).toBe('na');
  });

  it('carries a captured surname into the reply ({surname}先生)', () => {
    const rs = rulesetOf(`  - id: opening.address-customer
    category: opening
    title: surname
    points: 3
    respond:
      trigger: { speaker: customer, phrases: ["/我姓(?<surname>\\\\p{Script=Han})/"] }
      reply: { speaker: agent, within_turns: 0, phrases: ["{surname}先生", "{surname}女士"] }
`);
    expect(judge(rs, callOf('坐席：请问怎么称呼？\n客户：我姓王。\n坐席：好的。\n客户：嗯。\n坐席：王先生，您看这样可以吗？')).verdict).toBe('pass');
    const other = judge(rs, callOf('坐席：请问怎么称呼？\n客户：我姓孙。\n坐席：王先生您好。'));
    expect(other.verdict).toBe('fail');
    expect(other.reason).toContain('孙先生');
  });

  it('limits the reply by seconds on a timed call', () => {
    const rs = rulesetOf(`  - id: complaint.fast
    category: complaint
    title: fast
    points: 1
    respond:
      trigger: { speaker: customer, phrases: [投诉] }
      reply: { speaker: agent, phrases: [抱歉], within_seconds: 5 }
`);
    const slow = callOf('[00:00-00:02] 客户：我要投诉。\n[00:03-00:04] 坐席：嗯。\n[00:20-00:22] 坐席：抱歉。');
    expect(judge(rs, slow).verdict).toBe('fail');
    const quick = callOf('[00:00-00:02] 客户：我要投诉。\n[00:03-00:04] 坐席：很抱歉。');
    expect(judge(rs, quick).verdict).toBe('pass');
  });

  it('is na when the call ends on the trigger, with no agent turn left to answer it', () => {
    const dialogue = '坐席：您好，请问订单号是多少？\n客户：算了，我要投诉你们！';
    const ended = judge(apologize, callOf(dialogue));
    expect(ended.verdict).toBe('na');
    expect(ended.reason).toContain('the agent never speaks after turn 2 (the call ends)');
    expect(ended.evidence.map((e) => [e.role, e.turn])).toEqual([['trigger', 2]]);
    expect(judge(apologize, callOf(dialogue, { hangup_by: 'customer' })).reason).toContain('(the customer hung up)');
    // The agent who hangs up on a complaint did not answer it.
    expect(judge(apologize, callOf(dialogue, { hangup_by: 'agent' })).verdict).toBe('fail');
  });

  it('keeps the answers to earlier triggers when the call ends on a later one (mode each)', () => {
    const each = rulesetOf(`  - id: complaint.apologize
    category: complaint
    title: apology
    points: 5
    respond:
      mode: each
      trigger: { speaker: customer, phrases: [投诉] }
      reply: { speaker: agent, phrases: [抱歉], within_turns: 1 }
`);
    const r = judge(each, callOf('客户：我要投诉！\n坐席：很抱歉。\n客户：我还是要投诉！'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.map((e) => [e.role, e.turn])).toEqual([['trigger', 1], ['reply', 2]]);
  });
});
