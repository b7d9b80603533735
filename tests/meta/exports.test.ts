/**
 * Metadata as call-centre systems export it: CTI timestamps (UTC, epoch), durations with units,
 * Chinese enum values, empty cells. Each is read when it is unambiguous, and refused with a
 * warning (the rule reading it na) when it is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/meta/dates.js';
import { coerceField } from '../../src/meta/fields.js';
import { loadManifest } from '../../src/meta/manifest.js';
import { parseFrontMatter } from '../../src/readers/plain-meta.js';
import type { ReadWarning } from '../../src/model/call.js';
import { callqa, readCsv, tempDir } from '../e2e/helpers.js';

function frontMatter(...lines: string[]) {
  const warnings: ReadWarning[] = [];
  const { meta } = parseFrontMatter(['---', ...lines, '---', '坐席：您好'], warnings);
  return { meta, warnings: warnings.map((w) => w.message) };
}

describe('dates that name an instant are taken in UTC+8, the time of the CN/TW/HK calendars', () => {
  it('reads a UTC or other-offset time as the UTC+8 day', () => {
    // 20:00 UTC on 30 September is 04:00 on National Day in Beijing, Taipei and Hong Kong.
    expect(parseDate('2026-09-30T20:00:00Z')).toEqual({ ok: true, value: '2026-10-01' });
    expect(parseDate('2026-09-30 15:59:59Z')).toEqual({ ok: true, value: '2026-09-30' });
    expect(parseDate('2026-10-01T01:00:00+09:00')).toEqual({ ok: true, value: '2026-10-01' });
    expect(parseDate('2026-09-30T12:30:00-0500')).toEqual({ ok: true, value: '2026-10-01' });
    // the offset of the calendars themselves: the day as written
    expect(parseDate('2026-10-01 00:30:00+08:00')).toEqual({ ok: true, value: '2026-10-01' });
  });

  it('refuses a time that is no time, rather than rolling it into the next day', () => {
    expect(parseDate('2026-09-30T25:00:00Z').ok).toBe(false);
    expect(parseDate('2026-09-30 23:75').ok).toBe(false);
  });

  it('reads Unix epochs in seconds and milliseconds', () => {
    expect(parseDate('1790798400000')).toEqual({ ok: true, value: '2026-10-01' }); // 2026-09-30T20:00Z
    expect(parseDate('1790798400')).toEqual({ ok: true, value: '2026-10-01' });
    // other lengths are no epoch: a 5-digit Excel serial, an 11-digit phone number
    expect(parseDate('46300').ok).toBe(false);
    expect(parseDate('13812345678').ok).toBe(false);
  });

  it('still refuses month/day-first dates with a time', () => {
    const parsed = parseDate('10/01/2026 09:00');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('ambiguous');
  });
});

describe('durations as call logs write them', () => {
  it('reads units and hh:mm:ss', () => {
    const read = (raw: string) => coerceField('ring_s', raw);
    expect(read('5秒')).toEqual({ ok: true, value: 5 });
    expect(read('25s')).toEqual({ ok: true, value: 25 });
    expect(read('1分30秒')).toEqual({ ok: true, value: 90 });
    expect(read('2分钟')).toEqual({ ok: true, value: 120 });
    expect(read('00:00:25')).toEqual({ ok: true, value: 25 });
    expect(read('8000ms')).toEqual({ ok: true, value: 8 });
    expect(read('8000毫秒')).toEqual({ ok: true, value: 8 });
  });

  it('refuses mm:ss (or hh:mm?) and a bare count of milliseconds', () => {
    expect(coerceField('ring_s', '01:30').ok).toBe(false);
    expect(coerceField('ring_s', '00:75:00').ok).toBe(false);
    expect(coerceField('ring_s', '5000')).toEqual({ ok: false, message: 'ring_s 5000 is more than 5 minutes: no such wait (milliseconds?)', overMax: true });
  });
});

describe('a manifest column of milliseconds', () => {
  it('drops the whole column once one value is past its maximum: its small values are guesses too', () => {
    const file = join(tempDir(), 'calls.csv');
    // 45 s and 3 s of queueing, exported in ms: 3000 alone would read as a 50-minute wait
    writeFileSync(file, 'call_id,queue_s,ring_s\nq1,45000,4\nq2,3000,6\nq3,00:00:40,5\n');
    const loaded = loadManifest(file);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.manifest.lookup('q2', '')).toEqual({ call_id: 'q2', ring_s: 6 });
    // written with its unit: no guess
    expect(loaded.manifest.lookup('q3', '')).toEqual({ call_id: 'q3', queue_s: 40, ring_s: 5 });
    expect(loaded.problems).toEqual([
      { line: 2, message: 'queue_s 45000 is more than 2 hours: no such wait (milliseconds?); value ignored' },
      { line: 2, message: 'column queue_s has a value past its maximum on this line (milliseconds?): its 1 other value(s) are ignored too' },
    ]);
  });
});

describe('front matter reads fields as the manifest does', () => {
  it('reads 外呼, in/out; keeps vendor codes 1/2 as written with a warning saying how to read them', () => {
    expect(frontMatter('direction: 外呼').meta.direction).toBe('outbound');
    expect(frontMatter('direction: in').meta.direction).toBe('inbound');
    expect(frontMatter('direction: OUT').meta.direction).toBe('outbound');
    expect(frontMatter('direction: 來電').meta.direction).toBe('inbound');
    expect(frontMatter('direction: Outgoing').meta.direction).toBe('outbound');
    // Dropped, the code would read as "the log does not say" and rules judge such calls as
    // possibly inbound: kept, the rules needing the direction are na.
    const coded = frontMatter('direction: 1');
    expect(coded.meta.direction).toBe(1);
    expect(coded.warnings).toEqual([
      'front matter direction "1" is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound); kept as written: the rules reading it are na',
    ]);
  });

  it('reads the column names CTI exports use', () => {
    expect(frontMatter('呼叫类型: 呼出', '通话日期: 2026/10/01', '挂断方: 客户').meta).toEqual({ direction: 'outbound', date: '2026-10-01', hangup_by: 'customer' });
  });

  it('reads 座席 (the other spelling of 坐席), 通话开始时间 and 地区: unread, the call was scored under agent unknown on the CN calendar', () => {
    const log = join(tempDir(), 'cti.csv');
    writeFileSync(
      log,
      '通话ID,座席工号,座席姓名,呼叫类型,通话开始时间,地区,挂机方\n' +
        'C1,A128,王芳,呼入,2026年2月9日09:00,中国台湾,座席挂机\n' +
        'C2,A129,李娜,呼出,2026年2月909:00,华东,坐席主动挂机\n',
    );
    const loaded = loadManifest(log);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.manifest.lookup('C1', '')).toEqual({ call_id: 'C1', agent_id: 'A128', agent_name: '王芳', direction: 'inbound', started_at: '2026年2月9日09:00', region: 'TW', hangup_by: 'agent' });
    // a run-together day and time is no date; a sales region is no calendar's: both said, never guessed
    expect(loaded.manifest.lookup('C2', '')).toMatchObject({ region: '华东', hangup_by: 'agent' });
    expect(loaded.problems.map((p) => p.message)).toEqual([
      'started_at "2026年2月909:00" is not a date (YYYY-MM-DD); value ignored',
      'region "华东" is not CN, TW or HK; kept as written: the rules reading it are na',
    ]);
  });

  it('reads a Taiwan or Hong Kong export\'s traditional headers and words: 坐席工號, 通話時間, 掛機方, 進線/外撥', () => {
    const log = join(tempDir(), 'tw.csv');
    writeFileSync(log, '通話編號,坐席工號,呼叫類型,通話時間,掛機方,是否轉接,地區,客戶等級\nT1,A128,進線,2026/10/10 09:00,顧客掛斷,已轉接,臺灣,VIP\nT2,A129,外撥,2026/10/10 10:00,坐席掛機,否,中國香港,一般\n');
    const loaded = loadManifest(log);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.problems).toEqual([]);
    // a column callqa does not read keeps its name as written, for the rules that read it
    expect(loaded.manifest.lookup('T1', '')).toEqual({
      call_id: 'T1', agent_id: 'A128', direction: 'inbound', started_at: '2026/10/10 09:00', hangup_by: 'customer', transferred: true, region: 'TW', 客戶等級: 'VIP',
    });
    expect(loaded.manifest.lookup('T2', '')).toMatchObject({ direction: 'outbound', hangup_by: 'agent', transferred: false, region: 'HK' });
    expect(frontMatter('通話方向: 撥入', '坐席工號: A128').meta).toEqual({ direction: 'inbound', agent_id: 'A128' });
  });

  it('reads a region by its code, ISO alpha-3 or name', () => {
    for (const [raw, region] of [['hk', 'HK'], ['TWN', 'TW'], ['Hong Kong', 'HK'], ['中國', 'CN'], ['台灣', 'TW']]) {
      expect(coerceField('region', raw as string), raw).toEqual({ ok: true, value: region });
    }
  });

  it('stores hangup_by, region and transferred in their field form', () => {
    expect(frontMatter('挂机方: 用户挂机', 'region: 香港', 'transferred: 是').meta).toEqual({ hangup_by: 'customer', region: 'HK', transferred: true });
  });

  it('reads the event words of call logs: 客户挂断, 已转接; not 主叫挂机, whose side depends on the direction', () => {
    expect(frontMatter('hangup_by: 客户挂断', 'transferred: 未转接').meta).toEqual({ hangup_by: 'customer', transferred: false });
    expect(frontMatter('hangup_by: 坐席掛斷', 'transferred: 已轉接').meta).toEqual({ hangup_by: 'agent', transferred: true });
    expect(frontMatter('hangup_by: 主叫挂机').warnings).toEqual(['front matter hangup_by "主叫挂机" is not agent or customer; kept as written: the rules reading it are na']);
  });

  it('warns on a value no reading fits and keeps it, so the rules reading it are na, not defaulted', () => {
    const read = frontMatter('hangup_by: 系统', 'region: SG');
    expect(read.meta).toEqual({ hangup_by: '系统', region: 'SG' });
    expect(read.warnings).toEqual([
      'front matter hangup_by "系统" is not agent or customer; kept as written: the rules reading it are na',
      'front matter region "SG" is not CN, TW or HK; kept as written: the rules reading it are na',
    ]);
  });

  it('takes an empty quoted value as missing, without a warning', () => {
    expect(frontMatter('queue_s: ""', "ring_s: ''", 'ring_s_note: x').warnings).toEqual([]);
    expect(frontMatter('queue_s: ""').meta).toEqual({});
  });

  it('warns on a started_at whose date cannot be read; a clock time alone is fine', () => {
    expect(frontMatter('started_at: 09:15:30').meta.started_at).toBe('09:15:30');
    const us = frontMatter('started_at: 10/01/2026 09:00');
    expect(us.meta.started_at).toBeUndefined();
    expect(us.warnings[0]).toMatch(/^front matter started_at "10\/01\/2026 09:00" is ambiguous/);
  });
});

describe('end to end: a manifest exported from a CTI system', () => {
  it('judges the UTC+8 day, warns on each value it cannot read and on a row no transcript matched', () => {
    const dir = tempDir();
    const calls = join(dir, 'calls');
    mkdirSync(calls);
    const body = '客户：好的，没有了。\n坐席：感谢您的来电，再见！\n';
    for (const id of ['utc', 'us', 'sg']) writeFileSync(join(calls, `${id}.txt`), body);
    writeFileSync(
      join(dir, 'calls.csv'),
      '通话编号,坐席工号,开始时间,region\nutc,A128,2026-09-30T20:00:00Z,\nus,A128,10/01/2026 09:00,\nsg,A128,2026-10-01 09:00,SG\ngone,A128,2026-10-01 10:00,\n',
    );
    const out = join(dir, 'out');
    const run = callqa(['audit', calls, '--manifest', join(dir, 'calls.csv'), '-o', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const wish = Object.fromEntries(readCsv(join(out, 'findings.csv')).rows.filter((r) => r.rule_id === 'closing.holiday-wish').map((r) => [r.call_id, r]));
    expect(wish.utc?.verdict).toBe('fail');
    expect(wish.utc?.reason).toContain('2026-10-01 is a public holiday in CN');
    expect(wish.us?.verdict).toBe('na');
    // Not the ruleset's CN calendar: the call says SG, which callqa has no calendar for.
    expect(wish.sg?.verdict).toBe('na');
    expect(wish.sg?.reason).toContain('no holiday calendar for region SG');
    const warnings = readCsv(join(out, 'errors.csv')).rows.filter((r) => r.stage === 'manifest').map((r) => r.message);
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^line 3: started_at "10\/01\/2026 09:00" is ambiguous/), expect.stringMatching(/^line 4: region "SG" is not CN, TW or HK; kept as written/)]),
    );
    // a call in the log that was never audited (its recording missing): said once, naming the row
    expect(warnings).toContain('1 of 4 rows matched no transcript among the inputs: line 5 (call_id gone)');
  });
});
