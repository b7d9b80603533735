/**
 * The agent's opening on real lines: an outbound pickup in silence (「喂？」「喂，您好，听得到吗？」
 * before the customer's first words are not the opening), and a recording notice the agent reads
 * live in one breath with 「请问有什么可以帮您」 (the agent's words, not a recording).
 */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const selfId = `  - id: opening.self-id
    category: opening
    title: t
    points: 1
    require: { speaker: agent, scope: { first_turns: 2 }, any: ["{company}"] }
`;
const lineCheck = `lexicons:
  line_check: [喂, 您好, 听得到吗]
`;
const silentPickup = `[00:01.0-00:01.6] 坐席：喂？
[00:04.0-00:05.5] 坐席：喂，您好，听得到吗？
[00:09.0-00:10.5] 坐席：喂，您好？
[00:12.0-00:12.8] 客户：喂，哪位？
[00:13.2-00:19.0] 坐席：您好，我是康泰鑫的小李，请问是王先生吗？`;

describe('an outbound pickup in silence', () => {
  const withLexicon = rulesetOf(selfId, lineCheck);

  it('leaves the agent\'s line checks out of the first turns, and says so', () => {
    const r = judge(withLexicon, callOf(silentPickup, { direction: 'outbound' }));
    expect(r.verdict).toBe('pass');
    expect(r.window ?? JSON.stringify(r)).toContain('after the prompts to a silent line in call turns 1, 2, 3');
  });

  it('keeps them on an inbound call, without the lexicon, or when the customer spoke first', () => {
    expect(judge(withLexicon, callOf(silentPickup, { direction: 'inbound' })).verdict).toBe('fail');
    expect(judge(rulesetOf(selfId), callOf(silentPickup, { direction: 'outbound' })).verdict).toBe('fail');
    const customerFirst = `客户：喂？\n${silentPickup}`;
    expect(judge(withLexicon, callOf(customerFirst, { direction: 'outbound' })).verdict).toBe('fail');
  });

  it('keeps a turn with any other words: 「您好，请问是王先生吗」 said into the silence is the opening', () => {
    const named = `坐席：您好，请问是王先生吗？\n坐席：喂，您好，听得到吗？\n客户：听得到。\n坐席：我是康泰鑫的小李。`;
    expect(judge(withLexicon, callOf(named, { direction: 'outbound' })).verdict).toBe('fail');
  });

  it('never skips the agent\'s only words', () => {
    const r = judge(withLexicon, callOf('坐席：喂？\n客户：喂。', { direction: 'outbound' }));
    expect(r.verdict).toBe('fail');
  });
});

const greeting = `  - id: opening.greeting
    category: opening
    title: t
    points: 1
    require: { speaker: agent, scope: { first_turns: 1 }, all: [您好, 有什么可以帮您] }
`;
const announcements = `thresholds: { turn_gap_ms: 1000 }
lexicons:
  greeting: [您好]
  recorded_announcement: [通话可能会被录音, "/请按[0-9]/"]
  recording_notice: [通话可能会被录音]
  recorded_announcement_not: [有什么可以帮]
`;

describe('a recording notice and live words in one turn', () => {
  const ruleset = rulesetOf(greeting, announcements);

  it('is the agent reading the notice when the live words go on from it', () => {
    const live = `[00:00.5-00:03.0] 坐席：您好，本次通话可能会被录音。
[00:03.8-00:05.5] 坐席：请问有什么可以帮您？
[00:06.0-00:08.0] 客户：查话费。`;
    const r = judge(ruleset, callOf(live));
    expect(r.verdict).toBe('pass');
    expect(r.window ?? '').not.toContain('recorded announcement');
  });

  it('is still a recording when the agent greets afresh, or speaks after a pause', () => {
    const afresh = `[00:00.0-00:03.0] 坐席：欢迎致电，本次通话可能会被录音。
[00:03.5-00:05.5] 坐席：您好，请问有什么可以帮您？
[00:06.0-00:08.0] 客户：查话费。`;
    expect(judge(ruleset, callOf(afresh)).window).toContain('after the recorded announcement in call turn 1');
    const paused = `[00:00.5-00:03.0] 坐席：您好，本次通话可能会被录音。
[00:05.0-00:06.5] 坐席：请问有什么可以帮您？
[00:07.0-00:08.0] 客户：查话费。`;
    expect(judge(ruleset, callOf(paused)).verdict).toBe('fail');
  });

  it('is still a recording when it is a menu, which no agent reads out', () => {
    const menu = `[00:00.5-00:03.0] 坐席：您好，普通话请按1。
[00:03.5-00:05.5] 坐席：请问有什么可以帮您？
[00:06.0-00:08.0] 客户：查话费。`;
    expect(judge(ruleset, callOf(menu)).window).toContain('after the recorded announcement in call turn 1');
    // without the recording_notice lexicon, no notice is taken for the agent's
    const bare = rulesetOf(greeting, announcements.replace('  recording_notice: [通话可能会被录音]\n', ''));
    const live = `[00:00.5-00:03.0] 坐席：您好，本次通话可能会被录音。
[00:03.8-00:05.5] 坐席：请问有什么可以帮您？`;
    expect(judge(bare, callOf(live)).verdict).toBe('fail');
  });
});
