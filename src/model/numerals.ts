/**
 * How a number is written in a transcript, shared by masking (src/report/mask.ts) and by the
 * quote cuts that must not split a number (cut.ts): one list, so the two cannot drift apart.
 */

/** One digit: Arabic, full-width, or a Chinese numeral as read out (幺 for 一, 两). */
export const NUMERAL = '[0-9０-９零〇一二三四五六七八九幺两]';

/** What recognisers and people put between the digits of one number: spaces, dashes, commas, dots. */
export const NUMBER_SEPARATOR = '[ 　\\-－，,.．、]';
