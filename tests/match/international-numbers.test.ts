/**
 * Phone numbers written with a country code (src/match/international-numbers.ts): masked in
 * reports and, when the agent reads one out, found by conduct.privacy — with the code in the quote.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';
import { maskPersonalData } from '../../src/report/mask.js';

function found(text: string): Array<[string, string, string]> {
  return findPersonalNumbers(text).map((n) => [n.kind, text.slice(n.start, n.end), n.digits]);
}

describe('findPersonalNumbers: a mobile behind a country code', () => {
  it.each([
    ['您登記的手機是+886 912 345 678，對嗎？', '+886 912 345 678', '912345678'],
    ['手機 +886-912-345-678', '+886-912-345-678', '912345678'],
    ['您的手機是(+886)912345678', '(+886)912345678', '912345678'],
    ['手機是＋886 0912 345 678', '＋886 0912 345 678', '0912345678'],
    ['有，係(+852) 9123-4567，啱唔啱？', '(+852) 9123-4567', '91234567'],
    ['係 +852 6123 4567', '+852 6123 4567', '61234567'],
    ['係 00852 5123 4567', '00852 5123 4567', '51234567'],
    ['澳門手機 +853 6612 3456', '+853 6612 3456', '66123456'],
    ['核对一下，0086 138 1234 5678，对吗', '0086 138 1234 5678', '13812345678'],
    ['号码（+86）138-1234-5678', '（+86）138-1234-5678', '13812345678'],
    ['号码+8613812345678', '+8613812345678', '13812345678'],
  ])('%s', (text, number, digits) => {
    expect(found(text)).toEqual([['mobile', number, digits]]);
  });

  it('finds the customer’s chat number, or someone else’s mobile, behind a code: only the company’s own is given out freely', () => {
    expect(found('你嘅WhatsApp係 +852 9123 4567，啱唔啱？')).toEqual([['mobile', '+852 9123 4567', '91234567']]);
    expect(found('您可以联系我们的师傅 +86 139 8765 4321')).toEqual([['mobile', '+86 139 8765 4321', '13987654321']]);
  });

  it('finds a landline behind a code only when the agent names it the customer’s', () => {
    expect(found('您登記的市話是+886 2 2345 6789，對嗎？')).toEqual([['mobile', '+886 2 2345 6789', '223456789']]);
    expect(found('您家里的座机是+86 10 1234 5678')).toEqual([['mobile', '+86 10 1234 5678', '1012345678']]);
    expect(found('你登記嘅電話係(+852) 2345 6789')).toEqual([['mobile', '(+852) 2345 6789', '23456789']]);
    // After a phone word the code may be said without + or 00.
    expect(found('你嘅電話係 852 9123 4567，啱唔啱？')).toEqual([['mobile', '852 9123 4567', '91234567']]);
    expect(found('您登記的手機是 886 912 345 678')).toEqual([['mobile', '886 912 345 678', '912345678']]);
    expect(found('你打呢個電話 852 9123 4567')).toEqual([]); // someone else's, and a bare code proves nothing
    expect(found('你嘅電話係 85291234567')).toEqual([]); // glued: no code, and eleven digits are no Hong Kong phone
    expect(found('您可以打台北分店 +886 2 2345 6789 問一下')).toEqual([]);
    expect(found('香港寫字樓電話 +852 2345 6789')).toEqual([]);
  });

  it.each([
    '我们的客服电话是+86 138 1234 5678，海外拨打也可以', // the company's: the words before the code say so
    '我们的客服电话是0086 13812345678',
    '我們的服務熱線是+886 912 345 678',
    '訂單號是+86 13812345678',
    '客服WhatsApp：+852 9123 4567',
    '请拨打 +86 10086 查询', // too short for any phone
    '+852 1234 5678', // no Hong Kong number starts with 1
    '费用 +886 元',
    '10086 138', // 10086 is no 0086 prefix
  ])('%s: no personal number', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('maskPersonalData: a number behind a country code keeps the code and its own first digits', () => {
  it.each([
    ['您的手機是(+886)912345678', '您的手機是(+886)91*****78'],
    ['您的手機是+886 912 345 678', '您的手機是+886 91* *** *78'],
    ['核对一下0086 138 1234 5678', '核对一下0086 138 **** 5678'],
    ['我们的客服电话是0086 13812345678', '我们的客服电话是0086 138****5678'],
    ['係(+852) 9123-4567', '係(+852) 91**-**67'],
    ['請打 +886 2 2345 6789', '請打 +886 2 2*** **89'],
  ])('%s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
