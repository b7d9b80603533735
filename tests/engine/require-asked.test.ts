/**
 * `first_enough_if_asked`: the first item of an `all` stands for the rest when the other side asked
 * for it just before (「帮我转人工」, then 「好的，我给您转到人工，请稍等」), not otherwise.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const RULE = `  - id: closing.transfer
    category: closing
    title: transfer
    points: 3
    require:
      speaker: agent
      scope: { last_turns: 3 }
      in_order: true
      all: [[转到], [好吗]]
`;
const transfer = rulesetOf(`${RULE}      first_enough_if_asked: { speaker: customer, phrases: [帮我转], within_turns: 2, unless: [转不了] }
`);

describe('require: first_enough_if_asked', () => {
  it('passes on the first item after the request, quoting both', () => {
    const r = judge(transfer, callOf('客户：帮我转售后。\n坐席：好的，我给您转到售后，请稍等。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toBe('said 「转到」 (turn 2), right after the customer asked for it: 「帮我转」 (turn 1); 「好吗」 not needed');
    expect(r.evidence.map((e) => [e.turn, e.role])).toEqual([[2, undefined], [1, 'asked']]);
  });

  it('asks the whole `all` without a request, or with one only after the first item', () => {
    expect(judge(transfer, callOf('客户：我的洗衣机坏了。\n坐席：我给您转到售后，请稍等。')).verdict).toBe('fail');
    expect(judge(transfer, callOf('客户：我的洗衣机坏了。\n坐席：我给您转到售后。\n客户：行，帮我转吧。\n坐席：请稍等。')).verdict).toBe('fail');
  });

  it('reads only the asking side’s last `within_turns` turns before the first item', () => {
    const far = callOf('客户：帮我转售后。\n坐席：您先重启一下。\n客户：重启了。\n坐席：还是不行吗？\n客户：不行。\n坐席：我给您转到售后。');
    expect(judge(transfer, far).verdict).toBe('fail');
  });

  it('no longer stands once the speaker said an `unless` phrase after the request', () => {
    expect(judge(transfer, callOf('客户：帮我转经理。\n坐席：经理那边转不了，我给您转到主管。')).verdict).toBe('fail');
  });

  it('`targets`: a request for one target is not answered by another; a request naming none is answered by any', () => {
    const desks = rulesetOf(`${RULE}      first_enough_if_asked: { speaker: customer, phrases: [帮我转, 我要找], within_turns: 2, targets: [[主管, 经理], [售后], [技术]] }
`);
    const other = judge(desks, callOf('客户：我要找你们主管。\n坐席：好的，我给您转到售后，请稍等。'));
    expect(other.verdict).toBe('fail');
    expect(other.reason).toContain('the customer asked for something else: 「我要找」 (turn 1)');
    expect(judge(desks, callOf('客户：我要找你们主管。\n坐席：好的，我给您转到值班经理，请稍等。')).verdict).toBe('pass');
    expect(judge(desks, callOf('客户：帮我转人工。\n坐席：好的，我给您转到售后，请稍等。')).verdict).toBe('pass');
    // only the request's own clause: 售后 here is what the caller complains of, not what they ask for
    expect(judge(desks, callOf('客户：我要找你们主管，售后根本不管。\n坐席：好的，我给您转到售后，请稍等。')).verdict).toBe('fail');
    // and only the answer's clause from its hit on: 「主管不在，」 names the desk not given
    expect(judge(desks, callOf('客户：我要找你们主管。\n坐席：主管不在，我给您转到售后，请稍等。')).verdict).toBe('fail');
    // the answer naming no target (「我给您转过去」) is taken as the one asked for
    expect(judge(desks, callOf('客户：我要找你们主管。\n坐席：好的，我给您转到那边，请稍等。')).verdict).toBe('pass');
  });

  it('is reported on a require without `all`, or asked by the checked speaker', () => {
    const anyOf = `  - id: closing.transfer
    category: closing
    title: transfer
    points: 3
    require:
      speaker: agent
      any: [转到]
      first_enough_if_asked: { speaker: agent, phrases: [帮我转], within_turns: 2 }
`;
    const loaded = loadRulesetFromText(`name: unit\nversion: 1\npass_mark: 80\nweights: { closing: 1 }\nrules:\n${anyOf}`, 'unit.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems.map((p) => p.message)).toEqual(expect.arrayContaining([
        'first_enough_if_asked only qualifies the items of "all"',
        'first_enough_if_asked is asked by the other side',
      ]));
    }
  });
});
