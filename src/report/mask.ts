/**
 * Mask customer personal data in evidence quotes: mobile and landline numbers (mainland, Taiwan,
 * Hong Kong), mainland ID-card numbers, bank-card numbers, e-mail addresses — also when the
 * recogniser wrote the digits as Chinese numerals. Numbers keep their first 3 and last 4 digits
 * (138****5678) so a reviewer can still match them to the recording. Rules see the unmasked
 * text; only reports are masked.
 *
 * Whatever the personal-number detector of the rules (src/match/personal-numbers.ts) finds is
 * masked too, so a number a rule quotes is never shown in full.
 *
 * Arabic digits written with separators are masked only in the shapes such numbers are written
 * in (138-1234-5678, 010-12345678, 6222 0212 3456 7890, 110105 19491231 002X, 1 3 8 1 2 …), so
 * dates, amounts and lists of numbers that merely add up to 11 digits are left alone. Unbroken
 * runs of 11 or more digits are masked whatever they are, and 8 digits from 5 up (a Hong Kong
 * mobile) unless a unit follows: shorter order numbers and amounts are not. A number right after
 * 电话, 號碼, 手机 … is masked whatever its shape, and one of 10–16 digits after 帳號, 账户, 戶口號碼 …
 * (a bank account: named-numbers.ts) in any grouping; an area code and its number said apart
 * (「区号010，号码12345678」: area-code-numbers.ts) as one number. A number the agent calls an order, waybill or
 * serial number (订单号, 单号, 流水号 …) is left whole unless it is shaped like a phone, ID or card.
 */

import type { Evidence } from '../engine/index.js';
import { prefixOf } from '../match/international-numbers.js';
import { PHONE_WORD } from '../match/named-numbers.js';
import { labelBefore } from '../match/number-labels.js';
import { holdsPartNumber } from '../match/part-numbers.js';
import { personalNumberSpans } from '../match/personal-numbers.js';
import { CHINESE_DIGITS, MAX_NUMBER_GAP, NUMBER_SEPARATOR, NUMERAL } from '../model/numerals.js';

const A = '[0-9０-９]';
/** Spaces (also the ideographic space of full-width text) and dashes: how people write numbers. */
const SEP = '[ 　\\-－]';
/**
 * Speech recognisers also put commas and dots inside numbers (138，1234，5678; 138.1234.5678),
 * and full stops at a pause (138。1234。5678).
 * Accepted only in shapes with a phone's or ID card's prefix: with commas, 4-digit groups are
 * as often a list of amounts (1280，1500，2000，3000) as a bank card.
 */
const ASR_SEP = '(?:[ 　]*[\\-－，,.．、。][ 　]*|[ 　]+)';
// A star is a digit masked before: what follows it is that number's tail (「010-****5678-8001」).
const NOT_AFTER_DIGIT = '(?<![0-9０-９*])';
const NOT_BEFORE_DIGIT = '(?![0-9０-９])';
/** Eight digits are also an amount (2000 3000元, 60000000元) or points (91234567分): not when a unit follows. */
const NOT_AN_AMOUNT = '(?![ 　]*[元块塊圆圓萬万%％分])';
/** …or a date a recogniser wrote with a space (2026 1015): a year, then a month and a day. */
const NOT_A_DATE = '(?!(?:19|20|１９|２０)[0-9０-９]{2}[ 　\\-－][0-1０１][0-9０-９][0-3０-３][0-9０-９](?![0-9０-９]))';

