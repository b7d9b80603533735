/**
 * A mobile read part by part, each part named by where it sits: 「前三位138，中间1234，后四位5678」
 * 「前三位是幺三八，中间四位是幺二三四，最后四位是五六七八」「138，然后1234，尾号5678」. The words between the
 * parts keep the pieces reader (number-pieces.ts) from joining them; said together they are the
 * full number. Only the parts of a whole mobile count: 「前三位138，尾号5678」 is the masked form agents
 * are taught to read (138****5678), no leak. A part's digit count, when said (前三位), must match it.
 */
import { CHINESE_DIGITS, digitsOf, NUMERAL } from '../model/numerals.js';
import { labelAfter, labelBefore } from './number-labels.js';
import type { PersonalNumber } from './personal-numbers.js';

/** Where a part sits: 前三位, 中间, 后四位, 尾号, 然后 …, with 是/为 after. The count (三) is captured. */
const POSITION = `(?:前|头|頭|开头|開頭|中间|中間|后面|後面|后|後|最后|最後|末|尾号|尾號|尾数|尾數|然后|然後|接着|接著|再)(?:(${NUMERAL})位)?(?:数字|數字|数|數|的|号码|號碼)?(?:是|係|为|為)?[：:]?[ 　]?`;
const PART = `(${NUMERAL}{3,8})(?!${NUMERAL})`;
const FIRST = new RegExp(`(?<!${NUMERAL})(?:${POSITION})?${PART}`, 'g');
const NEXT = new RegExp(`([，,、。；;…\\s]{0,3})(?:(${POSITION}))?${PART}`, 'y');
/** An utterance that goes on with a named part (「中间1234，后四位5678」): the rest of a number cut at a pause. */
export const STARTS_WITH_PART = new RegExp(`^\\s*${POSITION}${NUMERAL}`);

/** The part lengths a mobile is read in. */
const SHAPES = ['3,4,4', '3,8', '7,4'];
const MOBILE = /^1[3-9][0-9]{9}$/;
/** Characters a position word has: a cheap test before the scan. */
const POSITION_CHARACTER = /[前头頭中后後末尾然接再]/;
/** A mobile has 11 digits: text with fewer numerals holds none in parts (後 and 再 are in most utterances). */
const MOBILE_DIGITS = 11;
const CHINESE_DIGIT_CODES = new Set([...CHINESE_DIGITS].map((c) => c.charCodeAt(0)));

/** For masking's pre-test: parts too short for its digit-run tests. */
export const holdsPartNumber = (text: string): boolean => findPartNumbers(text, true).length > 0;

/** Mobiles read in parts; `anyones`: also those called an order's or the company's (masking hides them all). */
export function findPartNumbers(text: string, anyones = false): PersonalNumber[] {
  if (!holdsNumerals(text, MOBILE_DIGITS) || !POSITION_CHARACTER.test(text)) return [];
  const found: PersonalNumber[] = [];
  for (const m of text.matchAll(FIRST)) {
    const first = m[2] as string;
    const start = (m.index ?? 0) + m[0].length - first.length;
    if ((found.at(-1)?.end ?? -1) > start || !countFits(m[1], first)) continue;
    const parts = [first];
    let end = start + first.length;
    let named = false;
    NEXT.lastIndex = end;
    for (let next = NEXT.exec(text); next && parts.length < 3; next = NEXT.exec(text)) {
      const [, gap = '', position, count, part = ''] = next;
      // Parts run on after a pause or a position word; a position word between them is what this reader is for.
      if ((gap === '' && !position) || !countFits(count, part)) break;
      named ||= position !== undefined;
      parts.push(part);
      end = NEXT.lastIndex;
    }
    const digits = parts.map(digitsOf).join('');
    const others = !anyones && (labelBefore(text, m.index ?? 0) ?? labelAfter(text, end)); // 「快递员电话前三位…」「…是订单号」
    if (named && !others && SHAPES.includes(parts.map((p) => p.length).join(',')) && MOBILE.test(digits)) {
      found.push({ kind: 'mobile', start, end, digits, certain: true });
    }
  }
  return found;
}

/** Whether the text has at least `count` digits or numerals, anywhere. */
function holdsNumerals(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length && seen < count; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || CHINESE_DIGIT_CODES.has(c)) seen++;
  }
  return seen >= count;
}

/** A count said with the position (前三位) names the part's length; none said, any length. */
function countFits(count: string | undefined, part: string): boolean {
  return count === undefined || digitsOf(count) === String(part.length);
}
