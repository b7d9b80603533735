import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate, parseInstant } from '../../src/meta/dates.js';
import { mergeMeta } from '../../src/meta/merge.js';
import { coerceField } from '../../src/meta/fields.js';
import { callqa, readCsv, tempDir } from '../e2e/helpers.js';

describe('parseDate: dates as HR systems export them', () => {
  it('reads every year-first spelling, with or without a time', () => {
    for (const raw of ['2026-10-05', '2026/10/5', '2026.10.05', '2026年10月5日', '2026年10月5', '20261005', '2026-10-05 09:15', '2026/10/5 9:15:00', '2026-10-05T09:15:30+08:00', ' 2026-10-05\t']) {
      expect(parseDate(raw), raw).toEqual({ ok: true, value: '2026-10-05' });
    }
  });

  it('refuses day/month-first dates as ambiguous instead of guessing', () => {
    for (const raw of ['10/05/2026', '5/10/2026', '25/10/2026', '10-05-2026 09:15']) {
      const parsed = parseDate(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain('ambiguous');
    }
  });

  it('refuses Excel serial numbers with a hint', () => {
    const parsed = parseDate('46300');
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('Excel serial number') });
  });

  it('refuses days that do not exist', () => {
    expect(parseDate('2026-02-30').ok).toBe(false);
    expect(parseDate('2026/13/01').ok).toBe(false);
    expect(coerceField('date', '2026-02-30')).toEqual({ ok: false, message: 'date "2026-02-30" is not a date (YYYY-MM-DD)' });
  });
});

describe('call dates end to end (front matter and manifest)', () => {
  const call = (date: string) => `---\nagent_id: A128\ndate: ${date}\nregion: CN\n---\n客户：好的，没有了。\n坐席：感谢您的来电，再见！\n`;

  it('judges the holiday on the day written, and names file and line of a refused date', () => {
    const dir = tempDir();
    const calls = join(dir, 'calls');
    mkdirSync(calls);
    const dates = { slash: '2026/10/5', time: '2026-10-05 09:15', hanzi: '2026年10月5日', compact: '20261005', us: '10/05/2026', serial: '46300' };
    for (const [name, date] of Object.entries(dates)) writeFileSync(join(calls, `${name}.txt`), call(date));
    writeFileSync(join(calls, 'started.txt'), call('x').replace('date: x', 'started_at: 2026/10/5 9:15'));
    writeFileSync(join(calls, 'plain.txt'), '客户：好的，没有了。\n坐席：感谢您的来电，再见！\n');
    writeFileSync(join(dir, 'calls.csv'), 'call_id,agent_id,date,region\nplain,A128,2026年10月5日 09:15,CN\n');
    const out = join(dir, 'out');
    const run = callqa(['audit', calls, '--manifest', join(dir, 'calls.csv'), '-o', out]);
    expect(run.status, run.stderr).toBe(0);

    const wish = Object.fromEntries(readCsv(join(out, 'findings.csv')).rows.filter((r) => r.rule_id === 'closing.holiday-wish').map((r) => [r.call_id, r]));
    for (const id of ['slash', 'time', 'hanzi', 'compact', 'started', 'plain']) {
      expect(wish[id]?.verdict, id).toBe('fail');
      expect(wish[id]?.reason, id).toContain('2026-10-05 is a public holiday in CN');
    }
    expect(wish.us?.verdict).toBe('na');
    expect(wish.serial?.verdict).toBe('na');

    const scorecard = readCsv(join(out, 'scorecards', 'A128.csv')).rows;
    expect(scorecard.find((r) => r.call_id === 'hanzi')?.date).toBe('2026-10-05');
    const errors = readCsv(join(out, 'errors.csv')).rows.filter((r) => r.stage === 'parse');
    const us = errors.find((r) => r.file?.endsWith('us.txt'));
    expect(us?.message).toMatch(/^line 3: front matter "date: 10\/05\/2026" is ambiguous/);
    expect(errors.find((r) => r.file?.endsWith('serial.txt'))?.message).toMatch(/^line 3: .*Excel serial number/);
    expect(errors).toHaveLength(2);
  });
});

