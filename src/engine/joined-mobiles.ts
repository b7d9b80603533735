/**
 * A mobile that exists only by joining digit groups across a comma, 、 or 。 (PersonalNumber.joined):
 * recognisers write a phone read slowly so (「138，1234，5678」), but a list of prices or numbers reads
 * the same (「分别是139，1299，1599。」「第139，1299，1599号」). Its shape proves nothing; it counts
 * when the call says it is a phone: a phone word in the utterance or in the customer's turn just
 * before, the customer gave these digits before as a number of theirs (the agent reading them back),
 * or the agent puts the full number to the customer to confirm (「138，1234，5678，对吗？」: read off
 * the account, which is the leak) — unless prices are the subject.
 * An unbroken or spaced mobile (13812345678, 138 1234 5678) needs none of this.
 */
import { findPersonalNumbers, type PersonalNumber } from '../match/personal-numbers.js';
import { CONFIRM_AFTER } from '../match/read-back-numbers.js';
import { FIGURE_UNIT } from '../model/numerals.js';
import type { PreparedCall } from './prepare.js';

/**
 * A word that names a phone number — not a phone's plan, price, fee or screen (「手机套餐」「电话费」
 * 「手机上看到的价格」): those words come with prices, not numbers.
 */
const PHONE_WORD =
  /(?:手机|手機|电话|電話|(?<![单單编編])号码|(?<![单單编編])號碼|联系方式|聯絡方式|聯繫方式|联络方式|手提|座机|座機)(?!套餐|资费|資費|费|費|壳|殼|膜|型号|型號|价|價|款|维修|維修|品牌|屏|流量|上|里|裡|店|银行|銀行)/;

/** A count, an amount or an ordinal's 号 right after the last group: 「…1599元」「…1599分」「第…1599号」. */
const UNIT_AFTER = new RegExp(`^[ 　]*${FIGURE_UNIT}`);

/** A customer asking what something costs: their 「换个手机号，新号的套餐多少钱？」 asks for prices. */
const ASKS_PRICE = /多少钱|多少錢|幾多錢|几多钱|幾錢|价格|價格|价钱|價錢|费用|費用|资费|資費|收费|收費|贵不贵|貴唔貴/;

/**
 * Whether a joined mobile in utterance `u` (its text `text`) is a phone by the call's own words: in
 * the speaker's turn up to it (a pause may cut 「您的手机号是」 off the digits) or the customer's turn before.
 */
export function joinedMobileIsPhone(p: PreparedCall, u: number, text: string, n: PersonalNumber): boolean {
  if (UNIT_AFTER.test(text.slice(n.end))) return false;
  const asked = customerTurnBefore(p, u);
  const turn = turnUpTo(p, u, text);
  if (PHONE_WORD.test(turn) || (PHONE_WORD.test(asked) && !ASKS_PRICE.test(asked))) return true;
  if (CONFIRM_AFTER.test(text.slice(n.end, n.end + 6)) && !ASKS_PRICE.test(asked) && !ASKS_PRICE.test(turn)) return true;
  return customerGaveAsTheirs(p, u, n.digits);
}

/** A sentence said to its end: the utterance before it was no pause inside this one. */
const ENDS_SENTENCE = /[。！？!?]\s*$/;

/**
 * `text` (utterance u's, or u's joined to the next) after the speaker's utterances right before it
 * that a pause cut mid-sentence (「好的，您的手机号是」): not a finished sentence about something else.
 */
function turnUpTo(p: PreparedCall, u: number, text: string): string {
  const utterances = p.call.utterances;
  const speaker = utterances[u]?.speaker;
  let turn = text;
  for (let i = u - 1; i >= 0 && utterances[i]?.speaker === speaker && !ENDS_SENTENCE.test(utterances[i]?.text ?? ''); i--) turn = `${utterances[i]?.text ?? ''}${turn}`;
  return turn;
}

/** The customer's last turn before utterance `u` (their utterances in a row, joined). */
function customerTurnBefore(p: PreparedCall, u: number): string {
  const utterances = p.call.utterances;
  let i = u - 1;
  while (i >= 0 && utterances[i]?.speaker !== 'customer') i--;
  let turn = '';
  for (; i >= 0 && utterances[i]?.speaker === 'customer'; i--) turn = `${utterances[i]?.text ?? ''}${turn}`;
  return turn;
}

/**
 * Whether a customer utterance before `u` says these digits as a mobile of theirs: unbroken or spaced
 * (「13812345678」), or joined and called a phone there. Whose it is not (an order's, the company's)
 * is decided by the caller (personal-data.ts customerCalledItOthers).
 */
function customerGaveAsTheirs(p: PreparedCall, u: number, digits: string): boolean {
  for (let i = 0; i < u; i++) {
    const utterance = p.call.utterances[i];
    if (utterance?.speaker !== 'customer') continue;
    const said = findPersonalNumbers(utterance.text, ['mobile']).filter((m) => m.digits === digits);
    if (said.some((m) => !m.joined || PHONE_WORD.test(utterance.text))) return true;
  }
  return false;
}
