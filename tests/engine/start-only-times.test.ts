/**
 * Start times without end times ([00:05] 客户：…) say when each line began, not how long the one
 * before it lasted: no silence can be measured from them, so the silent-caller rule is na — as
 * every other timing rule already was — instead of counting the greeting itself as silence.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { callOf, judge } from './rule-helpers.js';

const loaded = loadRuleset(DEFAULT_RULESET);
if (!loaded.ok) throw new Error('the default ruleset does not load');
const ruleset = loaded.ruleset;

describe('opening.silent-caller on start times only', () => {
  it('is na, saying why', () => {
    const call = callOf('[00:00] 坐席：您好，康泰鑫客服128号很高兴为您服务，请问有什么可以帮您？\n[00:05] 客户：帮我查一下订单到哪了。\n[00:08] 坐席：好的。');
    expect(judge(ruleset, call, 'opening.silent-caller')).toMatchObject({ verdict: 'na', reason: 'the caller speaks (no end times to measure a silence from)' });
  });

  it('with end times the same call is measured (the caller answers 0.5 s after the greeting)', () => {
    const call = callOf('[00:00.0-00:04.5] 坐席：您好，康泰鑫客服128号很高兴为您服务，请问有什么可以帮您？\n[00:05.0-00:07.0] 客户：帮我查一下订单到哪了。\n[00:08.0-00:09.0] 坐席：好的。');
    expect(judge(ruleset, call, 'opening.silent-caller')).toMatchObject({ verdict: 'na', reason: expect.stringMatching(/^the caller speaks at 00:05\.0, 0\.5 s after/) });
  });
});
