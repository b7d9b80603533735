/**
 * The personal-number detector (src/match/personal-numbers.ts): full mobile, mainland ID-card and
 * bank-card numbers as agents read them out and recognisers write them — and the numbers that
 * only look like them (order numbers, amounts, two numbers a comma apart).
 */
import { describe, expect, it } from 'vitest';
import {
  findPersonalNumbers,
  idCheckCharacter,
  luhnValid,
  mayHoldPersonalNumber,
  personalNumberSpans,
  type PersonalNumberKind,
} from '../../src/match/personal-numbers.js';
import { prng } from '../../src/workflow/prng.js';

/** [kind, the number as written, certain] for each number found. */
function found(text: string, kinds?: PersonalNumberKind[]): Array<[PersonalNumberKind, string, boolean]> {
  return findPersonalNumbers(text, kinds).map((n) => [n.kind, text.slice(n.start, n.end), n.certain]);
}

describe('check digits', () => {
  it('computes the GB 11643 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('32010219851120456')).toBe('6');
    expect(idCheckCharacter('11010520000229001')).toBe('3');
  });

  it('checks Luhn', () => {
    expect(luhnValid('6222021234567894')).toBe(true);
    expect(luhnValid('6222021234567890')).toBe(false);
    expect(luhnValid('6228480012345678903')).toBe(true);
  });
});

describe('findPersonalNumbers: read out, found', () => {
  it.each([
    // A number next to another number a comma away stays itself (folding glued them together).
    ['您的手机号是13812345678，2个包裹都寄过去了', 'mobile', '13812345678'],
    ['身份证11010519491231002X，对吧，3天内', 'id_card', '11010519491231002X'],
    ['身份证320102198511204566，对吧，3天内', 'id_card', '320102198511204566'],
    ['号码1 3 8 1 2 3 4 5 6 7 8，2个包裹', 'mobile', '1 3 8 1 2 3 4 5 6 7 8'],
    // Separators the way people and recognisers write numbers.
    ['号码138-1234-5678对吗', 'mobile', '138-1234-5678'],
    ['号码 138 1234 5678 对吗', 'mobile', '138 1234 5678'],
    ['号码138，1234，5678对吗', 'mobile', '138，1234，5678'],
    ['号码138, 1234, 5678', 'mobile', '138, 1234, 5678'],
    ['号码 138 12345678', 'mobile', '138 12345678'],
    // Other groupings, with spaces or dashes only: a recogniser's space after 7 digits, 3-3-5, 4-3-4.
    ['您的手机号是1381234 5678，对吗', 'mobile', '1381234 5678'],
    ['您是1381234，5678吗', 'mobile', '1381234，5678'], // a pause after the number's block
    ['您的手机号是138-123-45678，对吗', 'mobile', '138-123-45678'],
    ['您的手机号是 1381 234 5678 对吗', 'mobile', '1381 234 5678'],
    ['号码是 1 3 8 1 2 3 4 5 6 7 8', 'mobile', '1 3 8 1 2 3 4 5 6 7 8'],
    ['号码是1，3，8，1，2，3，4，5，6，7，8', 'mobile', '1，3，8，1，2，3，4，5，6，7，8'],
    ['身份证 110105 19491231 002X', 'id_card', '110105 19491231 002X'],
    ['身份证 110105 1949 1231 002X', 'id_card', '110105 1949 1231 002X'],
    ['身份证 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X', 'id_card', '1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X'],
    ['您的卡号 6222 0212 3456 7894 对吧', 'bank_card', '6222 0212 3456 7894'],
    ['退到您的帳號 6222 0212 3456 7894', 'bank_card', '6222 0212 3456 7894'],
    ['卡 6228 4800 1234 5678 903', 'bank_card', '6228 4800 1234 5678 903'],
    ['6222021234567894', 'bank_card', '6222021234567894'],
    ['退到您尾号不是这张的卡 6217001234567890122 上', 'bank_card', '6217001234567890122'],
    // Full-width digits.
    ['手机１３８１２３４５６７８号', 'mobile', '１３８１２３４５６７８'],
    ['号码１３８　１２３４　５６７８', 'mobile', '１３８　１２３４　５６７８'],
    // Chinese numerals (ASR), also mixed with Arabic digits and in traditional script.
    ['我电话幺三八幺二三四五六七八', 'mobile', '幺三八幺二三四五六七八'],
    ['号码是一三八 一二三四 五六七八', 'mobile', '一三八 一二三四 五六七八'],
    ['号码是一三八，一二三四，五六七八', 'mobile', '一三八，一二三四，五六七八'],
    ['您的手機號碼是幺三八兩二三四五六七八，對嗎？', 'mobile', '幺三八兩二三四五六七八'],
    ['号码138幺二三四5678', 'mobile', '138幺二三四5678'],
    ['手机号13812345678一个字都不能错', 'mobile', '13812345678'],
    ['身份證號一一零一零五一九四九一二三一零零二叉', 'id_card', '一一零一零五一九四九一二三一零零二叉'],
    // A valid ID card in a grouping no shape lists: its province, birth date and check character prove it.
    ['您的身份证号是 110 105 1949 1231 002X，对吗？', 'id_card', '110 105 1949 1231 002X'],
    ['身份證號 1101 0519 4912 3100 2X', 'id_card', '1101 0519 4912 3100 2X'],
    // Country codes: part of the number, so the quote shows it.
    ['+86 138 1234 5678', 'mobile', '+86 138 1234 5678'],
    ['+8613812345678', 'mobile', '+8613812345678'],
    // Taiwan mobiles: 09 + 8 digits.
    ['您登記的手機是0912-345-678，對嗎', 'mobile', '0912-345-678'],
    ['您的手機號碼是0912345678嗎', 'mobile', '0912345678'],
    ['您留的電話是零九一二三四五六七八，對嗎', 'mobile', '零九一二三四五六七八'],
    ['手機 0912 345678', 'mobile', '0912 345678'],
    // A card number split by commas counts when the agent calls it a card.
    ['卡号6222，0212，3456，7894', 'bank_card', '6222，0212，3456，7894'],
    ['銀行卡號：6222，0212，3456，7894', 'bank_card', '6222，0212，3456，7894'],
  ] as const)('%s → %s', (text, kind, number) => {
    expect(found(text)).toEqual([[kind, number, true]]);
  });

  it('finds every number of a turn, in order', () => {
    expect(found('手机13812345678，身份证11010519491231002X，卡号6222021234567894')).toEqual([
      ['mobile', '13812345678', true],
      ['id_card', '11010519491231002X', true],
      ['bank_card', '6222021234567894', true],
    ]);
  });

  it('looks only for the kinds asked', () => {
    const text = '手机13812345678，身份证11010519491231002X';
    expect(found(text, ['id_card'])).toEqual([['id_card', '11010519491231002X', true]]);
    expect(found(text, ['bank_card'])).toEqual([]);
  });
});

