import { describe, expect, it } from 'vitest';
import { PackedStrings, StringIndex } from '../../src/model/string-index.js';
import { byteOrder } from '../../src/model/order.js';
import { prng } from '../../src/workflow/prng.js';

/** Characters whose UTF-8 and UTF-16 orders disagree, and the ordinary ones of paths. */
const ALPHABET = ['a', 'b', '/', '.', '-', '0', '9', ' ', 'é', '王', '芳', '\uD7FF', '\uE000', '\uFF0C', '\uFFFD', '😀', '𠀋', '\u{10FFFD}'];

function randomStrings(seed: number, count: number): string[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 7) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''));
}

describe('PackedStrings', () => {
  it('gives back what was pushed, by position, slice and iteration, across buffer growth', () => {
    const strings = randomStrings(1, 3000).map((s, i) => `${s}#${i}`);
    const packed = new PackedStrings();
    strings.forEach((s, i) => expect(packed.push(s)).toBe(i));
    expect(packed.length).toBe(strings.length);
    expect(packed.at(0)).toBe(strings[0]);
    expect(packed.at(-1)).toBe(strings.at(-1));
    expect(packed.at(strings.length)).toBeUndefined();
    expect(packed.slice(100, 140)).toEqual(strings.slice(100, 140));
    expect(packed.slice(2990, 5000)).toEqual(strings.slice(2990, 5000));
    for (const [from, to] of [[-5, undefined], [-5, -2], [10, -2990], [-9000, 3]] as const) expect(packed.slice(from, to)).toEqual(strings.slice(from, to));
    expect([...packed]).toEqual(strings);
  });

  it('sorts in the code-unit order of byteOrder, also where UTF-8 byte order differs (U+E000–U+FFFF against astral characters)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const strings = [...new Set(randomStrings(seed, 500))];
      const packed = new PackedStrings();
      strings.forEach((s) => packed.push(s));
      const sorted = packed.sorted();
      const expected = strings.slice().sort(byteOrder);
      expect([...sorted]).toEqual(expected);
      expect(sorted.slice(5, 15)).toEqual(expected.slice(5, 15));
      expect(sorted.at(-1)).toBe(expected.at(-1));
      expect(sorted.length).toBe(expected.length);
    }
    const packed = new PackedStrings();
    ['\uFF0C', '😀', '\uD7FF', '', 'a'].forEach((s) => packed.push(s));
    expect([...packed.sorted()]).toEqual(['', 'a', '\uD7FF', '😀', '\uFF0C']);
  });
});

describe('StringIndex', () => {
  it('finds every key added, and no other, with keys kept by the caller', () => {
    const keys = [...new Set(randomStrings(3, 20000))];
    const index = new StringIndex((value) => keys[value] as string);
    keys.forEach((key, value) => {
      expect(index.get(key)).toBe(-1);
      index.add(key, value);
    });
    keys.forEach((key, value) => expect(index.get(key)).toBe(value));
    expect(index.get('not a key of the list')).toBe(-1);
  });

  it('reads a key back from the caller only to confirm a full hash match, not for every slot probed', () => {
    // 50,000 ids in a table of 131,072 slots: probes pass other keys' slots, without asking.
    const keys = Array.from({ length: 50000 }, (_, i) => `CALL-${i}`);
    let asked = 0;
    const index = new StringIndex((value) => {
      asked++;
      return keys[value] as string;
    });
    keys.forEach((key, value) => index.add(key, value));
    asked = 0;
    expect(index.get('CALL-49999')).toBe(49999);
    expect(asked).toBe(1);
    expect(index.get('CALL-50000')).toBe(-1);
  });
});
