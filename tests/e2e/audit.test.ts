// End to end: the real bin/callqa on real files; outputs read back with csv-parse.
// See: issue 3 (outputs, exit codes), issue 7 (atomic, deterministic, Excel-safe).
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, exists, readCsv, ROOT, tempDir } from './helpers.js';

const SCORECARD_HEAD = ['call_id', 'date', 'file', 'score', 'earned', 'applicable', 'critical_fail', 'result'];
const FINDINGS_HEAD = ['call_id', 'agent_id', 'rule_id', 'category', 'verdict', 'points', 'max_points', 'critical', 'turn', 'time', 'speaker', 'quote', 'window', 'reason', 'override_by', 'override_reason'];

const GOOD = `---
call_id: E2E-1
agent_id: A900
agent_name: 测试
direction: inbound
date: 2026-10-13
---
[00:00.0-00:03.2] 坐席：您好，康泰鑫客服900号为您服务，请问有什么可以帮您？
[00:03.6-00:07.9] 客户：我想问一下我的订单，我的手机是13812345678。
[00:08.2-00:12.0] 坐席：好的，您尾号5678的手机对应的订单已经发货了。请问还有什么可以帮您？
[00:12.5-00:14.0] 客户：没有了，谢谢。
[00:14.5-00:16.0] 坐席：感谢您的来电，再见！
`;

const LEAK = `---
call_id: E2E-2
agent_id: A901
direction: inbound
---
坐席：您好，康泰鑫客服为您服务，请问有什么可以帮您？
客户：帮我查一下我老婆的手机号。
坐席：她的手机号是13987654321。=HYPERLINK("x")
客户：好的，谢谢。
坐席：感谢您的来电，再见！
`;

describe('callqa audit on real files', () => {
  let dir: string;
  let out: string;
  let run: ReturnType<typeof callqa>;

  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'good.txt'), GOOD);
    writeFileSync(join(dir, 'in', 'leak.txt'), LEAK);
    writeFileSync(join(dir, 'in', 'nolabels.txt'), '这是一段没有说话人标签的文字。\n');
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    out = join(dir, 'report');
    run = callqa(['audit', join(dir, 'in'), '--out', out, '--jobs', '1']);
  });

  it('exits 1 when some inputs are not scored, and says so on one line', () => {
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/scored 2 of 4 input\(s\), 2 not scored/);
  });

  it('writes all five outputs', () => {
    for (const f of ['summary.csv', 'findings.csv', 'errors.csv', 'run.json', 'scorecards/A900.csv', 'scorecards/A901.csv']) {
      expect(exists(join(out, f)), f).toBe(true);
    }
  });

  it('lists every input: scored or in errors.csv with the reason', () => {
    const errors = readCsv(join(out, 'errors.csv'));
    expect(errors.header).toEqual(['file', 'severity', 'stage', 'message']);
    const failed = errors.rows.filter((r) => r.severity === 'error');
    expect(failed.map((r) => (r.file ?? '').split(/[\\/]/).pop()).sort()).toEqual(['empty.txt', 'nolabels.txt']);
    expect(failed.find((r) => (r.file ?? '').endsWith('nolabels.txt'))?.message).toMatch(/no speaker labels/);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ inputs: 4, scored: 2, errors: 2 });
  });

  it('writes a scorecard per agent with a verdict column per rule', () => {
    const card = readCsv(join(out, 'scorecards', 'A900.csv'));
    expect(card.header.slice(0, 8)).toEqual(SCORECARD_HEAD);
    expect(card.header).toContain('opening.greeting');
    expect(card.header).toContain('conduct.privacy');
    expect(card.rows).toHaveLength(1);
    const row = card.rows[0] as Record<string, string>;
    expect(row.call_id).toBe('E2E-1');
    expect(row['opening.greeting']).toBe('pass');
    expect(row['conduct.privacy']).toBe('pass'); // the agent read only the last four digits
    expect(row['complaint.apologize']).toBe('na'); // no complaint in this call
    expect(row.result).toBe('pass');
  });

  it('fails the whole call on a critical rule, with evidence masked and Excel-safe', () => {
    const card = readCsv(join(out, 'scorecards', 'A901.csv'));
    const row = card.rows[0] as Record<string, string>;
    expect(row['conduct.privacy']).toBe('fail');
    expect(row.critical_fail).toBe('true');
    expect(row.result).toBe('fail');
    const findings = readCsv(join(out, 'findings.csv'));
    expect(findings.header).toEqual(FINDINGS_HEAD);
    const leak = findings.rows.find((r) => r.call_id === 'E2E-2' && r.rule_id === 'conduct.privacy') as Record<string, string>;
    expect(leak.verdict).toBe('fail');
    expect(leak.turn).toBe('3');
    expect(leak.speaker).toBe('agent');
    expect(leak.quote).not.toContain('13987654321');
    expect(leak.quote).toContain('139****4321');
    for (const r of findings.rows) expect(r.quote).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('explains na and not-said verdicts', () => {
    const findings = readCsv(join(out, 'findings.csv')).rows;
    const na = findings.find((r) => r.call_id === 'E2E-1' && r.rule_id === 'complaint.apologize') as Record<string, string>;
    expect(na.verdict).toBe('na');
    expect(na.reason).toMatch(/never says/);
    expect(findings.filter((r) => r.call_id === 'E2E-1')).toHaveLength(readCsv(join(out, 'scorecards', 'A900.csv')).header.length - 8);
  });

  it('summarises per agent for HR', () => {
    const summary = readCsv(join(out, 'summary.csv'));
    expect(summary.header.slice(0, 7)).toEqual(['agent_id', 'agent_name', 'calls', 'mean_score', 'min_score', 'calls_failed', 'critical_fails']);
    expect(summary.header).toContain('opening_score');
    expect(summary.rows.map((r) => r.agent_id)).toEqual(['A900', 'A901']);
    expect(summary.rows[1]).toMatchObject({ agent_id: 'A901', calls: '1', calls_failed: '1', critical_fails: '1' });
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    const again = join(dir, 'again');
    callqa(['audit', join(dir, 'in'), '--out', again, '--jobs', '1']);
    for (const f of ['summary.csv', 'findings.csv', 'errors.csv', 'scorecards/A900.csv']) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });
});

