/**
 * A rule of several checks: the verdict's reason also says why a part was na, so a pass on the
 * thanks does not hide a goodbye the customer hung up on, nor a fail an unjudged hang-up.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const farewell = rulesetOf(`  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require:
      - { speaker: agent, scope: { last_turns: 3 }, any: [感谢您的来电], cut_off: na }
      - { speaker: agent, scope: { last_turns: 2 }, any: [再见], cut_off: na }
`);

const rudeClose = rulesetOf(`  - id: closing.no-rude-close
    category: closing
    title: no rude close
    points: 3
    require: { speaker: agent, scope: { last_turns: 2 }, any: [再见], if_hung_up_by: agent }
    forbid: { speaker: agent, phrases: [没事我挂了] }
`);

describe('a rule of several checks', () => {
  it('passes on the part said, naming the part the customer hung up on', () => {
    const r = judge(farewell, callOf('坐席：您本月话费八十元。\n客户：没有了。\n坐席：好的，感谢您的来电……', { hangup_by: 'customer' }));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toMatch(/^said 「感谢您的来电」 \(turn 3\); not applicable: not said: 「再见」, but the call breaks off on the agent's 「好的，感谢您的来电……」 \(turn 3\)/);
    expect(r.evidence[0]?.turn).toBe(3);
  });

  it('fails on the part that failed, naming the part no call log could judge', () => {
    const r = judge(rudeClose, callOf('坐席：您本月话费八十元。\n客户：好的。\n坐席：没事我挂了。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/said.*; not applicable: no hangup_by metadata: 「再见」 is asked only when the agent hangs up$/);
  });

  it('says nothing more when every part was judged, and stays na when none was', () => {
    expect(judge(farewell, callOf('坐席：好的，感谢您的来电，再见。')).reason).toBe('said 「感谢您的来电」 (turn 1); said 「再见」 (turn 1)');
    expect(judge(farewell, callOf('坐席：您好。\n客户：我想问一下那个……', { hangup_by: 'customer' })).verdict).toBe('na');
  });
});

/** closing.confirm-understood's shape: a duty, and a never-list that only guards it. */
const confirm = (guard: boolean) =>
  rulesetOf(`  - id: closing.confirm-understood
    category: closing
    title: confirm
    points: 3
    when: { said: { speaker: agent, phrases: [是这样的] } }
    require: { speaker: agent, any: [您清楚了吗], scope: { from_trigger: true }, cut_off: na }
    forbid: { speaker: agent, phrases: [听懂了吧], guard: ${guard} }
`);
const hungUpOnTheExplanation = callOf('坐席：是这样的，这是漫游费。\n客户：哦，挂了。', { hangup_by: 'customer' });

describe('a guarding never-list', () => {
  it('passes nothing alone: the duty went unjudged, so the rule is na, saying both parts', () => {
    const r = judge(confirm(true), hungUpOnTheExplanation);
    expect(r.verdict).toBe('na');
    expect(r.reason).toMatch(/^not said: 「您清楚了吗」, but the customer hung up .*; never-list not broken \(judges nothing alone\): none of 「听懂了吧」 said$/);
    expect(r.evidence.map((e) => e.turn)).toEqual([2, 1]);
  });

  it('still fails the rule when broken, and passes beside a duty done', () => {
    expect(judge(confirm(true), callOf('坐席：是这样的，这是漫游费，听懂了吧？\n客户：哦，挂了。', { hangup_by: 'customer' })).verdict).toBe('fail');
    expect(judge(confirm(true), callOf('坐席：是这样的，这是漫游费，您清楚了吗？\n客户：清楚。')).verdict).toBe('pass');
  });

  it('is an ordinary never-list without guard: its pass passes the rule', () => {
    expect(judge(confirm(false), hungUpOnTheExplanation).verdict).toBe('pass');
  });

  it('needs a check to guard', () => {
    const loaded = loadRulesetFromText(
      `name: t\nversion: 1\npass_mark: 80\nweights: { closing: 100 }\nrules:\n  - id: closing.confirm-understood\n    category: closing\n    title: t\n    points: 3\n    forbid: { speaker: agent, phrases: [听懂了吧], guard: true }\n`,
      't.yaml',
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.problems).toEqual([expect.objectContaining({ code: 'guard-alone' })]);
  });
});
