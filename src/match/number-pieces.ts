/**
 * The digits of a text as written, for the personal-number detector (personal-numbers.ts): a
 * character class per UTF-16 code unit, the cheap pre-test that skips most utterances, and the
 * *pieces* a number is made of — runs of Arabic, full-width or Chinese-numeral digits joined by at
 * most MAX_NUMBER_GAP separators or by a switch between Arabic and Chinese digits.
 */
import { CHINESE_DIGIT_VALUES, CHINESE_DIGITS, MAX_NUMBER_GAP } from '../model/numerals.js';

// ---------------------------------------------------------------- characters

/** Character classes, one byte per UTF-16 code unit. */
const ARABIC = 0x10; // | digit value
const CHINESE = 0x20; // | digit value
const SPACE_OR_DASH = 0x40;
const COMMA_OR_DOT = 0x41;
const CHECK_X = 0x80;
/** Classes a digit stretch is made of (digits and separators): below this, and not 0. */
const STRETCH_END = 0x80;

const CLASS = new Uint8Array(0x10000);
for (let d = 0; d <= 9; d++) {
  CLASS[0x30 + d] = ARABIC | d;
  CLASS[0xff10 + d] = ARABIC | d;
}
for (const c of CHINESE_DIGITS) {
  const value = CHINESE_DIGIT_VALUES[c];
  if (value === undefined) throw new Error(`numerals.ts lists ${c}, which has no digit value here`);
  CLASS[c.charCodeAt(0)] = CHINESE | value;
}
for (const c of ' 　-－') CLASS[c.charCodeAt(0)] = SPACE_OR_DASH;
for (const c of '，,.．、') CLASS[c.charCodeAt(0)] = COMMA_OR_DOT;
// An ID card's last character: X, or 叉 as recognisers write the spoken letter.
for (const c of 'XxＸｘ叉') CLASS[c.charCodeAt(0)] = CHECK_X;

const isDigit = (k: number): boolean => (k & 0x30) !== 0 && k < 0x40;

/**
 * The cheap pre-test: is there a stretch of `min` digits with at most MAX_NUMBER_GAP separators
 * between neighbours? Such a stretch is at least `min` characters long, all digits or
 * separators, so the scan looks at every `min`-th character until one of them is (most
 * utterances: two or three look-ups, no digit at all) and reads only around those.
 */
export function mayHoldPersonalNumber(text: string, min = 10): boolean {
  const n = text.length;
  let i = min - 1;
  while (i < n) {
    const k = CLASS[text.charCodeAt(i)] as number;
    if (k === 0 || k >= STRETCH_END) {
      i += min;
      continue;
    }
    // Back to the start of this run of digits and separators, then through it.
    let at = i;
    while (at > 0 && isStretchClass(CLASS[text.charCodeAt(at - 1)] as number)) at--;
    let run = 0;
    let gap = 0;
    for (; at < n; at++) {
      const c = CLASS[text.charCodeAt(at)] as number;
      if (!isStretchClass(c)) break;
      if (isDigit(c)) {
        if (++run >= min) return true;
        gap = 0;
      } else if (run > 0 && ++gap > MAX_NUMBER_GAP) {
        run = 0;
        gap = 0;
      }
    }
    i = at + min;
  }
  return false;
}

function isStretchClass(k: number): boolean {
  return k !== 0 && k < STRETCH_END;
}

// ---------------------------------------------------------------- pieces

const GLUED = 1; // Arabic next to Chinese digits, nothing between
const WRITTEN = 2; // spaces and dashes only
export const COMMA = 3; // a comma, dot or 、 among the separators

export interface Piece {
  start: number;
  end: number;
  digits: string;
  /** How it is joined to the piece before it (0 for the first of a stretch). */
  gap: number;
}

/** Stretches of pieces: the text's digits as written, split where anything but a short gap lies between. */
export function stretches(text: string, min: number): Piece[][] {
  const out: Piece[][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = CLASS[text.charCodeAt(i)] as number;
    if (!isDigit(k)) {
      i++;
      continue;
    }
    const stretch: Piece[] = [];
    let count = 0;
    let gap = 0;
    for (;;) {
      const start = i;
      const script = k & 0x30;
      let digits = '';
      while (i < n && isDigit((k = CLASS[text.charCodeAt(i)] as number)) && (k & 0x30) === script) {
        digits += String.fromCharCode(0x30 + (k & 0x0f));
        i++;
      }
      const x = i < n && CLASS[text.charCodeAt(i)] === CHECK_X;
      if (x) {
        digits += 'X';
        i++;
      }
      stretch.push({ start, end: i, digits, gap });
      count += digits.length;
      if (x || i >= n) break;
      k = CLASS[text.charCodeAt(i)] as number;
      if (isDigit(k)) {
        gap = GLUED;
        continue;
      }
      let j = i;
      let comma = false;
      while (j < n && j - i <= MAX_NUMBER_GAP) {
        const s = CLASS[text.charCodeAt(j)] as number;
        if (s !== SPACE_OR_DASH && s !== COMMA_OR_DOT) break;
        if (s === COMMA_OR_DOT) comma = true;
        j++;
      }
      if (j === i || j - i > MAX_NUMBER_GAP || j >= n) break;
      k = CLASS[text.charCodeAt(j)] as number;
      gap = comma ? COMMA : WRITTEN;
      if (isDigit(k)) {
        i = j;
        continue;
      }
      // 「… 0 0 2 X」: an ID card's check character read out on its own, then the number ends.
      if (k === CHECK_X && !isDigit(CLASS[text.charCodeAt(j + 1)] ?? 0)) {
        stretch.push({ start: j, end: j + 1, digits: 'X', gap });
        count++;
        i = j + 1;
      }
      break;
    }
    if (count >= min) out.push(stretch);
  }
  return out;
}
