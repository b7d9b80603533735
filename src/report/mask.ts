/**
 * Mask customer personal data in evidence quotes: mobile and landline numbers, mainland ID-card
 * numbers, bank-card numbers, e-mail addresses — also when the recogniser wrote the digits as
 * Chinese numerals. Numbers keep their first 3 and last 4 digits (138****5678) so a reviewer can
 * still match them to the recording. Rules see the unmasked text; only reports are masked.
 */

const DIGIT = '[0-9０-９零〇一二三四五六七八九幺两]';
const SEP = '[ \\-－]?';

// 11+ digits (optionally grouped with spaces/dashes, as in 138-1234-5678 or 6222 0000 …):
// mobiles, ID cards, bank cards. Shorter runs (amounts, dates, order numbers) are left alone.
const LONG_NUMBER = new RegExp(`(?<![0-9０-９零〇一二三四五六七八九幺两])${DIGIT}(?:${SEP}${DIGIT}){10,18}[xX]?(?![0-9０-９零〇一二三四五六七八九幺两])`, 'gu');
// Landlines: area code 0xx/0xxx, a dash, 7–8 digits.
const LANDLINE = /(?<![0-9])(0\d{2,3}[-－ ])(\d{3,4})(\d{4})(?![0-9])/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

function maskRun(run: string): string {
  const chars = [...run];
  const digitIndexes = chars.map((c, i) => (/[\s\-－]/.test(c) ? -1 : i)).filter((i) => i >= 0);
  const keep = new Set([...digitIndexes.slice(0, 3), ...digitIndexes.slice(-4)]);
  return chars.map((c, i) => (keep.has(i) || /[\s\-－]/.test(c) ? c : '*')).join('');
}

/** Cheap pre-test: nothing to mask without a run of digits or an @ (most quotes have neither). */
const MAYBE = /[0-9０-９]{3}|@|[零〇一二三四五六七八九幺两]{7}/;

export function maskPersonalData(text: string): string {
  if (!text || !MAYBE.test(text)) return text;
  return text
    .replace(LONG_NUMBER, maskRun)
    .replace(LANDLINE, (_m, area: string, middle: string, last: string) => `${area}${'*'.repeat(middle.length)}${last}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***${domain}`);
}
