// The month's audit from the CLI: reviewers' overrides, trends against last month, escalations.
// Fixtures: fixtures/workflow/2026-09 and 2026-10 (agents A301 周敏, A302 陈刚, A303 刘洋) and
// fixtures/workflow/overrides.csv (two good decisions, an unknown rule, an unknown call, a bad verdict).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, exists, readCsv, tempDir } from '../e2e/helpers.js';

const SEP = 'fixtures/workflow/2026-09';
const OCT = 'fixtures/workflow/2026-10';
const OVERRIDES = 'fixtures/workflow/overrides.csv';

describe('callqa audit --overrides --previous', () => {
  let dir: string;
  let plain: string;
  let decided: string;
  let run: ReturnType<typeof callqa>;

  beforeAll(() => {
    dir = tempDir();
    expect(callqa(['audit', SEP, '--out', join(dir, 'sep'), '-j', '1']).status).toBe(0);
    plain = join(dir, 'oct-plain');
    expect(callqa(['audit', OCT, '--out', plain, '--previous', join(dir, 'sep'), '-j', '1']).status).toBe(0);
    decided = join(dir, 'oct');
    run = callqa(['audit', OCT, '--out', decided, '--previous', join(dir, 'sep'), '--overrides', OVERRIDES, '-j', '1']);
  });

  it('exits 1 and says how many overrides were not applied', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/3 override\(s\) not applied/);
    expect(run.stdout).toMatch(/scored 20 of 20/);
  });

  it('findings.csv: the reviewer replaces the verdict; the engine verdict stays in the reason; two columns appended', () => {
    const findings = readCsv(join(decided, 'findings.csv'));
    expect(findings.header.slice(-3)).toEqual(['reason', 'override_by', 'override_reason']);
    const row = findings.rows.find((r) => r.call_id === '2026-10-A302-01' && r.rule_id === 'closing.anything-else');
    expect(row).toMatchObject({ verdict: 'pass', points: '4', max_points: '4', override_by: '林静' });
    expect(row?.reason).toMatch(/^engine verdict fail: /);
    expect(row?.override_reason).toBe('申诉成立：录音01:02处坐席询问了"还有什么可以帮您"，转写遗漏');
    // The reviewer's na for a caller who dialled wrong is the engine's own verdict now: recorded all the same.
    const na = findings.rows.find((r) => r.call_id === '2026-10-A301-07' && r.rule_id === 'closing.anything-else');
    expect(na).toMatchObject({ verdict: 'na', points: '0', override_by: '林静' });
    expect(na?.reason).toMatch(/^engine verdict na: excluded: .*「打错了」/);
    // Every other finding is the engine's own.
    expect(findings.rows.filter((r) => r.override_by !== '')).toHaveLength(2);
    const before = readCsv(join(plain, 'findings.csv')).rows.find((r) => r.call_id === '2026-10-A302-01' && r.rule_id === 'closing.anything-else');
    expect(before).toMatchObject({ verdict: 'fail', override_by: '', override_reason: '' });
  });

  it('scorecards and summary are scored again with the decided verdicts', () => {
    const card = readCsv(join(decided, 'scorecards', 'A302.csv')).rows.find((r) => r.call_id === '2026-10-A302-01');
    const cardBefore = readCsv(join(plain, 'scorecards', 'A302.csv')).rows.find((r) => r.call_id === '2026-10-A302-01');
    expect(cardBefore).toMatchObject({ 'closing.anything-else': 'fail' });
    expect(Number(cardBefore?.score)).toBeLessThan(100);
    expect(card).toMatchObject({ 'closing.anything-else': 'pass', score: '100', result: 'pass' });
    const a302 = readCsv(join(decided, 'summary.csv')).rows.find((r) => r.agent_id === 'A302');
    const a302Before = readCsv(join(plain, 'summary.csv')).rows.find((r) => r.agent_id === 'A302');
    expect(a302Before?.most_failed_rule_fails).toBe('3');
    expect(a302?.most_failed_rule_fails).toBe('2');
    expect(Number(a302?.mean_score)).toBeGreaterThan(Number(a302Before?.mean_score));
  });

  it('run.json counts the overrides applied and not applied', () => {
    const runJson = JSON.parse(readFileSync(join(decided, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runJson).toMatchObject({ overrides_applied: 2, override_errors: 3, overrides_file: OVERRIDES, complete: true, errors: 0 });
  });

  it('errors.csv: unknown rule, unknown call and bad verdict are error rows with their line', () => {
    const rows = readCsv(join(decided, 'errors.csv')).rows;
    expect(rows.map((r) => [r.file, r.severity, r.stage])).toEqual(Array(3).fill([OVERRIDES, 'error', 'override']));
    expect(rows.map((r) => r.message)).toEqual([
      'line 4: unknown rule id "closing.thanks" (not in the ruleset); row not applied',
      'line 5: call "2026-10-A399-01" is not among the scored inputs; override not applied',
      'line 6: verdict "通过了吧" is not pass, fail or na; row not applied',
    ]);
  });

  it('summary.csv: last month’s mean and the change, appended at the end', () => {
    const summary = readCsv(join(plain, 'summary.csv'));
    expect(summary.header.slice(-2)).toEqual(['previous_mean_score', 'change']);
    const sep = readCsv(join(dir, 'sep', 'summary.csv')).rows;
    for (const row of summary.rows) {
      const before = Number(sep.find((r) => r.agent_id === row.agent_id)?.mean_score);
      expect(Number(row.previous_mean_score)).toBe(before);
      expect(Number(row.change)).toBeCloseTo(Number(row.mean_score) - before, 6);
    }
    expect(summary.rows.find((r) => r.agent_id === 'A302')).toMatchObject({ previous_mean_score: '98.5', change: '-5.2' });
    // Without --previous the trend columns are not there.
    expect(readCsv(join(dir, 'sep', 'summary.csv')).header).not.toContain('previous_mean_score');
  });

  it('escalations.csv: repeated and recurring failures of one standard, and any critical failure', () => {
    const esc = readCsv(join(plain, 'escalations.csv'));
    expect(esc.header).toEqual(['agent_id', 'agent_name', 'reason', 'rule_id', 'count', 'calls']);
    expect(esc.rows.map((r) => [r.agent_id, r.agent_name, r.rule_id, r.count])).toEqual([
      ['A302', '陈刚', 'closing.anything-else', '3'],
      ['A302', '陈刚', 'conduct.privacy', '1'],
    ]);
    expect(esc.rows[0]?.reason).toMatch(/^repeated: failed in 3 calls this month \(threshold 3\); recurring: failed in 3 calls this month and 1 last month$/);
    expect(esc.rows[0]?.calls).toBe('2026-10-A302-01; 2026-10-A302-02; 2026-10-A302-05');
    expect(esc.rows[1]?.reason).toMatch(/^critical/);
    expect(esc.rows[1]?.calls).toBe('2026-10-A302-06');
  });

  it('an upheld appeal takes the failure out of the escalation count', () => {
    const esc = readCsv(join(decided, 'escalations.csv')).rows;
    const row = esc.find((r) => r.rule_id === 'closing.anything-else');
    expect(row).toMatchObject({ count: '2', calls: '2026-10-A302-02; 2026-10-A302-05' });
    expect(row?.reason).not.toMatch(/repeated/);
    expect(row?.reason).toMatch(/^recurring/);
  });

  it('--escalate-repeat raises the bar; without --previous nothing is recurring', () => {
    const out = join(dir, 'strict');
    expect(callqa(['audit', OCT, '--out', out, '--escalate-repeat', '4', '-j', '1']).status).toBe(0);
    expect(readCsv(join(out, 'escalations.csv')).rows.map((r) => r.rule_id)).toEqual(['conduct.privacy']);
  });

  it('a --previous folder that is no report, or a missing overrides file, is a usage error and writes nothing', () => {
    const bad = callqa(['audit', OCT, '--out', join(dir, 'x1'), '--previous', 'fixtures/workflow']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a callqa report folder/);
    const missing = callqa(['audit', OCT, '--out', join(dir, 'x2'), '--overrides', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv does not exist/);
    expect(exists(join(dir, 'x1')) || exists(join(dir, 'x2'))).toBe(false);
  });

  it('overrides reach the worker threads', () => {
    // 130 files: enough for two workers (64 files each at least).
    const many = join(dir, 'many');
    mkdirSync(many);
    // Each copy its own call_id, each with its own decision: one id naming many calls is an error.
    const original = readFileSync(join(OCT, 'A302', '2026-10-A302-01.txt'), 'utf8');
    const ids = Array.from({ length: 130 }, (_, i) => `2026-10-A302-01-${String(i).padStart(3, '0')}`);
    ids.forEach((id, i) => writeFileSync(join(many, `copy-${String(i).padStart(3, '0')}.txt`), original.replace('call_id: 2026-10-A302-01', `call_id: ${id}`)));
    const overrides = join(dir, 'one.csv');
    writeFileSync(overrides, `call_id,rule_id,verdict,reviewer,reason\n${ids.map((id) => `${id},closing.anything-else,pass,林静,转写遗漏\n`).join('')}`);
    const out = join(dir, 'many-report');
    expect(callqa(['audit', many, '--out', out, '--overrides', overrides, '-j', '2']).status).toBe(0);
    const runJson = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runJson).toMatchObject({ jobs: 2, overrides_applied: 130 });
    const rows = readCsv(join(out, 'findings.csv')).rows.filter((r) => r.rule_id === 'closing.anything-else');
    expect(rows.every((r) => r.verdict === 'pass' && r.override_by === '林静')).toBe(true);
  });
});