describe('findPersonalNumbers: unsure (review)', () => {
  it('an ID-card number with a valid province and birth date but a wrong check digit (a misheard digit)', () => {
    const [n] = findPersonalNumbers('身份证110105194912310020，对吧，3天内');
    expect(n).toMatchObject({ kind: 'id_card', certain: false, doubt: 'its check digit is wrong' });
  });

  it('not an ID card whose check fails in a grouping no shape lists (110 105 1949 1231 0020): a list of numbers as likely', () => {
    expect(findPersonalNumbers('分别是 110 105 1949 1231 0020')).toEqual([]);
  });

  it('a number the agent calls a card that fails Luhn', () => {
    expect(findPersonalNumbers('卡号6222021234567890')).toEqual([expect.objectContaining({ kind: 'bank_card', certain: false })]);
    expect(findPersonalNumbers('您的銀行卡 6222 0212 3456 7890')).toEqual([expect.objectContaining({ kind: 'bank_card', certain: false })]);
  });
});

describe('findPersonalNumbers: not personal data', () => {
  it.each([
    // Order and waybill numbers: no province and birth date, no issuer, or called an order number.
    '订单号202311230001234567',
    '订单号是 202311230001234567，您记一下',
    '单号20231123000123456789',
    '您的订单号6228480012345678903已经发货',
    '訂單號：13812345678',
    '运单号码 13812345678',
    '流水号2013812345678901',
    '快递单号773012345678901234',
    // Card-shaped without the check: an order number that starts with an issuer digit.
    '6222021234567890',
    '3105542448838537730',
    // ID-shaped without a real birth date or province.
    '110105194902300012',
    '990105194912310028',
    // Two or three short numbers, never one.
    '工号1380，电话1234，分机5678',
    '号码1380，1234，5678',
    '138012345678',
    '金额分别是1500，1200，300元',
    // 4+4+3 and 3+3+5 with commas are amounts, whatever they add up to.
    '金额1380，1500，300',
    '金额138，150，30000',
    '金额6000，1500，2000，3000元',
    '价格分别是 100 200 300 400 500 元',
    '数量 1 2 3 4 5 6 7 8 9 10 11 12',
    // Tail numbers, dates, times, counts.
    '您的手机尾号是5678，对吗',
    '国庆节2026-10-01放假，10:30开门',
    '2026.10.01 10:30 到 2026.10.07 18:00',
    '第一二三四五条规定',
    '康泰鑫客服128号为您服务',
    '时间戳 1735689600 到 1735693200',
    '2026-09-15 0930',
    // Digits glued to Latin letters are a code (a waybill, a model), not a number on its own.
    '您的快递单号是SF13812345678',
    '型号ABC6222021234567894',
    // The company's own line, which the agent may give out.
    '我们的服务热线是0912-345-678',
    '您可以拨打我們的客服電話13812345678咨询',
    // …and the mobiles and chat numbers it names its own.
    '我们的客服微信是13812345678',
    '有问题可以打我们的客服手机13812345678',
    '我哋公司WhatsApp係 +852 6123 4567',
    '你可以WhatsApp我哋 +852 9123 4567',
    '我們的LINE客服是 +886 912 345 678',
    '我們的客服專線是0912-345-678',
    // …and its own account, given for a payment: a card's shape, no customer's card.
    '请您汇款到我们的账号6222021234567894',
    '請匯款到我們的帳號 6222 0212 3456 7894',
    '对公账户6222021234567894',
    '我哋公司嘅戶口號碼係 6222021234567894',
    '訂單號碼0912345678',
    // Tracking, pick-up, invoice, serial and booking numbers in a mobile's shape.
    '您的追蹤號碼是 0912345678',
    '您的包裹查询码是13812345678',
    '您的發票號碼是13812345678',
    '您的序號是13812345678',
    '您的預約號碼是 0912345678',
    // A mobile prefix inside a longer run: not a mobile.
    '12345678901234',
    '幺三八幺二三四五六七八九',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gaps wider than three separators end a number', () => {
    expect(found('号码138    1234    5678')).toEqual([]);
  });
});