describe('bad rulesets and usage', () => {
  it('refuses a broken ruleset with file:line:col and exit 2, writing nothing', () => {
    const dir = tempDir();
    const ruleset = join(dir, 'bad.yaml');
    writeFileSync(ruleset, 'name: x\nversion: 1\npass_mark: 80\nweights: { conduct: 100 }\nrules:\n  - id: conduct.x\n    category: conduct\n    title: t\n    points: 1\n    forbid: { speaker: agnet, phrases: [喂] }\n');
    const r = callqa(['audit', join(ROOT, 'fixtures/readers'), '--ruleset', ruleset, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${ruleset}:10:`);
    expect(r.stderr).toMatch(/did you mean "agent"/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(exists(join(dir, 'out'))).toBe(false);
  });

  it('exits 2 on an unknown option', () => {
    expect(callqa(['audit', '--bogus', 'x']).status).toBe(2);
  });

  it('exits 3 when the report cannot be written, with a message and no stack trace, and touches no other report', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'fixtures/readers/call-timed.txt'), join(dir, 'call.txt'));
    const out = join(dir, 'report');
    expect(callqa(['audit', join(dir, 'call.txt'), '--out', out]).status).toBe(0);
    const before = readdirSync(out).sort();
    // The name fits (250 characters), the temporary folder's next to it (.<name>.tmp-…) does not:
    // the write fails only when tried. (A file where a parent folder should be is a usage error,
    // exit 2, found before scoring: tests/e2e/outputs.test.ts.)
    const r = callqa(['audit', join(dir, 'call.txt'), '--out', join(dir, 'a'.repeat(250))]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^callqa: error: cannot write the report at .*: a file name is too long; the previous report is unchanged$/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['call.txt', 'report']);
  });
});

describe('one folder mixing formats and encodings', () => {
  // See: issue 5 — every format and encoding in one command, the encoding recorded in run.json.
  it('audits every vendor format and legacy encoding in one run and records what each was read as', () => {
    const dir = tempDir();
    const out = join(dir, 'report');
    const inputs = ['fixtures/formats/same-call', 'fixtures/readers/call-gb18030.txt', 'fixtures/readers/call-big5.txt'].map((p) => join(ROOT, p));
    const r = callqa(['audit', ...inputs, '--out', out, '--agent-channel', '0', '--quiet']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as {
      errors: number;
      formats: Record<string, number>;
      encodings: Record<string, number>;
      decoded_from_legacy_encodings: Array<{ file: string; encoding: string }>;
    };
    expect(run.errors).toBe(0);
    for (const format of ['alibaba', 'tingwu', 'tencent', 'iflytek', 'aws', 'azure', 'whisper', 'funasr', 'srt', 'vtt', 'plain']) {
      expect(run.formats[format], format).toBeGreaterThan(0);
    }
    expect(run.encodings).toMatchObject({ gb18030: expect.any(Number), big5: 1 });
    const legacy = Object.fromEntries(run.decoded_from_legacy_encodings.map((x) => [x.file.split(/[\\/]/).pop(), x.encoding]));
    expect(legacy['call-gb18030.txt']).toBe('gb18030');
    expect(legacy['call-big5.txt']).toBe('big5');
  });
});
