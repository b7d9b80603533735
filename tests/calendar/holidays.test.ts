import { describe, expect, it } from 'vitest';
import { dayKind, isRestDay } from '../../src/calendar/holidays.js';

describe('dayKind for CN (chinese-days)', () => {
  it('knows National Day and the bridged weekdays of Golden Week 2026 (Oct 1–7)', () => {
    expect(dayKind('2026-10-01', 'CN')).toEqual({ weekend: false, holiday: true, adjustedWorkday: false, known: true, name: '国庆节' });
    // A Tuesday, off only because of the State Council arrangement.
    expect(dayKind('2026-10-06', 'CN')).toMatchObject({ weekend: false, holiday: true, known: true });
    expect(isRestDay('2026-10-06', 'CN')).toBe(true);
    expect(dayKind('2026-10-08', 'CN')).toMatchObject({ holiday: false, known: true });
  });

  it('treats a plain Tuesday as a working day', () => {
    expect(dayKind('2026-10-13', 'CN')).toEqual({ weekend: false, holiday: false, adjustedWorkday: false, known: true });
    expect(isRestDay('2026-10-13', 'CN')).toBe(false);
  });

  it('knows 调休: Sunday 2025-09-28 and Saturday 2026-10-10 were working days', () => {
    expect(dayKind('2025-09-28', 'CN')).toEqual({ weekend: true, holiday: false, adjustedWorkday: true, known: true, name: '国庆节' });
    expect(isRestDay('2025-09-28', 'CN')).toBe(false);
    expect(isRestDay('2026-10-10', 'CN')).toBe(false);
  });

  it('treats an ordinary weekend as a rest day that is not a holiday', () => {
    expect(dayKind('2026-10-17', 'CN')).toEqual({ weekend: true, holiday: false, adjustedWorkday: false, known: true });
    expect(isRestDay('2026-10-17', 'CN')).toBe(true);
  });

  it("does not count date-holidays' CN group days (儿童节 on Monday 2026-06-01) as holidays", () => {
    expect(dayKind('2026-06-01', 'CN')).toMatchObject({ weekend: false, holiday: false });
  });

  it('says unknown outside the published years', () => {
    expect(dayKind('2031-10-01', 'CN')).toEqual({ weekend: false, holiday: false, adjustedWorkday: false, known: false });
    expect(dayKind('2003-10-01', 'CN').known).toBe(false);
    expect(dayKind('2004-10-01', 'CN')).toMatchObject({ holiday: true, known: true });
  });
});

describe('dayKind for TW and HK (date-holidays, public only)', () => {
  it('knows TW National Day 2026-10-10 (a Saturday)', () => {
    const kind = dayKind('2026-10-10', 'TW');
    expect(kind).toMatchObject({ weekend: true, holiday: true, adjustedWorkday: false, known: true });
    expect(kind.name).toContain('國慶日');
  });

  it('knows HK Establishment Day 2026-07-01 (a Wednesday)', () => {
    expect(dayKind('2026-07-01', 'HK')).toEqual({ weekend: false, holiday: true, adjustedWorkday: false, known: true, name: '香港特別行政區成立紀念日' });
    expect(dayKind('2026-07-01', 'TW').holiday).toBe(false);
  });

  it('leaves TW observances (農民節, Wednesday 2026-02-04) as working days', () => {
    expect(dayKind('2026-02-04', 'TW')).toMatchObject({ weekend: false, holiday: false });
  });

  it('computes HK later years from rules, and TW years before the 2025 act', () => {
    expect(dayKind('2031-10-01', 'HK')).toMatchObject({ holiday: true, known: true });
    expect(dayKind('2024-10-10', 'TW')).toMatchObject({ holiday: true, known: true });
  });
});

