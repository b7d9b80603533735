/**
 * Taiwan's days off as the DGPA (行政院人事行政總處) publishes them in its yearly 辦公日曆表.
 *
 * Why a table and not date-holidays' rules: the 紀念日及節日實施條例 of May 2025 made 勞動節,
 * 教師節 (9/28), 光復節 (10/25), 行憲紀念日 (12/25) and 除夕前一日 days off for everyone, and moves a
 * holiday on a Saturday to the Friday before — date-holidays knows none of that, nor the 調整放假
 * weekdays and 補行上班 Saturdays. So from 2025 on a TW year is known only once its calendar is
 * published (each June for the next year) and added here; until then its dates are "unknown".
 *
 * Sources: 114年 辦公日曆表 (修正版, 院授人培字第11430248311號, 2025-06-13; 勞動節 5/1 was a day off
 * for workers under the Labor Standards Act) and 115年 辦公日曆表 (2025-06-13).
 */

export interface TaiwanYear {
  /** Every day off that is not a plain weekend, with its name (weekend holidays included). */
  readonly holidays: Readonly<Record<string, string>>;
  /** Saturdays worked to make up a bridged weekday (補行上班). */
  readonly workdays: Readonly<Record<string, string>>;
}

/** The first year the 2025 act changed; earlier years stay with date-holidays. */
export const TW_TABLE_FROM = 2025;

const YEARS: Readonly<Record<number, TaiwanYear>> = {
  2025: {
    holidays: {
      '2025-01-01': '中華民國開國紀念日',
      '2025-01-27': '調整放假（春節）',
      '2025-01-28': '農曆除夕',
      '2025-01-29': '春節',
      '2025-01-30': '春節',
      '2025-01-31': '春節',
      '2025-02-28': '和平紀念日',
      '2025-04-03': '兒童節（補假）',
      '2025-04-04': '兒童節及民族掃墓節',
      '2025-05-01': '勞動節',
      '2025-05-30': '端午節（補假）',
      '2025-05-31': '端午節',
      '2025-09-28': '孔子誕辰紀念日/教師節',
      '2025-09-29': '教師節（補假）',
      '2025-10-06': '中秋節',
      '2025-10-10': '國慶日',
      '2025-10-24': '臺灣光復暨金門古寧頭大捷紀念日（補假）',
      '2025-10-25': '臺灣光復暨金門古寧頭大捷紀念日',
      '2025-12-25': '行憲紀念日',
    },
    workdays: { '2025-02-08': '補行上班（春節調整放假）' },
  },
  2026: {
    holidays: {
      '2026-01-01': '中華民國開國紀念日',
      '2026-02-15': '除夕前一日',
      '2026-02-16': '農曆除夕',
      '2026-02-17': '春節',
      '2026-02-18': '春節',
      '2026-02-19': '春節',
      '2026-02-20': '除夕前一日（補假）',
      '2026-02-27': '和平紀念日（補假）',
      '2026-02-28': '和平紀念日',
      '2026-04-03': '兒童節（補假）',
      '2026-04-04': '兒童節',
      '2026-04-05': '民族掃墓節',
      '2026-04-06': '民族掃墓節（補假）',
      '2026-05-01': '勞動節',
      '2026-06-19': '端午節',
      '2026-09-25': '中秋節',
      '2026-09-28': '孔子誕辰紀念日/教師節',
      '2026-10-09': '國慶日（補假）',
      '2026-10-10': '國慶日',
      '2026-10-25': '臺灣光復暨金門古寧頭大捷紀念日',
      '2026-10-26': '臺灣光復暨金門古寧頭大捷紀念日（補假）',
      '2026-12-25': '行憲紀念日',
    },
    workdays: {},
  },
};

/** The published calendar for `year`, or undefined when there is none here. */
export function taiwanYear(year: number): TaiwanYear | undefined {
  return YEARS[year];
}

/** From 2025 only a published year is known; earlier years are date-holidays' business. */
export function twTableCovers(year: number): boolean | undefined {
  if (year < TW_TABLE_FROM) return undefined;
  return YEARS[year] !== undefined;
}

/** The table's answer for a date in a covered year (a weekend is not its business). */
export function twTableDay(date: string): { holiday: boolean; workday: boolean; name?: string } {
  const year = YEARS[Number(date.slice(0, 4))];
  const off = year?.holidays[date];
  if (off !== undefined) return { holiday: true, workday: false, name: off };
  const worked = year?.workdays[date];
  if (worked !== undefined) return { holiday: false, workday: true, name: worked };
  return { holiday: false, workday: false };
}
