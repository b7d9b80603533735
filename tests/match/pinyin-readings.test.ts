/**
 * The generated reading table (src/match/pinyin-readings.ts) against pinyin-pro itself, for every
 * character: after a pinyin-pro upgrade this fails until `node scripts/gen-readings.mjs` is run.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { soundKey, soundKeys, syllableOfKey } from '../../src/match/sound-keys.js';

const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

describe('sound keys from the generated readings', () => {
  it('give every character the reading pinyin-pro gives it alone', () => {
    const wrong: string[] = [];
    let withReading = 0;
    for (let code = 0x3000; code <= 0xa000; code++) {
      const char = String.fromCharCode(code);
      const raw = isHan(code) ? pinyin(char, { toneType: 'none', type: 'array' })[0] : undefined;
      const expected = raw && /^[a-zü]+$/.test(raw) ? raw : undefined;
      const key = soundKey(code);
      const got = syllableOfKey(key);
      if (expected) withReading++;
      if (got !== expected || (expected === undefined && key !== code)) wrong.push(`${char} U+${code.toString(16)}: ${got} ≠ ${expected}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(withReading).toBeGreaterThan(20_000);
  });

  it('make homophones equal and leave other characters as they are', () => {
    expect(soundKeys('在')).toBe(soundKeys('再'));
    expect(soundKeys('账')).toBe(soundKeys('帐'));
    expect(soundKeys('在')).not.toBe(soundKeys('做'));
    expect(soundKeys('a1，好')).toBe(`a1，${soundKeys('好')}`);
    expect(soundKeys('a1，')).toBe('a1，');
  });
});
