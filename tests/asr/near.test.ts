/**
 * Near matches through the whole engine: the issue's own ASR examples pass with evidence that says
 * what differed; one character that flips the meaning (不满意/很满意, 没有/还有, 您/你) never matches;
 * forbid stays exact unless the rule opts in.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASR, rule, ruleset, scoreFile } from './helpers.js';

const standard = ruleset();
const nearChecks = ruleset(join(ASR, 'rulesets/near-checks.yaml'));

describe('the issue examples (「您好很高兴您服务」, 「在见」, no punctuation)', () => {
  const result = scoreFile(join(ASR, 'near/issue-examples.txt'), standard);

  it('pass on near matches, and the evidence says what matched and how it differs', () => {
    const greeting = rule(result, 'opening.greeting');
    expect(greeting.verdict).toBe('pass');
    expect(greeting.evidence.find((e) => e.near)).toMatchObject({ turn: 1, matched: '很高兴您服务', phrase: '很高兴为您服务', near: '1 edit: 为 dropped' });
    expect(greeting.reason).toContain('near match 「很高兴您服务」 ≈ 「很高兴为您服务」 (1 edit: 为 dropped) (turn 1)');

    const farewell = rule(result, 'closing.farewell');
    expect(farewell.verdict).toBe('pass');
    expect(farewell.reason).toContain('near match 「在见」 ≈ 「再见」 (homophone 在 for 再)');
  });

  it('a single 你 stays below the polite-address limit (min_count: 2)', () => {
    expect(rule(result, 'conduct.polite-address')).toMatchObject({ verdict: 'pass', reason: 'said 1 time(s), below the limit of 2' });
  });
});

describe('one character away with another meaning', () => {
  const result = scoreFile(join(ASR, 'near-must-not/negated-satisfaction.txt'), nearChecks);

  it('不满意 is not 很满意, and 没有其他问题 is not 还有其他问题', () => {
    expect(rule(result, 'survey.satisfied')).toMatchObject({ verdict: 'fail', evidence: [] });
    expect(rule(result, 'survey.ask-more')).toMatchObject({ verdict: 'fail', evidence: [] });
  });

  it('a polite 您再说一遍 is not the taboo 你再说一遍, and 我是说过了吗 is not 我不是说过了吗, even with tolerance on', () => {
    expect(rule(result, 'conduct.taboo-strict').verdict).toBe('pass');
    expect(rule(result, 'conduct.taboo-tolerant')).toMatchObject({ verdict: 'pass', evidence: [] });
  });
});

describe('near matches that should count', () => {
  const result = scoreFile(join(ASR, 'near/near-but-fine.txt'), nearChecks);

  it('require accepts a dropped character in a 6-character phrase and a homophone in a 7-character one, not another word', () => {
    expect(rule(result, 'survey.satisfied').evidence[0]).toMatchObject({ matched: '对服务满意', near: '1 edit: 很 dropped' });
    expect(rule(result, 'survey.wait-thanks').verdict).toBe('pass');
    expect(rule(result, 'survey.ask-more').evidence[0]).toMatchObject({ matched: '还有其他问题码', near: 'homophone 码 for 吗' });
  });

  it('forbid stays exact by default; a rule that opts in fails on the near taboo and says so', () => {
    expect(rule(result, 'conduct.taboo-strict')).toMatchObject({ verdict: 'pass', evidence: [] });
    const tolerant = rule(result, 'conduct.taboo-tolerant');
    expect(tolerant.verdict).toBe('fail');
    expect(tolerant.evidence.map((e) => [e.turn, e.matched, e.near])).toEqual([
      [5, '你在说一遍', 'homophone 在 for 再'],
      [5, '我不是说过了码', 'homophone 码 for 吗'],
    ]);
    expect(tolerant.reason).toBe(
      'said turn 5near match 「你在说一遍」 ≈ 「你再说一遍」 (homophone 在 for 再), turn 5near match 「我不是说过了码」 ≈ 「我不是说过了吗」 (homophone 码 for 吗)',
    );
  });

  it('tolerance: off keeps a check exact', () => {
    expect(rule(result, 'survey.wait-thanks').verdict).toBe('pass');
    const issue = scoreFile(join(ASR, 'near/issue-examples.txt'), nearChecks);
    expect(rule(issue, 'survey.wait-thanks')).toMatchObject({ verdict: 'fail', evidence: [] });
  });
});
