/**
 * Personal-data numbers read out in a call: a full mobile number, an ID-card number (mainland; Hong
 * Kong, Taiwan, passports: hk-id.ts, tw-id.ts, travel-docs.ts), a bank-card number — the three a
 * reviewer fails a call for under 不泄露客户个人信息 (a landline, a Hong Kong phone, a bank account the
 * agent names the customer's: named-numbers.ts). Used by the
 * `forbid: { personal_data: [...] }` check (src/engine/rule-types/forbid.ts) on the speaker's own
 * text, and by report masking (src/report/mask.ts) so that whatever a rule quotes is masked.
 *
 * The text is read as written, not folded: folding drops punctuation and spaces, so two numbers a
 * comma apart run together (「13812345678，2个包裹」 → 138123456782). Here a number is made of
 * *pieces* — runs of Arabic, full-width or Chinese-numeral digits (幺三八, 兩) — joined by at most
 * MAX_NUMBER_GAP separators (spaces, dashes, commas, dots, 、) or by a switch between Arabic and
 * Chinese digits. A number is whole pieces, never part of one: 202311230001234567 is one
 * 18-digit piece, and no 11 digits inside it are a mobile. Several pieces make a number only in
 * the shapes people and recognisers write it in: 138 1234 5678, 138-12345678, 6222 0212 3456 7890,
 * 110105 19491231 002X, or digit by digit (1 3 8 1 …). So 「1380，1500，300」 (three amounts) is no
 * mobile, and a number followed by a count (「…5678，2个」) stays 11 digits.
 *
 *   mobile     1[3-9] + 9 digits (a glued 86 / 0086 country code is accepted), or a Taiwan mobile,
 *              09 + 8 digits (0912-345-678); behind a written country code (+886 912 345 678,
 *              (+852) 9123 4567: international-numbers.ts) any mobile of that country, in any grouping. Certain: no checksum exists, the prefix and length
 *              are the standard (a leading 0 is no amount, and dates and timestamps are no 09…).
 *   id_card    18 characters (GB 11643): a province code, a birth date 1900–2099 that exists, and
 *              the check digit. All three: certain. Check digit wrong: *unsure* (`review`): one
 *              misheard digit breaks it ten times in eleven — a person listens. Without the
 *              province and the date it is no ID card (an order number 20231123…).
 *   bank_card  16–19 digits with an issuer's first digit (3 4 5 6 9, or Mastercard 2221–2720;
 *              order numbers that start with a date or a timestamp, 1… 2026…, are not cards) and
 *              the Luhn check digit. Luhn passes one random number in ten, so a card also needs
 *              a shape without commas, or the agent calling it a card (卡号, 银行卡, 账号 just
 *              before): 「金额6000，1500，2000，3000」 is four amounts. A card-labelled number that
 *              fails Luhn is *unsure* (a misheard digit); an unlabelled one is not reported.
 *
 * A number the agent calls an order, waybill or ticket number (订单号, 运单号, 单号, 流水号, 编号 …
 * just before it) is not personal data, whatever its shape.
 *
 * Misses by design (documented for ruleset authors): a number garbled into another length or
 * prefix; a misheard card with no 卡号 before it; digits glued to a Chinese-numeral count
 * (「幺三八幺二三四五六七八两个」); 么 for 幺 (also 什么); 15-digit ID cards.
 */
import { CHINESE_DIGIT_VALUES, CHINESE_DIGITS, MAX_NUMBER_GAP } from '../model/numerals.js';
import { findHongKongIds, hongKongIdShapes } from './hk-id.js';
import { findInternationalNumbers, startWithPrefix } from './international-numbers.js';
import { findNamedNumbers, namedNumberShapes } from './named-numbers.js';
import { labelBefore } from './number-labels.js';
import { findTravelDocuments } from './travel-docs.js';
import { taiwanIdShapes } from './tw-id.js';

export type PersonalNumberKind = 'mobile' | 'id_card' | 'bank_card';

export const PERSONAL_NUMBER_KINDS: readonly PersonalNumberKind[] = ['mobile', 'id_card', 'bank_card'];

/** How reasons name each kind: 「read out a full mobile number」. */
export const PERSONAL_NUMBER_NAMES: Record<PersonalNumberKind, string> = {
  mobile: 'a full mobile number',
  id_card: 'an ID-card number',
  bank_card: 'a bank-card number',
};

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** UTF-16 offsets of the number in the text: [start, end), separators inside included. */
  start: number;
  end: number;
  /** The digits in ASCII (X for an ID card's check character). */
  digits: string;
  /** false: the shape is right but a check failed — a misheard digit, or not that number at all. */
  certain: boolean;
  /** Why it is not certain, in words: 「its check digit is wrong」. */
  doubt?: string;
  /** What a reason calls it when the kind's name would mislead: 「a Taiwan ID-card number」. */
  name?: string;
}

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

/** The fewest digits (an ID card's X not counted) a number of these kinds has. */
const fewestDigits = (kinds: readonly PersonalNumberKind[]): number => (kinds.includes('mobile') ? 10 : kinds.includes('bank_card') ? 16 : 17);

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
const COMMA = 3; // a comma, dot or 、 among the separators

