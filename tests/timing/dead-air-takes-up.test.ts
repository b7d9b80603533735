/** dead_air `customer_takes_up:`: a customer weighing the agent's answer owns the silence before their reply. */
import { describe, expect, it } from 'vitest';
import { callOf, judge } from '../engine/rule-helpers.js';
import { deadAirRuleset } from './dead-air-rule.js';

const withTakesUp = deadAirRuleset('customer_takes_up: ["/^(哦|好吧|了解)/"]');
const without = deadAirRuleset('');

const answered = (reply: string, answer = '退款已经提交了，三到五个工作日到账。'): string => `[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？
[00:04.5-00:08.0] 客户：退款什么时候到？
[00:08.5-00:14.0] 坐席：${answer}
[00:27.0-00:29.0] 客户：${reply}`;

describe('dead_air customer_takes_up', () => {
  it('13 s after the answer, then 「哦，那好吧」: passes, naming why', () => {
    const r = judge(withTakesUp, callOf(answered('哦，那好吧。')));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toMatch(/00:14\.0–00:27\.0 \(13\.0 s\) after turn 3: the customer weighing the agent's answer$/);
  });

  it('without the option the same silence is dead air', () => {
    expect(judge(without, callOf(answered('哦，那好吧。'))).verdict).toBe('fail');
  });

  it('a reply that asks, or takes nothing up at its start, shows a customer who was waiting', () => {
    for (const reply of ['喂？还在吗？', '哦，查到了吗？', '那好吧吗', '我说那好吧']) {
      expect(judge(withTakesUp, callOf(answered(reply))).verdict, reply).toBe('fail');
    }
  });

  it('no answer to weigh: work announced, or a bare 「好的」 from the agent', () => {
    for (const answer of ['我这边帮您查一下退款进度', '退款正在处理', '好的。']) {
      expect(judge(withTakesUp, callOf(answered('哦，好的。', answer))).verdict, answer).toBe('fail');
    }
  });
});
