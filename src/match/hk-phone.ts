/**
 * Hong Kong phone numbers read out in a call (「你登記嘅電話係 9123 4567」): eight digits, no
 * prefix and no check digit, so nothing in the number tells it from an order number or an amount.
 * The words before it do: a phone word (電話, 手機, 聯絡方式 …) in a clause that is the
 * customer's (你/您, no 我 — 「我哋門市電話」 is the company's number, which may be read out).
 * Only mobile first digits (4–7, 9): a hotline or office line (2…, 3…, 800…) is rarely the
 * customer's. Counted as a `mobile` by the personal-number detector (personal-numbers.ts).
 */
import { CHINESE_DIGITS, digitsOf } from '../model/numerals.js';
import type { PersonalNumber } from './personal-numbers.js';

const D = `[0-9０-９${CHINESE_DIGITS}]`;
const SEP = '[ 　\\-－]';
/**
 * A phone word (or 「你嘅號碼」: the customer's 號碼 is their phone; 訂單號碼 is not), a 係/是, then
 * eight digits that no further digit continues (a comma and a count may follow).
 */
const PHONE_THEN_EIGHT = new RegExp(
  `(?:(?:电话|電話|手机|手機|联系方式|聯絡方式|聯繫方式|联络方式|手提)(?:号码|號碼|号|號)?|[你您](?:嘅|個|个|的)(?:号码|號碼))[是係系咪为為：:\\s]{0,3}((?:${D}${SEP}?){7}${D})(?!${SEP}?${D})`,
  'g',
);
const CLAUSE_BREAK = /[，。！？；,!?;]/;
const HK_MOBILE = /^[4-79][0-9]{7}$/;

/** The characters every phone word above has one of: a cheap test before the scan. */
const PHONE_CHARACTER = /[话話机機联聯提码碼]/;

export function findHongKongPhones(text: string): PersonalNumber[] {
  const found: PersonalNumber[] = [];
  if (!PHONE_CHARACTER.test(text)) return found;
  for (const m of text.matchAll(PHONE_THEN_EIGHT)) {
    const number = m[1] ?? '';
    const digits = digitsOf(number);
    if (!HK_MOBILE.test(digits)) continue;
    const at = m.index ?? 0;
    // The clause the phone word is in, up to the phone word: whose number is it?
    const before = text.slice(Math.max(0, at - 16), at);
    const clause = before.slice(Math.max(...[...before].map((c, i) => (CLAUSE_BREAK.test(c) ? i + 1 : 0)), 0));
    if (!/[你您]/.test(clause + m[0]) || /我/.test(clause)) continue;
    const start = at + m[0].length - number.length;
    found.push({ kind: 'mobile', start, end: start + number.length, digits, certain: true, name: 'a full phone number' });
  }
  return found;
}
