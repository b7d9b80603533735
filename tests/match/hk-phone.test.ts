/**
 * Hong Kong phone numbers (src/match/hk-phone.ts): eight digits count only after a phone word in
 * the customer's clause — the same digits as an order number, an amount or the shop's own line do not.
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
    '你嘅電話係 9123 4567 8901', // twelve digits: not a Hong Kong phone
    '金額係 9123 4567 元',
  ])('not a phone read out: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
