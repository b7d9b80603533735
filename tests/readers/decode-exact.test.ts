/**
 * decodeBytes reads UTF-8 through isUtf8 + transcode instead of TextDecoder (faster); these tests
 * hold it to TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) on edge sequences and random bytes.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/readers/decode.js';

function reference(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text decodeBytes gives for bytes that are UTF-8 (undefined when it does not take them as UTF-8). */
function asUtf8(bytes: Uint8Array): string | undefined {
  const r = decodeBytes(bytes);
  return r.ok && r.encoding === 'utf-8' && r.warning === undefined ? r.text : undefined;
}

describe('UTF-8 decoding, exactly as a fatal TextDecoder', () => {
  it.each([
    ['ASCII only', [0x41, 0x3a, 0x20, 0x68, 0x69, 0x0a]],
    ['two-, three- and four-byte characters', [0xc3, 0xa9, 0xe5, 0x9d, 0x90, 0xf0, 0x9f, 0x98, 0x80, 0x0a]],
    ['U+FEFF inside the text', [0x41, 0xef, 0xbb, 0xbf, 0x42]],
    ['U+2028 and U+FFFF', [0xe2, 0x80, 0xa8, 0xef, 0xbf, 0xbf]],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['an overlong NUL-free form', [0x41, 0xc1, 0xbf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['an encoded surrogate', [0x41, 0xed, 0xa0, 0x80]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x41, 0x80, 0x42]],
    ['a cut sequence in the middle', [0xe5, 0x9d, 0x41]],
  ])('%s', (_name, list) => {
    const bytes = new Uint8Array(list);
    expect(asUtf8(bytes)).toBe(reference(bytes));
  });

  it('the UTF-8 BOM is removed, the rest decoded the same', () => {
    const body = new TextEncoder().encode('坐席：您好\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, encoding: 'utf-8', text: '坐席：您好\n' });
  });

  it('random bytes and random text decode the same', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const chars = ['a', ' ', '\n', '坐', '：', 'é', '😀', '\u2028', '\ufeff', '\uffff'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = next() % 20; j > 0; j--) text += chars[next() % chars.length];
      // A Latin prefix keeps a changed byte from making the file look binary (checked first).
      const bytes = new TextEncoder().encode(`transcript ${text}.`);
      if (i % 2 === 1) bytes[11 + (next() % (bytes.length - 11))] = 1 + (next() % 255);
      const want = reference(bytes);
      const got = decodeBytes(bytes);
      if (want !== undefined) expect(got).toEqual({ ok: true, encoding: 'utf-8', text: want });
      else expect(got.ok && got.encoding === 'utf-8' && got.warning === undefined).toBe(false);
    }
  });
});
