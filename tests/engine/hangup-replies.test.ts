/**
 * `hangup_within_replies`: the customer hangs up (hangup_by: customer) while the agent is still in
 * their first reply to a complaint — 「非常抱歉，给您添麻烦了，我…」 — so a follow-up the agent had
 * no room to promise is na, not fail. Only the call log proves who left; without it nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const followUp = rulesetOf(`  - id: complaint.commit-followup
    category: complaint
    title: follow-up
    points: 4
    when: { said: { speaker: customer, phrases: [投诉] } }
    require: { speaker: agent, scope: { after_trigger_turns: 0 }, any: [上报], hangup_within_replies: 1 }
`);

const complaint = '坐席：您好，请问有什么可以帮您？\n客户：什么态度，我要投诉！';
const midApology = `${complaint}\n坐席：非常抱歉，给您添麻烦了，我`;
const customerHungUp = { hangup_by: 'customer' };

describe('hangup_within_replies', () => {
  it('is na when the customer hung up during the agent\'s first reply', () => {
    const r = judge(followUp, callOf(midApology, customerHungUp));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('not said: 「上报」, but the customer hung up after 1 reply of the agent to turn 2 (hangup_by: customer)');
  });

  it('counts a reply the transcript splits into lines, or a pause splits into turns, once', () => {
    expect(judge(followUp, callOf(`${midApology}\n坐席：这边`, customerHungUp)).verdict).toBe('na');
    const timed = [
      '[00:00.0-00:02.0] 坐席：您好，请问有什么可以帮您？',
      '[00:02.5-00:05.0] 客户：什么态度，我要投诉！',
      '[00:05.5-00:07.0] 坐席：非常抱歉，',
      '[00:10.0-00:11.0] 坐席：给您添麻烦了，我',
    ].join('\n');
    expect(judge(followUp, callOf(timed, customerHungUp)).verdict).toBe('na');
  });

  it('is na when the customer answers the first reply and then hangs up', () => {
    expect(judge(followUp, callOf(`${midApology}\n客户：算了，不想听了！`, customerHungUp)).verdict).toBe('na');
  });

  it('still fails without the call log, when the agent hung up, or after a second reply', () => {
    expect(judge(followUp, callOf(midApology)).verdict).toBe('fail');
    expect(judge(followUp, callOf(midApology, { hangup_by: 'agent' })).verdict).toBe('fail');
    const twoReplies = `${midApology}\n客户：那你们打算怎么办？\n坐席：这个我们也要等仓库。`;
    expect(judge(followUp, callOf(twoReplies, customerHungUp)).verdict).toBe('fail');
  });

  it('keeps a pass: the follow-up promised in the one reply', () => {
    expect(judge(followUp, callOf(`${complaint}\n坐席：非常抱歉，我马上上报。`, customerHungUp)).verdict).toBe('pass');
  });

  it('needs an after_trigger scope to count replies from', () => {
    const loaded = loadRulesetFromText(
      `name: t\nversion: 1\npass_mark: 80\nweights: { closing: 100 }\nrules:\n  - id: closing.farewell\n    category: closing\n    title: t\n    points: 4\n    require: { speaker: agent, scope: { last_turns: 2 }, any: [再见], hangup_within_replies: 1 }\n`,
      't.yaml',
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.problems).toEqual([expect.objectContaining({ line: 10, code: 'scope-needs-trigger', message: 'hangup_within_replies needs an after_trigger scope' })]);
  });
});