const ARABIC_SHAPES = [
  `${A}{17}[XxＸ]`, // ID card ending in X
  `${A}{11,}`, // any unbroken run of 11+ digits: mobile, ID card, bank card, 0-prefixed landline
  `[1１][3-9３-９]${A}(?:${ASR_SEP}${A}{4}){2}`, // mobile 138-1234-5678 / 138 1234 5678 / 138，1234，5678
  `[1１][3-9３-９]${A}${ASR_SEP}${A}{8}`, // mobile 138 12345678
  // mobile 138-123-45678, 1381 234 5678: spaces and dashes only, as with commas these are amounts
  // (1380，1500，300); 4+4+3 is amounts even with spaces (分别是1380 1500 300).
  `[1１][3-9３-９]${A}(?:${SEP}${A}{3}${SEP}${A}{5}|${A}${SEP}${A}{3}${SEP}${A}{4})`,
  `${A}{6}${ASR_SEP}(?:${A}{8}|${A}{4}${ASR_SEP}${A}{4})${ASR_SEP}${A}{3}[0-9０-９XxＸ]`, // ID card 110105 19491231 002X / 110105 1949 1231 002X
  `${A}{4}(?:${SEP}${A}{4}){3}(?:${SEP}?${A}{1,3})?`, // bank card 6222 0212 3456 7890 (123)
  // Landlines with a 1–3 digit area code (mainland 010, 0755; Taiwan 02, 037): 010-12345678,
  // (0755)1234567, (02)2345-6789, 0755 1234 5678.
  `(?:[(（][0０]${A}{1,3}[)）]${SEP}?|[0０]${A}{1,3}${ASR_SEP})${A}{3,4}${ASR_SEP}?${A}{4}`,
  `[0０][9９]${A}{8}`, // Taiwan mobile 0912345678
  `[0０][9９]${A}{2}${ASR_SEP}${A}{3}${ASR_SEP}?${A}{3}`, // Taiwan mobile 0912-345-678, 0912-345678
  `[+＋]?[8８][8８][6６]${SEP}?[9９]${A}{2}${ASR_SEP}?${A}{3}${ASR_SEP}?${A}{3}`, // Taiwan mobile +886 912 345 678
  `[+＋]?[8８][5５][2２]${SEP}?[2-9２-９]${A}{3}${SEP}?${A}{4}`, // Hong Kong +852 9123 4567
  `(?<!${A}${SEP})${NOT_A_DATE}[2-9２-９]${A}{3}${SEP}${A}{4}${NOT_AN_AMOUNT}(?!${SEP}${A})`, // Hong Kong 9123 4567, 2345-6789 (not inside 7712 3456 7890)
  `[5-9５-９]${A}{7}${NOT_AN_AMOUNT}`, // Hong Kong mobile 91234567
  `${A}(?:${ASR_SEP}${A}){10,}(?:${ASR_SEP}?[XxＸ])?`, // read out digit by digit: 1 3 8 1 2 3 4 5 6 7 8
];
const ARABIC = new RegExp(`${NOT_AFTER_DIGIT}(?:${ARABIC_SHAPES.join('|')})${NOT_BEFORE_DIGIT}`, 'g');

// ASR output: digits as Chinese numerals (幺 for 1), possibly mixed with Arabic digits and split by
// spaces or commas. Eight or more of them in a row is a number read out digit by digit (a Hong
// Kong number has 8, a Taiwan mobile 10, a mainland one 11): amounts and dates are not said so
// (三千五百, 二〇二六年十月).
const CHINESE_NUMERAL = new RegExp(`[${CHINESE_DIGITS}]`);
/**
 * Masking also reads a full stop as a pause inside a number (「一三八。一二三四。五六七八」, as some
 * recognisers end a "sentence" at each pause): masking too much is safe, while the rules'
 * detector, whose finding fails a call, joins across it only a whole mobile or ID card (stop-numbers.ts).
 */
const MASK_SEPARATOR = `(?:${NUMBER_SEPARATOR}|。)`;
const NUMERAL_RUN = new RegExp(`(?<!${NUMERAL})${NUMERAL}(?:${MASK_SEPARATOR}?${NUMERAL}){7,}[XxＸ]?(?!${NUMERAL})`, 'g');

/**
 * Whatever number follows a word that introduces one (电话 號碼 手机 联系方式 座机 市話 …) is
 * masked from 7 digits on, whatever its shape: a local landline (8765 4321), a number written in
 * a grouping no shape above knows (09-1234-5678), numerals and digits mixed.
 */
const INTRODUCED_NUMBER = new RegExp(
  // Not the head of a number masked before (「0086 138****5678」): it would lose the digits it keeps.
  `(?<=(?:${PHONE_WORD}|传真|傳真)[是係为為：: 　]{0,3})[(（+＋]?${NUMERAL}(?:[ 　\\-－，,.．、()（）]{0,2}${NUMERAL}){6,}(?![ 　\\-－，,.．、()（）]{0,2}[*＊])`,
  'g',
);

