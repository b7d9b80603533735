/**
 * Passport and travel-permit numbers (src/match/travel-docs.ts): counted as identity documents
 * only right after the document's name; a code of the same shape elsewhere is not one.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';

function found(text: string): Array<[string, string, string | undefined]> {
  return findPersonalNumbers(text).map((n) => [n.kind, text.slice(n.start, n.end), n.name]);
}

describe('findPersonalNumbers: a passport or travel permit read out', () => {
  it.each([
    ['您的护照号是E12345678，对吗？', 'E12345678', 'a passport number'],
    ['您的護照號碼係 EA 1234 567', 'EA 1234 567', 'a passport number'],
    ['您的港澳通行证号码是C12345678，对吗？', 'C12345678', 'a travel-permit number'],
    ['护照号码是 E 幺二三四五六七八', 'E 幺二三四五六七八', 'a passport number'],
  ])('%s', (text, number, name) => {
    expect(found(text)).toEqual([['id_card', number, name]]);
  });

  it.each(['型号E12345678已经停产', '您的护照已经寄出，单号E12345678', '护照有效期到2030年', '护照号后四位5678'])('not read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

});
