import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createReportWriter, csvHeader, FINDINGS_COLUMNS, renderCall, ReportError, type RunInfo } from '../../src/report/index.js';
import { LONG_ID, sampleCalls } from './calls.js';
import { readCsv, RULES, tempDir, testRuleset } from './helpers.js';
import { byteOrder } from '../../src/model/order.js';
import { prng } from '../../src/workflow/prng.js';

const RULE_IDS = RULES.map((r) => r.id);

function runInfo(extra: Record<string, unknown> = { jobs: 2 }): RunInfo {
  return { inputs: 7, scored: 5, errors: 2, warnings: 1, startedAt: new Date('2026-10-31T08:00:00Z'), finishedAt: new Date('2026-10-31T08:01:30Z'), extra };
}

/** Write the sample calls and three problems (added out of order) into `out`. */
function writeSample(out: string, mask = true): void {
  const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'rulesets/standard.yaml', mask, toolVersion: '0.1.0' });
  for (const call of sampleCalls()) writer.addCall(call);
  writer.addError({ file: 'calls/b.txt', severity: 'error', stage: 'parse', message: 'no speaker labels (坐席/客户) found' });
  writer.addError({ file: 'calls/a.txt', severity: 'warning', stage: 'meta', message: 'no agent_id: scored under unknown' });
  writer.addError({ file: 'calls/a.txt', severity: 'error', stage: 'decode', message: '=HYPERLINK("http://x") is not text' });
  writer.finish(runInfo());
}

function scorecardsByCall(out: string): Map<string, string> {
  const owner = new Map<string, string>();
  for (const name of readdirSync(join(out, 'scorecards'))) {
    for (const row of readCsv(join(out, 'scorecards', name)).rows) owner.set(row.call_id ?? '', name);
  }
  return owner;
}