// Full-width letters, digits, ＠ and ． too: input methods and recognisers write them.
const EMAIL = /([A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９＿．－])[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９＿．－]*([@＠][A-Za-z0-9.\-Ａ-Ｚａ-ｚ０-９．－]+[.．][A-Za-zＡ-Ｚａ-ｚ]{2,})/g;

// 叉: an ID card's X as recognisers write it (src/match/personal-numbers.ts).
const DIGIT_CHAR = new RegExp(`[0-9０-９${CHINESE_DIGITS}XxＸｘ叉]`);

/**
 * Keep the first 3 and last 4 digits (138****5678), star the rest; separators and brackets stay.
 * A number of under 10 digits (Hong Kong's 8, a local landline's 7) keeps only 2 and 2: 3 and 4
 * would hide one digit or none.
 */
function maskDigits(run: string): string {
  // A country code is no one's: 「+86 138****5678」 keeps it, and the number's own first digits.
  const prefix = prefixOf(run);
  if (prefix) return prefix + maskDigits(run.slice(prefix.length));
  const chars = [...run];
  const digits: number[] = [];
  chars.forEach((c, i) => {
    // 「区号零幺零，后面是八位，幺二…」: a numeral before 位 is a count said between the parts, no digit.
    if (DIGIT_CHAR.test(c) && chars[i + 1] !== '位') digits.push(i);
  });
  const [head, tail] = digits.length >= 10 ? [3, 4] : [2, 2];
  for (const i of digits.slice(head, Math.max(head, digits.length - tail))) chars[i] = '*';
  return chars.join('');
}

/** Cheap pre-test: nothing to mask without a run of digits or an @ (most quotes have neither). */
// Digits may be read out one by one (1 3 8 …, 1, 3, 8 …): three digits or numerals, up to
// MAX_NUMBER_GAP separators apart (the widest gap the personal-number detector joins).
const GAP = `${NUMBER_SEPARATOR}{0,${MAX_NUMBER_GAP}}`;
const MAYBE = new RegExp(`${NUMERAL}${GAP}${NUMERAL}${GAP}${NUMERAL}|[@＠]`);

/**
 * Second pre-test, for text that passed MAYBE: every pattern above needs at least 7 digits or
 * numerals with nothing but separators, brackets, + or X between them (the shortest, a number
 * after 电话, has 7), or an @. Dates, times and counts in reasons pass MAYBE but not this, and
 * skip the full patterns.
 */
const ENOUGH = new RegExp(`(?:${NUMERAL}[ 　\\-－，,.．、。(（)）XxＸ+＋]*){7}|[@＠]`);

const SAID_BRACKET = /括[號号]/;

/**
 * The personal numbers a rule found in a call (Evidence.personal), to be masked wherever the
 * call's result shows them: a passport number or a local landline has no shape the patterns
 * know, and quoted in a reason it has lost the words that named it.
 */
export function personalDataFound(evidence: readonly Evidence[]): FoundNumber[] {
  const found: FoundNumber[] = [];
  const add = (said: string, masked: string): void => {
    if (!found.some((f) => f.said === said)) found.push({ said, masked });
  };
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i] as Evidence;
    const rest = evidence[i + 1];
    if (!e.personal || !e.matched) continue;
    if (!rest?.cut || !rest.matched) {
      add(e.matched, maskDigits(e.matched));
      continue;
    }
    // A number cut at a pause is masked as one: each half alone would keep its own first and last digits.
    const whole = maskDigits(`${e.matched}，${rest.matched}`);
    add(e.matched, whole.slice(0, e.matched.length));
    add(rest.matched, whole.slice(e.matched.length + 1));
    i++;
  }
  return found;
}

/** A personal number as said, and as reports show it. */
export interface FoundNumber {
  said: string;
  masked: string;
}

