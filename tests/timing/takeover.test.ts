/**
 * A supervisor takes over after the agent's 「请您稍等，我请值班主管来」: the supervisor's words are
 * nobody's (speaker unknown), they end the agent's hold, and the close is theirs.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCall } from '../../src/engine/index.js';
import { parseCallBytes } from '../../src/readers/index.js';
import { standardRuleset } from './helpers.js';

const CALL = `---
direction: inbound
hangup_by: agent
---
[00:00.0-00:04.0] 坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
[00:05.0-00:09.0] 客户：我要投诉，你们师傅把我电脑弄坏了，叫你们主管来！
[00:10.0-00:15.0] 坐席：非常抱歉，请您稍等，我请值班主管来跟您沟通，好吗？
[00:16.0-00:17.0] 客户：好。
[00:50.0-00:56.0] 主管：您好，我是值班主管，让您久等了，您具体说一下情况？
[00:57.0-01:05.0] 客户：师傅上门把主板弄坏了。
[01:06.0-01:40.0] 主管：明白了，我们明天上午安排师傅重新上门，您看可以吗？
[01:41.0-01:42.0] 客户：可以。
[01:49.0-01:52.0] 主管：感谢您的来电，再见。
`;

function rules() {
  const read = parseCallBytes(Buffer.from(CALL, 'utf8'), 'takeover.txt');
  if (!read.ok) throw new Error(read.error.message);
  return Object.fromEntries(evaluateCall(read.call, standardRuleset()).rules.map((r) => [r.ruleId, r]));
}

describe('a supervisor takes over', () => {
  it('the hold ends when the supervisor comes on, not at the end of the call', () => {
    const r = rules();
    // Was 00:17.0–01:49.0 (92.0 s): every silence after the supervisor's words counted as the agent's hold.
    expect(r['hold.check-back']).toMatchObject({ verdict: 'fail', window: 'hold 00:17.0–00:50.0 (33.0 s)' });
    expect(r['hold.thank-after']).toMatchObject({ verdict: 'na', reason: 'hold 00:17.0–00:50.0 (33.0 s): the agent does not speak after it' });
  });

  it('the close and the hang-up are the supervisor\'s: na, naming who went on', () => {
    const r = rules();
    for (const id of ['closing.anything-else', 'closing.farewell', 'closing.customer-hangs-up']) {
      expect(r[id]?.verdict, id).toBe('na');
      expect(r[id]?.reason, id).toMatch(/^handed over: another speaker of the service side goes on after the agent's last turn \(turn 3\): 主管「您好，我是值班主管/);
    }
  });
});