describe('mayHoldPersonalNumber (the pre-test)', () => {
  it.each([
    ['您好，请问有什么可以帮您？', false],
    ['订单金额1280元，10月1日发货', false],
    ['工号173568960', false],
    ['0912345678', true], // a Taiwan mobile: the fewest digits of any kind
    ['1 2 3 4 5 6 7 8 9 10', true], // 11 digits a space apart: the full scan decides
    ['13812345678', true],
    ['幺三八幺二三四五六七八', true],
    ['138，1234，5678', true],
  ] as const)('%s → %s', (text, expected) => {
    expect(mayHoldPersonalNumber(text)).toBe(expected);
  });

  it('counts digits across gaps of up to three separators, not wider ones', () => {
    expect(mayHoldPersonalNumber('138 ， 1234 ， 5678')).toBe(true);
    expect(mayHoldPersonalNumber('138 ，  1234 ，  5678')).toBe(false);
    expect(mayHoldPersonalNumber('138 1234 56')).toBe(false);
    expect(mayHoldPersonalNumber('一三八一二三四五六七', 11)).toBe(false);
  });

  it('gives the answer of a plain left-to-right count on random text (it skips ahead)', () => {
    const DIGIT = /[0-9０-９零〇一二三四五六七八九幺两兩]/;
    const SEP = /[ 　\-－，,.．、]/;
    const reference = (text: string, min: number): boolean => {
      let run = 0;
      let gap = 0;
      for (const c of text) {
        if (DIGIT.test(c)) {
          if (++run >= min) return true;
          gap = 0;
        } else if (SEP.test(c) && run > 0 && ++gap <= 3) {
          continue;
        } else {
          run = 0;
          gap = 0;
        }
      }
      return false;
    };
    const rand = prng(11);
    const alphabet = [...'0123456789１３八幺兩 　-，,.、X您好号码是'];
    let positives = 0;
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(rand() * 40);
      const digitShare = rand();
      let text = '';
      for (let i = 0; i < length; i++) text += rand() < digitShare ? String(Math.floor(rand() * 10)) : alphabet[Math.floor(rand() * alphabet.length)];
      for (const min of [11, 16, 17]) {
        const want = reference(text, min);
        if (want) positives++;
        expect(mayHoldPersonalNumber(text, min), `${min}: ${text}`).toBe(want);
      }
    }
    expect(positives).toBeGreaterThan(1000);
  });

  it('asks for as many digits as the shortest kind asked for has', () => {
    expect(mayHoldPersonalNumber('6222 0212 3456 789', 16)).toBe(false);
    expect(mayHoldPersonalNumber('6222 0212 3456 7894', 16)).toBe(true);
    expect(found('13812345678', ['bank_card', 'id_card'])).toEqual([]);
  });
});

describe('personalNumberSpans (what reports mask)', () => {
  const spans = (text: string): string[] => personalNumberSpans(text).map((s) => text.slice(s.start, s.end));

  it('also takes numbers a rule would only review or not count: wrong check digit, no card label, order label', () => {
    expect(spans('110105194912310020')).toEqual(['110105194912310020']);
    expect(spans('6222，0212，3456，7890')).toEqual(['6222，0212，3456，7890']);
    expect(spans('订单号13812345678')).toEqual(['13812345678']);
    expect(spans('身份证 110 105 1949 1231 0020')).toEqual(['110 105 1949 1231 0020']);
  });

  it('leaves amounts and order numbers alone', () => {
    expect(spans('金额分别是1280，1500，2000，3000元')).toEqual([]);
    expect(spans('订单号202311230001234567')).toEqual([]);
  });
});
