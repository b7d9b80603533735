/**
 * Numbers that only the words before them make personal: a landline (「您登記的市話是
 * (02)2345-6789」「您登记的座机是010-12345678」), a Hong Kong or local eight-digit phone (「你登記嘅電話係
 * 9123 4567」), a bank account (「您的郵局帳號是00012345678901」). None has a prefix or a check
 * digit that tells it from an order number, an amount or a shop's line, so one counts only when the
 * agent names it the customer's: 你/您, then at most a possessive or registering word (的, 嘅,
 * 登記的, 之前留的, 綁定的, 在郵局的) and a qualifier (聯絡, 住家, 銀行, 退款 …), then the phone or account
 * word, 是/係, the number. 「你打呢個電話 9123 4567」「您可以匯款到帳號…」「我們的客服電話…」 name
 * no one's. Counted as a `mobile` (「a full phone number」) and a `bank_card` (「a bank-account
 * number」) by the personal-number detector (personal-numbers.ts). Reports mask every number
 * after such a word, whoever's it is (namedNumberShapes).
 */
import { NUMERAL } from '../model/numerals.js';
import { AREA_WORD, areaCodeNumberAt } from './area-code-numbers.js';
import { internationalNumberAt } from './international-numbers.js';
import { groupsAt, numberIn } from './number-groups.js';
import { labelAfter, labelBefore } from './number-labels.js';
import type { PersonalNumber, PersonalNumberKind } from './personal-numbers.js';

/** Words that introduce a phone number (also masking's, src/report/mask.ts). */
export const PHONE_WORD =
  '(?:手提电话|手提電話|电话|電話|手机|手機|座机|座機|市话|市話|固话|固話|手提|联系方式|聯絡方式|聯繫方式|联络方式|号码|號碼)';
/** What the phone is for, between 您的 and 电话: 「您的收货电话」「您的緊急聯絡人電話」 are the customer's too. */
const PHONE_QUALIFIER =
  '(?:联系|聯繫|联络|聯絡|常用|备用|備用|住宅|住家|家用|家里|家裡|屋企|办公室|辦公室|公司|单位|單位|工作|登记|登記|预留|預留|注册|註冊|绑定|綁定|' +
  '收货|收貨|收件|送货|送貨|紧急联系人|緊急聯絡人|緊急聯繫人)?';
const ACCOUNT_WORD = '(?:帐号|帳號|账号|賬號|帐户|帳戶|账户|賬戶|户口|戶口)';
const ACCOUNT_QUALIFIER = '(?:银行|銀行|邮局|郵局|邮政|郵政|存折|存摺|收款|退款|汇款|匯款|扣款|转账|轉帳)?';
/**
 * The customer as owner, right before the word: 你/您, then at most when, where, how it came to be
 * theirs (之前, 现在, 原來; 在郵局; 登記 咗) and a possessive or a pointer (的, 嘅, 你部手機, 您这个座机), and
 * whether it is new or old (「你新電話係…」「您的旧手机」) — 「您可以打分店的電話」「你打呢個電話」 do not fit.
 */
const OWNER =
  '[你您](?:之前|以前|原来|原來|现在|現在|目前|当时|當時|刚才|剛才)?(?:在[^\\s，。！？；,!?;你您]{1,8}?)?(?:登记|登記|留|预留|預留|绑定|綁定|提供|填写|填寫|填|名下|开户|開戶|申请|申請|家里|家裡|屋企|家|公司)?(?:咗|了|过|過)?(?:的|嘅|个|個|之|部|呢個|呢个|这个|這個)?(?:新|旧|舊|另一个|另一個)?';
/** Between the word and the number: 「是」「係咪」「：」. */
const FILLER = '(?:是不是|係唔係|係咪|[是係系为為：:\\s　]){0,3}';

const NAMED = new RegExp(
  `(${OWNER})?(?:${PHONE_QUALIFIER}${PHONE_WORD}|${AREA_WORD}|${ACCOUNT_QUALIFIER}(${ACCOUNT_WORD}))(?:号码|號碼|号|號)?${FILLER}(?=(?:[，,、]?${AREA_WORD}${FILLER})?[(（]?[+＋]?${NUMERAL})`,
  'g',
);

/** The characters every word above has one of: a cheap test before the scan. */
const WORD_CHARACTER = /[话話机機码碼提号號户戶帐帳账賬式]/; // 区号 and 區碼 have one too

