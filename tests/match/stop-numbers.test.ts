/**
 * Numbers the recogniser cut with full stops (src/match/stop-numbers.ts): joined by the rules'
 * detector only as a whole mobile (3+4+4) or a whole ID card whose checks hold.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';
import { maskPersonalData } from '../../src/report/mask.js';

function found(text: string): string[] {
  return findPersonalNumbers(text).map((n) => `${n.kind}:${n.digits}`);
}

describe('a number cut by full stops', () => {
  it.each([
    ['138。1234。5678', 'mobile:13812345678'],
    ['好的。138。1234。5678。对吗？', 'mobile:13812345678'],
    ['幺三八。幺二三四。五六七八，对吧？', 'mobile:13812345678'],
    ['138，1234。5678', 'mobile:13812345678'],
    ['110105。19491231。002X，对吗？', 'id_card:11010519491231002X'],
    ['110105。1949。1231。002X', 'id_card:11010519491231002X'],
  ])('read out: %s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    '分别是1380。1500。300。', // amounts
    '分三笔扣的，138。1234。5678元。', // amounts, with their unit
    '预计2026。10。15。到货。', // a date
    '第3。5。7项', // a list
    '123。4567。8901', // no mobile prefix
    '138。1234。56789', // too long
    '1。138。1234。5678', // part of a longer list
    '110105。1949。1231。0021', // the ID's check character fails
    '订单号138。1234。5678', // called an order number
    '138。1234。5678是快递员的电话',
  ])('not joined: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('masks what it joins', () => {
    expect(maskPersonalData('好的。138。1234。5678。对吗？')).toBe('好的。138。****。5678。对吗？');
  });
});
