/**
 * Which words a `require` pass quotes: the ones a reviewer checks. A window at the call's end
 * (last turns, last seconds) is judged by the close, so it quotes the latest hit there, not a
 * mid-call 「感谢您的理解」 the window happens to reach; an after-trigger window quotes the first
 * reply after the trigger, an opening window the first words. Only the quote moves: never the verdict.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const farewell = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require:
      - { speaker: agent, scope: { last_turns: 3 }, any: [感谢您的来电, 感谢您, 谢谢您, 感谢, 谢谢] }
      - { speaker: agent, scope: { last_turns: 2 }, any: [再见, 祝您生活愉快] }
`);

/** The agent's last three turns reach back to turn 6, mid-call: the close is turn 13. */
const longCall = `坐席：您好，请问有什么可以帮您？
客户：我家宽带从昨天开始就断了。
坐席：好的，麻烦您提供一下宽带账号。
客户：88886666。
客户：昨天晚上就断了，我在家办公很着急。
坐席：小区正在抢修线路，给您带来不便非常抱歉，感谢您的理解。
客户：那要多久啊？
客户：我今天下午还有个会。
客户：能不能快一点？
坐席：预计今天下午三点前恢复，请问还有其他可以帮您的吗？
客户：没有了。
客户：就这样吧。
坐席：好的，感谢您的来电，祝您生活愉快，再见。
客户：再见。`;

const evidenceOf = (r: ReturnType<typeof judge>): Array<[number, string | undefined]> => r.evidence.map((e) => [e.turn, e.matched]);

describe('require evidence: a window at the call end quotes the close', () => {
  it('quotes the thanks of the last turn, not a mid-call 「感谢您的理解」 the window reaches', () => {
    const r = judge(farewell, callOf(longCall));
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]?.turn).toBe(13);
    expect(r.evidence[0]?.matched).toBe('感谢您的来电');
    expect(r.reason).toBe('said 「感谢您的来电」 (turn 13); said 「祝您生活愉快」 (turn 13)');
  });

  it('quotes the latest turn as before, by its first hit: only the turn moves', () => {
    const r = judge(farewell, callOf('坐席：谢谢您的耐心。\n客户：没有了。\n坐席：好的，谢谢您，祝您生活愉快，再见。'));
    expect(evidenceOf(r)).toEqual([[3, '谢谢您'], [3, '祝您生活愉快']]);
  });

  it('keeps the mid-call thanks when it is the only one (the verdict never moves)', () => {
    const call = longCall.replace('好的，感谢您的来电，祝您生活愉快，再见。', '好的，再见。');
    const r = judge(farewell, callOf(call));
    expect(r.verdict).toBe('pass');
    expect(evidenceOf(r)).toEqual([[6, '感谢您'], [13, '再见']]);
  });

  it('quotes the last turn in a last_seconds window too', () => {
    const rs = rulesetOf(`  - id: closing.thanks
    category: closing
    title: thanks
    points: 1
    require: { speaker: agent, scope: { last_seconds: 60 }, any: [谢谢] }
`);
    const call = '[00:00.0-00:02.0] 坐席：谢谢，我查一下。\n[00:03.0-00:05.0] 客户：好。\n[00:06.0-00:08.0] 坐席：好的，谢谢，再见。';
    expect(evidenceOf(judge(rs, callOf(call)))).toEqual([[3, '谢谢']]);
  });

  it('quotes no later hit that the reply undid: 「还有其他问题吗」—「有，我想改套餐」 is not the closing question', () => {
    const rs = rulesetOf(`  - id: closing.anything-else
    category: closing
    title: anything else
    points: 4
    require: { speaker: agent, scope: { last_turns: 4 }, any: [还有其他问题], undone_by_reply: { phrases: ["/^有/"] } }
`);
    const r = judge(rs, callOf('坐席：还有其他问题吗？\n客户：没有了，对了还想问。\n坐席：还有其他问题吗？\n客户：有，我想改套餐。\n坐席：好的。'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]?.turn).toBe(1);
  });

  it('keeps the first hit in order (the next group is placed after it)', () => {
    const rs = rulesetOf(`  - id: hold.announce-transfer
    category: opening
    title: transfer
    points: 3
    require: { speaker: agent, scope: { last_turns: 3 }, in_order: true, all: [[转接], [好吗]] }
`);
    const r = judge(rs, callOf('坐席：我帮您转接售后，好吗？\n客户：好。\n坐席：正在转接，好吗？'));
    expect(r.verdict).toBe('pass');
    expect(evidenceOf(r)).toEqual([[1, '转接'], [1, '好吗']]);
  });
});

describe('require evidence: other windows quote the first hit', () => {
  it('an after_trigger window quotes the first reply after the trigger', () => {
    const rs = rulesetOf(`  - id: complaint.apologize
    category: complaint
    title: apologize
    points: 4
    when: { said: { speaker: customer, phrases: [投诉] } }
    require: { speaker: agent, scope: { after_trigger_turns: 0 }, any: [抱歉] }
`);
    const r = judge(rs, callOf('坐席：您好。\n客户：我要投诉！\n坐席：非常抱歉。\n客户：哼。\n坐席：再次抱歉，再见。'));
    expect(evidenceOf(r)[0]).toEqual([3, '抱歉']);
  });

  it('a first_turns window quotes the first words', () => {
    const rs = rulesetOf(`  - id: opening.greeting
    category: opening
    title: greeting
    points: 4
    require: { speaker: agent, scope: { first_turns: 2 }, any: [您好] }
`);
    expect(evidenceOf(judge(rs, callOf('坐席：您好。\n客户：喂？\n坐席：您好，请讲。')))).toEqual([[1, '您好']]);
  });
});

describe('require evidence: the standard closing.farewell', () => {
  const standard = loadRuleset(DEFAULT_RULESET);
  if (!standard.ok) throw new Error('the standard ruleset does not load');
  it('quotes the closing thanks and goodbye of the call the reviewer reported', () => {
    const r = judge(standard.ruleset, callOf(longCall), 'closing.farewell');
    expect(r.verdict).toBe('pass');
    expect(evidenceOf(r)).toEqual([[13, '感谢您的来电'], [13, '祝您生活愉快']]);
  });

  it('quotes the holiday wish of the close, not the holiday named mid-call (closing.holiday-wish)', () => {
    const call = callOf(`坐席：您好，康泰鑫客服，请问有什么可以帮您？
客户：我的快递一直没到。
坐席：非常抱歉，国庆节快乐期间快递量比较大，我帮您催一下。
客户：好吧。
坐席：已经催好了，明天送到。还有其他问题吗？
客户：没有了。
坐席：祝您国庆节快乐，再见。`, { date: '2026-10-01' });
    const r = judge(standard.ruleset, call, 'closing.holiday-wish');
    expect(r.verdict).toBe('pass');
    expect(evidenceOf(r)).toEqual([[7, '国庆节快乐']]);
  });

  it('quotes a Hong Kong thanks for the call whole: 「多謝你嘅來電」, not its first word 「多謝」', () => {
    const call = callOf(`坐席：你好，請問有咩可以幫到你？
客戶：我想查下張單。
坐席：張單下個禮拜寄出。仲有冇其他嘢可以幫到你？
客戶：冇喇。
坐席：多謝你嘅來電，拜拜。`);
    const r = judge(standard.ruleset, call, 'closing.farewell');
    expect(r.verdict).toBe('pass');
    expect(evidenceOf(r)[0]).toEqual([5, '多謝你嘅來電']);
  });
});
