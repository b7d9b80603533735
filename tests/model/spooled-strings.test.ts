import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scratch } from '../../src/model/scratch.js';
import { SpooledStrings } from '../../src/model/spooled-strings.js';
import { prng } from '../../src/workflow/prng.js';
import { tempDir } from '../report/helpers.js';

const ALPHABET = ['a', '/', '.', ' ', 'é', '王', '芳', '\uE000', '😀', '𠀋', '\n'];

function randomStrings(seed: number, count: number): string[] {
  const random = prng(seed);
  // Lengths from 0 (an empty string is an entry too) to 200 characters: blocks of different sizes.
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() ** 3 * 200) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''));
}

describe('SpooledStrings', () => {
  it.each([1, 63, 64, 65, 1000, 5000])('past %i strings in memory, reads back what was pushed, by position, slice and iteration', (limit) => {
    const strings = randomStrings(limit, 3000);
    const folder = join(tempDir(), 'spool');
    const list = new SpooledStrings(() => folder, limit);
    for (const s of strings) list.push(s);
    expect(list.length).toBe(strings.length);
    expect(list.spooled).toBe(limit < strings.length);
    expect(existsSync(folder)).toBe(limit < strings.length);
    // Out of order, as a retried batch reads it, then in order.
    for (const i of [2999, 0, 64, 63, 1500, 65, 2998, 128, 127]) expect(list.at(i)).toBe(strings[i]);
    expect(list.at(-1)).toBe(strings.at(-1));
    expect(list.at(3000)).toBeUndefined();
    expect(list.at(-3001)).toBeUndefined();
    for (const [from, to] of [[0, 32], [32, 64], [60, 200], [2990, 5000], [-5, undefined], [-5, -2], [10, -2990]] as const) expect(list.slice(from, to)).toEqual(strings.slice(from, to));
    expect([...list]).toEqual(strings);
    list.close();
  });

  it('an empty list has no entries and makes no folder', () => {
    const folder = join(tempDir(), 'spool');
    const list = new SpooledStrings(() => folder, 0);
    expect([...list]).toEqual([]);
    expect(list.at(0)).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a string with NUL (the separator in the file)', () => {
    expect(() => new SpooledStrings(() => tempDir(), 1).push('a\u0000b')).toThrow(/NUL/);
  });
});

describe('Scratch', () => {
  it('makes its temporary folder on first use only, and remove() takes it away', () => {
    const scratch = new Scratch();
    scratch.remove(); // nothing made yet: nothing to do
    const a = scratch.folder('files');
    const b = scratch.folder('files');
    expect(a).not.toBe(b);
    const root = join(a, '..');
    expect(readdirSync(root)).toEqual([]);
    const list = new SpooledStrings(() => a, 1);
    list.push('x');
    list.push('y');
    expect(readdirSync(root)).toEqual([a.slice(root.length + 1)]);
    list.close();
    scratch.remove();
    expect(existsSync(root)).toBe(false);
  });
});
