/**
 * Personal-data numbers in the engine: the detector (src/match/personal-numbers.ts) reads each
 * utterance's own text, where a comma still separates two numbers; its hits are mapped onto the
 * folded text (fold.ts keeps every digit), so exceptions, recogniser confidence and evidence
 * quotes work on them exactly as on phrase hits.
 */
import { findPersonalNumbers, mayHoldPersonalNumber, type PersonalNumber, type PersonalNumberKind } from '../match/personal-numbers.js';
import { labelAfter, labelBefore } from '../match/number-labels.js';
import { STARTS_WITH_PART } from '../match/part-numbers.js';
import { findLocalReadBacks } from '../match/read-back-numbers.js';
import { readBackHongKongIds, readBackTaiwanIds } from './customer-ids.js';
import { customerGaveAsPhone } from './customer-phones.js';
import { joinedMobileIsPhone } from './joined-mobiles.js';
import { digitsOf, digitValue, NUMBER_SEPARATOR, NUMERAL } from '../model/numerals.js';
import { foldedSpan } from '../normalize/fold.js';
import type { PhraseSet } from '../ruleset/index.js';
import { findPhrases } from './phrases.js';
import type { PreparedCall } from './prepare.js';

export interface NumberHit {
  utterance: number;
  /** Offsets in the folded utterance, as for phrase hits. */
  start: number;
  end: number;
  kind: PersonalNumberKind;
  /** false: a check digit does not hold (see PersonalNumber.certain): a person listens. */
  certain: boolean;
  doubt?: string;
  /** What the reason calls it, when not the kind's name (PersonalNumber.name). */
  name?: string;
  /** The turn where the customer said this number first: the agent read it back (still a leak). */
  customerTurn?: number;
  /**
   * Set when the recogniser cut the number at a pause: it ends here and began in this earlier
   * utterance of the same speaker, at these offsets of that utterance's folded text.
   */
  begun?: { utterance: number; start: number; end: number };
}

/** The numbers of these kinds in utterance `u`, outside occurrences of the exceptions. */
export function findNumbers(p: PreparedCall, u: number, kinds: readonly PersonalNumberKind[], except?: PhraseSet): NumberHit[] {
  const text = p.call.utterances[u]?.text;
  const fold = p.folds[u];
  if (!text || !fold) return [];
  const detected = findPersonalNumbers(text, kinds).filter((n) => !n.joined || joinedMobileIsPhone(p, u, text, n));
  const ids = kinds.includes('id_card') ? [...readBackHongKongIds(p, u, text), ...readBackTaiwanIds(p, u, text)] : [];
  const found = [...detected, ...customersLocalPhones(p, u, text, kinds, detected), ...ids].filter((n) => !orderNumberReadBack(p, u, n.digits) && !customerCalledItOthers(p, u, n.digits));
  if (found.length === 0) return [];
  const hits = found.map((n: PersonalNumber): NumberHit => {
    const { start, end } = foldedSpan(fold, n.start, n.end);
    const customerTurn = customerSaid(p, u, n.digits);
    return { utterance: u, start, end, kind: n.kind, certain: n.certain, ...(n.doubt ? { doubt: n.doubt } : {}), ...(n.name ? { name: n.name } : {}), ...(customerTurn ? { customerTurn } : {}) };
  });
  return outsideExceptions(p, u, hits, except);
}

/**
 * Bare seven or eight digits the agent reads back (「62345678对吗？」) that the customer gave as their
 * phone: called nothing here, they are the customer's line read out. Those called a phone here are
 * found by findPersonalNumbers; those overlapping its numbers (区号010，号码62345678) are its.
 */
function customersLocalPhones(p: PreparedCall, u: number, text: string, kinds: readonly PersonalNumberKind[], found: readonly PersonalNumber[]): PersonalNumber[] {
  if (!kinds.includes('mobile') || !mayHoldPersonalNumber(text, 7)) return [];
  const local = findLocalReadBacks(text).filter((n) => !n.called);
  if (local.length === 0) return [];
  return local
    .filter((n) => !found.some((f) => f.start < n.end && n.start < f.end) && customerGaveAsPhone(p, u, n.digits))
    .map(({ called: _, ...n }) => n);
}

/**
 * The first customer turn before utterance `u` that holds these digits: the agent is reading the
 * customer's own number back to verify it. Still a leak under the standard; the reason says so,
 * for the reviewer who hears 「跟您核对一下」. Only on a hit: no cost on other utterances.
 */
function customerSaid(p: PreparedCall, u: number, number: string): number | undefined {
  const digits = number.replace(/[^0-9]/g, '');
  if (digits.length < 7) return undefined;
  const first = customerTurnsHolding(p, u, digits)[0];
  return first === undefined ? undefined : first + 1;
}

/** The customer's utterances before `u` whose digits hold these digits. */
function customerTurnsHolding(p: PreparedCall, u: number, digits: string): number[] {
  const utterances = p.call.utterances;
  const holding: number[] = [];
  for (let i = 0; i < u; i++) if (utterances[i]?.speaker === 'customer' && digitsOf(utterances[i]?.text ?? '').includes(digits)) holding.push(i);
  return holding;
}

/** An agent asking for an order, waybill or ticket number: 「请您报一下订单号」「運單號是多少」. */
const ASKS_FOR_ORDER_NUMBER = /(?:[订訂运運]|快递|快遞|物流|工|流水|交易)?[单單](?:号|號)|编号|編號/;

