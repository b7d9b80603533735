/**
 * A landline read out in two parts, the area code first and the number after a word:
 * 「区号010，号码12345678」「區碼02，電話2345-6789」「区号是零幺零，后面是八位，幺二三四五六七八」.
 * The words between them split it into an area code no one reads as a phone and a local number
 * that alone has no area; said together they are one number, read and masked as one
 * (named-numbers.ts decides whose it is from the words before the area code).
 */
import { digitsOf, NUMERAL } from '../model/numerals.js';
import { groupsAt, numberIn } from './number-groups.js';

/** The word for an area code: also what may stand before a phone's digits in place of 电话. */
export const AREA_WORD = '(?:区号|區號|区码|區碼)';

const SEPARATORS = '[，,、 　]{0,2}';
/** 「后面是八位」「然後係」: what people say between the area code and the number. */
const THEN = '(?:(?:后面|後面|然后|然後|接着|接著|再)的?(?:是|係)?)?(?:[七八]位(?:数字|數字|数|數)?)?';
const NUMBER_WORD = '(?:(?:电话|電話|座机|座機|市话|市話|固话|固話)?(?:号码|號碼|号|號)?)';
const IS = '(?:是|係|为|為|[：:])?';

/** The area word (optional; 「您的座机，区号…」: a comma may come first), the area code (0 and one to three digits), the words, the number. */
const AREA_CODE_AT = new RegExp(
  `(${SEPARATORS}${AREA_WORD}[是係为為：: 　]{0,2})?([(（]?[0０零〇]${NUMERAL}{1,3}[)）]?)(${SEPARATORS}${THEN}${SEPARATORS}${NUMBER_WORD}${IS}${SEPARATORS})(?=${NUMERAL})`,
  'y',
);
/** Mainland 010, 0755; Taiwan 02, 037, 0826. */
const AREA_CODE = /^0[1-9][0-9]{0,2}$/;
/** The number after the area code: seven or eight digits, not starting with 0 (the area code says it is a landline). */
const LOCAL_NUMBER = /^[1-9][0-9]{6,7}$/;
const HAN = /[\u4e00-\u9fff]/;

/**
 * The landline whose area code (or the word 区号 before it) starts at `at`, from the area code's
 * first digit to the number's last; undefined unless an area word or a word between the two parts
 * says they belong together (「010，12345678」 is read as one number by numberIn already).
 */
export function areaCodeNumberAt(text: string, at: number): { start: number; end: number; digits: string } | undefined {
  AREA_CODE_AT.lastIndex = at;
  const m = AREA_CODE_AT.exec(text);
  if (!m) return undefined;
  const [whole, areaWord = '', area = '', between = ''] = m;
  const areaDigits = digitsOf(area);
  if (!AREA_CODE.test(areaDigits) || (areaWord === '' && !HAN.test(between))) return undefined;
  const local = numberIn(groupsAt(text, at + whole.length), text, (d) => LOCAL_NUMBER.test(d));
  if (!local) return undefined;
  return { start: at + areaWord.length, end: local.end, digits: areaDigits + local.digits };
}
