/** A mobile that exists only by joining groups across 「，」「、」「。」 counts only when the call says it is a phone. */
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/match/personal-numbers.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const privacy = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: 不泄露客户个人信息
    points: 5
    critical: true
    forbid: { speaker: agent, personal_data: [mobile, id_card, bank_card] }
`);

const verdict = (dialogue: string): string => judge(privacy, callOf(dialogue)).verdict;

describe('joined mobiles', () => {
  it('passes prices, numbered lists and amounts that join into a mobile shape', () => {
    for (const dialogue of [
      '客户：你们这三个套餐多少钱？\n坐席：分别是139，1299，1599。',
      '客户：你们这三个套餐多少钱？\n坐席：分别是139。1299。1599。',
      '客户：你们这三个套餐多少钱？\n坐席：分别是139、1299、1599。',
      '客户：排到哪几号了？\n坐席：今天叫到的是第139，1299，1599号。',
      '客户：这几笔多少钱？\n坐席：分别是139，1299，1599元。',
      '客户：我这个手机号三个月的积分各是多少？\n坐席：分别是139，1299，1599分。',
      '客户：你们手机套餐多少钱？\n坐席：手机套餐分别是139，1299，1599。',
      '客户：是139，1299，1599这三个价吗？\n坐席：对，139，1299，1599。',
    ]) {
      expect(verdict(dialogue), dialogue).toBe('pass');
    }
  });

  it('fails one called a phone in the utterance or in the customer turn before', () => {
    for (const dialogue of [
      '客户：帮我核对一下。\n坐席：您的手机号是138，1234，5678对吗',
      '客户：帮我核对一下。\n坐席：手机138。1234。5678',
      '客户：我手机号多少来着？\n坐席：138，1234，5678。',
      '客戶：我電話幾多號？\n坐席：138，1234，5678，沒錯吧？',
      '客户：帮我核对一下。\n坐席：您的联系方式是138、1234、5678，对吗？',
    ]) {
      expect(verdict(dialogue), dialogue).toBe('fail');
    }
  });

  it('fails one the customer said before as theirs, read back; not a list the customer quoted', () => {
    expect(verdict('客户：13812345678\n坐席：138，1234，5678，对吧')).toBe('fail');
    expect(verdict('客户：138 1234 5678\n坐席：138。1234。5678。对吗？')).toBe('fail');
    expect(verdict('客户：我的是138，1234，5678，手机。\n坐席：138，1234，5678，对吗？')).toBe('fail');
    expect(verdict('客户：是139，1299，1599吗？\n坐席：对，139，1299，1599。')).toBe('pass');
  });

  it('keeps an unbroken, spaced or dashed mobile failing with no phone word anywhere', () => {
    for (const said of ['13812345678', '138 1234 5678', '138-1234-5678']) {
      expect(verdict(`客户：帮我看看。\n坐席：${said}。`), said).toBe('fail');
    }
  });

  it('joins across two utterances of the agent only with the same evidence', () => {
    expect(verdict('坐席：您的手机号是138，\n坐席：1234，5678，对吗？')).toBe('fail');
    expect(verdict('客户：三个套餐多少钱？\n坐席：分别是139，\n坐席：1299，1599。')).toBe('pass');
  });

  it('reads the phone word in the sentence a pause cut, not in a finished one or a price question', () => {
    expect(verdict('客户：帮我核对一下。\n坐席：好的，您的手机号是\n坐席：138，1234，5678，对吗？')).toBe('fail');
    expect(verdict('客户：好的。\n坐席：手机号已经帮您更新了。\n坐席：三个套餐分别是139，1299，1599。')).toBe('pass');
    expect(verdict('客户：我想换个手机号，新号的套餐多少钱？\n坐席：分别是139，1299，1599。')).toBe('pass');
    expect(verdict('客户：我想改一下订单号码。\n坐席：分别是139，1299，1599。')).toBe('pass');
    expect(verdict('客户：我换了个手机号，你帮我看看现在登记的是哪个？\n坐席：138，1234，5678。')).toBe('fail');
  });

  it('marks the joined mobiles, and only them, for the engine to weigh', () => {
    const joined = (text: string): Array<boolean | undefined> => findPersonalNumbers(text, ['mobile']).map((n) => n.joined);
    expect(joined('分别是139，1299，1599。')).toEqual([true]);
    expect(joined('分别是139。1299。1599。')).toEqual([true]);
    expect(joined('号码13812345678')).toEqual([undefined]);
    expect(joined('号码138 1234 5678')).toEqual([undefined]);
  });
});
