import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const greeting = `  - id: opening.greeting
    category: opening
    title: t
    points: 1
    require: { speaker: agent, scope: { first_turns: 1 }, all: [您好, 有什么可以帮您] }
`;
const lexicons = `lexicons:
  recorded_announcement: [通话将被录音, "/请按[0-9]/"]
  recorded_announcement_not: [有什么可以帮]
`;

describe('recorded announcements on the agent channel', () => {
  const withLexicon = rulesetOf(greeting, lexicons);
  const recordingFirst = callOf('坐席：您好，本次通话将被录音。\n坐席：您好，请问有什么可以帮您？\n客户：查话费。');

  it('are not the agent’s first turn', () => {
    expect(judge(withLexicon, recordingFirst).verdict).toBe('pass');
  });

  it('are named in the window, so a reviewer sees why the first turn is not call turn 1', () => {
    expect(judge(withLexicon, recordingFirst).window).toContain('after the recorded announcement in call turn 1');
  });

  it('are only skipped when the ruleset has the lexicon', () => {
    expect(judge(rulesetOf(greeting), recordingFirst).verdict).toBe('fail');
  });

  it('never take a greeting with live wording', () => {
    const live = callOf('坐席：您好，本次通话将被录音，请问有什么可以帮您？\n客户：查话费。\n坐席：请按1。');
    expect(judge(withLexicon, live).verdict).toBe('pass');
  });

  it('alone on the agent channel leave the agent no turn: rules that need one are na', () => {
    const only = rulesetOf(greeting.replace('    require:', '    when: { has_turns: agent }\n    require:'), lexicons);
    const result = judge(only, callOf('坐席：您好，本次通话将被录音。\n客户：喂？'));
    expect(result.verdict).toBe('na');
    expect(result.reason).toContain('never speaks live');
  });
});
