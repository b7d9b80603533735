/** Five hand-built call results covering the report's cases (see writer.test.ts). */
import type { CallResult } from '../../src/engine/index.js';
import { callResult } from './helpers.js';

export const LONG_ID = '2026100100012345678';

export function sampleCalls(): CallResult[] {
  const call1 = callResult(
    { callId: LONG_ID, score: 80, earned: 15, applicable: 20, result: 'pass' },
    {
      'opening.greeting': {
        verdict: 'pass',
        reason: 'said 「您好」',
        evidence: [{ turn: 1, speaker: 'agent', startMs: 0, endMs: 3200, quote: '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？' }],
        window: "agent's first 2 turn(s)",
      },
      'opening.self-id': { verdict: 'fail', reason: 'did not say 「这里是康泰鑫」', window: "agent's first 2 turn(s) (turns 1, 3)" },
      'closing.farewell': {
        verdict: 'pass',
        reason: 'said 「再见」',
        evidence: [{ turn: 9, speaker: 'agent', startMs: 61000, quote: '=感谢您的来电，再见' }],
      },
      'conduct.privacy': { verdict: 'pass', reason: 'no personal data read out', window: 'agent, whole call' },
    },
  );
  const call2 = callResult(
    { callId: 'C-0002', score: 30, earned: 5, applicable: 25, criticalFail: true, result: 'fail' },
    {
      'opening.greeting': { verdict: 'pass', reason: 'said 「您好」', evidence: [{ turn: 1, speaker: 'agent', quote: '-您好，请讲' }] },
      'opening.self-id': { verdict: 'fail', reason: 'did not say 「这里是康泰鑫」', window: "agent's first 2 turn(s)" },
      'complaint.apologize': {
        verdict: 'fail',
        reason: 'no apology within 2 turns after turn 4',
        evidence: [{ turn: 4, speaker: 'customer', startMs: 12300, endMs: 15900, quote: '你们怎么回事？我打了三次电话了！', role: 'trigger' }],
        window: "agent's 2 turn(s) after turn 4",
      },
      'closing.farewell': { verdict: 'fail', reason: 'did not say 「再见」', window: "agent's last 2 turn(s)" },
      'conduct.privacy': {
        verdict: 'fail',
        reason: 'read out a phone number: 「13812345678」',
        evidence: [{ turn: 6, speaker: 'agent', startMs: 30100, endMs: 34000, quote: '您的手机是13812345678，对吧？' }],
      },
    },
  );
  const call3 = callResult(
    { callId: 'C-0003', agentId: 'team/7', agentName: '李雷', score: 100, earned: 20, applicable: 20, result: 'pass' },
    {
      'opening.greeting': { verdict: 'pass', reason: 'said 「您好」' },
      'opening.self-id': { verdict: 'pass', reason: 'said 「这里是康泰鑫」' },
      'closing.farewell': { verdict: 'pass', reason: 'said 「再见」' },
      'conduct.privacy': { verdict: 'pass', reason: 'no personal data read out' },
    },
  );
  // Rules listed in reverse: the most-failed tie must still go to the rule first in the ruleset.
  const call4 = callResult(
    { callId: 'C-0004', agentId: 'team:7', agentName: '韩梅梅', score: 60, earned: 10, applicable: 20, result: 'fail' },
    {
      'opening.greeting': { verdict: 'pass', reason: 'said 「您好」' },
      'opening.self-id': { verdict: 'fail', reason: 'did not say 「这里是康泰鑫」' },
      'closing.farewell': { verdict: 'fail', reason: 'did not say 「再见」' },
      'conduct.privacy': { verdict: 'review', reason: 'low-confidence hit 「幺三八」' },
    },
  );
  call4.rules.reverse();
  const call5 = callResult({ callId: 'C-0005', agentId: 'unknown', agentName: '', score: undefined, result: 'na' }, {});
  return [call1, call2, call3, call4, call5];
}
