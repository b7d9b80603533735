/**
 * A transfer put through while the recording goes on is read from the ruleset's transfer words
 * (`transfer_announced`, `transfer_pickup`), not from its hold settings: a company ruleset with no
 * hold rules (no `hold_announce`, no `hold_min_s`) still sets the new agent's words aside.
 */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from '../engine/rule-helpers.js';

const TABOO = `  - id: conduct.forbidden-phrases
    category: conduct
    title: 服务禁语
    points: 5
    forbid: { speaker: agent, phrases: [不知道] }
`;

const TRANSFER_WORDS = `lexicons:
  greeting: [您好]
  transfer_announced: [转接]
  transfer_pickup: [为您服务, 有什么可以帮您, 工号]
`;

const CALL = `坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
客户：我的路由器坏了，连不上网。
坐席：这个需要技术部处理，我帮您转接到技术部，请稍等。
客户：好的。
坐席：您好，技术部工号203，请问有什么可以帮您？
客户：我的路由器坏了。
坐席：不知道，你自己看吧。`;

describe('a transfer in a ruleset without hold rules', () => {
  it('the new agent’s 「不知道」 is not the first agent’s', () => {
    const r = judge(rulesetOf(TABOO, TRANSFER_WORDS), callOf(CALL, { agent_id: 'A128' }));
    expect(r.verdict).toBe('pass');
    expect(r.window).toContain('up to the transfer at turn 5');
  });

  it('the same words said before the transfer stay the first agent’s', () => {
    const before = CALL.replace('这个需要技术部处理', '不知道，这个需要技术部处理');
    expect(judge(rulesetOf(TABOO, TRANSFER_WORDS), callOf(before, { agent_id: 'A128' })).verdict).toBe('fail');
  });

  it('without the transfer words the ruleset cannot tell a new agent: the words are the agent’s', () => {
    expect(judge(rulesetOf(TABOO), callOf(CALL, { agent_id: 'A128' })).verdict).toBe('fail');
  });
});
