/**
 * A landline the agent reads back to the customer without naming whose it is: 「010-62345678对吗？」
 * 「您留的是0755-12345678是吧」「尾号5678……不，全号是010-62345678」「区号010，号码62345678，对吗？」.
 * A mobile needs no such words (its shape is enough: personal-numbers.ts); a landline has no shape
 * of its own, but a full number put to the customer as a question to confirm, or introduced as what
 * they left (留, 登记, 提供) or as the full number (全号), is theirs: the agent checks the customer's
 * details with the customer. Not the company's hotline, a courier's or the agent's own line (the
 * words before or after it say so: number-labels.ts), nor a number the agent dials or transfers to
 * (「我帮您转到010-62345678，对吗？」). 400/800/95… numbers have no area code and are never read so.
 */
import { AREA_WORD, areaCodeNumberAt } from './area-code-numbers.js';
import { groupsAt, numberIn } from './number-groups.js';
import { labelAfter, labelBefore } from './number-labels.js';
import type { PersonalNumber } from './personal-numbers.js';
import { digitValue } from '../model/numerals.js';

/** A landline with its area code: mainland 010-62345678, 0755-1234567; Taiwan 02-2345-6789, 037-123456. */
const LANDLINE = /^0[1-8][0-9]{7,10}$/;

/** A question put right after the number: 「对吗」「是吧」「係咪」「啱唔啱」, or 吗/吧 closing it. */
export const CONFIRM_AFTER =
  /^[\s，,、。…]{0,3}(?:对吗|对吧|对不对|对么|对嘛|是吗|是吧|是不是|是么|没错吧|没错吗|正确吗|對嗎|對吧|對不對|對嘛|是嗎|沒錯吧|沒錯嗎|正確嗎|係咪|係唔係|啱唔啱|啱嘛|啱嗎|[吗嗎吧][？?]?$|[吗嗎吧][？?，,。])/;

/** What the customer left or said, or the full number after its tail: 「您留的是」「您刚才说的是」「全号是」. */
const THEIRS_BEFORE =
  /(?:[你您](?:之前|以前|原来|原來|当时|當時|刚才|剛才)?(?:留|预留|預留|登记|登記|提供|填写|填寫|填|报|報|说|說)(?:给我们|給我們|给我|給我|咗)?(?:的|嘅)(?:是|係|为|為)|全号|全號|完整(?:的)?(?:号码|號碼))[是係为為：:\s]{0,3}$/;

/** The question put before the number: 「係咪98765432呀？」「係唔係…」. */
const ASKED_BEFORE = /(?:係咪|係唔係)\s?$/;

/** A number the agent dials, transfers or sends the customer to: 「转到」「拨打」「打这个」. */
const DIALLED_BEFORE = /(?:打|拨|撥|致电|致電|呼叫|转|轉|接|联系|聯繫|联络|聯絡)(?:到|给|給|一下|这个|這個|下面)?(?:号码|號碼|电话|電話)?[是係：:\s]{0,2}$/;

/** …or says it transfers the call there, after the question: 「010-62345678对吗？我帮您转过去」. */
const TRANSFER_AFTER = /^[^。！？!?]{0,6}[。！？!?，,\s]{0,2}[^。！？!?]{0,8}(?:帮您转|給您轉|给您转|幫您轉|为您转|為您轉|转接|轉接|转过去|轉過去)/;

/** Characters one of the cues above has: a cheap test before the scan. */
const CUE_CHARACTER = /[对對吗嗎吧么嘛係啱错錯留登提填报報说說全完]/;
const LATIN_LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;
const AREA_WORDS = new RegExp(AREA_WORD, 'g');

/** Landlines read back to the customer, as full phone numbers (kind mobile: a phone). */
export function findReadBackNumbers(text: string): PersonalNumber[] {
  if (!CUE_CHARACTER.test(text)) return [];
  const found: PersonalNumber[] = [];
  const starts = [...text.matchAll(AREA_WORDS)].map((m) => m.index ?? 0);
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text[i] as string) === undefined || continues(text, i)) continue;
    starts.push(i > 0 && (text[i - 1] === '(' || text[i - 1] === '（') ? i - 1 : i); // (010)62345678 starts at its bracket
  }
  for (const at of starts) {
    const number = areaCodeNumberAt(text, at) ?? numberIn(groupsAt(text, at), text, (d) => LANDLINE.test(d));
    if (!number || !LANDLINE.test(number.digits) || found.some((f) => f.start === number.start) || !readBackAt(text, number)) continue;
    found.push({ kind: 'mobile', start: number.start, end: number.end, digits: number.digits, certain: true, name: 'a full phone number' });
  }
  return found;
}

