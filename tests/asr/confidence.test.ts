/**
 * Recogniser confidence (Azure word confidences, AWS Call Analytics items): a taboo word or a full
 * phone number the recogniser itself was unsure of is `review`, which is listed and not scored and
 * is no critical fail; the same words recognised confidently fail; one solid hit among unsure ones
 * still fails.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASR, rule, ruleset, rulesetText, scoreFile } from './helpers.js';

const standard = ruleset();
const file = (name: string): string => join(ASR, 'confidence', name);
const azure = (name: string) => scoreFile(file(name), standard, { agentChannel: '0' });
const aws = (name: string) => scoreFile(file(name), standard);

describe('Azure words: the taboo 不知道', () => {
  it('recognised at 0.38 is review, with the confidence in the evidence and the reason', () => {
    const r = rule(azure('azure-taboo-low.json'), 'conduct.forbidden-phrases');
    expect(r.verdict).toBe('review');
    expect(r.evidence).toMatchObject([{ turn: 3, speaker: 'agent', matched: '不知道', confidence: 0.38 }]);
    expect(r.reason).toBe('said turn 3「不知道」 (confidence 0.38); recognised with confidence below 0.6: a person should listen before this counts');
    expect(r.points).toBe(0);
  });

  it('recognised at 0.95 fails', () => {
    const r = rule(azure('azure-taboo-high.json'), 'conduct.forbidden-phrases');
    expect(r).toMatchObject({ verdict: 'fail', reason: 'said turn 3「不知道」' });
    expect(r.evidence[0]?.confidence).toBe(0.95);
  });

  it('review is not scored: the rule leaves the applicable points', () => {
    const low = azure('azure-taboo-low.json');
    const high = azure('azure-taboo-high.json');
    const points = rule(high, 'conduct.forbidden-phrases').maxPoints;
    expect(high.applicable - low.applicable).toBe(points);
    expect(low.earned).toBe(high.earned);
  });
});

describe('AWS items: a full mobile number (conduct.privacy, critical)', () => {
  it('recognised at 0.41 is review and no critical fail', () => {
    const result = aws('aws-phone-low.json');
    expect(rule(result, 'conduct.privacy')).toMatchObject({ verdict: 'review', critical: true, evidence: [{ matched: '13812345678', confidence: 0.41 }] });
    expect(result.criticalFail).toBe(false);
  });

  it('recognised at 0.97 is a critical fail', () => {
    const result = aws('aws-phone-high.json');
    expect(rule(result, 'conduct.privacy').verdict).toBe('fail');
    expect(result.criticalFail).toBe(true);
    expect(result.result).toBe('fail');
  });

  it('one solid hit among unsure ones still fails', () => {
    const result = aws('aws-phone-mixed.json');
    const r = rule(result, 'conduct.privacy');
    expect(r.verdict).toBe('fail');
    expect(r.evidence.map((e) => e.confidence)).toEqual([0.41, 0.96]);
    expect(result.criticalFail).toBe(true);
  });
});

describe('the threshold is ruleset data', () => {
  const base = (threshold: string): string => `name: t
version: 1
pass_mark: 80
weights: { conduct: 100 }
${threshold}
rules:
  - id: conduct.taboo
    category: conduct
    title: 禁语
    points: 5
    forbid: { speaker: agent, phrases: [不知道] }
  - id: conduct.number-twice
    category: conduct
    title: 号码不重复念
    points: 5
    forbid: { speaker: agent, phrases: ["/1[3-9][0-9]{9}/"], min_count: 2 }
`;

  it('a lower threshold makes the 0.38 word count; 0 turns review off', () => {
    expect(rule(scoreFile(file('azure-taboo-low.json'), rulesetText(base('thresholds: { review_confidence: 0.3 }')), { agentChannel: '0' }), 'conduct.taboo').verdict).toBe('fail');
    expect(rule(scoreFile(file('azure-taboo-low.json'), rulesetText(base('thresholds: { review_confidence: 0 }')), { agentChannel: '0' }), 'conduct.taboo').verdict).toBe('fail');
  });

  it('without thresholds.review_confidence the default is 0.6', () => {
    expect(rule(scoreFile(file('azure-taboo-low.json'), rulesetText(base('')), { agentChannel: '0' }), 'conduct.taboo').verdict).toBe('review');
  });

  it('min_count counts solid hits for a fail; unsure ones can only make it review', () => {
    const rs = rulesetText(base(''));
    // Said twice, once unsure (0.41) and once solid (0.96): two hits reach the limit, one solid does not.
    const mixed = rule(scoreFile(file('aws-phone-mixed.json'), rs), 'conduct.number-twice');
    expect(mixed.verdict).toBe('review');
    expect(mixed.reason).toContain('(2 times, limit 1)');
    expect(rule(scoreFile(file('aws-phone-high.json'), rs), 'conduct.number-twice')).toMatchObject({ verdict: 'pass', reason: 'said 1 time(s), below the limit of 2' });
  });
});
