/**
 * How a number is written in a transcript, shared by masking (src/report/mask.ts), by the
 * personal-number detector (src/match/personal-numbers.ts) and by the quote cuts that must not
 * split a number (cut.ts): one list, so they cannot drift apart.
 */

/** Chinese numerals as recognisers write digits read out: 幺 for 一 (yāo), 两 and traditional 兩 for 二. */
export const CHINESE_DIGITS = '零〇一二三四五六七八九幺两兩';

/** One digit: Arabic, full-width, or a Chinese numeral as read out. */
export const NUMERAL = `[0-9０-９${CHINESE_DIGITS}]`;

/** What recognisers and people put between the digits of one number: spaces, dashes, commas, dots. */
export const NUMBER_SEPARATOR = '[ 　\\-－，,.．、]';

/**
 * At most this many separator characters between two pieces of one number (「138 ， 1234」): the
 * detector joins no wider gap, and masking's cheap pre-test lets every such gap through.
 */
export const MAX_NUMBER_GAP = 3;
