/** Utterances that are only bracketed sound notes have no words: they fold to nothing. */
import { describe, expect, it } from 'vitest';
import { prepareCall } from '../../src/engine/prepare.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import type { Call } from '../../src/model/call.js';
import { callOf } from './rule-helpers.js';

describe('sound notes', () => {
  it('fold to nothing when an utterance is only notes, whatever space leads; a number in brackets or words around a note are speech', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the bundled ruleset does not load');
    const texts = ['[噪音]', '（笑声）', '\u3000<noise>', ' (杂音) [噪音] ', '(0571)', '噪音', '好的[噪音]'];
    const base = callOf('坐席：您好');
    const call: Call = { ...base, utterances: texts.map((text, index) => ({ ...(base.utterances[0] as Call['utterances'][number]), index, text })) };
    const folded = prepareCall(call, loaded.ruleset).folds.map((f) => f.folded);
    expect(folded).toEqual(['', '', '', '', '0571', '噪音', '好的噪音']);
  });
});