describe('dayKind for TW from 2025 (the DGPA calendar)', () => {
  it('knows the days the 2025 act added: 勞動節, 教師節, 光復節, 行憲紀念日', () => {
    for (const date of ['2026-05-01', '2026-09-28', '2026-12-25', '2025-12-25']) {
      expect(dayKind(date, 'TW'), date).toMatchObject({ weekend: false, holiday: true, known: true });
      expect(isRestDay(date, 'TW'), date).toBe(true);
    }
  });

  it('gives the Friday before a Saturday holiday off (228, 國慶日 and 兒童節 2026)', () => {
    expect(dayKind('2026-02-27', 'TW')).toEqual({ weekend: false, holiday: true, adjustedWorkday: false, known: true, name: '和平紀念日（補假）' });
    expect(isRestDay('2026-10-09', 'TW')).toBe(true);
    expect(isRestDay('2026-04-03', 'TW')).toBe(true);
    expect(isRestDay('2025-05-30', 'TW')).toBe(true);
  });

  it('knows the 2025 調整放假 Monday and its 補行上班 Saturday', () => {
    expect(isRestDay('2025-01-27', 'TW')).toBe(true);
    expect(dayKind('2025-02-08', 'TW')).toMatchObject({ weekend: true, adjustedWorkday: true, known: true });
    expect(isRestDay('2025-02-08', 'TW')).toBe(false);
  });

  it('keeps observances and ordinary weekdays as working days', () => {
    expect(isRestDay('2026-02-04', 'TW')).toBe(false);
    expect(isRestDay('2026-10-27', 'TW')).toBe(false);
  });

  it('says unknown for a year whose calendar is not published here, never the rule-based guess', () => {
    expect(dayKind('2027-10-11', 'TW').known).toBe(false);
    expect(dayKind('2031-10-10', 'TW').known).toBe(false);
  });
});

describe('extra dates from the ruleset', () => {
  it('adds a holiday the library does not know (an HK typhoon day, Tuesday 2026-09-15)', () => {
    expect(isRestDay('2026-09-15', 'HK')).toBe(false);
    const extra = { holidays: ['2026-09-15'] };
    expect(dayKind('2026-09-15', 'HK', extra)).toEqual({ weekend: false, holiday: true, adjustedWorkday: false, known: true, name: 'ruleset holiday' });
    expect(isRestDay('2026-09-15', 'HK', extra)).toBe(true);
    // The cached library answer is untouched.
    expect(dayKind('2026-09-15', 'HK').holiday).toBe(false);
  });

  it('turns a weekend into a working day (a TW 補班 Saturday)', () => {
    const extra = { workdays: ['2026-10-17'] };
    expect(dayKind('2026-10-17', 'TW', extra)).toMatchObject({ weekend: true, adjustedWorkday: true, name: 'ruleset workday' });
    expect(isRestDay('2026-10-17', 'TW', extra)).toBe(false);
  });

  it('makes a named date known even outside the data, and a workday beats a holiday', () => {
    expect(dayKind('2031-10-01', 'CN', { holidays: ['2031-10-01'] })).toMatchObject({ holiday: true, known: true });
    expect(dayKind('2031-10-02', 'CN', { holidays: ['2031-10-01'] }).known).toBe(false);
    expect(isRestDay('2026-10-01', 'CN', { holidays: ['2026-10-01'], workdays: ['2026-10-01'] })).toBe(false);
  });
});

describe('dayKind edge cases', () => {
  it('answers unknown for a string that is not a date', () => {
    for (const bad of ['2026-02-30', '20261001', 'tomorrow']) {
      expect(dayKind(bad, 'CN')).toEqual({ weekend: false, holiday: false, adjustedWorkday: false, known: false });
    }
  });

  it('memoises per date and region', () => {
    expect(dayKind('2026-10-02', 'CN')).toBe(dayKind('2026-10-02', 'CN'));
    expect(dayKind('2026-10-02', 'HK')).not.toBe(dayKind('2026-10-02', 'CN'));
    const start = performance.now();
    for (let i = 0; i < 50_000; i++) isRestDay('2026-10-02', i % 2 ? 'CN' : 'HK');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
