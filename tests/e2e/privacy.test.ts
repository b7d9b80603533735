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
  // A Taiwan post-office account and a landline the agent names the customer's (traditional script).
  'P-5.txt': call('P-5', '客戶：退款會退到哪裡？\n坐席：會退到您的郵局帳號00012345678901，您登記的市話是(02)2345-6789，對嗎？'),
  // Hong Kong: a home line and a bank account (戶口號碼).
  'P-6.txt': call('P-6', '客戶：幫我睇下資料。\n坐席：你屋企電話係 2345 6789，你嘅戶口號碼係 012-345678-001，啱唔啱？'),
  // A mainland landline with its area code, read out in Chinese numerals.
  'P-7.txt': call('P-7', '客户：帮我核对一下座机。\n坐席：您登记的座机是零七五五，一二三四，五六七八，对吗？'),
  // An order number, the company's line and account, the agent's number, an amount and a date: pass.
  'P-8.txt': call('P-8', '客戶：我的包裹呢？\n坐席：您的訂單號碼是0223456789，運費120元，2026-10-15寄出，有問題打我們的客服電話02-2345-6789，補運費匯到帳號012345678901，我的工號是02345678。'),
  // A landline the customer gave, read back as a question: no owner words, still theirs.
  'R-1.txt': call('R-1', '客户：我的座机是010-62345678。\n坐席：010-62345678对吗？'),
  // A mobile read in parts named by position.
  'R-2.txt': call('R-2', '客户：帮我核对一下手机号。\n坐席：前三位138，中间1234，后四位5678，对吗？'),
  // The owner and the phone word said after the number.
  'R-3.txt': call('R-3', '客户：你们打哪个电话找我？\n坐席：22345678是您的座机吧？'),
  // A local line without its area code that the customer gave as theirs, read back with only 对吗.
  'R-4.txt': call('R-4', '客户：我家座机是5234567。\n坐席：5234567对吗？'),
  // A mobile the recogniser cut with full stops.
  'R-5.txt': call('R-5', '客户：帮我核对一下手机号。\n坐席：好的。139。5520。1176。对吗？'),
  // A Taiwan ID the customer gave as theirs, read back bare.
  'R-6.txt': call('R-6', '坐席：請問您的身分證字號？\n客戶：A123456789。\n坐席：A123456789，對嗎？'),
};