/** A landline with its area code (mainland 010-12345678, 0755 1234 5678; Taiwan 02-2345-6789, 037-123456). */
const LANDLINE = /^0[1-9][0-9]{7,10}$/;
/** A local number without area code: Hong Kong's eight digits (mobiles and 2…/3… lines), a city's 7–8. */
const LOCAL_PHONE = /^[2-9][0-9]{6,7}$/;
const MOBILE = /^1[3-9][0-9]{9}$/;
const TAIWAN_MOBILE = /^09[0-9]{8}$/;
const ACCOUNT = /^[0-9]{10,16}$/;

/** 「您的電話是2026-10-15登記的」: four, two and two digits are a date, never a phone's grouping. */
const WRITTEN_DATE = /^[0-9０-９]{4}[ 　\-－][0-9０-９]{1,2}[ 　\-－][0-9０-９]{1,2}$/;

const isPhone = (digits: string): boolean => LANDLINE.test(digits) || LOCAL_PHONE.test(digits) || MOBILE.test(digits);

interface Named extends PersonalNumber {
  /** The customer is named its owner (你/您 …) just before. */
  owned: boolean;
}

/** Every phone or account number right after its word, owned by the customer or not; none called an order number. */
export function namedNumberShapes(text: string, kinds: readonly PersonalNumberKind[] = ['mobile', 'bank_card']): Named[] {
  const found: Named[] = [];
  if (!WORD_CHARACTER.test(text)) return found;
  for (const m of text.matchAll(NAMED)) {
    const at = (m.index ?? 0) + m[0].length;
    const account = m[2] !== undefined;
    const kind: PersonalNumberKind = account ? 'bank_card' : 'mobile';
    if (!kinds.includes(kind)) continue;
    // 「您家里的座机是+86 10 1234 5678」: the country code says how the digits after it make a phone.
    const international = account ? undefined : internationalNumberAt(text, at, true);
    // 「您的座机区号010，号码12345678」: the area code and the number, said apart, are one landline.
    const apart = account || international ? undefined : areaCodeNumberAt(text, at);
    const number = international ?? apart ?? numberIn(groupsAt(text, at), text, account ? (d) => ACCOUNT.test(d) : isPhone);
    if (!number || labelBefore(text, number.start) === 'order' || labelAfter(text, number.end) === 'order' || WRITTEN_DATE.test(text.slice(number.start, number.end))) continue;
    const mobile = international ? international.mobile : MOBILE.test(number.digits) || TAIWAN_MOBILE.test(number.digits);
    const name = account ? 'a bank-account number' : mobile ? undefined : 'a full phone number';
    found.push({ kind, ...number, certain: true, ...(name ? { name } : {}), owned: m[1] !== undefined });
  }
  if (kinds.includes('mobile')) found.push(...ownedAfter(text));
  return found;
}

/** 「12345678是您的座机吧」「…，係你屋企電話」: the owner and the phone word after the number. */
const OWNED_AFTER = new RegExp(`[，,、 　]{0,2}(?:这个|這個)?(?:就是|就係|是|係|为|為)${OWNER}${PHONE_QUALIFIER}${PHONE_WORD}(?![尾末后後前中])`, 'g');
/** Called a phone in so many words, seven or eight digits are a local line even from 1 (区号…，号码12345678 reads so too). */
const CALLED_LOCAL = /^[1-9][0-9]{6,7}$/;
const RUN_CHARACTER = new RegExp(`${NUMERAL}|[ 　\\-－()（），,.．、]`);

/** Phones the words after them name the customer's: the longest run of groups ending right before those words. */
function ownedAfter(text: string): Named[] {
  const found: Named[] = [];
  for (const m of text.matchAll(OWNED_AFTER)) {
    const end = m.index ?? 0;
    let start = end;
    while (start > 0 && RUN_CHARACTER.test(text[start - 1] as string)) start--;
    const groups = groupsAt(text, start).filter((g) => g.end <= end);
    if (groups.at(-1)?.end !== end) continue;
    for (const [k, first] of groups.entries()) {
      if (k > 0 && first.afterComma && first.digits.length < 3) continue; // 「…，2，」 a count, no phone's head
      const digits = groups.slice(k).map((g) => g.digits).join('');
      if (!isPhone(digits) && !CALLED_LOCAL.test(digits)) continue;
      if (labelBefore(text, first.start) === 'order') break;
      const mobile = MOBILE.test(digits) || TAIWAN_MOBILE.test(digits);
      found.push({ kind: 'mobile', start: first.start, end, digits, certain: true, ...(mobile ? {} : { name: 'a full phone number' }), owned: true });
      break;
    }
  }
  return found;
}

/** The phone and account numbers the agent names the customer's: read out, a reviewer fails the call. */
export function findNamedNumbers(text: string, kinds: readonly PersonalNumberKind[]): PersonalNumber[] {
  return namedNumberShapes(text, kinds)
    .filter((n) => n.owned)
    .map(({ owned: _, ...n }) => n);
}
