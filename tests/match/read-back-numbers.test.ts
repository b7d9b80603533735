/**
 * Numbers read back without the words that usually name them (src/match/read-back-numbers.ts,
 * part-numbers.ts), and the label said after a number (number-labels.ts labelAfter): a confirmation
 * question, 「您留的是」, a mobile read in parts with 前三位/中间/后四位, 「…是订单号」「…是您的座机吧」.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, personalNumberSpans } from '../../src/match/personal-numbers.js';
import { maskPersonalData } from '../../src/report/mask.js';

function found(text: string): string[] {
  return findPersonalNumbers(text).map((n) => text.slice(n.start, n.end));
}

describe('a label said after the number', () => {
  it.each([
    '您的区号是0755，12345678是订单号',
    '查到了，13812345678是您的订单号，已经发货了。',
    '13812345678是快递员的电话，您可以联系他。',
    '13812345678就是运单号',
    '13812345678，这个是快递单号',
    '+86 138 1234 5678是我们的客服电话',
  ])('not personal data: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    // The label belongs to the number after it.
    ['13812345678，订单号是2026101500123', '13812345678'],
    ['13812345678是不是订单号？不是，是您的手机', '13812345678'],
    ['您登记的座机是010-12345678，订单号20261015', '010-12345678'],
  ])('still read out: %s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });
});

describe('the owner and the phone word said after the number', () => {
  it.each([
    ['12345678是您的座机吧？', '12345678'],
    ['010-62345678是您家里的电话吧？', '010-62345678'],
    ['您的区号是0755，12345678是您的座机吧', '0755，12345678'],
    ['2345 6789係你屋企電話，啱唔啱？', '2345 6789'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    '12345678是我们的座机',
    '12345678是您的订单号',
    '12345678是您的座机后八位', // a part of the number, not the number
    '1234是您的座机吧', // too short for a line
  ])('not a phone read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a landline read back to the customer', () => {
  it.each([
    ['010-62345678对吗？', '010-62345678'],
    ['零幺零，六二三四五六七八，对吧？', '零幺零，六二三四五六七八'],
    ['您留的是0755-12345678是吧？', '0755-12345678'],
    ['您刚才说的是(010)62345678', '(010)62345678'],
    ['尾号5678……不，全号是010-62345678。', '010-62345678'],
    ['区号010，号码62345678，对吗？', '010，号码62345678'],
    ['您打过来的是010-62345678对吗', '010-62345678'], // the line the customer calls from
    ['是02-2345-6789嗎？', '02-2345-6789'],
    ['02-2345-6789，啱唔啱？', '02-2345-6789'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    '0755-12345678。', // no question, no word that makes it the customer's
    '我的座机是010-62345678，对吧？您记一下，分机8001。',
    '网点电话是010-62345678，对吧，您打这个就行。',
    '我帮您转到010-62345678，对吗？',
    '010-62345678对吗？我帮您转过去。', // the line the customer asks to reach
    '您拨打010-62345678就可以，对吧？',
    '010-62345678是我们的客服电话吧？',
    '您的订单号是01062345678对吗',
    '01062345678是订单号对吗',
    '4008201234对吧',
    '95588对吗',
    'SF01062345678对吗',
  ])('not read back: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('masks what it finds, in reports as in spans', () => {
    const text = '区号010，号码62345678，对吗？';
    expect(personalNumberSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['010，号码62345678']);
    expect(maskPersonalData('010-62345678对吗？')).toBe('010-****5678对吗？');
    expect(maskPersonalData('零幺零，六二三四五六七八，对吧？')).toBe('零幺零，****五六七八，对吧？');
  });
});

describe('a mobile read in parts named by where they sit', () => {
  it.each([
    ['前三位138，中间1234，后四位5678，对吗？', '138，中间1234，后四位5678'],
    ['前三位是幺三八，中间四位是幺二三四，最后四位是五六七八。', '幺三八，中间四位是幺二三四，最后四位是五六七八'],
    ['138，然后1234，尾号5678', '138，然后1234，尾号5678'],
    ['前三位138中间1234后四位5678', '138中间1234后四位5678'],
    ['前七位1381234，后四位5678', '1381234，后四位5678'],
    ['前三位138，后八位12345678', '138，后八位12345678'],
    ['您的手机前三位138，中间1234，后四位5678', '138，中间1234，后四位5678'],
  ])('%s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    '前三位138，尾号5678，对吗？', // the masked form: no middle
    '您的手机尾号5678，对吗？',
    '前四位138，中间1234，后四位5678', // the count said does not fit the part
    '工号1380，中间1234，后面5678', // no mobile's parts
    '快递员电话前三位138，中间1234，后四位5678',
    '订单号前三位138，中间1234，后四位5678',
  ])('not a full mobile: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('masks the parts as one number, counts kept', () => {
    expect(maskPersonalData('前三位138，中间1234，后四位5678，对吗？')).toBe('前三位138，中间****，后四位5678，对吗？');
    expect(maskPersonalData('前三位是幺三八，中间四位是幺二三四，最后四位是五六七八。')).toBe('前三位是幺三八，中间四位是****，最后四位是五六七八。');
    expect(maskPersonalData('快递员电话前三位138，中间1234，后四位5678')).toBe('快递员电话前三位138，中间****，后四位5678');
  });
});

describe('a local line without its area code, read back as a question', () => {
  it.each([
    ['电话62345678对吗？', '62345678'],
    ['好的，座机是6234 5678，对吗？', '6234 5678'],
    ['手機9123 4567啱唔啱', '9123 4567'],
  ])('called a phone as it is read back: %s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    '62345678对吗？', // called nothing: the customer's words decide (src/engine/customer-phones.ts; conduct.privacy examples)
    '工单12345678对吗？',
    '订单号62345678对吗？',
    '朝阳路那家门店，电话62345678对吗？',
    '电话是62345678，您记一下。',
    '我帮您转到电话62345678，对吗？',
    '您要投诉的骚扰电话62345678对吗？',
    '您刚才打的电话62345678对吗？',
  ])('not personal data by its own words: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
