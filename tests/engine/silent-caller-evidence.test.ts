/**
 * Which close a silent-caller pass quotes: the agent's last words on the dead line, which a
 * reviewer checks, not an earlier 「听不到您的声音」 said while still re-prompting. Only the quote
 * moves: a close said anywhere still passes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { callOf, judge } from './rule-helpers.js';

const standard = loadRuleset(DEFAULT_RULESET);
if (!standard.ok) throw new Error('the standard ruleset does not load');

describe('opening.silent-caller evidence', () => {
  it('quotes the close of the last turn, not the first close phrase of the call', () => {
    const call = callOf(`坐席：您好，康泰鑫客服，请问有什么可以帮您？
坐席：您好？听不到您的声音，请问有什么可以帮您？
坐席：很抱歉，无法听到您的声音，请您稍后再次来电，再见。`);
    const r = judge(standard.ruleset, call, 'opening.silent-caller');
    expect(r.verdict).toBe('pass');
    const close = r.evidence.find((e) => e.role === 'close');
    expect([close?.turn, close?.matched]).toEqual([3, '无法听到您的声音']);
  });

  it('keeps an earlier close when the last turns say none (the verdict never moves)', () => {
    const call = callOf(`坐席：您好，康泰鑫客服，请问有什么可以帮您？
坐席：您好？听不到您的声音，请您再次来电。
坐席：请问有什么可以帮您？`);
    const r = judge(standard.ruleset, call, 'opening.silent-caller');
    expect(r.verdict).toBe('pass');
    expect(r.evidence.find((e) => e.role === 'close')?.turn).toBe(2);
  });
});
