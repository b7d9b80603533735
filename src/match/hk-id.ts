/**
 * Hong Kong identity-card numbers read out in a call (「身份證係 A123456(3)」「A 一二三四五六 括號三」):
 * one or two letters, six digits, and a check character (0–9 or A) often said or written in
 * brackets. Counted as an `id_card` by the personal-number detector (personal-numbers.ts), so
 * conduct.privacy fails a Hong Kong agent who reads one out as it fails a mainland ID.
 *
 * Only numbers whose check character holds are reported: letters, six digits and one more are
 * also the shape of a product or case code (「型號 A1234567」), and the check (weights 9…2 over
 * the letters — a lone letter after a space, 36 — and the digits, mod 11) passes one random
 * code in eleven, while a number truly read out passes always.
 */
import { CHINESE_DIGITS, digitValue } from '../model/numerals.js';
import type { PersonalNumber } from './personal-numbers.js';

const DIGIT = `[0-9０-９${CHINESE_DIGITS}]`;
const GAP = '[ 　\\-－]?';
const OPEN = '(?:[(（]|括[號号])?';
const CLOSE = '[)）]?';
/** Letters, six digits, the check character; not inside a longer word or number. */
const HK_ID = new RegExp(
  `(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])([A-Za-zＡ-Ｚａ-ｚ]{1,2})${GAP}((?:${DIGIT}${GAP}){6})${OPEN}${GAP}(${DIGIT}|[Aａ])${GAP}${CLOSE}(?![0-9０-９${CHINESE_DIGITS}])`,
  'g',
);


/** A=10 … Z=35, full-width letters as their ASCII ones. */
function letterValue(c: string): number {
  const code = c.charCodeAt(0);
  const ascii = code >= 0xff21 ? code - 0xfee0 : code;
  return (ascii | 0x20) - 0x61 + 10;
}

/** The check character a HKID's letters and six digits call for: '0'–'9' or 'A'. */
export function hkIdCheckCharacter(letters: string, digits: readonly number[]): string {
  const values = [...(letters.length === 1 ? [36] : []), ...[...letters].map(letterValue), ...digits];
  const sum = values.reduce((total, v, i) => total + v * (9 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/** Said just before the number: 「身份證號碼係」「ID card」「證件號碼」. */
const ID_LABEL = /(身份[證证]|身分[證证]|[證证]件|id|hkid)/i;

/**
 * The HK identity-card numbers in the text, at their offsets, whose check character holds, and
 * that are said as one: the check character in brackets (「A123456(3)」「括號三」) or the number
 * called an ID just before it. A bare 「A1234563」 may be a model code that passes the check.
 */
export function findHongKongIds(text: string): PersonalNumber[] {
  return hongKongIdShapes(text).filter((n) => n.certain);
}

/**
 * Every number shaped like a HKID (letters, six digits, a check character), `certain` when it is
 * said as one and its check character holds: a report masks them all (a misheard ID is still one).
 */
export function hongKongIdShapes(text: string): PersonalNumber[] {
  const found: PersonalNumber[] = [];
  for (const m of text.matchAll(HK_ID)) {
    const [whole, letters = '', body = '', check = ''] = m;
    const start = m.index ?? 0;
    const saidAsId = /[(（)）括]/.test(whole) || ID_LABEL.test(text.slice(Math.max(0, start - 12), start));
    const digits = [...body].map(digitValue).filter((d): d is number => d !== undefined);
    const checkValue = /[Aａ]/.test(check) ? 'A' : String(digitValue(check));
    if (digits.length !== 6) continue;
    const normalLetters = [...letters].map((c) => String.fromCharCode(letterValue(c) - 10 + 0x41)).join('');
    const certain = saidAsId && hkIdCheckCharacter(letters, digits) === checkValue;
    found.push({ kind: 'id_card', start, end: start + whole.length, digits: `${normalLetters}${digits.join('')}${checkValue}`, certain });
  }
  return found;
}
