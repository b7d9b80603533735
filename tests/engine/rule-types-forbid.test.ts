/** `forbid`: the speaker says none of the phrases; exceptions, repetition limits and scopes. */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const taboo = rulesetOf(`  - id: conduct.forbidden-phrases
    category: conduct
    title: taboo
    points: 5
    forbid: { speaker: agent, phrases: [不知道, 你再说一遍], except: [不知道您, 说了句不知道] }
`);

describe('forbid', () => {
  it('fails on the taboo with turn, speaker and the words as said (traditional kept)', () => {
    const r = judge(taboo, callOf('坐席：您好。\n客户：我的快遞呢？\n坐席：這個我不知道。'));
    expect(r.verdict).toBe('fail');
    expect(r.evidence).toEqual([expect.objectContaining({ turn: 3, speaker: 'agent', matched: '不知道' })]);
  });

  it('passes when only the customer says it', () => {
    const r = judge(taboo, callOf('坐席：您好。\n客户：我不知道订单号，你再说一遍？\n坐席：好的，您可以在订单页面找到。'));
    expect(r.verdict).toBe('pass');
    expect(r.window).toContain('agent');
  });

  it('does not count the taboo inside an exception (a polite question, a quote)', () => {
    const call = callOf('坐席：不知道您现在方便吗？\n客户：上次的客服说了句"不知道"就挂了。\n坐席：您是说他只说了句"不知道"，是吗？');
    expect(judge(taboo, call).verdict).toBe('pass');
  });

  it('fails only from min_count hits: one stray 你 passes, two fail; 你们 and 你好 never count', () => {
    const rs = rulesetOf(`  - id: conduct.polite-address
    category: conduct
    title: 您
    points: 3
    forbid: { speaker: agent, phrases: [你], except: [你们, 你好], min_count: 2 }
`);
    const once = judge(rs, callOf('坐席：你好，你们那边的网络好了吗？你稍等。\n客户：好。'));
    expect(once.verdict).toBe('pass');
    expect(once.reason).toContain('1 time');
    const twice = judge(rs, callOf('坐席：你稍等。\n客户：好。\n坐席：你看一下。'));
    expect(twice.verdict).toBe('fail');
    expect(twice.evidence.map((e) => e.turn)).toEqual([1, 3]);
  });

  it('looks only inside its scope', () => {
    const rs = rulesetOf(`  - id: opening.no-rude-greeting
    category: opening
    title: 喂
    points: 3
    forbid: { speaker: agent, scope: { first_turns: 1 }, phrases: [/^喂/] }
`);
    expect(judge(rs, callOf('坐席：喂，什么事？\n客户：你好。')).verdict).toBe('fail');
    expect(judge(rs, callOf('坐席：您好，康泰鑫客服。\n客户：……\n坐席：喂，您好？')).verdict).toBe('pass');
  });

  it('never invents a taboo from a near match', () => {
    expect(judge(taboo, callOf('坐席：我知道了。\n客户：好。\n坐席：不知到了吗。')).verdict).toBe('pass');
  });

  it('is na when the call has no speaker roles', () => {
    // An undiarized recogniser output: one voice, no speaker labels.
    const r = judge(taboo, callOf(JSON.stringify({ segments: [{ start: 0, end: 1.5, text: '不知道。' }, { start: 2, end: 3, text: '好的。' }] })));
    expect(r.verdict).toBe('na');
    expect(r.points).toBe(0);
  });
});

describe('forbid counts a saying once', () => {
  it('drops a listed phrase found inside a longer listed phrase of the same list', () => {
    const rule = rulesetOf(`  - id: complaint.no-blame
    category: complaint
    title: blame
    points: 5
    forbid: { speaker: agent, phrases: [这不是我的错, 不是我的错], min_count: 2 }
`);
    const once = judge(rule, callOf('坐席：这不是我的错。\n客户：好吧。'));
    expect(once.verdict).toBe('pass');
    expect(once.reason).toBe('said 1 time(s), below the limit of 2');
    const twice = judge(rule, callOf('坐席：这不是我的错。\n客户：好吧。\n坐席：不是我的错！'));
    expect(twice.verdict).toBe('fail');
    expect(twice.evidence.map((e) => e.matched)).toEqual(['这不是我的错', '不是我的错']);
  });
});
