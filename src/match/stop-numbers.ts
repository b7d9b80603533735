/**
 * A number the recogniser cut with full stops, one "sentence" per pause: 「138。1234。5678」
 * 「一三八。一二三四。五六七八」「110105。19491231。002X」. The pieces reader (number-pieces.ts) never
 * joins across 。, as amounts, dates and lists are cut by it too (「1380。1500。300」「2026。10。15」
 * 「3。5。」). Here the pieces join only in the two shapes nothing else has: a mobile as 3+4+4 with its
 * prefix (1[3-9]), and an ID card as 6+8+4 or 6+4+4+4 whose province, birth date and check
 * character all hold. Masking reads a full stop as a pause anyway (src/report/mask.ts).
 */
import { digitsOf, FIGURE_UNIT, NUMERAL } from '../model/numerals.js';
import { classify } from './number-checks.js';
import { labelAfter, labelBefore } from './number-labels.js';
import type { PersonalNumber, PersonalNumberKind } from './personal-numbers.js';

/** A full stop, or a comma next to one cut (「138，1234。5678」): the match must hold a full stop (commas alone: number-pieces.ts). */
const STOP = '[ 　]*[。，,、][ 　]*';
const piece = (n: number): string => `${NUMERAL}{${n}}`;
/** Not a count or an amount: 「…5678元」「…5678个」 ends a list of figures, not a phone. */
const NO_UNIT = `(?![ 　]*${FIGURE_UNIT})`;
const MOBILE = new RegExp(`(?<!${NUMERAL}(?:${STOP})?)${piece(3)}${STOP}${piece(4)}${STOP}${piece(4)}(?!${NUMERAL}|${STOP}${NUMERAL})${NO_UNIT}`, 'g');
const ID_END = `${NUMERAL}{3}[0-9XxＸｘ叉]`;
const ID_CARD = new RegExp(`(?<!${NUMERAL}(?:${STOP})?)${piece(6)}${STOP}(?:${piece(8)}|${piece(4)}${STOP}${piece(4)})${STOP}${ID_END}(?!${NUMERAL}|${STOP}${NUMERAL})${NO_UNIT}`, 'g');

/** Mobiles and ID cards cut by full stops, unless called an order's or the company's. */
export function findStopCutNumbers(text: string, kinds: readonly PersonalNumberKind[]): PersonalNumber[] {
  if (!text.includes('。')) return [];
  const found: PersonalNumber[] = [];
  const scan = (pattern: RegExp, kind: PersonalNumberKind): void => {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const digits = digitsOf(m[0]) + (/[XxＸｘ叉]$/.test(m[0]) ? 'X' : '');
      const verdict = classify(kind, digits, false);
      if (!m[0].includes('。') || !verdict?.certain || labelAfter(text, end)) continue;
      const label = labelBefore(text, start); // as personal-numbers.ts: an order's, or the company's line
      if (label === 'order' || (label === 'company' && kind !== 'id_card')) continue;
      found.push({ kind, start, end, digits, certain: true, ...(kind === 'mobile' ? { joined: true } : {}) }); // an ID card's checks prove it
    }
  };
  if (kinds.includes('mobile')) scan(MOBILE, 'mobile');
  if (kinds.includes('id_card')) scan(ID_CARD, 'id_card');
  return found;
}
