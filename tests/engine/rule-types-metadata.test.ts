/** `metadata`: a call-log fact must have a value; a call without that fact is na, never a guess. */
import { describe, expect, it } from 'vitest';
import { evaluateCall } from '../../src/engine/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const hangsUp = rulesetOf(`  - id: closing.customer-hangs-up
    category: closing
    title: customer hangs up
    points: 2
    metadata: { hangup_by: customer }
`);

const dialogue = '坐席：感谢您的来电，再见。\n客户：再见。';

describe('metadata', () => {
  it('passes when the call log says the customer hung up', () => {
    const r = judge(hangsUp, callOf(dialogue, { hangup_by: 'customer' }));
    expect(r.verdict).toBe('pass');
    expect(r.points).toBe(2);
    expect(r.reason).toContain('hangup_by=customer');
  });

  it('fails when the agent hung up, saying what was expected', () => {
    const r = judge(hangsUp, callOf(dialogue, { hangup_by: 'agent' }));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('should be customer');
  });

  it('reads the value as the field does: 客户, 客戶, Customer and 客户挂机 are the customer', () => {
    for (const said of ['客户', '客戶', 'Customer', '客户挂机']) expect(judge(hangsUp, callOf(dialogue, { hangup_by: said })).verdict).toBe('pass');
    expect(judge(hangsUp, callOf(dialogue, { hangup_by: '坐席挂机' })).verdict).toBe('fail');
  });

  it('is na, not fail, on a value the field cannot read', () => {
    const r = judge(hangsUp, callOf(dialogue, { hangup_by: 'system' }));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('hangup_by "system" is not agent or customer');
  });

  it('is na with a reason when the call has no such metadata', () => {
    const r = judge(hangsUp, callOf(dialogue));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('no hangup_by metadata');
  });

  it('compares numbers and booleans as the log writes them', () => {
    const rs = rulesetOf(`  - id: closing.flags
    category: closing
    title: flags
    points: 1
    metadata: { transferred: false, survey: 5 }
`);
    expect(judge(rs, callOf(dialogue, { transferred: false, survey: 5 })).verdict).toBe('pass');
    expect(judge(rs, callOf(dialogue, { transferred: true, survey: 5 })).verdict).toBe('fail');
  });

  it('moves nothing in the score when na', () => {
    const both = rulesetOf(`  - id: closing.customer-hangs-up
    category: closing
    title: customer hangs up
    points: 2
    metadata: { hangup_by: customer }
  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, all: [感谢, 再见] }
`);
    const na = evaluateCall(callOf(dialogue), both);
    expect(na.rules.map((r) => r.verdict)).toEqual(['na', 'pass']);
    expect([na.earned, na.applicable, na.score]).toEqual([4, 4, 100]);
    const failed = evaluateCall(callOf(dialogue, { hangup_by: 'agent' }), both);
    expect([failed.earned, failed.applicable]).toEqual([4, 6]);
  });
});
