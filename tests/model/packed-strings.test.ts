import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../src/model/packed-strings.js';
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
});
