// `callqa sample` end to end on fixtures/workflow/2026-10 (A301: 10 calls with one complaint, one
// long hold, one wrong-number short call and one 10-minute call; A302: 8 calls; A303: 2 calls).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, exists, readCsv, tempDir } from '../e2e/helpers.js';
import { collectCalls, drawSample, pickCalls, strataOf, type SampledCall } from '../../src/workflow/sample.js';
import { DEFAULT_RULESET } from '../../src/ruleset/index.js';
import { prng } from '../../src/workflow/prng.js';

const OCT = 'fixtures/workflow/2026-10';
const A301 = (n: string): string => `2026-10-A301-${n}.txt`;

function sample(seed: string, perAgent: number, extra: string[] = []): { list: string; files: string[]; out: string } {
  const out = join(tempDir(), 'month', 'list.txt');
  const run = callqa(['sample', OCT, '--per-agent', String(perAgent), '--seed', seed, '--out', out, ...extra]);
  expect(run.status, run.stderr).toBe(0);
  const list = readFileSync(out, 'utf8');
  return { list, files: list.split('\n').filter((l) => l && !l.startsWith('#')), out };
}

describe('callqa sample', () => {
  it('the same seed gives the same list, byte for byte, wherever the list is written', () => {
    const a = sample('2026-10', 4);
    const b = sample('2026-10', 4);
    expect(a.list).toBe(b.list);
    expect(a.files).toHaveLength(4 + 4 + 2);
  });

  it('different seeds give different lists', () => {
    const lists = new Set(['2026-10', '2026-11', 'A'].map((seed) => sample(seed, 5).files.join('\n')));
    expect(lists.size).toBeGreaterThan(1);
  });

  it('N per agent, all of an agent with fewer, and the strata said in the list', () => {
    const { list, files } = sample('2026-10', 3);
    const per = (agent: string): number => files.filter((f) => f.includes(`/${agent}/`)).length;
    expect([per('A301'), per('A302'), per('A303')]).toEqual([3, 3, 2]);
    expect(list).toMatch(/^# A303 刘洋: 2 of 2 calls/m);
    expect(list).toMatch(/^# A301 周敏: 3 of 10 calls \(complaint 1\/1, long_hold 1\/1, short 1\/1, long 0\/1\)$/m);
  });

  it('strata are never all left out: complaint, long hold, short and long calls are drawn first', async () => {
    const collected = await collectCalls({ inputs: [OCT], rulesetFile: DEFAULT_RULESET, read: {} });
    if (collected.kind !== 'done') throw new Error(collected.kind);
    const a301 = (seed: string, n: number): string[] =>
      drawSample(collected.agents, collected.files, n, seed).find((a) => a.agentId === 'A301')?.picked.map((c) => c.file.split('/').pop() ?? '') ?? [];
    expect(collected.agents.find((a) => a.agentId === 'A301')?.strata.map((bits) => strataOf(bits).join('+'))).toEqual(
      ['', '', '', '', 'complaint', 'long_hold', 'short', 'long', '', ''],
    );
    const fills = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      expect(a301(String(seed), 4)).toEqual([A301('05'), A301('06'), A301('07'), A301('08')]);
      // With room for two: the complaint and the long hold, in that order of priority.
      expect(a301(String(seed), 2)).toEqual([A301('05'), A301('06')]);
      // With room for six, two more are drawn from the other calls.
      const six = a301(String(seed), 6);
      expect(six).toEqual(expect.arrayContaining([A301('05'), A301('06'), A301('07'), A301('08')]));
      six.forEach((f) => fills.add(f));
    }
    expect(fills.size).toBe(10);
  });

  it('callqa audit @list.txt scores exactly the sampled calls', () => {
    const { out, files } = sample('2026-10', 3);
    const report = join(out, '..', 'report');
    const run = callqa(['audit', `@${out}`, '--out', report, '-j', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/scored 8 of 8/);
    const ids = readCsv(join(report, 'summary.csv')).rows.map((r) => [r.agent_id, r.calls]);
    expect(ids).toEqual([['A301', '3'], ['A302', '3'], ['A303', '2']]);
    expect(files.every((f) => !f.startsWith('/'))).toBe(true); // relative to the list: portable
  });

  it('audit @list reads back the very files sample listed: names starting with #, with spaces; a line break is not listable', () => {
    const dir = tempDir();
    const names = ['#1.txt', ' lead.txt', 'trail.txt ', 'plain.txt'];
    for (const [i, name] of [...names, 'two\nlines.txt'].entries()) {
      const text = readFileSync(join(OCT, 'A301', A301('01')), 'utf8').replace(/^call_id: .*$/m, `call_id: c${i}`);
      writeFileSync(join(dir, name), text);
    }
    const out = join(dir, 'list.txt');
    const run = callqa(['sample', ...names, 'two\nlines.txt', '-n', '10', '-s', 'x', '-o', out], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('two\nlines.txt: error (input): the file name holds a line break, which the sample list cannot hold: rename the file; not sampled');
    expect(run.stdout).toMatch(/sampled 4 of 4/);
    expect(readFileSync(out, 'utf8')).toMatch(/^\.\/#1\.txt$/m);
    const report = join(dir, 'report');
    const audit = callqa(['audit', `@${out}`, '--out', report, '-j', '1'], dir);
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/scored 4 of 4/);
    expect(readCsv(join(report, 'summary.csv')).rows.map((r) => r.calls)).toEqual(['4']);
  });

  it('--manifest supplies the agent of transcripts that do not name one', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'calls'));
    for (const n of ['01', '02', '03']) {
      const text = readFileSync(join(OCT, 'A301', A301(n)), 'utf8').replace(/^agent_(id|name): .*\n/gm, '');
      writeFileSync(join(dir, 'calls', A301(n)), text);
    }
    writeFileSync(join(dir, 'calls.csv'), 'call_id,agent_id,agent_name\n2026-10-A301-01,B1,甲\n2026-10-A301-02,B1,甲\n2026-10-A301-03,B2,乙\n');
    const out = join(dir, 'list.txt');
    const run = callqa(['sample', join(dir, 'calls'), '-n', '1', '-s', 'x', '-o', out, '--manifest', join(dir, 'calls.csv')]);
    expect(run.status, run.stderr).toBe(0);
    const list = readFileSync(out, 'utf8');
    expect(list).toMatch(/^# B1 甲: 1 of 2 calls/m);
    expect(list).toMatch(/^# B2 乙: 1 of 1 calls/m);
  });

  it('a month read on worker threads gives the list one thread gives, byte for byte, and the same problems', () => {
    // 200 calls (enough for threads: a handful of files is read in-thread) and one unreadable file.
    const month = join(tempDir(), 'month');
    for (let copy = 0; copy < 10; copy++) cpSync(OCT, join(month, `part${copy}`), { recursive: true });
    writeFileSync(join(month, 'part3', 'broken.txt'), Buffer.from([0x00, 0xff, 0x00, 0xfe, 0x01, 0x02]));
    const lists = ['1', '4'].map((jobs) => {
      const out = join(tempDir(), 'list.txt');
      const run = callqa(['sample', month, '-n', '7', '-s', '2026-10', '-o', out, '--jobs', jobs]);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/broken\.txt.*not sampled/);
      expect(run.stdout).toMatch(/sampled 21 of 200 call\(s\) from 3 agent\(s\)/);
      return { list: readFileSync(out, 'utf8'), stderr: run.stderr };
    });
    expect(lists[1]?.list).toBe(lists[0]?.list);
    expect(lists[1]?.stderr).toBe(lists[0]?.stderr);
  });

  it('an agent name with a line break (an Excel cell) stays one comment line: audit @list reads only the sampled files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'calls'));
    const text = readFileSync(join(OCT, 'A301', A301('01')), 'utf8').replace(/^agent_(id|name): .*\n/gm, '');
    writeFileSync(join(dir, 'calls', A301('01')), text);
    writeFileSync(join(dir, 'calls.csv'), 'call_id,agent_id,agent_name\n2026-10-A301-01,B1,"周敏\r\n(夜班)"\n');
    const out = join(dir, 'list.txt');
    expect(callqa(['sample', join(dir, 'calls'), '-n', '1', '-s', 'x', '-o', out, '--manifest', join(dir, 'calls.csv')]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# B1 周敏\\r\\n\(夜班\): 1 of 1 calls/m);
    const audit = callqa(['audit', `@${out}`, '--out', join(dir, 'report'), '-j', '1', '--manifest', join(dir, 'calls.csv')]);
    expect(audit.status, audit.stderr).toBe(0);
    expect(readCsv(join(dir, 'report', 'errors.csv')).rows.filter((r) => r.stage === 'input')).toEqual([]);
  });

  it('--short-s at or above --long-s is a usage error, and no list is written', () => {
    const out = join(tempDir(), 'l.txt');
    const run = callqa(['sample', OCT, '-n', '3', '-s', 'x', '-o', out, '--short-s', '100', '--long-s', '50']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--short-s 100 must be below --long-s 50: nothing written');
    expect(exists(out)).toBe(false);
  });

  it('a missing --seed is a usage error', () => {
    const run = callqa(['sample', OCT, '--per-agent', '3', '--out', join(tempDir(), 'l.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--seed/);
  });
});

describe('pickCalls', () => {
  const calls: SampledCall[] = Array.from({ length: 20 }, (_, i) => ({ file: `c${String(i).padStart(2, '0')}`, strata: i === 13 ? ['complaint'] : [] }));

  it('keeps input order, takes the stratum call, and fills the rest from the whole pool', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const picked = pickCalls(calls, 5, prng(seed));
      expect(picked).toHaveLength(5);
      expect(picked.map((c) => c.file)).toEqual([...picked.map((c) => c.file)].sort());
      expect(picked.some((c) => c.file === 'c13')).toBe(true);
      picked.forEach((c) => seen.add(c.file));
    }
    // The fill is a draw, not the first files: over 30 seeds nearly every call shows up.
    expect(seen.size).toBeGreaterThanOrEqual(18);
  });
});