describe('report writer', () => {
  const out = join(tempDir(), 'report');
  writeSample(out);

  it('writes the five outputs and nothing else (no staging folder left beside them)', () => {
    expect(readdirSync(out).sort()).toEqual(['errors.csv', 'findings.csv', 'run.json', 'scorecards', 'summary.csv']);
    expect(readdirSync(join(out, '..'))).toEqual(['report']);
  });

  it('findings.csv: one row per call × rule in the order added, evidence of the first item', () => {
    const { header, rows } = readCsv(join(out, 'findings.csv'));
    expect(header).toEqual(['call_id', 'agent_id', 'rule_id', 'category', 'verdict', 'points', 'max_points', 'critical', 'turn', 'time', 'speaker', 'quote', 'window', 'reason', 'override_by', 'override_reason']);
    expect(rows).toHaveLength(5 * RULES.length);
    expect(rows.slice(0, 5).map((r) => r.rule_id)).toEqual(RULE_IDS);
    expect(rows[5]?.call_id).toBe('C-0002');
    const greeting = rows[0] ?? {};
    expect(greeting).toMatchObject({ agent_id: 'A128', category: 'opening', verdict: 'pass', points: '5', max_points: '5', critical: 'false', turn: '1', time: '00:00.0-00:03.2', speaker: 'agent' });
    expect(greeting.quote).toBe('您好，康泰鑫客服128号为您服务，请问有什么可以帮您？');
    const notSaid = rows[1] ?? {};
    expect(notSaid).toMatchObject({ verdict: 'fail', points: '0', turn: '', time: '', quote: '', window: "agent's first 2 turn(s) (turns 1, 3)", reason: 'did not say 「这里是康泰鑫」' });
    expect(rows[2]).toMatchObject({ verdict: 'na', reason: 'no trigger in this call' });
    expect(rows[3]?.time).toBe('01:01.0');
    expect(rows.every((r) => r.reason !== '')).toBe(true);
  });

  it('findings.csv: quotes and reasons are masked, formulas neutralised', () => {
    const rows = readCsv(join(out, 'findings.csv')).rows;
    const leak = rows.find((r) => r.call_id === 'C-0002' && r.rule_id === 'conduct.privacy') ?? {};
    expect(leak).toMatchObject({ verdict: 'fail', critical: 'true', quote: '您的手机是138****5678，对吧？', reason: 'read out a phone number: 「138****5678」' });
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).not.toContain('13812345678');
    expect(rows.find((r) => r.rule_id === 'closing.farewell')?.quote).toBe("'=感谢您的来电，再见");
    expect(rows.find((r) => r.call_id === 'C-0002')?.quote).toBe("'-您好，请讲");
    expect(rows.find((r) => r.rule_id === 'conduct.privacy' && r.call_id === 'C-0004')?.verdict).toBe('review');
  });

  it('a 19-digit call id is written so Excel keeps it as text, in every file', () => {
    const literal = `="${LONG_ID}"`;
    expect(readCsv(join(out, 'findings.csv')).rows[0]?.call_id).toBe(literal);
    expect(scorecardsByCall(out).get(literal)).toBe('A128.csv');
    // Never as a bare number cell Excel would turn into 2.02610E+18.
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).not.toMatch(new RegExp(`(^|\\n)${LONG_ID},`));
  });

  it('scorecards: one file per agent, sanitised names that never share a file', () => {
    const files = readdirSync(join(out, 'scorecards')).sort();
    expect(files).toHaveLength(4);
    expect(files).toContain('A128.csv');
    expect(files).toContain('unknown.csv');
    expect(files.every((f) => !/[/:]/.test(f))).toBe(true);
    const owner = scorecardsByCall(out);
    expect(owner.get('C-0003')).not.toBe(owner.get('C-0004'));
    expect(owner.get('C-0003')).toMatch(/^team_7/);
    expect(owner.get('C-0004')).toMatch(/^team_7/);
    expect(owner.get('C-0005')).toBe('unknown.csv');
  });

  it('scorecards: header with one column per rule id, verdicts and scores per call', () => {
    const { header, rows } = readCsv(join(out, 'scorecards', 'A128.csv'));
    expect(header).toEqual(['call_id', 'date', 'file', 'score', 'earned', 'applicable', 'critical_fail', 'result', ...RULE_IDS]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      call_id: 'C-0002', date: '2026-10-01', file: 'calls/C-0002.txt', score: '30', earned: '5', applicable: '25', critical_fail: 'true', result: 'fail',
      'opening.greeting': 'pass', 'opening.self-id': 'fail', 'complaint.apologize': 'fail', 'closing.farewell': 'fail', 'conduct.privacy': 'fail',
    });
    expect(readCsv(join(out, 'scorecards', 'unknown.csv')).rows[0]).toMatchObject({ score: '', result: 'na', 'opening.greeting': 'na' });
  });

  it('summary.csv: one row per agent in byte order, per-category means, most failed rule', () => {
    const { header, rows } = readCsv(join(out, 'summary.csv'));
    expect(header).toEqual([
      'agent_id', 'agent_name', 'calls', 'mean_score', 'min_score', 'calls_failed', 'critical_fails',
      'opening_score', 'complaint_score', 'closing_score', 'conduct_score', 'most_failed_rule', 'most_failed_rule_fails',
    ]);
    expect(rows.map((r) => r.agent_id)).toEqual(['A128', 'team/7', 'team:7', 'unknown']);
    expect(rows[0]).toEqual({
      agent_id: 'A128', agent_name: '王芳', calls: '2', mean_score: '55', min_score: '30', calls_failed: '1', critical_fails: '1',
      opening_score: '50', complaint_score: '0', closing_score: '50', conduct_score: '50', most_failed_rule: 'opening.self-id', most_failed_rule_fails: '2',
    });
    // No fails: the most-failed columns are empty; a category that never applied is empty.
    expect(rows[1]).toMatchObject({ calls: '1', mean_score: '100', complaint_score: '', most_failed_rule: '', most_failed_rule_fails: '' });
    // Tie (self-id and farewell once each, listed in reverse): the rule first in the ruleset wins.
    expect(rows[2]).toMatchObject({ calls_failed: '1', conduct_score: '', most_failed_rule: 'opening.self-id', most_failed_rule_fails: '1' });
    expect(rows[3]).toMatchObject({ agent_name: '', calls: '1', mean_score: '', min_score: '', calls_failed: '0' });
  });

  it('errors.csv: sorted by file then stage, formulas neutralised', () => {
    const { header, rows } = readCsv(join(out, 'errors.csv'));
    expect(header).toEqual(['file', 'severity', 'stage', 'message']);
    expect(rows.map((r) => [r.file, r.stage])).toEqual([['calls/a.txt', 'decode'], ['calls/a.txt', 'meta'], ['calls/b.txt', 'parse']]);
    expect(rows[0]?.message).toBe(`'=HYPERLINK("http://x") is not text`);
  });

  it('run.json: stable keys, ruleset identity, counts and the completeness check', () => {
    const text = readFileSync(join(out, 'run.json'), 'utf8');
    const run = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(run).slice(0, 4)).toEqual(['tool', 'version', 'ruleset', 'inputs']);
    expect(run).toMatchObject({
      tool: 'callqa', version: '0.1.0',
      ruleset: { name: '康泰鑫标准', version: '2026.10', sha256: 'ab'.repeat(32), file: 'rulesets/standard.yaml' },
      inputs: 7, scored: 5, errors: 2, warnings: 1, complete: true, masked: true,
      started_at: '2026-10-31T08:00:00.000Z', finished_at: '2026-10-31T08:01:30.000Z', jobs: 2,
    });
    expect(Object.keys(run).indexOf('complete')).toBeLessThan(Object.keys(run).indexOf('started_at'));
  });

  it('every CSV starts with a UTF-8 BOM and uses one line ending throughout', () => {
    const csvs = ['findings.csv', 'summary.csv', 'errors.csv', ...readdirSync(join(out, 'scorecards')).map((f) => join('scorecards', f))];
    for (const f of csvs) {
      const bytes = readFileSync(join(out, f));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').endsWith('\n')).toBe(true);
    }
  });
});

