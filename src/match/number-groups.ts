/**
 * A phone or account number read group by group from where it starts (「(02)2345-6789」「9123
 * 4567」「零二，二三四五，六七八九」): shared by the numbers the words before them make personal
 * (named-numbers.ts) and those a country code does (international-numbers.ts).
 */
import { digitValue } from '../model/numerals.js';

/** Spaces, dashes and brackets join a number's groups; a comma, dot or 、 may end it (「…6789，2個」). */
const JOINS = /[ 　\-－()（）]/;
const COMMAS = /[，,.．、]/;
const DASHES = /[-－]/;
const MAX_GAP = 2;

export interface Group {
  start: number;
  end: number;
  digits: string;
  /** A comma, dot or 、 between it and the group before. */
  afterComma: boolean;
  /** A dash right before it, nothing else: where an extension may start (010-12345678-8001). */
  afterDash: boolean;
}

/** The digit groups from `at` on, as far as a number can run: a group ends at every separator. */
export function groupsAt(text: string, at: number): Group[] {
  const groups: Group[] = [];
  const bracket = text[at] === '(' || text[at] === '（'; // (02)2345-6789: the number starts at the bracket
  let i = bracket ? at + 1 : at;
  let current: Group | undefined;
  let afterComma = false;
  let afterDash = false;
  while (i < text.length) {
    const d = digitValue(text[i] as string);
    if (d !== undefined) {
      if (!current) groups.push((current = { start: i, end: i, digits: '', afterComma, afterDash }));
      current.digits += String(d);
      current.end = ++i;
      continue;
    }
    let j = i;
    let comma = false;
    for (; j < text.length && j - i < MAX_GAP + 1; j++) {
      const c = text[j] as string;
      if (COMMAS.test(c)) comma = true;
      else if (!JOINS.test(c)) break;
    }
    if (j === i || j - i > MAX_GAP || digitValue(text[j] ?? '') === undefined) break;
    current = undefined;
    afterComma = comma;
    afterDash = j - i === 1 && DASHES.test(text[i] as string);
    i = j;
  }
  if (bracket && groups[0]) groups[0].start = at;
  return groups;
}

/**
 * The longest run of groups from the first that is a number of this kind, ending where a comma
 * may end it or before an extension. A group after a comma joins only with three digits or more:
 * 「零二，二三四五，六七八九」 is one number, 「…6789，2個」 a count after it. Groups joined by spaces
 * and dashes are one number (9123 4567 8901 is no eight-digit phone), but for a dash and up to
 * five digits after a landline with its area code: 「010-12345678-8001」 is the line and its extension.
 */
export function numberIn(groups: readonly Group[], text: string, fits: (digits: string) => boolean): { start: number; end: number; digits: string } | undefined {
  let digits = '';
  let best: { start: number; end: number; digits: string } | undefined;
  for (const [k, group] of groups.entries()) {
    if (k > 0 && group.afterComma && group.digits.length < 3) break;
    digits += group.digits;
    if (digits.length > 16) break;
    const next = groups[k + 1];
    const ends = !next || next.afterComma || isExtension(digits, next, groups[k + 2]);
    const glued = /[A-Za-zＡ-Ｚａ-ｚ]/.test(text[group.end] ?? ''); // 0123456789AB is a code
    if (ends && fits(digits) && !glued) best = { start: (groups[0] as Group).start, end: group.end, digits };
  }
  return best;
}

const LANDLINE_WITH_AREA_CODE = /^0[1-9][0-9]{8,10}$/;

function isExtension(digits: string, next: Group, afterNext: Group | undefined): boolean {
  return next.afterDash && next.digits.length <= 5 && (!afterNext || afterNext.afterComma) && LANDLINE_WITH_AREA_CODE.test(digits);
}
