/** Cutting transcript text for quotes and messages without cutting a number in two. */
import { CHINESE_DIGITS, NUMBER_SEPARATOR, NUMERAL } from './numerals.js';

/**
 * A number as written or read out — Arabic or full-width digits, Chinese numerals, with the
 * separators and brackets masking accepts inside one (src/report/mask.ts) — or an e-mail address.
 * A quote or message cut through one shows a piece that masking no longer recognises
 * (1398765432), so cuts are moved to its edges. Only runs of 10+ digits (the shortest number
 * masked) and e-mail addresses: dates, amounts and 一两 in ordinary calls are cut as before.
 */
const NUMBER_RUN = new RegExp(`[(（+＋]?${NUMERAL}(?:(?:${NUMBER_SEPARATOR}|[()（）])*(?:${NUMERAL}|[XxＸ]))*|[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9.．-]+`, 'g');
const NUMERALS = new RegExp(NUMERAL, 'g');
/** Every character NUMBER_RUN can match: a cut with one of these on neither side splits nothing. */
const RUN_CHAR = new RegExp(`[(（+＋)）XxＸ 　\\-－，,.．、0-9０-９${CHINESE_DIGITS}A-Za-z._%@＠]`);

/** `from` and `to`, moved out of any number or e-mail address they fall inside. */
export function widenCut(text: string, from: number, to: number): [number, number] {
  // A run spans a cut only when the characters on both sides of it are run characters: most
  // cuts fall between Chinese words, and skip the scan of the whole utterance.
  if (!insideRun(text, from) && !insideRun(text, to)) return [from, to];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end <= from || start >= to) continue;
    if (!/[@＠]/.test(m[0]) && (m[0].match(NUMERALS)?.length ?? 0) < 10) continue;
    if (start < from) from = start;
    if (end > to) to = end;
  }
  return [from, to];
}

function insideRun(text: string, at: number): boolean {
  return at > 0 && at < text.length && RUN_CHAR.test(text[at - 1] as string) && RUN_CHAR.test(text[at] as string);
}

/** The first `limit` characters, run on to the end of a number the limit falls inside. */
export function sliceWhole(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, widenCut(text, 0, limit)[1]);
}

/** sliceWhole, with `…` when something was cut off. */
export function clipText(text: string, limit: number): string {
  const kept = sliceWhole(text, limit);
  return kept.length < text.length ? `${kept}…` : text;
}
