/** conduct.privacy on an eight-digit (Hong Kong) phone: the customer's naming it makes it one (src/engine/customer-phones.ts, src/match/read-back-numbers.ts). */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const privacy = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: privacy
    points: 5
    critical: true
    forbid: { speaker: agent, personal_data: [mobile, id_card, bank_card] }
`);

describe('an eight-digit phone read back', () => {
  it('fails when the customer gave it as their phone and the agent reads it in full', () => {
    const r = judge(privacy, callOf('客戶：我想改聯絡電話，新號碼係98765432。\n坐席：好，同你確認下，新號碼係98765432，啱唔啱？'));
    expect(r).toMatchObject({ verdict: 'fail', critical: true });
    expect(r.reason).toBe('agent read out a full phone number at turn 2「98765432」 (read back: the customer said it at turn 1)');
  });

  it('reads the number however either side grouped it', () => {
    expect(judge(privacy, callOf('客戶：我手機係9876 5432。\n坐席：係咪98765432呀？')).verdict).toBe('fail');
    expect(judge(privacy, callOf('客戶：我手機係98765432。\n坐席：係咪9876-5432呀？')).verdict).toBe('fail');
  });

  it('passes an order number, a longer number, a tail, and digits the customer called a phone only later', () => {
    for (const dialogue of [
      '客戶：我張維修單號碼係98765432。\n坐席：好，單號係98765432，我幫你查下。',
      '客戶：我電話係987654321。\n坐席：係咪98765432呀？',
      '客戶：我想改聯絡電話，新號碼係98765432。\n坐席：好，尾數係5432，啱唔啱？',
      '客戶：我份保單係98765432。\n坐席：好，98765432，我幫你查下。',
      '坐席：參考編號98765432，我幫你記低。\n客戶：咦，我電話都係98765432。',
    ]) {
      expect(judge(privacy, callOf(dialogue)).verdict, dialogue).toBe('pass');
    }
  });
});