interface Piece {
  start: number;
  end: number;
  digits: string;
  /** How it is joined to the piece before it (0 for the first of a stretch). */
  gap: number;
}

/** Stretches of pieces: the text's digits as written, split where anything but a short gap lies between. */
function stretches(text: string, min: number): Piece[][] {
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

// ---------------------------------------------------------------- the three kinds

/** Piece lengths in which several pieces make one number (one piece, or digit by digit, always do). */
const SHAPES: Record<PersonalNumberKind, readonly (readonly number[])[]> = {
  // 1381234，5678: a pause after the 7th digit (the number's block); Taiwan 0912 345 678, 0912-345678.
  mobile: [[3, 4, 4], [3, 8], [7, 4], [4, 3, 3], [4, 6]],
  id_card: [[6, 8, 4], [6, 4, 4, 4], [6, 12]],
  bank_card: [[4, 4, 4, 4], [4, 4, 4, 4, 1], [4, 4, 4, 4, 2], [4, 4, 4, 4, 3], [6, 13]],
};

/** Mobile groupings with spaces or dashes only (138-123-45678, 1381 234 5678): 1380，1500，300 is amounts. */
const SPACED_MOBILE_SHAPES: readonly (readonly number[])[] = [[3, 3, 5], [4, 3, 4]];

/** Whether pieces a…b (inclusive) of a stretch make one number of this kind. */
function fitsShape(kind: PersonalNumberKind, stretch: readonly Piece[], a: number, b: number, commas: boolean): boolean {
  if (a === b) return true;
  let singles = true;
  for (let i = a; i <= b && singles; i++) singles = (stretch[i] as Piece).digits.length === 1;
  if (singles) return true;
  const count = b - a + 1;
  const fits = (s: readonly number[]): boolean => s.length === count && s.every((len, i) => (stretch[a + i] as Piece).digits.length === len);
  return SHAPES[kind].some(fits) || (kind === 'mobile' && !commas && SPACED_MOBILE_SHAPES.some(fits));
}

const MOBILE = /^(?:0086|86)?1[3-9][0-9]{9}$|^09[0-9]{8}$/;

/** A mobile's digits without a glued 86 / 0086: what the customer says, and what the read-back check looks for. */
const nationalMobile = (digits: string): string => (digits.length > 11 ? digits.replace(/^(?:00)?86/, '') : digits);

/** Provinces of GB/T 2260 (11 北京 … 65 新疆), 71 台湾, 81–83 港澳台 residence permits, 9x foreigners' permanent residence. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
  81, 82, 83, 91, 92, 93, 94, 95, 96,
]);
const ID_SHAPE = /^[0-9]{17}[0-9X]$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 0x30) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** The Luhn (ISO/IEC 7812) check over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** First digits of card issuers: 3 (JCB), 4 (Visa), 5 and 2221–2720 (Mastercard), 6 (UnionPay 62…), 9 (older domestic cards, 95…). */
function hasIssuerPrefix(digits: string): boolean {
  const first = digits[0];
  if (first === '3' || first === '4' || first === '5' || first === '6' || first === '9') return true;
  const four = Number(digits.slice(0, 4));
  return four >= 2221 && four <= 2720;
}

interface Candidate extends PersonalNumber {
  /** A comma, dot or 、 between its pieces. */
  commas: boolean;
}

/** The kind's verdict on a run of digits: undefined when it is not that kind at all. */
function classify(kind: PersonalNumberKind, digits: string, onePiece: boolean): Pick<PersonalNumber, 'certain' | 'doubt'> | undefined {
  if (kind === 'mobile') {
    if (digits.length !== 11 && digits.length !== 10 && !onePiece) return undefined;
    return MOBILE.test(digits) ? { certain: true } : undefined;
  }
  if (kind === 'id_card') {
    if (!ID_SHAPE.test(digits) || !PROVINCES.has(Number(digits.slice(0, 2))) || !isBirthDate(digits.slice(6, 14))) return undefined;
    return idCheckCharacter(digits) === digits[17] ? { certain: true } : { certain: false, doubt: 'its check digit is wrong' };
  }
  if (digits.length < 16 || digits.length > 19 || digits.includes('X') || !hasIssuerPrefix(digits)) return undefined;
  return luhnValid(digits) ? { certain: true } : { certain: false, doubt: 'it fails the Luhn check of card numbers' };
}

/** Every number of these kinds the pieces can be read as, overlapping. */
function candidates(text: string, kinds: readonly PersonalNumberKind[]): Candidate[] {
  const out: Candidate[] = [];
  for (const stretch of stretches(text, fewestDigits(kinds))) {
    for (let a = 0; a < stretch.length; a++) {
      let digits = '';
      let commas = false;
      for (let b = a; b < stretch.length; b++) {
        const piece = stretch[b] as Piece;
        if (b > a && piece.gap === COMMA) commas = true;
        digits += piece.digits;
        if (digits.length > 19) break;
        for (const kind of kinds) {
          if (!fitsShape(kind, stretch, a, b, commas)) continue;
          const verdict = classify(kind, digits, a === b);
          if (verdict) out.push({ kind, start: (stretch[a] as Piece).start, end: piece.end, digits: kind === 'mobile' ? nationalMobile(digits) : digits, commas, ...verdict });
        }
      }
    }
  }
  return out;
}

/** Certain before unsure, then the longer number, then the earlier; an ID card before a bank card of the same digits. */
function pick<T extends PersonalNumber>(found: T[]): T[] {
  if (found.length < 2) return found;
  const rank = (c: PersonalNumber): number => (c.kind === 'id_card' ? 0 : 1);
  const order = found.slice().sort((x, y) => Number(y.certain) - Number(x.certain) || y.digits.length - x.digits.length || x.start - y.start || rank(x) - rank(y));
  const kept: T[] = [];
  for (const c of order) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((x, y) => x.start - y.start);
}

// ---------------------------------------------------------------- the two readers

/**
 * The personal numbers of these kinds a reviewer would fail (certain) or listen to (unsure) in
 * `text`, left to right, not overlapping.
 */
export function findPersonalNumbers(text: string, kinds: readonly PersonalNumberKind[] = PERSONAL_NUMBER_KINDS): PersonalNumber[] {
  // Hong Kong and Taiwan IDs have six and nine digits in a row, a named local phone seven: their
  // own pre-tests, behind one for six (most utterances stop there).
  const six = kinds.length > 0 && mayHoldPersonalNumber(text, 6);
  const shorter = six && kinds.includes('id_card') ? letterIds(text) : [];
  if (six && mayHoldPersonalNumber(text, 7)) shorter.push(...findNamedNumbers(text, kinds), ...internationalMobiles(text, kinds));
  if (!six || !mayHoldPersonalNumber(text, fewestDigits(kinds))) return pick(shorter);
  const kept: PersonalNumber[] = [...shorter];
  for (const c of candidates(text, kinds)) {
    const label = labelBefore(text, startWithPrefix(text, c.start)); // 「客服电话是+86 138…」: the company's
    if (label === 'order' || (label === 'company' && c.kind !== 'id_card')) continue;
    if (LATIN_LETTER.test(text[c.start - 1] ?? '')) continue; // digits of a code: SF13812345678 is a waybill
    if (c.kind === 'bank_card' && (c.commas || !c.certain) && label !== 'card') continue;
    kept.push({ kind: c.kind, start: c.start, end: c.end, digits: c.digits, certain: c.certain, ...(c.doubt ? { doubt: c.doubt } : {}) });
  }
  return pick(kept);
}

const LATIN_LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;

/** Mobiles behind a country code (+886 912 345 678, +852 9123 4567), unless called an order number or the company's. */
function internationalMobiles(text: string, kinds: readonly PersonalNumberKind[]): PersonalNumber[] {
  if (!kinds.includes('mobile')) return [];
  const mobiles = findInternationalNumbers(text).filter((n) => n.mobile && !labelBefore(text, n.start)?.match(/^(?:order|company)$/));
  return mobiles.map((n) => ({ kind: 'mobile', start: n.start, end: n.end, digits: n.digits, certain: true }));
}

/** Hong Kong IDs, Taiwan IDs called one (neither called an order number), passports and permits. */
function letterIds(text: string): PersonalNumber[] {
  if (!LATIN_LETTER.test(text)) return []; // every one of them starts with a letter: skip three scans
  const taiwan = mayHoldPersonalNumber(text, 9) ? taiwanIdShapes(text).filter((n) => n.called) : [];
  const ids = [...findHongKongIds(text), ...taiwan.map(({ called: _, ...n }) => n)].filter((n) => labelBefore(text, n.start) !== 'order');
  return mayHoldPersonalNumber(text, 7) ? [...ids, ...findTravelDocuments(text)] : ids;
}

/**
 * Spans to mask in a report: every number shaped like one of the three kinds, whether or not its
 * check digit holds, labelled or not — a quote in a reason has lost the words before it, and a
 * misheard card number is still a card number.
 */
export function personalNumberSpans(text: string): Array<{ start: number; end: number }> {
  const taiwan = (): PersonalNumber[] => taiwanIdShapes(text).filter((n) => labelBefore(text, n.start) !== 'order'); // 保单号P123456789
  const shorter = mayHoldPersonalNumber(text, 6) ? [...hongKongIdShapes(text), ...taiwan(), ...findTravelDocuments(text)] : [];
  if (mayHoldPersonalNumber(text, 7)) shorter.push(...namedNumberShapes(text), ...findInternationalNumbers(text).map((n) => ({ ...n, kind: 'mobile' as const, certain: true })));
  if (!mayHoldPersonalNumber(text)) return pick(shorter).map((c) => ({ start: c.start, end: c.end }));
  return pick([...shorter, ...candidates(text, PERSONAL_NUMBER_KINDS)]).map((c) => ({ start: c.start, end: c.end }));
}
