/**
 * How a number is written in a transcript, shared by masking (src/report/mask.ts), by the
 * personal-number detector (src/match/personal-numbers.ts) and by the quote cuts that must not
 * split a number (cut.ts): one list, so they cannot drift apart.
 */

/** Chinese numerals as recognisers write digits read out: 幺 for 一 (yāo), 两 and traditional 兩 for 二. */
export const CHINESE_DIGITS = '零〇一二三四五六七八九幺两兩';

/** The digit each of CHINESE_DIGITS stands for. */
export const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Every digit of the text in ASCII, in order, whether written Arabic, full-width or as a Chinese numeral. */
export function digitsOf(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) out += c;
    else if (code >= 0xff10 && code <= 0xff19) out += String(code - 0xff10);
    else if (CHINESE_DIGIT_VALUES[c] !== undefined) out += String(CHINESE_DIGIT_VALUES[c]);
  }
  return out;
}

/** One digit: Arabic, full-width, or a Chinese numeral as read out. */
export const NUMERAL = `[0-9０-９${CHINESE_DIGITS}]`;

/** What recognisers and people put between the digits of one number: spaces, dashes, commas, dots. */
export const NUMBER_SEPARATOR = '[ 　\\-－，,.．、]';

/**
 * At most this many separator characters between two pieces of one number (「138 ， 1234」): the
 * detector joins no wider gap, and masking's cheap pre-test lets every such gap through.
 */
export const MAX_NUMBER_GAP = 3;
