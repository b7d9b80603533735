/** Quotes cut to a window around the hit never cut through a number (a cut piece escapes masking). */
import { describe, expect, it } from 'vitest';
import { prepareCall } from '../../src/engine/index.js';
import { turnEvidence } from '../../src/engine/evidence.js';
import { maskPersonalData } from '../../src/report/mask.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const blame = rulesetOf(`  - id: complaint.no-blame
    category: complaint
    title: no blame
    points: 5
    forbid: { speaker: agent, phrases: [没办法] }
`);

const pad = (n: number): string => '嗯'.repeat(n);

describe('quote windows', () => {
  it('widens a cut that falls inside a number to the whole number, on both sides', () => {
    // The ±30 window starts 5 digits into the first number and ends 10 digits into the second.
    const text = `手机号是${pad(1)}13812345678${pad(24)}没办法${pad(20)}13987654321${pad(20)}`;
    const quote = judge(blame, callOf(`坐席：${text}`)).evidence[0]?.quote ?? '';
    expect(quote).toBe(`…13812345678${pad(24)}没办法${pad(20)}13987654321…`);
    expect(maskPersonalData(quote)).toBe(`…138****5678${pad(24)}没办法${pad(20)}139****4321…`);
  });

  it('widens over separators, full-width digits and Chinese numerals inside the number', () => {
    const text = `${pad(2)}１３８　１２３４　５６７８${pad(22)}没办法${pad(20)}一三九，八七六五，四三二一${pad(20)}`;
    const quote = judge(blame, callOf(`坐席：${text}`)).evidence[0]?.quote ?? '';
    expect(quote).toBe(`…１３８　１２３４　５６７８${pad(22)}没办法${pad(20)}一三九，八七六五，四三二一…`);
  });

  it('widens a cut through an e-mail address', () => {
    const text = `${pad(40)}没办法${pad(25)}zhang.san@qq.com${pad(20)}`;
    const quote = judge(blame, callOf(`坐席：${text}`)).evidence[0]?.quote ?? '';
    expect(maskPersonalData(quote)).toBe(`…${pad(30)}没办法${pad(25)}z***@qq.com…`);
  });

  it('keeps the ±30 window when the cut falls outside any number', () => {
    const text = `订单2026-10-01${pad(40)}没办法${pad(40)}金额1280元`;
    const quote = judge(blame, callOf(`坐席：${text}`)).evidence[0]?.quote ?? '';
    expect(quote).toBe(`…${pad(30)}没办法${pad(30)}…`);
  });

  it('a whole-turn quote cut at 80 characters runs on to the end of the number', () => {
    const call = callOf(`坐席：${pad(75)}13812345678${pad(10)}`);
    const quote = turnEvidence(prepareCall(call, blame), 0).quote;
    expect(quote).toBe(`${pad(75)}13812345678…`);
  });
});
