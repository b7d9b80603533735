// End to end: conduct.privacy (personal_data) on real files — verdicts, and no number the rule
// found shown in full anywhere in the report.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callqa, readCsv, tempDir } from './helpers.js';

const call = (id: string, lines: string): string => `---\ncall_id: ${id}\nagent_id: A77\ndirection: inbound\n---\n坐席：您好，康泰鑫客服为您服务，请问有什么可以帮您？\n${lines}\n坐席：感谢您的来电，再见！\n`;

const CALLS: Record<string, string> = {
  // A mobile followed by a count a comma away (12 digits once folded), next to an order number.
  'P-1.txt': call('P-1', '客户：我的快递呢？\n坐席：您的订单号202311230001234567已经发货，手机号是13812345678，2个包裹都寄过去了。'),
  // A card number split by recogniser commas, and an ID card read in groups (traditional script).
  'P-2.txt': call('P-2', '客戶：退款退到哪？\n坐席：退到您的卡號6222，0212，3456，7894，身份證110105 19491231 002X。'),
  // An ID-card number with a real birth date and a wrong check digit: a person listens.
  'P-3.txt': call('P-3', '客户：实名认证要多久？\n坐席：您的身份证110105194912310020，对吧，3天内审核完。'),
  // The customer's own number, the agent's tail number and an 18-digit order number: pass.
  'P-4.txt': call('P-4', '客户：我的号码是13812345678。\n坐席：好的，尾号5678，订单号202311230001234567，已经发货。'),
};

describe('conduct.privacy end to end', () => {
  let out: string;
  let findings: Record<string, string>[];

  beforeAll(() => {
    const dir = tempDir('callqa-privacy-');
    for (const [name, text] of Object.entries(CALLS)) writeFileSync(join(dir, name), text);
    out = join(tempDir('callqa-privacy-out-'), 'report');
    const run = callqa(['audit', dir, '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    findings = readCsv(join(out, 'findings.csv')).rows.filter((r) => r.rule_id === 'conduct.privacy');
  });

  const row = (id: string): Record<string, string> => findings.find((r) => r.call_id === id) as Record<string, string>;

  it('gives each call the verdict a reviewer would', () => {
    expect(findings.map((r) => [r.call_id, r.verdict])).toEqual([['P-1', 'fail'], ['P-2', 'fail'], ['P-3', 'review'], ['P-4', 'pass']]);
    const card = readCsv(join(out, 'scorecards', 'A77.csv')).rows;
    expect(card.map((r) => [r.call_id, r.critical_fail])).toEqual([['P-1', 'true'], ['P-2', 'true'], ['P-3', 'false'], ['P-4', 'false']]);
  });

  it('says what was read out, masked', () => {
    expect(row('P-1').reason).toBe('agent read out a full mobile number at turn 3「138****5678」');
    expect(row('P-2').reason).toBe('agent read out a bank-card number at turn 3「622*，****，****，7894」, an ID-card number at turn 3「110*** ******** 002X」');
    expect(row('P-3').reason).toContain('an ID-card number at turn 3「110***********0020」 (its check digit is wrong)');
    expect(row('P-2').quote).toBe('退到您的卡號622*，****，****，7894，身份證110*** ******** 002X。');
  });

  it('shows none of those numbers in full in any report file', () => {
    const secrets = ['13812345678', '6222，0212，3456，7894', '0212', '19491231', '110105194912310020'];
    for (const name of ['findings.csv', 'escalations.csv', 'summary.csv', ...readdirSync(join(out, 'scorecards')).map((f) => join('scorecards', f))]) {
      const text = readFileSync(join(out, name), 'utf8');
      for (const s of secrets) expect(text, `${name} shows ${s}`).not.toContain(s);
    }
  });
});
