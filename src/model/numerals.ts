/**
 * How a number is written in a transcript, shared by masking (src/report/mask.ts), by the
 * personal-number detector (src/match/personal-numbers.ts) and by the quote cuts that must not
 * split a number (cut.ts): one list, so they cannot drift apart.
 */

/** Chinese numerals as recognisers write digits read out: 幺 for 一 (yāo), 两 and traditional 兩 for 二. */
export const CHINESE_DIGITS = '零〇一二三四五六七八九幺两兩';

/** The digit each of CHINESE_DIGITS stands for. */
export const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The digit a character stands for, Arabic, full-width or a Chinese numeral; undefined for anything else. */
export function digitValue(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return CHINESE_DIGIT_VALUES[c];
}

/** Every digit of the text in ASCII, in order, whether written Arabic, full-width or as a Chinese numeral. */
export function digitsOf(text: string): string {
  let out = '';
  for (const c of text) {
    const d = digitValue(c);
    if (d !== undefined) out += String(d);
  }
  return out;
}

/** One digit: Arabic, full-width, or a Chinese numeral as read out. */
export const NUMERAL = `[0-9０-９${CHINESE_DIGITS}]`;

/**
 * A unit that makes the number right before it a figure, not a phone or an ID: money (元, 块), a
 * count (个, 件, 位, 次), 分 (cents, points, minutes), a percent, an ordinal's 号, a date or an age.
 */
export const FIGURE_UNIT = '[元块塊圆圓万萬%％分个個件位次号號日月年岁歲]';

/** What recognisers and people put between the digits of one number: spaces, dashes, commas, dots. */
export const NUMBER_SEPARATOR = '[ 　\\-－，,.．、]';

/**
 * At most this many separator characters between two pieces of one number (「138 ， 1234」): the
 * detector joins no wider gap, and masking's cheap pre-test lets every such gap through.
 */
export const MAX_NUMBER_GAP = 3;

const NUMERAL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/**
 * The value of a number as said, in plain decimal digits without leading zeros: 「128」「幺二八」
 * (digit by digit) and 「一百二十八」 are all "128"; 「一百二」 is 120, as people say it. Undefined
 * when the text holds no number. Digit-by-digit numbers of any length are kept exact as strings.
 */
export function numberValue(text: string): string | undefined {
  if (!/[十拾百佰千仟万萬]/u.test(text)) {
    const digits = digitsOf(text);
    return digits === '' ? undefined : digits.replace(/^0+(?=.)/, '');
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let afterZero = false;
  for (const c of text) {
    const d = CHINESE_DIGIT_VALUES[c] ?? (/[0-9]/.test(c) ? Number(c) : undefined);
    const unit = NUMERAL_UNITS[c];
    if (d !== undefined) {
      if (d === 0) afterZero = true;
      digit = d;
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      afterZero = false;
    } else if (c === '万' || c === '萬') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
      lastUnit = 10000;
      afterZero = false;
    }
  }
  // 「一百二」 is 120 and 「三千五」 3500: a last digit right after a unit counts one place below it.
  if (digit !== undefined) section += !afterZero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return String(total + section);
}
