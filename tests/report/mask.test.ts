import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/report/mask.js';

describe('maskPersonalData', () => {
  it.each([
    ['我的手机是13812345678，谢谢', '我的手机是138****5678，谢谢'],
    ['号码 138-1234-5678 对吗', '号码 138-****-5678 对吗'],
    ['号码 138 1234 5678 对吗', '号码 138 **** 5678 对吗'],
    ['座机010-12345678找我', '座机010-****5678找我'],
    ['身份证11010519491231002X', '身份证110***********002X'],
    ['身份证号110105194912310021。', '身份证号110***********0021。'],
    ['卡号6222021234567890123', '卡号622************0123'],
    ['卡号 6222 0212 3456 7890', '卡号 622* **** **** 7890'],
    ['邮箱 zhangsan@example.com 收到', '邮箱 z***@example.com 收到'],
    ['我电话一三八一二三四五六七八', '我电话一三八****五六七八'],
    ['幺三九八七六五四三二幺零', '幺三九*****三二幺零'],
    ['一三八，一二三四，五六七八', '一三八，****，五六七八'],
    ['号码是 一 三 八 一 二 三 四 五 六 七 八', '号码是 一 三 八 * * * * 五 六 七 八'],
    ['（0755）1234567转分机', '（075*）***4567转分机'],
    ['电话 0755-1234567', '电话 075*-***4567'],
    ['+86 138 1234 5678', '+86 138 **** 5678'],
    ['+8613812345678', '+861******5678'],
    ['全角１３８１２３４５６７８号', '全角１３８****５６７８号'],
    ['流水号12345678901234567890123', '流水号123****************0123'],
    ['邮件 13812345678@qq.com', '邮件 1***@qq.com'],
    ['110105 19491231 002X 是身份证', '110*** ******** 002X 是身份证'],
    // The shortest shapes, 10 digits: the cheap pre-test must still let them through.
    ['（010）1234567', '（010）***4567'],
    ['座机010-1234567', '座机010-***4567'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    '订单金额1280元，10月1日发货',
    '国庆节2026-10-01放假，10:30开门',
    '康泰鑫客服128号为您服务',
    '订单号2026100112请核对',
    '第一二三四五条规定',
    '价格分别是 100 200 300 400 500 元',
    '从2026-10-01 2026-10-07都休息',
    '您好，请问有什么可以帮您？',
    '4 silences longer than 10.0 s: 00:38.8–01:08.8 (30.0 s) between turn 7 and turn 8',
    '197.8 characters per minute (363 characters in 110.1 s of agent speech)',
  ])('leaves ordinary numbers alone: %s', (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });

  it('masks Chinese numerals read out one by one with dashes between them', () => {
    expect(maskPersonalData('号码是一-三-八-一-二-三-四-五-六-七-八')).toBe('号码是一-三-八-*-*-*-*-五-六-七-八');
  });

  it('masks a mobile next to a date without touching the date', () => {
    expect(maskPersonalData('2026-10-01 致电 138 1234 5678')).toBe('2026-10-01 致电 138 **** 5678');
  });

  it('masks every number in a quote that has several', () => {
    const out = maskPersonalData('手机13812345678，备用13987654321');
    expect(out).toBe('手机138****5678，备用139****4321');
  });
});
