/**
 * Hong Kong identity-card numbers (src/match/hk-id.ts) as the personal-number detector finds
 * them: read out by a Hong Kong agent they are an ID card, as a mainland number is — and a model
 * code or an order number of the same shape is not.
 */
import { describe, expect, it } from 'vitest';
import { hkIdCheckCharacter } from '../../src/match/hk-id.js';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';

function found(text: string): Array<[string, string, boolean]> {
  return findPersonalNumbers(text).map((n) => [n.kind, text.slice(n.start, n.end), n.certain]);
}

describe('HKID check character', () => {
  it('weights a lone letter after a space (36), two letters as they are', () => {
    expect(hkIdCheckCharacter('A', [1, 2, 3, 4, 5, 6])).toBe('3'); // the Immigration Department's own example
    expect(hkIdCheckCharacter('AB', [9, 8, 7, 6, 5, 4])).toBe('3');
    expect(hkIdCheckCharacter('ａ', [1, 2, 3, 4, 5, 6])).toBe('3');
  });

  it('gives A for a remainder of one', () => {
    // C654321: 36·9 + 12·8 + 6·7 + 5·6 + 4·5 + 3·4 + 2·3 + 1·2 = 532 = 11·48 + 4 → 7; search for an A instead
    const withA = Array.from({ length: 100 }, (_, n) => String(n).padStart(6, '0').split('').map(Number)).find(
      (ds) => hkIdCheckCharacter('C', ds) === 'A',
    );
    expect(withA).toBeDefined();
    expect(hkIdCheckCharacter('C', [6, 5, 4, 3, 2, 1])).toBe('7');
  });
});

describe('findPersonalNumbers: a Hong Kong ID read out', () => {
  it.each([
    ['你身份證號碼係 A123456(3)，啱唔啱？', 'A123456(3'],
    ['身份證係A123456（3）', 'A123456（3'],
    ['你登記嘅身份證係 A 一二三四五六 括號三。', 'A 一二三四五六 括號三'],
    ['ID card 係 AB987654(3)', 'AB987654(3'],
    ['你身份證號碼係 A1234563。', 'A1234563'], // no brackets, but called an ID just before
  ])('%s', (text, number) => {
    const hits = found(text);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.[0]).toBe('id_card');
    expect(hits[0]?.[1].startsWith(number)).toBe(true);
    expect(hits[0]?.[2]).toBe(true);
  });
});

describe('findPersonalNumbers: the same shape, no Hong Kong ID', () => {
  it.each([
    ['你身份證號碼係 A123456(7)。'], // check character wrong: a misheard or made-up number
    ['型號 A1234563 已經冇貨。'], // check passes, but no brackets and no ID label: a model code
    ['你張訂單號碼係 A123456(3)。'], // called an order number
    ['請問係咪 ZXA123456(3) 呢張單？'], // part of a longer code
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('an order number said with 係 is the order, not a mobile (「訂單號碼係13812345678」)', () => {
    expect(found('你張訂單號碼係13812345678。')).toEqual([]);
    expect(found('你個電話係13812345678。')).toEqual([['mobile', '13812345678', true]]);
  });
});
