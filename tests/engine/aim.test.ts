/** `forbid.aim`: whom a forbidden phrase is aimed at, from the nearest pointer word (src/engine/aim.ts). */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const aimRule = (aim: string, phrases = '[白痴, 你有病, 他妈的]'): string => `  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: { speaker: agent, phrases: ${phrases}, aim: ${aim} }
`;
const atCustomer = rulesetOf(aimRule('{ customer: [你, 您], others: [快递员, 师傅, "/(?<!其)他/"] }'));
const atOthers = rulesetOf(aimRule('{ customer: [你, 您], others: [快递员, 师傅, "/(?<!其)他/"], count: others }'));
const curseAtOthers = rulesetOf(aimRule('{ customer: [你, 您], others: [快递员], unaimed: others, count: others }', '[他妈的]'));
const plain = rulesetOf(`  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: { speaker: agent, phrases: [白痴] }
`);

const agentSays = (words: string): ReturnType<typeof callOf> => callOf(`客户：我的快递还没到。\n坐席：${words}`);

describe('forbid aim', () => {
  it('does not count an insult aimed at a third party, and names who it was aimed at', () => {
    const r = judge(atCustomer, agentSays('非常抱歉，那个快递员就是个白痴，我帮您催。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('aimed at 「快递员」, not the customer');
    expect(r.evidence).toEqual([expect.objectContaining({ turn: 2, matched: '白痴' })]);
    // without aim the same words are counted, as before
    expect(judge(plain, agentSays('非常抱歉，那个快递员就是个白痴，我帮您催。')).verdict).toBe('fail');
  });

  it('counts only those aimed at others when asked, with the target in the reason', () => {
    const r = judge(atOthers, agentSays('那个师傅就是个白痴。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('said turn 2「白痴」 aimed at 「师傅」, not the customer');
    expect(judge(atOthers, agentSays('你就是个白痴。')).verdict).toBe('pass');
  });

  it('the nearest pointer decides: 「快递员是白痴，你也是白痴」 insults the customer the second time', () => {
    const both = judge(atCustomer, agentSays('快递员是白痴，你也是白痴。'));
    expect(both.verdict).toBe('fail');
    expect(both.reason).toBe('said turn 2「白痴」');
    expect(both.evidence).toHaveLength(1);
    expect(judge(atCustomer, agentSays('你放心，那个快递员就是个白痴。')).verdict).toBe('pass');
  });

  it('looks back to the sentence end only, and forward within the clause only', () => {
    // 「快递员送错了。白痴。」: nothing points at anyone in the insult's sentence: the listener's
    expect(judge(atCustomer, agentSays('快递员送错了。白痴。')).verdict).toBe('fail');
    expect(judge(atCustomer, agentSays('快递员送错了，真是白痴。')).verdict).toBe('pass');
    expect(judge(atCustomer, agentSays('白痴一样的快递员。')).verdict).toBe('pass');
    expect(judge(atCustomer, agentSays('白痴，快递员明天到。')).verdict).toBe('fail');
  });

  it('a pointer at the customer inside the hit wins (「他说你有病」); one at others inside it (他妈的) is no pointer', () => {
    expect(judge(atCustomer, agentSays('他说你有病。')).verdict).toBe('fail');
    const r = judge(curseAtOthers, agentSays('他妈的，系统又卡了。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('said turn 2「他妈的」 aimed at no one named');
    expect(judge(curseAtOthers, agentSays('你他妈的能不能认真听？')).verdict).toBe('pass');
  });

  it('a regex pointer can leave out words that only look like one (其他)', () => {
    expect(judge(atCustomer, agentSays('没有其他问题是吧，白痴。')).verdict).toBe('fail');
    expect(judge(atCustomer, agentSays('他真是个白痴。')).verdict).toBe('pass');
  });
});
