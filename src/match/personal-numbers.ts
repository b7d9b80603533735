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
 * The pieces and the pre-test: number-pieces.ts; the checks of each kind: number-checks.ts. A label
 * after the number counts as one before it (「…是订单号」: number-labels.ts). A landline read back as a
 * question (「010-62345678对吗？」): read-back-numbers.ts; one cut by full stops (「138。1234。5678」):
 * stop-numbers.ts; a mobile read in parts named by position
 * (「前三位138，中间1234，后四位5678」): part-numbers.ts.
 *
 * Misses by design (documented for ruleset authors): a number garbled into another length or
 * prefix; a misheard card with no 卡号 before it; digits glued to a Chinese-numeral count
 * (「幺三八幺二三四五六七八两个」); 么 for 幺 (also 什么); 15-digit ID cards.
 */
import { findHongKongIds, hongKongIdShapes } from './hk-id.js';
import { findInternationalNumbers, startWithPrefix } from './international-numbers.js';
import { findNamedNumbers, namedNumberShapes } from './named-numbers.js';
import { findPartNumbers } from './part-numbers.js';
import { classify, nationalMobile } from './number-checks.js';
import { labelAfter, labelBefore } from './number-labels.js';
import { COMMA, mayHoldPersonalNumber, stretches, type Piece } from './number-pieces.js';
import { findLocalReadBacks, findReadBackNumbers } from './read-back-numbers.js';
import { findStopCutNumbers } from './stop-numbers.js';
import { findTravelDocuments } from './travel-docs.js';
import { taiwanIdShapes } from './tw-id.js';

export { idCheckCharacter, luhnValid } from './number-checks.js';
export { mayHoldPersonalNumber } from './number-pieces.js';

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
  /**
   * A mobile that exists only by joining digit groups across a comma, 、 or 。 (「138，1234，5678」):
   * a list of prices reads the same (「139，1299，1599」), so the call must say it is a phone
   * (src/engine/joined-mobiles.ts).
   */
  joined?: boolean;
}

/** The fewest digits (an ID card's X not counted) a number of these kinds has. */
const fewestDigits = (kinds: readonly PersonalNumberKind[]): number => (kinds.includes('mobile') ? 10 : kinds.includes('bank_card') ? 16 : 17);


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


interface Candidate extends PersonalNumber {
  /** A comma, dot or 、 between its pieces. */
  commas: boolean;
}


/** Every number of these kinds the pieces can be read as, overlapping. */
function candidates(text: string, kinds: readonly PersonalNumberKind[], forMasking = false): Candidate[] {
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
          // An ID card's province, birth date and check character prove it in any grouping (110 105
          // 1949 1231 002X); one whose check fails needs a known shape, except to be masked.
          const shaped = fitsShape(kind, stretch, a, b, commas);
          if (!shaped && kind !== 'id_card') continue;
          const verdict = classify(kind, digits, a === b);
          if (verdict && (shaped || verdict.certain || forMasking)) out.push({ kind, start: (stretch[a] as Piece).start, end: piece.end, digits: kind === 'mobile' ? nationalMobile(digits) : digits, commas, ...verdict });
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
  // 「前三位138，中间1234，后四位5678」: no part has six digits, the words between them say they are one.
  if (kinds.includes('mobile') && mayHoldPersonalNumber(text, 3)) shorter.push(...findPartNumbers(text));
  // 「138。1234。5678」: a number the recogniser cut with full stops, which no stretch crosses.
  if (text.includes('。') && mayHoldPersonalNumber(text, 3)) shorter.push(...findStopCutNumbers(text, kinds));
  if (six && mayHoldPersonalNumber(text, 7)) shorter.push(...findNamedNumbers(text, kinds), ...internationalMobiles(text, kinds), ...readBack(text, kinds));
  if (!six || !mayHoldPersonalNumber(text, fewestDigits(kinds))) return pick(shorter);
  const kept: PersonalNumber[] = [...shorter];
  for (const c of candidates(text, kinds)) {
    const label = labelBefore(text, startWithPrefix(text, c.start)); // 「客服电话是+86 138…」: the company's
    if (label === 'order' || (label === 'company' && c.kind !== 'id_card')) continue;
    const after = labelAfter(text, c.end); // 「13812345678是订单号」「…是快递员的电话」
    if (after === 'order' || (after === 'company' && c.kind !== 'id_card')) continue;
    if (LATIN_LETTER.test(text[c.start - 1] ?? '')) continue; // digits of a code: SF13812345678 is a waybill
    if (c.kind === 'bank_card' && (label === 'store-card' || ((c.commas || !c.certain) && label !== 'card'))) continue;
    const joined = c.kind === 'mobile' && c.commas;
    kept.push({ kind: c.kind, start: c.start, end: c.end, digits: c.digits, certain: c.certain, ...(c.doubt ? { doubt: c.doubt } : {}), ...(joined ? { joined } : {}) });
  }
  return pick(kept);
}

const LATIN_LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;

/** Landlines read back as a question, and local lines the agent calls a phone as it reads them back. */
function readBack(text: string, kinds: readonly PersonalNumberKind[]): PersonalNumber[] {
  if (!kinds.includes('mobile')) return [];
  const local = findLocalReadBacks(text).flatMap(({ called, ...n }) => (called ? [n] : []));
  return [...findReadBackNumbers(text), ...local];
}

/** Mobiles behind a country code (+886 912 345 678, +852 9123 4567), unless called an order number or the company's. */
function internationalMobiles(text: string, kinds: readonly PersonalNumberKind[]): PersonalNumber[] {
  if (!kinds.includes('mobile')) return [];
  const mobiles = findInternationalNumbers(text).filter((n) => n.mobile && !labelBefore(text, n.start)?.match(/^(?:order|company)$/) && !labelAfter(text, n.end));
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
  if (mayHoldPersonalNumber(text, 3)) shorter.push(...findPartNumbers(text, true));
  if (text.includes('。') && mayHoldPersonalNumber(text, 3)) shorter.push(...findStopCutNumbers(text, PERSONAL_NUMBER_KINDS));
  if (mayHoldPersonalNumber(text, 7)) shorter.push(...namedNumberShapes(text), ...findReadBackNumbers(text), ...findInternationalNumbers(text).map((n) => ({ ...n, kind: 'mobile' as const, certain: true })));
  if (!mayHoldPersonalNumber(text)) return pick(shorter).map((c) => ({ start: c.start, end: c.end }));
  return pick([...shorter, ...candidates(text, PERSONAL_NUMBER_KINDS, true)]).map((c) => ({ start: c.start, end: c.end }));
}
