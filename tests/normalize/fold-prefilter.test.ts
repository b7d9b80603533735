/**
 * The script filter (fold.ts skips opencc-js for texts it cannot change) must not change one
 * byte of any fold: random texts built from the dictionaries' own keys and values, and every
 * fixture transcript, fold exactly as the fold before the filter (fold-reference.ts) folds them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldMany, foldText, toSimplifiedScript } from '../../src/normalize/fold.js';
import { readCallFile } from '../../src/readers/index.js';
import { prng } from '../../src/workflow/prng.js';
import * as reference from './fold-reference.js';

/** Every key and value of the dictionaries fold.ts converts with, and their characters. */
function dictionaryText(): { words: string[]; chars: string[] } {
  const words = new Set<string>();
  const groups = [...OpenCC.Locale.from.hk, ...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn];
  for (const group of groups) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of pairs) {
        if (from) words.add(from);
        if (to) words.add(to);
      }
    }
  }
  const chars = new Set<string>();
  for (const w of words) for (const c of w) chars.add(c);
  return { words: [...words], chars: [...chars] };
}

const { words, chars } = dictionaryText();
const SIMPLIFIED = [
  ...'的一是不了人我在有他这中大来上个到说们为子和你地出道也时年得就那要下以生会自着去过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看',
  ...'户台梁吃才核群床温秘坏沈覆著藉瞭俱哩彷甦幺麽客服账号码您请问什帮实一下先生女士手机短信验证办理业务套餐流量话费余额退订投诉',
];
const OTHER = [...'，。？！、：；“”‘’（）…—·「」 \t', ...'abcxyzABCXYZ0129', ...'ＡＢｃ１２３', '㍿', 'ﷺ', '𠀀', '𡞱', '𤋮', '𥇢', '⿰', '⿱', '\u0001', '\ud840', '\udc00', '\ud840a', '\ud840国'];

type Pick = (list: readonly string[]) => string;

/** A random text: mostly simplified speech, or a mix that leans on the dictionaries. */
function randomText(rand: () => number, pick: Pick): string {
  const mode = rand();
  const length = Math.floor(rand() * 24);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (mode < 0.5) text += r < 0.9 ? pick(SIMPLIFIED) : r < 0.97 ? pick(OTHER) : pick(chars);
    else text += r < 0.3 ? pick(words) : r < 0.55 ? pick(chars) : r < 0.8 ? pick(SIMPLIFIED) : pick(OTHER);
  }
  return text;
}

function randomCall(rand: () => number, pick: Pick): string[] {
  const texts = Array.from({ length: 1 + Math.floor(rand() * 10) }, () => randomText(rand, pick));
  // A dictionary word split across two texts: no match may span them.
  if (texts.length > 1 && rand() < 0.3) {
    const word = pick(words.filter((w) => w.length > 1));
    const at = 1 + Math.floor(rand() * (word.length - 1));
    const t = Math.floor(rand() * (texts.length - 1));
    texts[t] += word.slice(0, at);
    texts[t + 1] = word.slice(at) + (texts[t + 1] as string);
  }
  return texts;
}

describe('fold with the script filter', () => {
  it('equals the fold that converted everything, on 20,000 random texts in 4,000 calls', () => {
    const rand = prng(20261123);
    const pick: Pick = (list) => list[Math.floor(rand() * list.length)] as string;
    let texts = 0;
    for (let c = 0; c < 4000; c++) {
      const call = randomCall(rand, pick);
      texts += call.length;
      expect(foldMany(call)).toStrictEqual(reference.foldMany(call));
      const joined = call.join('');
      expect(toSimplifiedScript(joined)).toBe(reference.toSimplifiedScript(joined));
      for (const text of call) {
        expect(toSimplifiedScript(text)).toBe(reference.toSimplifiedScript(text));
        expect(foldText(text)).toStrictEqual(reference.foldText(text));
      }
    }
    expect(texts).toBeGreaterThan(20_000);
  });

  it('equals it on every dictionary word and character alone, and on all of them in one call', () => {
    const all = [...words, ...chars];
    for (const text of all) expect(toSimplifiedScript(text)).toBe(reference.toSimplifiedScript(text));
    expect(foldMany(all)).toStrictEqual(reference.foldMany(all));
    expect(foldMany([...SIMPLIFIED, ...all])).toStrictEqual(reference.foldMany([...SIMPLIFIED, ...all]));
  });

  it('equals it on every transcript under fixtures/', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else files.push(join(dir, e.name));
      }
    };
    walk('fixtures');
    let calls = 0;
    for (const file of files) {
      const read = readCallFile(file);
      if (!read.ok) continue;
      const texts = read.call.utterances.map((u) => u.text);
      expect(foldMany(texts), file).toStrictEqual(reference.foldMany(texts));
      calls++;
    }
    expect(calls).toBeGreaterThan(100);
  });

  it('keeps the special cases: 么 put back, length-changing phrases, the separator', () => {
    const cases = [
      ['还有么需要', '什么', '這麼好'],
      ['您好', '請問還有么', '好的'],
      ['好的', '二噁英', '嗯', '㗲'],
      ['好的', 'a\u0001b', '國'],
      ['⿰', '好的', '國'],
      ['', '', '國', ''],
      [],
    ];
    for (const call of cases) expect(foldMany(call)).toStrictEqual(reference.foldMany(call));
  });
});