/** Whether the number is put to the customer to confirm as theirs: not dialled, transferred to or labelled someone else's. */
function readBackAt(text: string, number: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, number.start - 12), number.start);
  if (LATIN_LETTER.test(before.at(-1) ?? '') || DIALLED_BEFORE.test(before)) return false;
  if (labelBefore(text, number.start) || labelAfter(text, number.end)) return false; // an order's, the company's, a courier's, the agent's
  if (!CONFIRM_AFTER.test(text.slice(number.end, number.end + 6)) && !THEIRS_BEFORE.test(before) && !ASKED_BEFORE.test(before)) return false;
  return !TRANSFER_AFTER.test(text.slice(number.end, number.end + 20));
}

/** A local line without its area code: no 0 (the trunk prefix) or 1 (mobiles, service numbers) first. */
const LOCAL = /^[2-9][0-9]{6,7}$/;

/** A phone word right before the number: 「电话62345678对吗」「座机是…」「手機 9123 4567 啱唔啱」 — not a bare 号码 (会员号码, 工单号码). */
const PHONE_CALLED_BEFORE = /(?:电话|電話|座机|座機|市话|市話|固话|固話|手机|手機|手提|联系方式|聯絡方式|聯繫方式|联络方式)(?:号码|號碼|号|號)?[是係为為：:\s]{0,3}$/;

/**
 * A business or its staff, or a caller the customer asks about, named before: 「那家门店，电话62345678对吗」
 * reads back the shop's line, 「骚扰电话62345678」 a stranger's.
 */
export const SOMEONE_ELSES =
  /店|商家|公司|快递|快遞|师傅|師傅|骑手|騎手|网点|網點|医院|醫院|客服|热线|熱線|售后|售後|厂家|廠家|分行|支行|营业厅|營業廳|物业|物業|酒店|部门|部門|分机|分機|总机|總機|骚扰|騷擾|陌生|来电|來電|对方|對方/;
/** The phone word after a dialling verb: 「您刚才打的电话62345678对吗」 is the number the customer rang. */
const DIALLED_PHONE = /(?:打|拨|撥|呼叫|致电|致電|转|轉)(?:的|过的|過的|了|进来的|進來的)?(?:这个|這個|那个|那個)?(?:电话|電話|座机|座機|号码|號碼)/;

/** A local seven- or eight-digit line read back as a question (or as what the customer left); `called`: a phone word says it is a phone. */
export interface LocalReadBack extends PersonalNumber {
  called: boolean;
}

/**
 * Seven or eight digits put to the customer to confirm (「62345678对吗？」「电话62345678对吗？」). Bare, they
 * are as often a work order or an amount: personal data only when called a phone here (`called`, and
 * no business named before it) or when the customer gave them as their phone (src/engine/personal-data.ts).
 */
export function findLocalReadBacks(text: string): LocalReadBack[] {
  if (!CUE_CHARACTER.test(text)) return [];
  const found: LocalReadBack[] = [];
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text[i] as string) === undefined || continues(text, i)) continue;
    const number = numberIn(groupsAt(text, i), text, (d) => LOCAL.test(d));
    if (!number || !readBackAt(text, number)) continue;
    const before = text.slice(0, number.start);
    const called = PHONE_CALLED_BEFORE.test(before.slice(-12)) && !SOMEONE_ELSES.test(before) && !DIALLED_PHONE.test(before.slice(-12));
    found.push({ kind: 'mobile', start: number.start, end: number.end, digits: number.digits, certain: true, name: 'a full phone number', called });
  }
  return found;
}

/** Whether the digit at `i` goes on a number begun before it (a digit, or a separator after one, just before). */
function continues(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = text[j] as string;
    if (digitValue(c) !== undefined) return true;
    if (!/[ 　\-－，,.．、()（）]/.test(c)) return false;
  }
  return false;
}
