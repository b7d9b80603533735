/** dead_air `goodbye:`: the idle line after the agent took leave is nobody's dead air. */
import { describe, expect, it } from 'vitest';
import { callOf, judge } from '../engine/rule-helpers.js';
import { deadAirRuleset } from './dead-air-rule.js';

const withGoodbye = deadAirRuleset('goodbye: [再见, 拜拜]');
const without = deadAirRuleset('');

const AFTER_GOODBYE = `[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？
[00:04.5-00:08.0] 客户：营业厅几点关门？
[00:08.5-00:12.0] 坐席：晚上八点关门。
[00:12.5-00:14.0] 客户：好的，谢谢，再见。
[00:14.5-00:17.0] 坐席：不客气，再见。
[00:35.0-00:36.0] 坐席：喂？`;

describe('dead_air goodbye', () => {
  it('an 18 s silence after the agent\u2019s 「再见」 passes, naming why', () => {
    const r = judge(withGoodbye, callOf(AFTER_GOODBYE));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toMatch(/00:17\.0–00:35\.0 \(18\.0 s\) after turn 5: after the goodbye$/);
  });

  it('without the option the same silence is dead air', () => {
    expect(judge(without, callOf(AFTER_GOODBYE)).verdict).toBe('fail');
  });

  it('the customer\u2019s goodbye alone does not end the call for the agent: 16 s before the agent answers it fails', () => {
    const r = judge(
      withGoodbye,
      callOf(`[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？
[00:04.5-00:08.0] 客户：营业厅几点关门？
[00:08.5-00:12.0] 坐席：晚上八点关门。
[00:12.5-00:14.0] 客户：好的，谢谢，再见。
[00:30.0-00:32.0] 坐席：不客气，再见。`),
    );
    expect(r).toMatchObject({ verdict: 'fail', reason: 'silence longer than 10.0 s: 00:14.0–00:30.0 (16.0 s) between turn 4 and turn 5' });
  });

  it('a new question after the goodbye reopens the call: the agent\u2019s silence after it counts', () => {
    const r = judge(
      withGoodbye,
      callOf(`[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？
[00:08.5-00:12.0] 坐席：晚上八点关门，再见。
[00:12.5-00:16.0] 客户：等一下，周末开门吗？
[00:30.0-00:32.0] 坐席：周末也开门。`),
    );
    expect(r.verdict).toBe('fail');
  });
});