describe('started_at is a moment, compared as one whatever its spelling', () => {
  // PostgreSQL writes a timestamptz as 2026-02-09 01:00:00+00; Java's "yyyy-MM-dd HH:mm:ss Z" as … +0800.
  const SAME = ['2026-02-09 09:00', '2026/2/9 9:00', '2026-02-09T01:00:00Z', '2026-02-09T09:00:00+08:00', '1770598800', '1770598800000', '2026-02-09 01:00:00+00', '2026-02-09 09:00:00 +0800', '2026年2月9日09:00'];

  it('reads each spelling as the same instant (no offset: the wall clock of the UTC+8 centres)', () => {
    for (const raw of SAME) expect(parseInstant(raw), raw).toBe(Date.UTC(2026, 1, 9, 1));
    // Read as its date part, 20:00 UTC on 30 September was a working day; it is 04:00 on National Day in Beijing.
    expect(parseDate('2026-09-30 20:00:00+00')).toEqual({ ok: true, value: '2026-10-01' });
    expect(parseDate('2026-09-30 20:00:00 UTC')).toEqual({ ok: true, value: '2026-10-01' });
    // a date or a clock time alone names no moment
    expect(parseInstant('2026-02-09')).toBeUndefined();
    expect(parseInstant('09:00:00')).toBeUndefined();
  });

  it('two sources writing one start differently are no conflict; a start hours apart is', () => {
    for (const raw of SAME.slice(1)) {
      expect(mergeMeta([{ name: 'front matter', meta: { started_at: SAME[0] } }, { name: 'manifest', meta: { started_at: raw } }]).conflicts, raw).toEqual([]);
    }
    // 09:00 in Beijing is not 09:00 UTC (17:00 in Beijing): a real disagreement, said.
    expect(mergeMeta([{ name: 'front matter', meta: { started_at: '2026-02-09 09:00' } }, { name: 'manifest', meta: { started_at: '2026-02-09T09:00:00Z' } }]).conflicts).toEqual([
      'started_at: front matter says 2026-02-09 09:00, manifest says 2026-02-09T09:00:00Z',
    ]);
  });

  it('the scorecard dates a call that has only started_at, and a date that is not the start\'s day is a warning', () => {
    const dir = tempDir();
    const body = '坐席：您好，康泰鑫客服中心，请问有什么可以帮您？\n客户：没有了，谢谢。\n坐席：感谢您的来电，再见！\n';
    writeFileSync(join(dir, 'a.txt'), `---\ncall_id: S1\nagent_id: A128\nstarted_at: 2026/2/9 9:00\n---\n${body}`);
    // 20:00 UTC on 30 September is 04:00 on National Day in Beijing; the log's date is the UTC day.
    writeFileSync(join(dir, 'b.txt'), `---\ncall_id: S2\nagent_id: A128\nstarted_at: 2026-09-30T20:00:00Z\n---\n${body}`);
    writeFileSync(join(dir, 'calls.csv'), 'call_id,started_at,date\nS1,2026-02-09T01:00:00Z,\nS2,,2026-09-30\n');
    const out = join(dir, 'out');
    const run = callqa(['audit', join(dir, 'a.txt'), join(dir, 'b.txt'), '--manifest', join(dir, 'calls.csv'), '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    const dates = Object.fromEntries(readCsv(join(out, 'scorecards', 'A128.csv')).rows.map((r) => [r.call_id, r.date]));
    expect(dates).toEqual({ S1: '2026-02-09', S2: '2026-09-30' });
    expect(readCsv(join(out, 'errors.csv')).rows.map((r) => r.message)).toEqual([
      'date 2026-09-30 is not the day of started_at "2026-09-30T20:00:00Z" (2026-10-01 in UTC+8): the calendar rules go by date; correct whichever is wrong',
    ]);
  });
});