/** maskPersonalData, after masking every occurrence of the numbers a rule found (personalDataFound). */
export function maskWithFound(text: string, found: readonly FoundNumber[]): string {
  let out = text;
  for (const { said, masked } of found) if (out.includes(said)) out = out.split(said).join(masked);
  return maskPersonalData(out);
}

export function maskPersonalData(text: string): string {
  // 「A 一二三四五六 括號三」: a Hong Kong ID with its check digit said in words passes no ENOUGH
  // 「前三位138，中间1234，后四位5678」: a mobile in parts passes no ENOUGH either
  if (!text || !MAYBE.test(text) || (!ENOUGH.test(text) && !SAID_BRACKET.test(text) && !holdsPartNumber(text))) return text;
  // The detector before the shapes: a shape that takes part of a number (0212，3456，7894 read
  // as a landline inside a card number) would leave the rest for no one to recognise.
  return maskDetected(text.replace(EMAIL, (_m, first: string, domain: string) => `${first}***${domain}`))
    .replace(INTRODUCED_NUMBER, unlessOrderNumber)
    .replace(ARABIC, unlessOrderNumber)
    .replace(NUMERAL_RUN, (run) => (CHINESE_NUMERAL.test(run) ? maskDigits(run) : run));
}

/**
 * A Unix time in milliseconds (13 digits, 2001–2033: 1733577600000): metadata and vendor times
 * quoted by errors.csv. No phone, ID or card has that shape; a customer's number next to one is.
 */
const EPOCH_MS = /(?<![0-9０-９])1[0-9]{12}(?![0-9０-９])/g;
const AFTER_PHONE_WORD = new RegExp(`(?:${PHONE_WORD}|传真|傳真)[是係为為：: 　]{0,3}$`);
/**
 * A file's name or path in a message (「also the id of calls/A2/13812345678.txt」): errors.csv's
 * file column and the CSVs' call ids show it in full anyway, and masked it names no file.
 */
const FILE_NAME = /(?:[^\s"'“”「」()（）<>，,;；:：@]*[/\\])?[^\s"'“”「」()（）<>，,;；:：@/\\]+\.(?:txt|json|srt|vtt|csv|tsv|ya?ml|xml|md|log|lst|list)(?![A-Za-z0-9])/gi;

/**
 * An errors.csv message (and the CLI lines that word one alike), masked as a quote is: a reader
 * may quote the transcript (「text before the first speaker label: "我的电话13812345678"」). File
 * names stay readable, and so does a millisecond time — the reviewer needs them to fix the file —
 * unless a phone or account word names the time, or the detector reads it as part of a number.
 */
export function maskProblemMessage(text: string): string {
  if (!text) return text;
  const readable: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(FILE_NAME)) readable.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  let spans: Array<{ start: number; end: number }> | undefined;
  for (const m of text.matchAll(EPOCH_MS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    spans ??= personalNumberSpans(text);
    if (AFTER_PHONE_WORD.test(text.slice(Math.max(0, start - 12), start)) || spans.some((s) => s.start < end && start < s.end)) continue;
    if (!readable.some((r) => r.start <= start && end <= r.end)) readable.push({ start, end });
  }
  if (readable.length === 0) return maskPersonalData(text);
  let out = '';
  let at = 0;
  for (const { start, end } of readable.sort((x, y) => x.start - y.start)) {
    out += maskPersonalData(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return out + maskPersonalData(text.slice(at));
}

/**
 * A number the agent calls an order or waybill number (订单号 20261015001, 单号 9876 5432) stays
 * readable: a reviewer needs it, and one shaped like a phone, ID or card was masked before this.
 */
function unlessOrderNumber(run: string, at: number, text: string): string {
  return labelBefore(text, at) === 'order' ? run : maskDigits(run);
}

/**
 * Whatever the rules' personal-number detector reads as a mobile, ID-card or bank-card number (「卡号6222，0212，3456，7890」, 「一三八 ， 一二三四 ， 五六七八」): every number a
 * `personal_data` check can quote is masked, valid check digit or not. Every such number passes
 * the two pre-tests above (11+ digits, gaps of at most MAX_NUMBER_GAP separators).
 */
function maskDetected(text: string): string {
  const spans = personalNumberSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + maskDigits(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}
