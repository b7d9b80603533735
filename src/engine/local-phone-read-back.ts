/**
 * A Hong Kong (or other eight-digit) phone the agent reads back to the customer: 「電話係98765432」
 * then 「同你確認下，新號碼係98765432，啱唔啱？」. An eight-digit number has no shape of its own (an
 * order or a policy number looks the same), so the agent's words alone never make it a phone
 * (src/match/named-numbers.ts needs 你/您 before the word). Here the customer's words do: an earlier
 * customer turn gave the very digits as their phone (電話, 手機, 號碼 …, not 單號碼). Read back in
 * full it is the leak a mainland or Taiwan mobile read back is (personal-data.ts `customerTurn`).
 */
import { labelAfter, labelBefore } from '../match/number-labels.js';
import type { PersonalNumber } from '../match/personal-numbers.js';
import { digitValue } from '../model/numerals.js';
import type { PreparedCall } from './prepare.js';

/** Eight Arabic digits, one space or dash allowed in the middle (9876 5432), not part of a longer run. */
const EIGHT_DIGITS = /(?<![0-9０-９])([2-9][0-9]{3})[ \-]?([0-9]{4})(?![0-9０-９])/g;

/** The customer naming their phone right before it: 「電話係」「我手機號碼：」「new number is」. */
const PHONE_BEFORE = /(?:电话|電話|手机|手機|手提|号码|號碼|联络|聯絡|联系|聯繫|whatsapp|phone|number)[^0-9０-９]{0,4}$/i;

/** Eight-digit numbers in agent utterance `u` that a customer turn before gave as their phone. */
export function findLocalPhoneReadBacks(p: PreparedCall, u: number): PersonalNumber[] {
  const utterances = p.call.utterances;
  const text = utterances[u]?.text ?? '';
  if (utterances[u]?.speaker !== 'agent' || !/[0-9]{4}/.test(text)) return [];
  const found: PersonalNumber[] = [];
  for (const m of text.matchAll(EIGHT_DIGITS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const digits = `${m[1]}${m[2]}`;
    if (labelBefore(text, start) || labelAfter(text, end)) continue; // an order's, the company's, a courier's
    if (!customerGaveAsPhone(p, u, digits)) continue;
    found.push({ kind: 'mobile', start, end, digits, certain: true, name: 'a full phone number' });
  }
  return found;
}

/** Whether a customer turn before `u` said these digits right after naming a phone, and no order's or company's. */
function customerGaveAsPhone(p: PreparedCall, u: number, digits: string): boolean {
  for (let i = 0; i < u; i++) {
    const said = p.call.utterances[i];
    if (said?.speaker !== 'customer') continue;
    const at = digitStart(said.text, digits);
    if (at === undefined) continue;
    const before = said.text.slice(Math.max(0, at - 12), at);
    if (PHONE_BEFORE.test(before) && !labelBefore(said.text, at)) return true;
  }
  return false;
}

/** Where these digits start in the text, separators between them skipped. */
function digitStart(text: string, digits: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text[i] as string) === undefined || (i > 0 && digitValue(text[i - 1] as string) !== undefined)) continue;
    let k = 0;
    for (let j = i; j < text.length && k < digits.length; j++) {
      const d = digitValue(text[j] as string);
      if (d === undefined) {
        if (/[ \-]/.test(text[j] as string)) continue;
        break;
      }
      if (String(d) !== digits[k]) break;
      k++;
    }
    if (k === digits.length && !endsInDigit(text, i, digits.length)) return i;
  }
  return undefined;
}

/** Whether the run of digits begun at `i` goes on past `count` digits (the customer's number is longer). */
function endsInDigit(text: string, i: number, count: number): boolean {
  let k = 0;
  for (let j = i; j < text.length; j++) {
    if (digitValue(text[j] as string) !== undefined) {
      k++;
      if (k > count) return true;
    } else if (!/[ \-]/.test(text[j] as string)) return false;
  }
  return false;
}
