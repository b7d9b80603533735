/** `when: { not: … }`: the rule applies where the inner condition does not; unknown stays unknown. */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

describe('when: not', () => {
  const polite = rulesetOf(`  - id: conduct.polite-address
    category: conduct
    title: polite
    points: 3
    when: { has_turns: agent, not: { said: { speaker: agent, phrases: [嘅, 唔該] } } }
    forbid: { speaker: agent, phrases: [你], except: [你好], min_count: 2 }
`);

  it('rules the rule out, quoting what the inner condition found', () => {
    const r = judge(polite, callOf('坐席：唔該你俾個單號我，你等等。\n客户：好。'));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('excluded: the agent says 「嘅」「唔該」 (turn 1「唔該」)');
  });

  it('applies where the inner condition does not hold, and only the right speaker counts', () => {
    expect(judge(polite, callOf('坐席：你把单号给我，你等一下。\n客户：好。')).verdict).toBe('fail');
    // The customer's Cantonese does not excuse the agent's Mandarin 你.
    expect(judge(polite, callOf('客户：我嘅订单呢？\n坐席：你把单号给我，你等一下。')).verdict).toBe('fail');
  });

  it('keeps an unknown inner condition unknown (na with its reason), never a yes', () => {
    const rs = rulesetOf(`  - id: opening.x
    category: opening
    title: x
    points: 1
    when: { not: { meta: { vip: true } } }
    require: { speaker: agent, any: [您好] }
`);
    const missing = judge(rs, callOf('坐席：喂。\n客户：你好。'));
    expect(missing.verdict).toBe('na');
    expect(missing.reason).toContain('vip');
    expect(judge(rs, callOf('坐席：喂。\n客户：你好。', { vip: false })).verdict).toBe('fail');
    expect(judge(rs, callOf('坐席：喂。\n客户：你好。', { vip: true })).verdict).toBe('na');
  });
});
