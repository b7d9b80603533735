/**
 * changeableUnits() claims: a text with no changeable unit comes out of the chain of opencc-js
 * tries unchanged (after the caller puts its kept units back). Checked against opencc-js itself
 * on random dictionaries small enough that keys collide, overlap and chain across stages.
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { changeableUnits, trieRoot, type TrieNode } from '../../src/normalize/script-inert.js';
import { prng } from '../../src/workflow/prng.js';

function tries(groups: readonly (readonly (string | [string, string][])[])[]): OpenCC.Trie[] {
  return groups.map((group) => {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group);
    return trie;
  });
}

function rootsOf(stages: readonly OpenCC.Trie[]): TrieNode[] {
  return stages.map((t) => trieRoot(t) as TrieNode);
}

/** What fold.ts does: convert with every stage, then put kept units back if the length held. */
function convert(stages: readonly OpenCC.Trie[], kept: string, text: string): string {
  let out = text;
  for (const stage of stages) out = stage.convert(out);
  if (out.length !== text.length) return out;
  let restored = '';
  for (let i = 0; i < text.length; i++) restored += kept.includes(text[i] as string) ? text[i] : out[i];
  return restored;
}

describe('changeableUnits', () => {
  it('leaves inert texts unchanged under random dictionaries (opencc-js is the judge)', () => {
    const rand = prng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const alphabet = [...'abcdefg'];
    const produced = [...alphabet, ...'xy', '𠀀', '⿰'];
    const word = (length: number, from: readonly string[]): string => Array.from({ length }, () => pick(from)).join('');
    let checked = 0;
    let roundTrips = 0;
    for (let d = 0; d < 400; d++) {
      const groups = Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
          const pairs: [string, string][] = Array.from({ length: 2 + Math.floor(rand() * 8) }, () => {
            const key = word(1 + Math.floor(rand() * 3), rand() < 0.8 ? alphabet : produced);
            const r = rand();
            const value =
              r < 0.25 ? key : r < 0.85 ? word(key.length, produced) : word(Math.floor(rand() * 4), produced);
            return [key, value];
          });
          return rand() < 0.5 ? pairs : pairs.map((p) => p.join(' ')).join('|');
        }),
      );
      const stages = tries(groups);
      const kept = rand() < 0.5 ? 'a' : '';
      const table = changeableUnits(rootsOf(stages), kept);
      for (let t = 0; t < 300; t++) {
        const text = word(Math.floor(rand() * 10), produced);
        if ([...text].some((c) => table[c.charCodeAt(0)] === 1)) continue;
        expect(convert(stages, kept, text), `${JSON.stringify(groups)} on ${text}`).toBe(text);
        checked++;
        if (text !== stages.reduce((s, st) => st.convert(s), text)) roundTrips++;
      }
    }
    // The check must have had something to check, including texts that change and change back.
    expect(checked).toBeGreaterThan(20_000);
    expect(roundTrips).toBeGreaterThan(100);
  });

  it('never calls surrogates or ideographic description characters inert', () => {
    const table = changeableUnits(rootsOf(tries([[[['a', 'b']]]])), '');
    expect(table[0xd840]).toBe(1);
    expect(table[0xdc00]).toBe(1);
    expect(table[0x2ff0]).toBe(1);
    expect(table['c'.charCodeAt(0)]).toBe(0);
    expect(table['a'.charCodeAt(0)]).toBe(1);
  });

  it('on the real dictionaries, keeps common simplified characters inert, traditional ones not', () => {
    const groups = [...OpenCC.Locale.from.hk, ...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn];
    const stages = groups.map((group) => {
      const trie = new OpenCC.Trie();
      trie.loadDictGroup(group);
      return trie;
    });
    const table = changeableUnits(rootsOf(stages), '么');
    // 户 台 吃 才 核 群 梁 go to a variant and back; 么 is put back by fold.ts.
    for (const c of '的是户台吃才核群梁么您好请问客服账号核实一下') expect(table[c.charCodeAt(0)], c).toBe(0);
    // 沈 坏 覆 瞭 藉 are simplified too, but phrases change them (沈默 → 沉默, 打坏 → 打坯).
    for (const c of '國請問麼說沈坏覆瞭藉') expect(table[c.charCodeAt(0)], c).toBe(1);
  });
});