describe('conduct.privacy end to end', () => {
  let dir: string;
  let out: string;
  let findings: Record<string, string>[];

  beforeAll(() => {
    dir = tempDir('callqa-privacy-');
    for (const [name, text] of Object.entries(CALLS)) writeFileSync(join(dir, name), text);
    out = join(tempDir('callqa-privacy-out-'), 'report');
    const run = callqa(['audit', dir, '--out', out, '--html', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    findings = readCsv(join(out, 'findings.csv')).rows.filter((r) => r.rule_id === 'conduct.privacy');
  });

  const row = (id: string): Record<string, string> => findings.find((r) => r.call_id === id) as Record<string, string>;

  it('gives each call the verdict a reviewer would', () => {
    expect(findings.map((r) => [r.call_id, r.verdict])).toEqual([
      ['P-1', 'fail'],
      ['P-2', 'fail'],
      ['P-3', 'review'],
      ['P-4', 'pass'],
      ['P-5', 'fail'],
      ['P-6', 'fail'],
      ['P-7', 'fail'],
      ['P-8', 'pass'],
      ['R-1', 'fail'],
      ['R-2', 'fail'],
      ['R-3', 'fail'],
      ['R-4', 'fail'],
      ['R-5', 'fail'],
      ['R-6', 'fail'],
    ]);
    const card = readCsv(join(out, 'scorecards', 'A77.csv')).rows;
    expect(card.map((r) => [r.call_id, r.critical_fail])).toEqual([
      ['P-1', 'true'],
      ['P-2', 'true'],
      ['P-3', 'false'],
      ['P-4', 'false'],
      ['P-5', 'true'],
      ['P-6', 'true'],
      ['P-7', 'true'],
      ['P-8', 'false'],
      ['R-1', 'true'],
      ['R-2', 'true'],
      ['R-3', 'true'],
      ['R-4', 'true'],
      ['R-5', 'true'],
      ['R-6', 'true'],
    ]);
  });

  it('says what was read out, masked', () => {
    expect(row('P-1').reason).toBe('agent read out a full mobile number at turn 3「138****5678」');
    expect(row('P-2').reason).toBe('agent read out a bank-card number at turn 3「622*，****，****，7894」, an ID-card number at turn 3「110*** ******** 002X」');
    expect(row('P-3').reason).toContain('an ID-card number at turn 3「110***********0020」 (its check digit is wrong)');
    expect(row('P-2').quote).toBe('退到您的卡號622*，****，****，7894，身份證110*** ******** 002X。');
    expect(row('P-5').reason).toBe('agent read out a bank-account number at turn 3「000*******8901」, a full phone number at turn 3「(02)2***-6789」');
    expect(row('P-6').quote).toBe('你屋企電話係 23** **89，你嘅戶口號碼係 012-*****8-001，啱唔啱？');
    expect(row('P-7').reason).toBe('agent read out a full phone number at turn 3「零七五*，****，五六七八」');
    expect(row('R-1').reason).toBe('agent read out a full phone number at turn 3「010-****5678」 (read back: the customer said it at turn 2)');
    expect(row('R-2').quote).toBe('前三位138，中间****，后四位5678，对吗？');
    expect(row('R-3').quote).toBe('22****78是您的座机吧？');
    expect(row('R-4').quote).toBe('52***67对吗？');
    expect(row('R-5').quote).toBe('好的。139。****。1176。对吗？');
    expect(row('R-6').quote).toBe('A12*****89，對嗎？');
  });

  // What each call read out, as it must never be shown (parts long enough to identify it). P-8's
  // order number and the agent's number are no customer's: shown as said.
  const secrets = ['13812345678', '6222，0212，3456，7894', '19491231', '110105194912310020', '00012345678901', '2345-6789', '2345 6789', '345678-001', '一二三四', '62345678', '中间1234', '22345678', '5234567', '139。5520', '5520。1176', 'A123456789'];

  it('shows none of those numbers in full in any report file', () => {
    const csvs = ['findings.csv', 'escalations.csv', 'summary.csv', ...readdirSync(join(out, 'scorecards')).map((f) => join('scorecards', f))];
    for (const name of [...csvs, 'report.html']) {
      const text = readFileSync(join(out, name), 'utf8');
      // report.html also carries its scripts, where 0212 may be code: the CSVs hold only what was said.
      for (const s of name.endsWith('.csv') ? [...secrets, '0212'] : secrets) expect(text, `${name} shows ${s}`).not.toContain(s);
    }
  });

  // One test per call: each explain starts the CLI, and five in one test outran its time limit on a loaded machine.
  it.each([['P-5', []], ['P-6', ['--json']], ['R-1', []], ['R-2', ['--json']], ['R-3', []]] as const)('masks them in explain too: %s %j', (id, args) => {
    const run = callqa(['explain', join(dir, `${id}.txt`), ...args]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('conduct.privacy');
    for (const s of secrets) expect(run.stdout, `explain ${id} shows ${s}`).not.toContain(s);
  });

  // Its own test: each explain starts the CLI, and the first one's five take most of its time limit.
  it('masks the numbers only the call makes personal in explain too', () => {
    for (const [id, args] of [['R-4', []], ['R-5', ['--json']], ['R-6', []]] as const) {
      const run = callqa(['explain', join(dir, `${id}.txt`), ...args]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('conduct.privacy');
      for (const s of secrets) expect(run.stdout, `explain ${id} shows ${s}`).not.toContain(s);
    }
  });
});
