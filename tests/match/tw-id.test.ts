/**
 * Taiwan national ID numbers (src/match/tw-id.ts) as the personal-number detector finds them:
 * called an ID and read out by the agent they are an ID card; a code of the same shape is not.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, personalNumberSpans } from '../../src/match/personal-numbers.js';
import { twIdValid } from '../../src/match/tw-id.js';

function found(text: string): Array<[string, string, boolean, string | undefined]> {
  return findPersonalNumbers(text).map((n) => [n.kind, text.slice(n.start, n.end), n.certain, n.name]);
}

describe('Taiwan ID check digit', () => {
  it('holds for the textbook A123456789 and fails for a changed digit', () => {
    expect(twIdValid('A', [1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(true);
    // F=15: 1 + 5·9 + (1·8 + 3·7 + 1·6 + 1·5 + 0·4 + 4·3 + 2·2 + 5·1) = 107, so the check digit is 3.
    expect(twIdValid('Ｆ', [1, 3, 1, 1, 0, 4, 2, 5, 3])).toBe(true);
    expect(twIdValid('A', [1, 2, 3, 4, 5, 6, 7, 8, 8])).toBe(false);
    // I=34 (a letter added late, out of order): 3 + 4·9 + 120 = 159, so the check digit is 1.
    expect(twIdValid('I', [1, 2, 3, 4, 5, 6, 7, 8, 1])).toBe(true);
  });
});

describe('findPersonalNumbers: a Taiwan ID read out', () => {
  it.each([
    ['您的身分證字號是A123456789，對嗎？', 'A123456789'],
    ['身分證字號 A 123 456 789', 'A 123 456 789'],
    ['您的身份證號碼是A一二三四五六七八九嗎', 'A一二三四五六七八九'],
    // A resident certificate (居留證, 統一證號): a letter, 8 or 9, the same check digit.
    ['您的居留證號碼是A800000014，對嗎？', 'A800000014'],
    ['您的統一證號是 A800000014', 'A800000014'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([['id_card', number, true, 'a Taiwan ID-card number']]);
  });

  it('called an ID with a wrong check digit: unsure, a person listens', () => {
    expect(found('身分證字號A123456788')).toEqual([['id_card', 'A123456788', false, 'a Taiwan ID-card number']]);
  });

  it.each(['型號A123456789已經停產', '您的訂單編號A123456789', '身分證字號後四碼6789', '序號AB123456789', '您的會員ID是A123456789'])('not an ID read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports mask every number of the shape: a quote in a reason has lost the words before it', () => {
    const spans = (text: string): string[] => personalNumberSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans('身分證字號A123456788')).toEqual(['A123456788']);
    expect(spans('A123456789')).toEqual(['A123456789']);
    expect(spans('agent read out a Taiwan ID-card number at turn 3「A123456788」 (its check digit is wrong)')).toEqual(['A123456788']);
    expect(spans('序號AB123456789')).toEqual([]);
  });
});
