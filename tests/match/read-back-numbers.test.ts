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
