/**
 * Turns: a speaker's consecutive utterances less than thresholds.turn_gap_ms apart, with nobody in
 * between, are one turn on a timed call (recognisers cut one turn into sentences). Scopes that
 * count turns (first_turns, last_turns, after_trigger_turns), respond's within_turns and the turn
 * after a hold count such turns.
 */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const GAP = 'thresholds: { turn_gap_ms: 1000 }\n';

const greeting = (extra = GAP) =>
  rulesetOf(
    `  - id: opening.greeting
    category: opening
    title: greeting
    points: 5
    require: { speaker: agent, scope: { first_turns: 1 }, all: [[您好], [为您服务]] }
`,
    extra,
  );

const split = '[00:00.0-00:01.2] 坐席：您好，\n[00:01.4-00:04.0] 坐席：康泰鑫客服很高兴为您服务。\n[00:04.5-00:06.0] 客户：我想查话费。';

describe('turns', () => {
  it('joins a sentence split by the recogniser into the first turn', () => {
    const r = judge(greeting(), callOf(split));
    expect(r.verdict).toBe('pass');
    expect(r.window).toContain('call turns 1, 2');
  });

  it('keeps utterances apart without the threshold, across a longer pause, or when untimed', () => {
    expect(judge(greeting(''), callOf(split)).verdict).toBe('fail');
    const paused = '[00:00.0-00:01.0] 坐席：您好，\n[00:03.5-00:06.0] 坐席：康泰鑫客服很高兴为您服务。\n[00:06.5-00:08.0] 客户：嗯。';
    expect(judge(greeting(), callOf(paused)).verdict).toBe('fail');
    expect(judge(greeting(), callOf('坐席：您好，\n坐席：康泰鑫客服很高兴为您服务。\n客户：嗯。')).verdict).toBe('fail');
  });

  it('joins across a short word the other side drops into the pause, not across their words', () => {
    const withChars = GAP.replace('}', ', backchannel_chars: 4 }');
    const hello = '[00:00.0-00:01.0] 坐席：您好，\n[00:01.0-00:01.5] 客户：喂？\n[00:01.6-00:04.0] 坐席：很高兴为您服务。';
    expect(judge(greeting(withChars), callOf(hello)).verdict).toBe('pass');
    // Without backchannel_chars nothing the other side says is short enough.
    expect(judge(greeting(), callOf(hello)).verdict).toBe('fail');
    const words = '[00:00.0-00:01.0] 坐席：您好，\n[00:01.0-00:01.5] 客户：我想查话费。\n[00:01.6-00:04.0] 坐席：很高兴为您服务。';
    expect(judge(greeting(withChars), callOf(words)).verdict).toBe('fail');
    // The agent waited for the caller's 「你好」 (an exchange, not a word dropped into a pause).
    const waited = '[00:00.0-00:01.0] 坐席：您好，\n[00:02.5-00:03.0] 客户：你好。\n[00:03.5-00:06.0] 坐席：很高兴为您服务。';
    expect(judge(greeting(withChars), callOf(waited)).verdict).toBe('fail');
  });

  it('counts joined turns in respond within_turns', () => {
    const rs = rulesetOf(
      `  - id: complaint.apologize
    category: complaint
    title: apology
    points: 5
    respond:
      trigger: { speaker: customer, phrases: [投诉] }
      reply: { speaker: agent, phrases: [抱歉], within_turns: 1 }
`,
      GAP,
    );
    const call = callOf('[00:00.0-00:02.0] 客户：我要投诉！\n[00:02.5-00:03.0] 坐席：好的，\n[00:03.2-00:04.0] 坐席：我看一下，\n[00:04.2-00:06.0] 坐席：非常抱歉。');
    expect(judge(rs, call).verdict).toBe('pass');
  });

  it('measures a silent caller from the end of the agent\'s whole first turn', () => {
    const rs = rulesetOf(
      `  - id: opening.silent-caller
    category: opening
    title: silent
    points: 3
    silent_caller: { wait_s: 5, repeat: [请问有什么可以帮您], close: [再次来电] }
`,
      GAP,
    );
    // 「您好，」 ends at 1.1 s, the turn at 5.0 s; the caller answers at 6.3 s: no silence of 5 s.
    const call = callOf('[00:00.0-00:01.1] 坐席：您好，\n[00:01.3-00:05.0] 坐席：康泰鑫客服很高兴为您服务。\n[00:06.3-00:09.0] 客户：我想查话费。');
    const r = judge(rs, call);
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('1.3 s after the agent\'s first turn');
  });

  it('reads the whole agent turn after a hold', () => {
    const rs = rulesetOf(
      `  - id: hold.thank-after
    category: complaint
    title: thanks
    points: 3
    when: { hold: true }
    hold: { after: [谢谢您的等候] }
`,
      'thresholds: { turn_gap_ms: 1000, hold_min_s: 10 }\nlexicons: { hold_announce: [稍等] }\n',
    );
    const call = callOf('[00:00.0-00:03.0] 坐席：请您稍等。\n[00:20.0-00:20.8] 坐席：好的，\n[00:21.0-00:24.0] 坐席：谢谢您的等候，已经查到了。\n[00:24.5-00:25.0] 客户：好。');
    const r = judge(rs, call);
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('(turn 3)');
  });
});
