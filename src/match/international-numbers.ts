/**
 * Phone numbers written with a country code: +86 138 1234 5678, (+86)13812345678, 0086 138…,
 * +886 912 345 678 (Taiwan, the trunk 0 dropped), +852 9123 4567 (Hong Kong), +853 6123 4567
 * (Macau). The code makes the digits after it a phone whatever their grouping, so a mobile behind
 * one counts as a mobile does (personal-numbers.ts), and a landline behind one when the agent
 * names it the customer's (named-numbers.ts). Without the code, 912 345 678 or 9123 4567 could be
 * an amount or an order number; with it they cannot.
 */
import { digitsOf } from '../model/numerals.js';
import { groupsAt, numberIn } from './number-groups.js';

/** The national number's shapes, by country code: a mobile, and any phone (a landline too). */
const NATIONAL: Record<string, { mobile: RegExp; phone: RegExp }> = {
  // Mainland: 1[3-9] + 9 digits; a landline's area code without its 0 (10 1234 5678, 755 1234 5678).
  '86': { mobile: /^1[3-9][0-9]{9}$/, phone: /^[1-9][0-9]{8,10}$/ },
  // Taiwan: 9 + 8 digits (also written with the trunk 0 kept, +886 0912…); landlines 2–8.
  '886': { mobile: /^0?9[0-9]{8}$/, phone: /^0?[2-8][0-9]{7,8}$/ },
  // Hong Kong: eight digits, mobiles from 4 up, fixed lines 2 and 3.
  '852': { mobile: /^[4-9][0-9]{7}$/, phone: /^[2-9][0-9]{7}$/ },
  // Macau: mobiles 6 + 7 digits, fixed lines 28.
  '853': { mobile: /^6[0-9]{7}$/, phone: /^(?:6|28)[0-9]{6}$/ },
};

const DIGIT = '[0-9０-９]';
const EIGHT = '[8８]';
/** 86, 886, 852, 853: none is the start of another, so the first that matches is the code. */
const CODE = `(${EIGHT}[6６]|${EIGHT}${EIGHT}[6６]|${EIGHT}[5５][2２3３])`;
/** +86, ＋886, (+852), （+86）, 0086, 00852; then the spaces or a dash before the number. */
const PREFIX = `(?:[(（][ 　]?)?(?:[+＋][ 　]?|[0０]{2})${CODE}[)）]?[ 　\\-－]{0,2}`;
const PREFIX_AT = new RegExp(PREFIX, 'y');
/** After a phone word the code may be said bare, then a space or dash: 「你嘅電話係 852 9123 4567」. */
const BARE_PREFIX_AT = new RegExp(`${PREFIX}|(?:[(（][ 　]?)?${CODE}[)）]?[ 　\\-－]{1,2}`, 'y');
const PREFIX_BEFORE = new RegExp(`${PREFIX}$`);
const PREFIXES = new RegExp(`(?<!${DIGIT})${PREFIX}(?=${DIGIT}|[(（])`, 'g');

/** A cheap test before the scans: every prefix has a + or two zeros. */
const MAY_HAVE_PREFIX = /[+＋]|[0０][0０][8８]/;

export interface InternationalNumber {
  /** From the prefix's first character (the + or the bracket) to the number's last digit. */
  start: number;
  end: number;
  /** The national number's digits, without the code: what the customer says (13812345678). */
  digits: string;
  mobile: boolean;
}

/**
 * The phone number whose prefix starts at `at`, or undefined (no prefix there, or no phone after
 * it). `bare`: the code may come without + or 00 (right after a phone word, where it can be nothing else).
 */
export function internationalNumberAt(text: string, at: number, bare = false): InternationalNumber | undefined {
  const prefixes = bare ? BARE_PREFIX_AT : PREFIX_AT;
  prefixes.lastIndex = at;
  const prefix = prefixes.exec(text);
  if (!prefix) return undefined;
  const shapes = NATIONAL[digitsOf((prefix[1] ?? prefix[2]) as string)];
  if (!shapes) return undefined;
  const number = numberIn(groupsAt(text, at + prefix[0].length), text, (d) => shapes.phone.test(d) || shapes.mobile.test(d));
  if (!number) return undefined;
  return { start: at, end: number.end, digits: number.digits, mobile: shapes.mobile.test(number.digits) };
}

/** Every phone number written with a country code, left to right. */
export function findInternationalNumbers(text: string): InternationalNumber[] {
  if (!MAY_HAVE_PREFIX.test(text)) return [];
  const found: InternationalNumber[] = [];
  for (const m of text.matchAll(PREFIXES)) {
    const number = internationalNumberAt(text, m.index ?? 0);
    if (number) found.push(number);
  }
  return found;
}

/**
 * Where the number at `at` starts when a country code is written before it (「+86 138…」 → the +),
 * else `at`: the words before the prefix say whose number it is (「我们的客服电话是+86 …」).
 */
export function startWithPrefix(text: string, at: number): number {
  if (at === 0 || !MAY_HAVE_PREFIX.test(text)) return at;
  const from = Math.max(0, at - 12);
  const m = PREFIX_BEFORE.exec(text.slice(from, at));
  if (!m) return at;
  const start = from + m.index;
  return start > 0 && /[0-9０-９]/.test(text[start - 1] as string) ? at : start;
}

/** The country-code prefix a masked phone number keeps readable (「+86 」「(+886)」), or '' (not a phone behind a code: 00852… may be an account). */
export function prefixOf(number: string): string {
  if (!MAY_HAVE_PREFIX.test(number)) return '';
  const phone = internationalNumberAt(number, 0);
  PREFIX_AT.lastIndex = 0;
  return phone && phone.end === number.length ? (PREFIX_AT.exec(number)?.[0] ?? '') : '';
}
