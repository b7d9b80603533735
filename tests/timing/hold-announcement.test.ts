/** Where a hold's announcement is: the agent may ask before the customer's 「好的」 and only say 「请稍等」 after it. */
import { describe, expect, it } from 'vitest';
import { evaluateCall } from '../../src/engine/index.js';
import { callOf } from '../engine/rule-helpers.js';
import { standardRuleset } from './helpers.js';

function verdictOf(dialogue: string, id: string): { verdict: string; reason: string } {
  const r = evaluateCall(callOf(dialogue), standardRuleset()).rules.find((x) => x.ruleId === id);
  return { verdict: r?.verdict ?? '', reason: r?.reason ?? '' };
}

describe('hold.ask-permission across the customer consent', () => {
  it('「我帮您看一下线路，好吗？」「好的」「请稍等」 asked and explained before the hold', () => {
    const r = verdictOf(
      `[00:04.5-00:08.0] 客户：我的宽带断了。
[00:08.5-00:12.0] 坐席：我帮您看一下线路情况，好吗？
[00:12.3-00:12.8] 客户：好的。
[00:13.0-00:14.0] 坐席：请稍等。
[00:32.0-00:36.0] 坐席：谢谢您的等候，您的线路已经恢复了。`,
      'hold.ask-permission',
    );
    expect(r).toEqual({ verdict: 'pass', reason: 'hold 00:14.0–00:32.0 (18.0 s) announced with 「看一下」 (turn 2)' });
  });

  it('a customer turn that is more than consent ends the look back: 「我想查一下话费」「稍等」 fails', () => {
    const r = verdictOf(
      `[00:00.0-00:04.0] 坐席：您好，我帮您看看有什么可以帮您的，好吗？
[00:04.5-00:08.0] 客户：我想查一下这个月的话费。
[00:08.5-00:09.5] 坐席：稍等。
[00:27.0-00:31.0] 坐席：让您久等了，您这个月话费是八十八元。`,
      'hold.ask-permission',
    );
    expect(r.verdict).toBe('fail');
  });

  it('a question from the customer is no consent: 「好吗？」「可以吗？」「请稍等」 fails', () => {
    const r = verdictOf(
      `[00:04.5-00:08.0] 客户：我的宽带断了。
[00:08.5-00:12.0] 坐席：我帮您看一下线路情况，好吗？
[00:12.3-00:12.8] 客户：要多久？
[00:13.0-00:14.0] 坐席：请稍等。
[00:32.0-00:36.0] 坐席：谢谢您的等候，您的线路已经恢复了。`,
      'hold.ask-permission',
    );
    expect(r.verdict).toBe('fail');
  });
});
