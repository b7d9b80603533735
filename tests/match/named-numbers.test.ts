/**
 * Numbers only the words before them make personal (src/match/named-numbers.ts): a landline, a
 * Hong Kong or local eight-digit phone, a bank account count only when the agent names them the
 * customer's (你/您 …, then the phone or account word) — the same digits as an order number, an
 * amount, a date, the shop's line or someone else's phone do not.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';

function found(text: string): Array<[string, string, string | undefined]> {
  return findPersonalNumbers(text).map((n) => [n.kind, text.slice(n.start, n.end), n.name]);
}

describe('findPersonalNumbers: a Hong Kong phone number read out', () => {
  it.each([
    ['你登記嘅電話係 9123 4567，啱唔啱？', '9123 4567'],
    ['你登記嘅電話係91234567，啱唔啱？', '91234567'],
    ['您的手機號碼是 6123-4567 對嗎', '6123-4567'],
    ['你嘅聯絡電話係九一二三四五六七', '九一二三四五六七'],
    ['你手機係 5123 4567，2個包裹聽日到', '5123 4567'],
    ['你嘅電話係咪 9123 4567 呀？', '9123 4567'],
    ['你嘅號碼係 9123 4567，啱嘛？', '9123 4567'],
    ['你部手機號碼係 9123 4567，啱唔啱？', '9123 4567'],
    ['你呢個電話 9123 4567 係咪仲用緊？', '9123 4567'],
    // Home and office lines start with 2 or 3.
    ['你屋企電話係 2345 6789，啱唔啱？', '2345 6789'],
    ['你登記咗嘅電話係 3123-4567', '3123-4567'],
    // A new or old number is still the customer's: 「你新電話係…」「您的新手机号是…」「你舊電話」
    ['好，你新電話係61234567，我幫你改咗。', '61234567'],
    ['你嘅新聯絡電話係 6123 4567', '6123 4567'],
    ['你舊電話係 9123 4567，已經取消咗。', '9123 4567'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([['mobile', number, 'a full phone number']]);
  });

  it.each([
    '你張訂單號碼係 9123 4567，聽日寄出。',
    '你嘅訂單係91234567，聽日寄出。',
    '你嘅訂單號碼係 9123 4567',
    '我嘅號碼係 9123 4567，有嘢搵我',
    '你可以打我哋門市電話 9123 4567 查詢',
    '你可以打熱線電話 2345 6789',
    '你嘅手機尾號係4567',
    '你新訂單號碼係 9123 4567', // an order, new or not
    '新電話係 9123 4567 嘅客人已經搵咗我哋', // nobody named its owner
    '你嘅電話係 9123 4567 8901', // twelve digits: not a Hong Kong phone
    '金額係 9123 4567 元',
    // Someone else's phone the customer is told to ring: 你 is not its owner.
    '你打呢個電話 9123 4567 搵師傅就得。',
    '你可以打分店電話 9123 4567。',
  ])('not a phone read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPersonalNumbers: a landline read out', () => {
  it.each([
    ['您登記的市話是02-2345-6789，對嗎？', '02-2345-6789'],
    ['您登記的電話是(02)2345-6789，對嗎？', '(02)2345-6789'],
    ['您登記的電話是（04）2234-5678', '（04）2234-5678'],
    ['您的電話是04-2234-5678，3天內會有人聯絡', '04-2234-5678'],
    ['您家裡的電話是零二，二三四五，六七八九，對嗎？', '零二，二三四五，六七八九'],
    ['您的住家電話是037-123456', '037-123456'],
    ['您登记的座机是010-12345678，对吗？', '010-12345678'],
    ['您登记的座机是0755-1234 5678，2个包裹', '0755-1234 5678'],
    ['您之前留的联系电话是零七五五，一二三四，五六七八', '零七五五，一二三四，五六七八'],
    ['您在我們這邊登記的電話是 2345 6789', '2345 6789'],
    ['您家电话是 8765 4321', '8765 4321'],
    ['您家裡的市話是 234-5678', '234-5678'],
    ['您这个座机010-62345678还在用吗？', '010-62345678'],
    // An extension after a dash: the line is read out, the extension is no part of it.
    ['您的座机是010-12345678-8001，对吗？', '010-12345678'],
    ['您登記的市話是(02)2345-6789-123，對嗎？', '(02)2345-6789'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([['mobile', number, 'a full phone number']]);
  });

  it('a mobile after a phone word keeps the name of a mobile', () => {
    expect(found('您的手機是 0912-345-678')).toEqual([['mobile', '0912-345-678', undefined]]);
    expect(found('您的手机号是13812345678，2个包裹')).toEqual([['mobile', '13812345678', undefined]]);
  });

  it.each([
    '我們的客服電話是02-2345-6789',
    '请您拨打客服电话010-12345678',
    '您撥打的電話是02-2345-6789，已停機',
    '您可以打分行的電話02-2345-6789',
    '您可以打网点的电话010-12345678问一下',
    '您可以打我们总机010-12345678-8001',
    '你嘅電話係 9123-4567-8901', // twelve digits: no local phone with an extension (that needs an area code)
    '您的电话是 010-1234-5678-9012-3456', // too long for a line and an extension
    '您的訂單號碼是 0223456789',
    '您的快遞單號碼是 23456789',
    '您的工單號碼係 23456789',
    '您的電話費是 2345678',
    '您的電話號碼尾號是 5678',
    '您的電話是 2026-10-15 登記的',
    '您的電話是 2345 6789 8901 嗎',
    '我的工號是 02345678',
  ])('not the customer’s phone read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPersonalNumbers: a landline read out with its area code said apart', () => {
  it.each([
    ['您登记的座机是区号010，号码12345678，对吗？', '010，号码12345678'],
    ['您的座机区号010，号码是12345678对吧？', '010，号码是12345678'],
    ['您登记的区号是021，号码是6234 5678。', '021，号码是6234 5678'],
    ['您留的电话是区号0755，电话号码87654321。', '0755，电话号码87654321'],
    ['您登記的市話是區碼02，電話2345-6789，對嗎？', '02，電話2345-6789'],
    ['您家裡的電話區號是04，然後是2234-5678', '04，然後是2234-5678'],
    ['您的座机，区号010，号码62345678。', '010，号码62345678'],
    ['您登記的電話區碼零二，電話二三四五，六七八九。', '零二，電話二三四五，六七八九'],
    ['您的座机区号010，号码12345678转8001。', '010，号码12345678'],
    ['您家里的座机区号是零幺零，后面是八位，幺二三四五六七八。', '零幺零，后面是八位，幺二三四五六七八'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([['mobile', number, 'a full phone number']]);
  });

  it.each([
    '您可以拨打我们的客服热线，区号010，号码12345678。',
    '请拨打区号010，电话12345678咨询。',
    '您的座机区号是010对吧？号码我就不念了。',
    '您的座机区号010，分机8001。',
    '您的座机区号010，号码尾号5678。',
    '您的座机区号010，订单号12345678。',
  ])('not the customer’s landline read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPersonalNumbers: a bank account read out', () => {
  it.each([
    ['您的郵局帳號是00012345678901，對嗎？', '00012345678901'],
    ['您在郵局的帳號是00012345678901', '00012345678901'],
    ['您的帳號是012345678901，3天內入帳', '012345678901'],
    ['您的帳號是0123-4567-8901-23，對嗎？', '0123-4567-8901-23'],
    ['退到您绑定的银行账号 0123-4567-8901，3个工作日到账', '0123-4567-8901'],
    ['您的退款帳號是 700-0001-2345678', '700-0001-2345678'],
    ['你嘅戶口號碼係 012-345678-001，啱唔啱？', '012-345678-001'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([['bank_card', number, 'a bank-account number']]);
  });

  it.each([
    '补运费请汇到帐号012345678901',
    '我們的帳號是 012345678901',
    '您可以匯款到帳號 012345678901',
    '您的宽带账号是07551234567',
    '您的會員帳號是 0212345678',
    '您的帳號是 0123456789AB',
    '您的帳號末四碼是1234',
    '您的帳戶餘額是 1234567890 元',
    '您的帳號是 2026年10月15日開的',
    '您的帳單金額是 12345678 元',
  ])('not the customer’s account read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads only the kinds asked for', () => {
    expect(findPersonalNumbers('您的帳號是012345678901，您的電話是02-2345-6789', ['mobile']).map((n) => n.digits)).toEqual(['0223456789']);
    expect(findPersonalNumbers('您的帳號是012345678901，您的電話是02-2345-6789', ['id_card'])).toEqual([]);
  });
});