describe('report writer options and edge cases', () => {
  it('--no-mask keeps quotes as said and records it', () => {
    const out = join(tempDir(), 'r');
    writeSample(out, false);
    const leak = readCsv(join(out, 'findings.csv')).rows.find((r) => r.rule_id === 'conduct.privacy' && r.call_id === 'C-0002');
    expect(leak?.quote).toBe('您的手机是13812345678，对吧？');
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ masked: false });
  });

  it('errors.csv: a millisecond time stays readable, a customer number quoted from a bad line is masked', () => {
    const out = join(tempDir(), 'epochs');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    const meta = 'date 2024-12-09 is not the day of started_at "1733577600000" (2024-12-07 in UTC+8)';
    const parse = 'line 1: text before the first speaker label ignored: "我的电话13812345678"';
    writer.addError({ file: 'calls/13812345678.txt', severity: 'warning', stage: 'meta', message: meta });
    writer.addError({ file: 'calls/13812345678.txt', severity: 'warning', stage: 'parse', message: parse });
    writer.finish(runInfo());
    expect(readCsv(join(out, 'errors.csv')).rows.map((r) => [r.file, r.message])).toEqual([
      ['calls/13812345678.txt', meta],
      ['calls/13812345678.txt', 'line 1: text before the first speaker label ignored: "我的电话138****5678"'],
    ]);
  });

  it('a run with no calls and no errors still writes every file with its header', () => {
    const out = join(tempDir(), 'empty');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    writer.finish({ inputs: 0, scored: 0, errors: 0, warnings: 0, startedAt: new Date(), finishedAt: new Date() });
    for (const f of ['findings.csv', 'summary.csv', 'errors.csv']) {
      const { header, records } = readCsv(join(out, f));
      expect(header.length).toBeGreaterThan(3);
      expect(records).toEqual([]);
    }
    expect(readdirSync(join(out, 'scorecards'))).toEqual([]);
  });

  it('run.json says complete: false when inputs are not all scored or in errors', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    writer.finish({ ...runInfo(), inputs: 9 });
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ inputs: 9, scored: 5, errors: 2, complete: false });
  });

  it('is deterministic: the same calls give byte-identical files (run.json apart from its times)', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    writeSample(a);
    writeSample(b);
    const files = (dir: string): string[] => ['findings.csv', 'summary.csv', 'errors.csv', 'run.json', ...readdirSync(join(dir, 'scorecards')).sort().map((f) => join('scorecards', f))];
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('streams: findings are on disk in the staging folder before finish', () => {
    const parent = tempDir();
    const out = join(parent, 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    const [call] = sampleCalls();
    for (let i = 0; i < 3000 && call; i++) writer.addCall({ ...call, callId: `C-${i}` });
    const staging = readdirSync(parent).find((n) => n.includes('.tmp-')) ?? '';
    expect(readFileSync(join(parent, staging, 'findings.csv')).length).toBeGreaterThan(64 * 1024);
    expect(existsSync(out)).toBe(false);
    writer.discard();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('findings.csv holds exactly the rendered rows, in order, across flushes and for a call larger than the write buffer', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    const [call] = sampleCalls();
    if (!call) throw new Error('no sample call');
    const huge = structuredClone(call);
    const evidence = huge.rules[0]?.evidence[0];
    if (evidence) evidence.quote = `${'您好，"请讲"\n'.repeat(60_000)}\uD800`; // ~480,000 UTF-16 units, a lone surrogate at the end
    const calls = [...Array.from({ length: 2500 }, (_, i) => ({ ...call, callId: `C-${i}` })), { ...huge, callId: 'C-huge' }, { ...call, callId: 'C-last' }];
    let expected = csvHeader(FINDINGS_COLUMNS);
    for (const c of calls) {
      writer.addCall(c);
      expected += renderCall(c, { ruleIds: RULE_IDS, mask: true }).findings;
    }
    writer.finish(runInfo());
    expect(readFileSync(join(out, 'findings.csv')).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });
});

describe('scorecard file names', () => {
  /** The scorecard file each agent's call landed in, writing one call per agent id. */
  function filesFor(agentIds: string[]): Map<string, string> {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    const [call] = sampleCalls();
    agentIds.forEach((agentId, i) => call && writer.addCall({ ...call, agentId, callId: `C-${i}` }));
    writer.finish(runInfo());
    const byCall = scorecardsByCall(out);
    return new Map(agentIds.map((id, i) => [id, byCall.get(`C-${i}`) ?? '']));
  }

  it('keeps plain ids (also Chinese) as they are', () => {
    const names = filesFor(['A128', '王芳', 'A-0007']);
    expect([...names.values()]).toEqual(['A128.csv', '王芳.csv', 'A-0007.csv']);
  });

  it('gives changed ids a hash, the same whatever other agents are in the run', () => {
    const alone = filesFor(['team/7']).get('team/7');
    const withOthers = filesFor(['team_7', 'team:7', 'team/7']);
    expect(alone).toMatch(/^team_7-[0-9a-f]{6}\.csv$/);
    expect(withOthers.get('team/7')).toBe(alone);
    expect(withOthers.get('team_7')).toBe('team_7.csv');
    expect(new Set(withOthers.values()).size).toBe(3);
  });

  it('never writes outside scorecards/ nor hidden, reserved or over-long names', () => {
    const ids = ['../../etc/passwd', '..hidden', 'CON', 'nul.txt', 'a\tb', '坐'.repeat(100), 'x. '];
    const names = filesFor(ids);
    expect(new Set(names.values()).size).toBe(ids.length);
    for (const name of names.values()) {
      expect(name).not.toMatch(/^\.|[/\\\t]|^(con|nul)(\.|$)/i);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
  });

  it('ids that differ only in case do not share a file on a case-insensitive disk', () => {
    const names = filesFor(['ab1', 'AB1']);
    expect(names.get('ab1')).toBe('ab1.csv');
    expect(names.get('AB1')?.toLowerCase()).not.toBe('ab1.csv');
  });
});

describe('summary arithmetic and run facts', () => {
  it('means are exact half-up over one-decimal scores, whatever the order of calls', () => {
    const summaries = [[66.6, 0.1, 50], [50, 0.1, 66.6]].map((scores) => {
      const out = join(tempDir(), 'r');
      const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
      const [call] = sampleCalls();
      scores.forEach((score, i) => call && writer.addCall({ ...call, callId: `C-${i}`, score }));
      writer.finish(runInfo());
      return readFileSync(join(out, 'summary.csv'), 'utf8');
    });
    expect(summaries[0]).toBe(summaries[1]);
    const row = readCsvText(summaries[0] ?? '')[1] ?? [];
    expect(row.slice(3, 5)).toEqual(['38.9', '0.1']); // (66.6 + 0.1 + 50) / 3 = 38.9
  });

  it('a mean of x.x5 rounds up (33.35 → 33.4), where summing floats gives 33.3', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    const [call] = sampleCalls();
    [66.6, 0.1].forEach((score, i) => call && writer.addCall({ ...call, callId: `C-${i}`, score }));
    writer.finish(runInfo());
    expect(readCsv(join(out, 'summary.csv')).rows[0]?.mean_score).toBe('33.4');
  });

  it('finish returns what it wrote; extra facts never replace run.json keys', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    for (const c of sampleCalls()) writer.addCall(c);
    const summary = writer.finish(runInfo({ jobs: 4, masked: false, scored: 99, options: { quiet: true } }));
    expect(summary).toEqual({ outDir: out, inputs: 7, scored: 5, errors: 2, warnings: 1, complete: true, agents: 4 });
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ masked: true, scored: 5, jobs: 4, options: { quiet: true } });
    expect(Object.keys(run).slice(-2)).toEqual(['jobs', 'options']);
  });

  it('a month of problems is sorted on disk: errors.csv and run.json are the bytes an in-memory sort gives', () => {
    const random = prng(11);
    const files = Array.from({ length: 900 }, (_, i) => `calls/${String(Math.floor(random() * 40)).padStart(2, '0')}/${i}-${['a', '王', '😀', '\uFF0C'][i % 4]}.txt`);
    const [call] = sampleCalls();
    const write = (spillRows: number | undefined): { out: string; staged: string[] } => {
      const parent = tempDir();
      const out = join(parent, 'r');
      const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0', ...(spillRows ? { spillRows } : {}) });
      files.forEach((file, i) => {
        writer.addError({ file, severity: i % 3 ? 'warning' : 'error', stage: i % 2 ? 'meta' : 'parse', message: `no agent_id ${i % 7}` });
        if (call && i % 2) writer.addCall({ ...call, callId: `C-${i}`, file, encoding: i % 4 ? 'gb18030' : 'big5' });
      });
      const stagingDir = join(parent, readdirSync(parent).find((n) => n.includes('.tmp-')) ?? '');
      const staged = existsSync(join(stagingDir, '.spill')) ? readdirSync(join(stagingDir, '.spill', 'errors')) : [];
      writer.finish(runInfo());
      return { out, staged };
    };
    const inMemory = write(undefined);
    const spilled = write(64);
    expect(inMemory.staged).toEqual([]);
    expect(spilled.staged).toHaveLength(14); // 900 rows: 14 runs of 64 on disk, 4 rows in memory
    expect(readFileSync(join(spilled.out, 'errors.csv'))).toEqual(readFileSync(join(inMemory.out, 'errors.csv')));
    const run = (out: string): string => readFileSync(join(out, 'run.json'), 'utf8').replace(/"(started|finished)_at": "[^"]+"/g, '');
    expect(run(spilled.out)).toBe(run(inMemory.out));
    expect(readdirSync(spilled.out)).not.toContain('.spill');
    const rows = readCsv(join(spilled.out, 'errors.csv')).records;
    expect(rows).toHaveLength(900);
    expect(rows.map((r) => r[0])).toEqual(files.slice().sort(byteOrder));
    const legacy = (JSON.parse(readFileSync(join(spilled.out, 'run.json'), 'utf8')) as { decoded_from_legacy_encodings: Array<{ file: string }> }).decoded_from_legacy_encodings;
    expect(legacy.map((e) => e.file)).toEqual(files.filter((_, i) => i % 2).sort(byteOrder));
  });

  it('a spill that cannot be written (a full disk) is a one-line ReportError; the previous report stays', () => {
    const parent = tempDir();
    const out = join(parent, 'r');
    writeSample(out);
    const before = readFileSync(join(out, 'errors.csv'));
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0', spillRows: 2 });
    const staging = join(parent, readdirSync(parent).find((n) => n.includes('.tmp-')) ?? '');
    writeFileSync(join(staging, '.spill'), 'in the way'); // the run files' folder cannot be made
    writer.addError({ file: 'a.txt', severity: 'warning', stage: 'meta', message: 'one' });
    expect(() => writer.addError({ file: 'b.txt', severity: 'warning', stage: 'meta', message: 'two' })).toThrow(ReportError);
    expect(readdirSync(parent)).toEqual(['r']);
    expect(readFileSync(join(out, 'errors.csv'))).toEqual(before);
  });

  it('errors.csv orders rows of the same file and stage by message', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' });
    writer.addError({ file: 'x.txt', severity: 'warning', stage: 'parse', message: 'line 9: no speaker label' });
    writer.addError({ file: 'x.txt', severity: 'error', stage: 'parse', message: 'line 12: bad timestamp' });
    writer.addError({ file: 'w.txt', severity: 'error', stage: 'read', message: 'permission denied' });
    writer.finish(runInfo());
    expect(readCsv(join(out, 'errors.csv')).records).toEqual([
      ['w.txt', 'error', 'read', 'permission denied'],
      ['x.txt', 'error', 'parse', 'line 12: bad timestamp'],
      ['x.txt', 'warning', 'parse', 'line 9: no speaker label'],
    ]);
  });

  it.each([
    [true, ['line 1: text before the first speaker label ignored: "客户手机138****5678 邮箱 z***@qq.com…"', 'Result.Sentences[0].Text: expected text, found "139****4321号"']],
    [false, ['line 1: text before the first speaker label ignored: "客户手机13812345678 邮箱 zhang.san@qq.com…"', 'Result.Sentences[0].Text: expected text, found "13987654321号"']],
  ])('errors.csv messages quoting the transcript are masked unless --no-mask (mask %s)', (mask, expected) => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask, toolVersion: '0.1.0' });
    writer.addError({ file: 'a.txt', severity: 'warning', stage: 'parse', message: 'line 1: text before the first speaker label ignored: "客户手机13812345678 邮箱 zhang.san@qq.com…"' });
    writer.addError({ file: 'b.json', severity: 'error', stage: 'parse', message: 'Result.Sentences[0].Text: expected text, found "13987654321号"' });
    writer.finish(runInfo());
    expect(readCsv(join(out, 'errors.csv')).rows.map((r) => r.message)).toEqual(expected);
  });
});

function readCsvText(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, '')) as string[][];
}
