/**
 * Whether the customer gave a number as their phone earlier in the call: 「我家座机是62345678」, or
 * 「62345678」 in answer to 「您的联系电话是？」. Seven or eight bare digits the agent reads back
 * (「62345678对吗？」: src/match/read-back-numbers.ts findLocalReadBacks) have no shape of a phone; the
 * customer's own words make them one. A number the customer called a work order or anything else is not.
 */
import { groupsAt, numberIn } from '../match/number-groups.js';
import { labelBefore } from '../match/number-labels.js';
import { SOMEONE_ELSES } from '../match/read-back-numbers.js';
import { digitValue } from '../model/numerals.js';
import type { PreparedCall } from './prepare.js';
import { questionBefore } from './turns.js';

/** A phone word right before the number, in the customer's words: 「我家电话是」「座机：」「手機係」;
 * 「我想改联系电话，新号码是」: the phone named, then its new number. */
const PHONE_SAID_BEFORE = /(?:电话|電話|座机|座機|市话|市話|固话|固話|手机|手機|手提|联系方式|聯絡方式|聯繫方式|联络方式)(?:[，,\s]?(?:新的?|现在的?|現在的?)?(?:号码|號碼|号|號))?(?:是|係|为|為|[：:，,\s])*$/;

/** Any other number's word right before it, in an answer to a phone question: 「座机…，会员号87654321」. */
const OTHER_LABEL_BEFORE = /(?:号|號|码|碼)(?:是|係|为|為|[：:，,\s])*$/;

/** The agent asking for a phone: 「您的联系电话是？」「留个座机吧」 — not for an order's number (工单号, 订单号). */
const ASKS_FOR_PHONE = /电话|電話|座机|座機|手机|手機|手提|联系方式|聯絡方式|聯繫方式|联络方式|怎么联系|點樣聯絡/;
const ASKS_FOR_OTHER = /[单單](?:号|號)|编号|編號|工单|工單|卡号|卡號|账号|賬號|帐号|帳號|会员|會員|密码|密碼|验证码|驗證碼/;

/** Whether a customer utterance before `u` says these digits, as one whole number, as their phone. */
export function customerGaveAsPhone(p: PreparedCall, u: number, digits: string): boolean {
  const utterances = p.call.utterances;
  for (let i = 0; i < u; i++) {
    const text = utterances[i]?.speaker === 'customer' ? (utterances[i]?.text ?? '') : '';
    const at = wholeNumberAt(text, digits);
    if (at < 0 || labelBefore(text, at)) continue; // 「我的工单号是…」「你们客服电话…」
    if (calledTheirPhone(text, at)) return true;
    if (!OTHER_LABEL_BEFORE.test(text.slice(Math.max(0, at - 6), at)) && answersPhoneQuestion(p, i)) return true;
  }
  return false;
}

/**
 * Whether the phone word before the number at `at` makes it the customer's: 「我家座机是…」「电话：…」 —
 * not 「有个陌生电话62345678」「那家店我去过，电话62345678」, unless 我 owns the phone word (我家电话).
 */
function calledTheirPhone(text: string, at: number): boolean {
  const near = text.slice(Math.max(0, at - 12), at);
  const word = PHONE_SAID_BEFORE.exec(near);
  if (!word) return false;
  const lead = text.slice(0, at - near.length + word.index);
  return MINE_BEFORE.test(lead) || !SOMEONE_ELSES.test(lead);
}

/** 我 right before the phone word, with at most whose, where and which: 「我家」「我自己的」「我现在的联系」. */
const MINE_BEFORE = /我(?:自己)?(?:家里|家裡|家|屋企)?(?:的|嘅)?(?:新的?|现在的?|現在的?)?(?:联系|聯絡|聯繫|常用|备用|備用|住宅|住家|办公室|辦公室|单位|單位)?$/;

/** Where these digits stand in the text as a number of their own (not inside a longer one), or -1. */
function wholeNumberAt(text: string, digits: string): number {
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text[i] as string) === undefined) continue;
    if (i > 0 && digitValue(text[i - 1] as string) !== undefined) continue;
    const number = numberIn(groupsAt(text, i), text, (d) => d === digits);
    if (number) return number.start;
  }
  return -1;
}

/** Whether customer utterance `i` answers the agent's question for a phone: the agent's last turn before it asked for one. */
function answersPhoneQuestion(p: PreparedCall, i: number): boolean {
  const asked = questionBefore(p, i);
  return ASKS_FOR_PHONE.test(asked) && !ASKS_FOR_OTHER.test(asked);
}
