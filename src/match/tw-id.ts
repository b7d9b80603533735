/**
 * Taiwan national identification numbers read out in a call (「身分證字號A123456789」): a letter
 * (the place of first registration), 1 or 2 (sex; 8 or 9 on a resident certificate), seven
 * digits and a check digit. Counted as an `id_card` by the personal-number detector
 * (personal-numbers.ts), so conduct.privacy fails a Taiwan agent who reads one out.
 *
 * A letter and nine digits are also the shape of a product or case code, so a number counts only
 * when the agent calls it an ID (身分證, 證件 … just before, as for a Hong Kong ID). Called an ID
 * with the check digit wrong it is *unsure* (a misheard digit: a person listens). Reports mask
 * every number of the shape: a quote in a reason has lost the words before it.
 */
import { CHINESE_DIGITS, digitValue } from '../model/numerals.js';
import type { PersonalNumber } from './personal-numbers.js';

const DIGIT = `[0-9０-９${CHINESE_DIGITS}]`;
const GAP = '[ 　\\-－]?';
/** A letter, then 1 2 8 or 9, then eight more digits; not inside a longer word or number. */
const TW_ID = new RegExp(
  `(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])([A-Za-zＡ-Ｚａ-ｚ])${GAP}([1289１２８９一二两兩八九幺]${GAP}(?:${DIGIT}${GAP}){7}${DIGIT})(?![0-9０-９${CHINESE_DIGITS}])`,
  'g',
);

/**
 * Said just before it: 「身分證字號」「證件號碼」, and a resident certificate's 「居留證號碼」「統一證號」
 * (a letter, 8 or 9, the same check digit) — not a bare 「ID」, which is as often a member or user ID.
 */
const ID_LABEL = /身份[證证]|身分[證证]|[證证]件|居留[證证]|[統统]一[證证]/;

/** The two-digit values of the letters, A=10 … (I, O, W, X, Y, Z out of order: added later). */
const LETTER_VALUES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';


/** Whether a Taiwan ID's check digit holds: tens and ones of the letter, the nine digits weighted 8…1, 1. */
export function twIdValid(letter: string, digits: readonly number[]): boolean {
  const code = letter.charCodeAt(0);
  const value = LETTER_VALUES.indexOf(String.fromCharCode(code >= 0xff21 ? code - 0xfee0 : code).toUpperCase()) + 10;
  if (value < 10 || digits.length !== 9) return false;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = Math.floor(value / 10) + (value % 10) * 9 + digits.reduce((total, d, i) => total + d * (weights[i] as number), 0);
  return sum % 10 === 0;
}

/** Every number shaped like a Taiwan ID, `called` one just before, `certain` when its check digit holds. */
export function taiwanIdShapes(text: string): Array<PersonalNumber & { called: boolean }> {
  const found: Array<PersonalNumber & { called: boolean }> = [];
  for (const m of text.matchAll(TW_ID)) {
    const [whole, letter = '', body = ''] = m;
    const start = m.index ?? 0;
    const digits = [...body].map(digitValue).filter((d): d is number => d !== undefined);
    const valid = twIdValid(letter, digits);
    const called = ID_LABEL.test(text.slice(Math.max(0, start - 12), start));
    const number: PersonalNumber & { called: boolean } = {
      kind: 'id_card',
      start,
      end: start + whole.length,
      digits: `${letter.toUpperCase()}${digits.join('')}`,
      certain: valid,
      name: 'a Taiwan ID-card number',
      called,
    };
    if (!valid) number.doubt = 'its check digit is wrong';
    found.push(number);
  }
  return found;
}
