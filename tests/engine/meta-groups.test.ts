import { describe, expect, it } from 'vitest';
import { numberValue } from '../../src/model/numerals.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

describe('numberValue', () => {
  it('reads a number however it is said: digits, digit by digit, or with units', () => {
    for (const said of ['128', '１２８', '幺二八', '一二八', '一百二十八', '0128']) expect(numberValue(said)).toBe('128');
    expect(numberValue('一百二')).toBe('120');
    expect(numberValue('一百零八')).toBe('108');
    expect(numberValue('十二')).toBe('12');
    expect(numberValue('三千五')).toBe('3500');
    expect(numberValue('一万二千')).toBe('12000');
    expect(numberValue('号')).toBeUndefined();
  });
});

describe('a regex group named after call metadata', () => {
  const ruleset = rulesetOf(`  - id: opening.self-id
    category: opening
    title: t
    points: 1
    require: { speaker: agent, scope: { first_turns: 2 }, any: ["{company}", "/工号(?<agent_no>[0-9一二三四五六七八九十百幺两]+)/"] }
`);
  const say = (line: string, meta: Record<string, string> = {}) => judge(ruleset, callOf(`坐席：${line}\n客户：你好。`, meta));

  it('must say the call’s own number, by value', () => {
    expect(say('您好，工号幺二八为您服务。', { agent_id: 'A128' }).verdict).toBe('pass');
    expect(say('您好，工号一百二十八为您服务。', { agent_id: 'A128' }).verdict).toBe('pass');
  });

  it('fails a wrong number even beside another accepted phrase, saying which number against which', () => {
    const result = say('您好，康泰鑫，工号一二七为您服务。', { agent_id: 'A128' });
    expect(result.verdict).toBe('fail');
    expect(result.reason).toContain('127');
    expect(result.reason).toContain('128');
  });

  it('accepts any number when the call has no agent number', () => {
    expect(say('您好，工号一二七为您服务。').verdict).toBe('pass');
    expect(say('您好，工号一二七为您服务。', { agent_id: 'zhangsan' }).verdict).toBe('pass');
  });
});
