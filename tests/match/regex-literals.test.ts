import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/match/regex-literals.js';
import { DEFAULT_RULESET, loadRuleset, type CompiledPhrase } from '../../src/ruleset/index.js';
import { holdsLiterals, prepareCall } from '../../src/engine/prepare.js';
import { callOf } from '../engine/rule-helpers.js';

const read = (source: string, flags = 'gu'): string[][] | undefined => requiredLiterals(source, flags);

describe('the literals a regex phrase requires', () => {
  it('reads literal runs and plain alternations at the top level, most selective first', () => {
    expect(read('(你|你哋|你们)(先|就){0,2}(白目|脑残|智障)')).toEqual([['白目', '脑残', '智障'], ['你']]); // 你们 holds 你
    expect(read('(?<!不是|不)(你|您)(家\\p{Script=Han}{0,2})?(也|真|太)*笨(?!重|拙)')).toEqual([['笨'], ['你', '您']]);
    expect(read('(?<![a-z])on9(?![0-9])')).toEqual([['on9']]);
    expect(read('(?<surname>陈|林)先生')).toEqual([['陈先生', '林先生']]);
  });

  it('spells adjacent atoms out together while they make few strings, so a common character alone is not the gate', () => {
    // 您 is in most utterances; 帮您登记 is in few.
    expect(read('(?<!已)(帮|给)(您|你)(登记|记录)(?!好)')).toEqual([['帮您登记', '帮您记录', '帮你登记', '帮你记录', '给您登记', '给您记录', '给你登记', '给你记录']]);
    expect(read('(你|您)(先|稍)?等')).toEqual([['你先等', '你稍等', '你等', '您先等', '您稍等', '您等']]); // said or not
    expect(read('(你|您)(先|稍)*等')).toEqual([['等'], ['你', '您']]); // any number of times: the run is cut
    expect(read('(a|a)b')).toEqual([['ab']]);
    // Past 64 spellings the run is cut: 8 × 8 = 64 stay one requirement, a third atom of 2 starts another.
    const eight = (x: string): string => `(${Array.from({ length: 8 }, (_, k) => `${x}${k}`).join('|')})`;
    const spelled = read(`${eight('a')}${eight('b')}(c|d)`);
    expect(spelled?.map((option) => option.length)).toEqual([64, 2]);
    expect(spelled?.[0]).toContain('a3b7');
  });

  it('reads a top-level alternation as one requirement: a literal of each alternative', () => {
    expect(read('a|b')).toEqual([['a', 'b']]);
    // each alternative's most selective requirement: 烂 for the first, 系统 or 服务 for the second
    expect(read('(什么|乜|咩)烂|(?<!灿)烂(系统|服务)')).toEqual([['什么烂', '乜烂', '咩烂', '烂系统', '烂服务']]);
    expect(read('(什么|咩)烂|烂')).toEqual([['烂']]); // 什么烂 holds 烂: one look-up is enough
    expect(read('你哋搞(咩|乜)|搞(咩|乜)(鬼|呀)')).toEqual([['你哋搞咩', '你哋搞乜', '搞咩鬼', '搞咩呀', '搞乜鬼', '搞乜呀']]);
    expect(read('x(a|b)|y[|]z')).toEqual([['xa', 'xb', 'y']]);
  });

  it('never requires what a match may leave out', () => {
    expect(read('a|.*')).toBeUndefined(); // an alternative that requires nothing
    expect(read('a|[b')).toBeUndefined(); // unbalanced: not ours to read
    expect(read('ab?c')).toEqual([['abc', 'ac']]); // with b or without
    expect(read('xa{2}y')).toEqual([['xa'], ['y']]); // not 「xay」
    expect(read('xa{1}y')).toEqual([['xay']]);
    expect(read('x(ab|)y')).toEqual([['xaby', 'xy']]); // an empty alternative
    expect(read('x(a|b.c)y')).toEqual([['x'], ['y']]); // not plain literals
    expect(read('x(?:ab)*y')).toEqual([['x'], ['y']]);
    expect(read('a.b[cd]e\\d')).toEqual([['a'], ['b'], ['e']]);
    expect(read('(a)\\1')).toBeUndefined(); // backreference
    expect(read('abc', 'giu')).toBeUndefined(); // case-insensitive
    expect(read('^喂?(您好|你好)$')).toEqual([['您好', '你好']]);
    expect(read('\\.com')).toEqual([['.com']]);
  });

  it('holds for every regex phrase of the bundled ruleset on every example line (a match implies the literals)', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the bundled ruleset does not load');
    const ruleset = loaded.ruleset;
    const phrases = new Map<string, CompiledPhrase>();
    const lines = new Set<string>();
    for (const rule of ruleset.rules) {
      for (const example of rule.examples) {
        for (const line of example.dialogue.split('\n')) lines.add(line.replace(/^.*?[：:]/, ''));
      }
      collectRegexes(rule, phrases);
    }
    // The example lines as one call, so the literals are marked by the engine's own matcher pass.
    const prepared = prepareCall(callOf([...lines].map((line) => `坐席：${line}`).join('\n')), ruleset);
    let withRequirements = 0;
    let matched = 0;
    for (const phrase of phrases.values()) {
      const regex = phrase.regex as RegExp;
      if (phrase.requires) withRequirements++;
      prepared.folds.forEach(({ folded }, u) => {
        regex.lastIndex = 0;
        if (!regex.test(folded)) return;
        matched++;
        expect(phrase.requires ? holdsLiterals(prepared, u, phrase.requires) : true, `${regex.source} on 「${folded}」`).toBe(true);
      });
    }
    expect(phrases.size).toBeGreaterThan(50);
    expect(withRequirements / phrases.size).toBeGreaterThan(0.8);
    expect(matched).toBeGreaterThan(100);
  });

  it('are marked by the matcher pass exactly where the folded utterance holds them', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the bundled ruleset does not load');
    const { literals, gates } = loaded.ruleset;
    expect(gates.length).toBeGreaterThan(50);
    const lines = ['你们家孩子也太笨了', '您好，请问有什么可以帮您', '你哋班廢柴，on9', '嘴巴放干净一点', '這個系統很爛耶', '', '[噪音]'];
    const prepared = prepareCall(callOf(lines.map((line) => `坐席：${line}`).join('\n')), loaded.ruleset);
    let marked = 0;
    prepared.folds.forEach(({ folded }, u) => {
      gates.forEach((gate, id) => {
        const holds = holdsLiterals(prepared, u, [id]);
        if (holds) marked++;
        const spelled = gate.map((literal) => literals[literal] as string);
        expect(holds, `one of 「${spelled.join('|')}」 in 「${folded}」`).toBe(spelled.some((literal) => folded.includes(literal)));
      });
    });
    expect(marked).toBeGreaterThan(5);
  });
});

/** Every regex phrase reachable from a compiled rule, by source. */
function collectRegexes(value: unknown, into: Map<string, CompiledPhrase>, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const phrase = value as Partial<CompiledPhrase>;
  if (phrase.kind === 'regex' && phrase.regex) into.set(phrase.regex.source, phrase as CompiledPhrase);
  for (const child of Object.values(value)) collectRegexes(child, into, seen);
}
