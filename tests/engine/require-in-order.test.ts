/** `require` with `in_order`: each item of `all` counts only at or after the item before it. */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

/** A rule of one require check (its YAML flow mapping). */
function transferRule(check: string) {
  return rulesetOf(`  - id: hold.x\n    category: opening\n    title: transfer then ask\n    points: 3\n    require: ${check}\n`);
}

const ordered = transferRule('{ speaker: agent, scope: { last_turns: 2 }, in_order: true, all: [[转接, 转到], [好吗, 可以吗, 请稍等]] }');

describe('require in_order', () => {
  it('does not count a question of the turn before the transfer, and says what was missing after what', () => {
    const r = judge(ordered, callOf('客户：路由器坏了。\n坐席：麻烦您提供一下手机号，好吗？\n客户：138。\n坐席：我给您转到技术部。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('after 「转到」 (turn 4)');
  });

  it('looks past an earlier hit in the same turn for one after the transfer', () => {
    const r = judge(ordered, callOf('客户：路由器坏了。\n坐席：您先重启一下，可以吗？不行的话我帮您转接技术部，可以吗？'));
    expect(r.verdict).toBe('pass');
    expect(r.evidence.map((e) => [e.turn, e.matched])).toEqual([[2, '转接'], [2, '可以吗']]);
    const before = judge(ordered, callOf('客户：路由器坏了。\n坐席：您先重启一下，可以吗？不行的话我给您转到技术部。'));
    expect(before.verdict).toBe('fail');
  });

  it('counts a question around the transfer: it ends after the transfer words (「可以帮您转接到售后吗」)', () => {
    const around = transferRule('{ speaker: agent, in_order: true, all: [[转接], ["/可以帮您转接.{0,8}吗/"]] }');
    expect(judge(around, callOf('客户：我要退货。\n坐席：我可以帮您转接到售后吗？')).verdict).toBe('pass');
  });

  it('counts the later turn: 「转接到售后」「好的」「请稍等」', () => {
    const r = judge(ordered, callOf('客户：洗衣机坏了。\n坐席：我帮您转接到售后。\n客户：好的。\n坐席：请稍等。'));
    expect(r.verdict).toBe('pass');
  });

  it('without in_order, the earlier question still counts (the old reading)', () => {
    const unordered = transferRule('{ speaker: agent, scope: { last_turns: 2 }, all: [[转接, 转到], [好吗, 可以吗]] }');
    expect(judge(unordered, callOf('客户：路由器坏了。\n坐席：麻烦您提供一下手机号，好吗？\n客户：138。\n坐席：我给您转到技术部。')).verdict).toBe('pass');
  });

  it('is reported on at_least … of, which has no order', () => {
    const text = `name: unit\nversion: 1\npass_mark: 80\nweights: { opening: 1 }\nrules:\n  - id: opening.x\n    category: opening\n    title: x\n    points: 1\n    require: { speaker: agent, in_order: true, at_least: 1, of: [a, b] }\n`;
    const loaded = loadRulesetFromText(text, 'unit.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.message).join('\n')).toContain('in_order');
  });
});