/** The customer answering with their phone, ID or card instead (「没有订单号，我手机是…」): that is theirs. */
const NAMES_PERSONAL_NUMBER = /手机|手機|电话|電話|身份证|身份證|卡号|卡號/;

/**
 * Whether utterance `u` reads back a number the customer just gave when asked for an order
 * number (「请您报一下订单号」「13812345678」「13812345678，对吧？」): that is the order
 * number, whatever its shape, confirmed — not the customer's phone read out. Only the customer's
 * turn right before `u`, answering the agent's turn right before it.
 */
function orderNumberReadBack(p: PreparedCall, u: number, digits: string): boolean {
  const utterances = p.call.utterances;
  let i = u - 1;
  let answer = '';
  for (; i >= 0 && utterances[i]?.speaker === 'customer'; i--) answer = `${utterances[i]?.text ?? ''}${answer}`;
  if (answer === '' || i < 0 || utterances[i]?.speaker !== 'agent') return false;
  if (!ASKS_FOR_ORDER_NUMBER.test(utterances[i]?.text ?? '') || NAMES_PERSONAL_NUMBER.test(answer)) return false;
  return digitsOf(answer).includes(digits);
}


/** The customer's words seen from the agent's side: the customer's 你们 is the agent's 我们. */
const SWAPPED: Record<string, string> = { 你们: '我们', 你們: '我們', 你哋: '我哋', 你的: '我的', 你嘅: '我嘅', 我们: '你们', 我們: '你們', 我哋: '你哋', 我的: '你的', 我嘅: '你嘅' };
const PERSON = new RegExp(Object.keys(SWAPPED).join('|'), 'g');
const ASKING = /(?:是不是|係唔係|係咪|是否)\s*$/;

/**
 * Whether a customer turn before `u` gave these digits as an order's, the company's, a courier's or
 * the agent's number (「你们客服电话是不是010-62345678？」「快递员电话是13812345678吗」): the agent
 * reading it back confirms that number, not the customer's own.
 */
function customerCalledItOthers(p: PreparedCall, u: number, number: string): boolean {
  const digits = number.replace(/[^0-9]/g, '');
  for (const i of customerTurnsHolding(p, u, digits)) {
    const text = (p.call.utterances[i]?.text ?? '').replace(PERSON, (w) => SWAPPED[w] ?? w); // same length: offsets hold
    const at = digitOffsets(text);
    const k = at.digits.indexOf(digits);
    const start = at.offsets[k] as number;
    const end = (at.offsets[k + digits.length - 1] as number) + 1;
    const before = text.slice(0, start).replace(ASKING, '');
    const label = labelBefore(before, before.length) ?? labelAfter(text, end);
    if (label === 'order' || label === 'company') return true;
  }
  return false;
}

/** The digits of a text and where each one is. */
function digitOffsets(text: string): { digits: string; offsets: number[] } {
  let digits = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const d = digitValue(text[i] as string);
    if (d === undefined) continue;
    digits += String(d);
    offsets.push(i);
  }
  return { digits, offsets };
}

function outsideExceptions(p: PreparedCall, u: number, hits: NumberHit[], except?: PhraseSet): NumberHit[] {
  const shields = except ? findPhrases(p, u, except) : [];
  return hits.filter((h) => h.end > h.start && !shields.some((s) => s.start <= h.start && h.end <= s.end));
}

const ENDS_IN_DIGIT = new RegExp(`${NUMERAL}${NUMBER_SEPARATOR}*\\s*$`);
const STARTS_WITH_DIGIT = new RegExp(`^\\s*${NUMBER_SEPARATOR}*${NUMERAL}`);

/**
 * Numbers read out across utterance `u` and the next one, `u + 1`, of the same speaker: a number
 * read slowly is cut at its pauses (「我的手机号是138，」「1234，5678。」; 「前三位是138，」「中间1234，后四位5678」). The two texts are joined
 * by a comma, so only a number whose pieces sit as close as within one utterance is found, and
 * only one that starts in `u` and ends in `u + 1` is returned (each half alone is found, or not,
 * by findNumbers). The hit is filed under `u + 1`, with where it began.
 */
export function findNumbersAcross(p: PreparedCall, u: number, kinds: readonly PersonalNumberKind[], except?: PhraseSet): NumberHit[] {
  const first = p.call.utterances[u];
  const second = p.call.utterances[u + 1];
  const firstFold = p.folds[u];
  const secondFold = p.folds[u + 1];
  if (!first || !second || !firstFold || !secondFold || first.speaker !== second.speaker) return [];
  if (!ENDS_IN_DIGIT.test(first.text) || !(STARTS_WITH_DIGIT.test(second.text) || STARTS_WITH_PART.test(second.text))) return [];
  const joinAt = first.text.length + 1;
  const text = `${first.text}，${second.text}`;
  const found = findPersonalNumbers(text, kinds).filter((n) => n.start < first.text.length && n.end > joinAt && (!n.joined || joinedMobileIsPhone(p, u, text, n)));
  if (found.length === 0) return [];
  const hits = found.map((n: PersonalNumber): NumberHit => {
    const begun = { utterance: u, ...foldedSpan(firstFold, n.start, first.text.length) };
    const { start, end } = foldedSpan(secondFold, 0, n.end - joinAt);
    return { utterance: u + 1, start, end, kind: n.kind, certain: n.certain, begun, ...(n.doubt ? { doubt: n.doubt } : {}), ...(n.name ? { name: n.name } : {}) };
  });
  return outsideExceptions(p, u + 1, hits, except).filter((h) => h.begun && h.begun.end > h.begun.start);
}
