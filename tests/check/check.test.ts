/**
 * `callqa check`: golden agreement against a hand-labelled CSV. The shipped sample agrees;
 * a drifted copy shows each disagreement and each label that names nothing. See: issue 6.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpected } from '../../src/check/index.js';
import { runCli } from '../cli-run.js';

const CALLS = 'fixtures/golden/calls';
const EXPECTED = 'fixtures/golden/expected.csv';

const run = runCli;

function csv(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'callqa-check-')), 'expected.csv');
  writeFileSync(file, text);
  return file;
}

describe('callqa check', () => {
  it('the shipped labelled sample agrees with the default ruleset', async () => {
    const r = await run('check', CALLS, '--expect', EXPECTED);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/overall\s+40\/40\s+100\.0%\s+\(minimum 90\.0%\)/);
    expect(r.out).not.toContain('Disagreements');
  });

  it('lists each disagreement with its CSV line, expected vs got and the reason, and exits 1 below the minimum', async () => {
    const file = csv(
      [
        'call_id,rule_id,verdict',
        'G-001,opening.greeting,pass',
        'G-002,conduct.forbidden-phrases,pass',
        'G-003,complaint.apologize,fail',
        'G-002,closing.farewell,fail',
      ].join('\n'),
    );
    const r = await run('check', CALLS, '--expect', file, '--min-agreement', '0.9');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/overall\s+2\/4\s+50\.0%\s+\(below the minimum of 90\.0%\)/);
    expect(r.out).toContain(`${file}:3  G-002  conduct.forbidden-phrases  expected pass, got fail — said turn 5「不知道」`);
    expect(r.out).toContain(`${file}:4  G-003  complaint.apologize  expected fail, got na — the customer never says $complaint`);
    // The same drift passes a lenient minimum.
    const lenient = await run('check', CALLS, '--expect', file, '--min-agreement', '0.5');
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/overall\s+2\/4\s+50\.0%\s+\(minimum 50\.0%\)/);
    // Just below a minimum both round to 50.0%: the line says it is missed.
    const close = await run('check', CALLS, '--expect', file, '--min-agreement', '0.5004');
    expect(close.code).toBe(1);
    expect(close.out).toMatch(/overall\s+2\/4\s+50\.0%\s+\(below the minimum of 50\.0%\)/);
  });

  it('masks personal data in the reasons it prints, like the report does', async () => {
    const file = csv(['call_id,rule_id,verdict', '2026-10-0106,conduct.privacy,pass'].join('\n'));
    const r = await run('check', 'fixtures/calls/06-privacy-full-number.txt', '--expect', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('expected pass, got fail — agent read out a full mobile number at turn 5「138****8836」');
    expect(r.out).not.toContain('13812348836');
  });

  it('prints no escape sequence the files hold: a call id with ESC and BEL is shown as ␛ and ␇', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callqa-check-'));
    const input = join(dir, 'G-esc.txt');
    const id = 'G\u001b]0;hacked\u0007\u001b[2J';
    writeFileSync(input, `---\ncall_id: ${id}\ndirection: inbound\n---\n坐席：喂，什么事？\n客户：我想查一下订单。\n`);
    const r = await run('check', input, '--expect', csv(`call_id,rule_id,verdict\n${id},opening.greeting,pass\n`));
    expect(r.code).toBe(1);
    expect(r.out).toContain('G␛]0;hacked␇␛[2J  opening.greeting  expected pass, got fail');
    expect(r.out).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
  });

  it('masks personal data a reader quotes in a "not scored" message; the label says that call could not be scored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callqa-check-'));
    const input = join(dir, 'G-x.json');
    writeFileSync(input, '{"Result":{"Sentences":[{"ChannelId":0,"BeginTime":"13812345678号","EndTime":100,"Text":"您好"}]}}');
    const r = await run('check', input, '--expect', csv('call_id,rule_id,verdict\nG-x,conduct.privacy,pass\n'));
    expect(r.err).toContain('expected a number, found "138****5678号"');
    expect(r.err).not.toContain('13812345678');
    // Its label is about an input that could not be scored, not one missing from the inputs.
    expect(r.out).toContain(`call "G-x" could not be scored (${input}: see above)`);
    expect(r.out).not.toContain('is not among the inputs');
  });

  it('reports labels naming an unknown call or rule, bad verdicts and conflicting rows, at their lines (exit 1)', async () => {
    const file = csv(
      [
        '# a comment line',
        'call_id,rule_id,verdict',
        'G-001,opening.greeting,pass',
        'G-404,opening.greeting,pass',
        'G-001,opening.greting,pass',
        'G-001,closing.farewell,maybe',
        'G-001,opening.greeting,fail',
      ].join('\n'),
    );
    const r = await run('check', CALLS, '--expect', file);
    expect(r.code).toBe(1);
    const tail = r.out.slice(r.out.indexOf('Labels that could not be compared')).split('\n').slice(1);
    expect(tail).toEqual([
      `  ${file}:4  call "G-404" is not among the inputs`,
      `  ${file}:5  rule "opening.greting" is not in the ruleset (did you mean "opening.greeting"?)`,
      `  ${file}:6  verdict "maybe" is not one of pass, fail, na (or 通过, 不通过, 不适用), review`,
      `  ${file}:7  G-001 / opening.greeting is labelled as fail, but line 3 says pass`,
    ]);
  });

  it('reads a header with quoted names; refuses a GB18030 export from Chinese Excel instead of reading mojibake (exit 2)', async () => {
    const quoted = await run('check', CALLS, '--expect', csv('"call_id","rule_id","verdict"\r\n"G-001","opening.greeting","pass"\r\n'));
    expect(quoted.code).toBe(0);
    expect(quoted.out).toMatch(/overall\s+1\/1\s+100\.0%/);
    const file = csv('');
    // 通过 in GBK: what Excel's plain "CSV" saves on a Chinese Windows.
    writeFileSync(file, Buffer.concat([Buffer.from('call_id,rule_id,verdict,note\r\nG-001,opening.greeting,pass,'), Buffer.from([0xcd, 0xa8, 0xb9, 0xfd]), Buffer.from('\r\n')]));
    const gbk = await run('check', CALLS, '--expect', file);
    expect(gbk.code).toBe(2);
    expect(gbk.err).toContain(`${file}: not UTF-8 (save it from Excel as "CSV UTF-8")`);
  });

  it('reads a Chinese QA sheet as the overrides do: 通话编号/规则/结论 headers, 通过/不通过/不适用 verdicts', async () => {
    const sheet = csv(['通话编号,规则,结论,备注', 'G-001,opening.greeting,通过,开场规范', 'G-002,conduct.forbidden-phrases,不通过,', 'G-003,complaint.apologize,不适用,'].join('\n'));
    const r = await run('check', CALLS, '--expect', sheet);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/overall\s+3\/3\s+100\.0%/);
  });

  it('does not compare a label whose call_id two inputs share: it could be about either call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callqa-check-'));
    for (const [folder, source] of [['A', 'G-001'], ['B', 'G-002']] as const) {
      mkdirSync(join(dir, folder));
      const text = readFileSync(join(CALLS, `${source}.txt`), 'utf8').replace(/^call_id: .*$/m, 'call_id: X');
      writeFileSync(join(dir, folder, 'X.txt'), text);
    }
    const file = csv('call_id,rule_id,verdict\nX,conduct.forbidden-phrases,pass\n');
    const r = await run('check', dir, '--expect', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/overall\s+0\/0/);
    expect(r.out).toContain(`${file}:2  call "X" names 2 inputs (${join(dir, 'A', 'X.txt')}, ${join(dir, 'B', 'X.txt')}): give each call its own call_id`);
  });

  it('exit 2 when it cannot run: no such CSV, a CSV without the columns, no inputs', async () => {
    expect((await run('check', CALLS, '--expect', 'no/such.csv')).code).toBe(2);
    const bad = await run('check', CALLS, '--expect', csv('call,rule,result\nG-001,opening.greeting,pass\n'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('the header needs the columns call_id, rule_id, verdict (missing: call_id, rule_id, verdict)');
    expect((await run('check', 'no/such/dir', '--expect', EXPECTED)).code).toBe(2);
  });
});

describe('parseExpected', () => {
  it('keeps the file line of each row (BOM, comments, CRLF, extra columns)', () => {
    const parsed = parseExpected('\uFEFF# note\r\ncall_id,rule_id,verdict,note\r\nA,opening.greeting,PASS,ok\r\n\r\nB,conduct.privacy,na,\r\n');
    expect(parsed.ok && parsed.rows).toEqual([
      { line: 3, callId: 'A', ruleId: 'opening.greeting', verdict: 'pass' },
      { line: 5, callId: 'B', ruleId: 'conduct.privacy', verdict: 'na' },
    ]);
  });

  it('gives a row spanning lines the line it starts on, and keeps a # inside a cell as text', () => {
    const parsed = parseExpected('call_id,rule_id,verdict,note\nA,opening.greeting,pass,"two\nlines"\nB#2,conduct.privacy,fail,工单#12\n');
    expect(parsed.ok && parsed.rows).toEqual([
      { line: 2, callId: 'A', ruleId: 'opening.greeting', verdict: 'pass' },
      { line: 4, callId: 'B#2', ruleId: 'conduct.privacy', verdict: 'fail' },
    ]);
  });
});
