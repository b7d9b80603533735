/** `require`: the right speaker says the phrases, inside the scope; a "not said" fail names the window. */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const greeting = rulesetOf(`  - id: opening.greeting
    category: opening
    title: greeting
    points: 5
    require: { speaker: agent, scope: { first_turns: 1 }, all: [[您好, 你好], [有什么可以帮您, 为您服务]] }
`);

describe('require', () => {
  it('passes when the agent says every group in its first turn, with the turn as evidence', () => {
    const r = judge(greeting, callOf('坐席：您好，康泰鑫客服128号为您服务。\n客户：你好。'));
    expect(r.verdict).toBe('pass');
    expect(r.points).toBe(5);
    expect(r.evidence.map((e) => [e.turn, e.matched])).toEqual([[1, '您好'], [1, '为您服务']]);
  });

  it('matches traditional, full-width and punctuated text, quoting the original characters', () => {
    const r = judge(greeting, callOf('坐席：您好，請問有什麼可以幫您？\n客戶：我想查帳單。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence[1]?.matched).toBe('有什麼可以幫您');
  });

  it('fails a greeting said only in the second turn, naming the missing group and the window', () => {
    const r = judge(greeting, callOf('坐席：康泰鑫客服中心。\n客户：喂？\n坐席：您好，请问有什么可以帮您？'));
    expect(r.verdict).toBe('fail');
    expect(r.points).toBe(0);
    expect(r.reason).toContain('您好');
    expect(r.window).toContain('first 1 turn');
  });

  it('does not count the customer saying the words', () => {
    const r = judge(greeting, callOf('坐席：嗯。\n客户：您好，有什么可以帮您？'));
    expect(r.verdict).toBe('fail');
  });

  it('needs at_least N distinct groups', () => {
    const rs = rulesetOf(`  - id: complaint.x
    category: complaint
    title: x
    points: 1
    require: { speaker: agent, at_least: 2, of: [抱歉, 理解您的心情, 如实上报] }
`);
    expect(judge(rs, callOf('坐席：很抱歉，我理解您的心情。\n客户：嗯。')).verdict).toBe('pass');
    const one = judge(rs, callOf('坐席：很抱歉，非常抱歉。\n客户：嗯。'));
    expect(one.verdict).toBe('fail');
    expect(one.reason).toContain('found 1');
  });

  it('fills {company} from the ruleset and {agent_no} from the agent id', () => {
    const rs = rulesetOf(`  - id: opening.self-id
    category: opening
    title: self id
    points: 1
    require: { speaker: agent, scope: { first_turns: 2 }, all: ["{company}", "客服{agent_no}号"] }
`);
    expect(judge(rs, callOf('坐席：您好，康泰鑫客服128号。\n客户：你好。', { agent_id: 'A128' })).verdict).toBe('pass');
    expect(judge(rs, callOf('坐席：您好，康泰鑫客服129号。\n客户：你好。', { agent_id: 'A128' })).verdict).toBe('fail');
  });

  it('is na, not fail, when a time scope meets an untimed call', () => {
    const rs = rulesetOf(`  - id: opening.fast
    category: opening
    title: fast
    points: 1
    require: { speaker: agent, scope: { first_seconds: 10 }, any: [您好] }
`);
    const untimed = judge(rs, callOf('坐席：您好。\n客户：你好。'));
    expect(untimed.verdict).toBe('na');
    expect(untimed.reason).toContain('no timestamps');
    expect(judge(rs, callOf('[00:00-00:02] 坐席：喂。\n[00:12-00:14] 坐席：您好。\n[00:15-00:16] 客户：你好。')).verdict).toBe('fail');
  });

  it('ignores hits inside an exception', () => {
    const rs = rulesetOf(`  - id: closing.x
    category: closing
    title: x
    points: 1
    require: { speaker: agent, any: [再见], except: [不说再见] }
`);
    expect(judge(rs, callOf('坐席：我们不说再见。\n客户：好。')).verdict).toBe('fail');
    expect(judge(rs, callOf('坐席：再见。\n客户：好。')).verdict).toBe('pass');
  });

  describe('cut_off: na', () => {
    const farewell = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, scope: { last_turns: 2 }, all: [[谢谢, 感谢], [再见]], cut_off: na }
`);
    const cut = '坐席：您好，请问有什么可以帮您？\n客户：算了，不说了。';

    it('is na when the customer hung up on their own last words: the agent had no turn left', () => {
      const r = judge(farewell, callOf(cut, { hangup_by: 'customer' }));
      expect(r.verdict).toBe('na');
      expect(r.reason).toContain('the customer hung up after their own last words (turn 2, hangup_by: customer)');
    });

    it('still fails without the call log, when the agent hung up, or when the agent spoke last', () => {
      expect(judge(farewell, callOf(cut)).verdict).toBe('fail');
      expect(judge(farewell, callOf(cut, { hangup_by: 'agent' })).verdict).toBe('fail');
      expect(judge(farewell, callOf(`${cut}\n坐席：好的。`, { hangup_by: 'customer' })).verdict).toBe('fail');
    });

    it('keeps a pass: the farewell said before the customer\'s 「再见」', () => {
      const r = judge(farewell, callOf('坐席：感谢您的来电，再见！\n客户：再见。', { hangup_by: 'customer' }));
      expect(r.verdict).toBe('pass');
    });

    it('closed_if_said: after the agent\'s own goodbye the customer\'s 「再见」 cut nothing off — the missing thanks fails', () => {
      const closed = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, scope: { last_turns: 2 }, all: [[谢谢, 感谢], [再见]], cut_off: na, closed_if_said: { speaker: agent, scope: { last_turns: 1 }, phrases: [再见] } }
`);
      const leftFirst = callOf('坐席：好的王先生，那我晚点再打给您，再见。\n客户：好。', { hangup_by: 'customer' });
      expect(judge(farewell, leftFirst).verdict).toBe('na');
      expect(judge(closed, leftFirst).verdict).toBe('fail');
      // … while a customer who hangs up before the agent took leave still cuts the agent off
      expect(judge(closed, callOf(cut, { hangup_by: 'customer' })).verdict).toBe('na');
    });

    it('closed_if_said: the fail quotes the agent\'s own close (「那先这样」) as its evidence', () => {
      const closed = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, scope: { last_turns: 2 }, any: [再见], cut_off: na, closed_if_said: { speaker: agent, scope: { last_turns: 1 }, phrases: [那先这样] } }
`);
      const r = judge(closed, callOf('坐席：您本月话费八十元，那先这样。\n客户：好。', { hangup_by: 'customer' }));
      expect(r.verdict).toBe('fail');
      expect(r.reason).toContain('the agent had closed the call first: 「那先这样」 (turn 1)');
      expect(r.evidence).toContainEqual(expect.objectContaining({ turn: 1, matched: '那先这样', role: 'closed first' }));
    });

    it('is fail by default', () => {
      const strict = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, scope: { last_turns: 2 }, all: [[谢谢, 感谢], [再见]] }
`);
      expect(judge(strict, callOf(cut, { hangup_by: 'customer' })).verdict).toBe('fail');
    });
  });

  it('is na when the call ends before the agent speaks after the trigger (after_trigger scopes)', () => {
    const rs = rulesetOf(`  - id: complaint.empathize
    category: complaint
    title: empathy
    points: 4
    when: { said: { speaker: customer, phrases: [投诉] } }
    require: { speaker: agent, scope: { after_trigger_turns: 0 }, any: [理解] }
`);
    const dialogue = '坐席：请问订单号是多少？\n客户：算了，我要投诉你们！';
    const r = judge(rs, callOf(dialogue, { hangup_by: 'customer' }));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('the agent never speaks after turn 2 (the customer hung up)');
    expect(judge(rs, callOf(dialogue, { hangup_by: 'agent' })).verdict).toBe('fail');
    expect(judge(rs, callOf(`${dialogue}\n坐席：好的。`)).verdict).toBe('fail');
  });

  describe('from_trigger: the trigger\'s own turn and every later one, nothing before', () => {
    const rs = rulesetOf(`  - id: closing.confirm-understood
    category: closing
    title: confirm
    points: 3
    when: { said: { speaker: agent, phrases: [是这样的] } }
    require: { speaker: agent, scope: { from_trigger: true }, any: [您清楚了吗] }
`);

    it('passes a check in the explaining turn itself, and one in a later turn', () => {
      const same = judge(rs, callOf('坐席：是这样的，要先登记。您清楚了吗？\n客户：清楚。'));
      expect(same.verdict).toBe('pass');
      expect(same.window).toBe('agent, from turn 1 on (call turn 1)');
      expect(judge(rs, callOf('坐席：是这样的，要先登记。\n客户：哦。\n坐席：您清楚了吗？')).verdict).toBe('pass');
    });

    it('fails a check said only before the explanation, naming the window', () => {
      const r = judge(rs, callOf('坐席：您清楚了吗？\n客户：清楚。\n坐席：是这样的，要先登记。\n客户：哦。\n坐席：好的。'));
      expect(r.verdict).toBe('fail');
      expect(r.window).toBe('agent, from turn 3 on (call turns 3, 5)');
    });

    it('needs a `when.said` trigger (a ruleset error otherwise)', () => {
      expect(() => rulesetOf(`  - id: closing.x
    category: closing
    title: confirm
    points: 3
    require: { speaker: agent, scope: { from_trigger: true }, any: [您清楚了吗] }
`)).toThrow(/from_trigger scope needs a `when.said` trigger/);
    });
  });
});
