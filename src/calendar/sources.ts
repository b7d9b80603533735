/**
 * The two holiday libraries behind `dayKind`, each wrapped into "what is this date" per year.
 *
 * - chinese-days: the State Council's yearly arrangement for mainland China — days off
 *   (including the bridged weekdays of Golden Week) and the adjusted working weekends (调休).
 *   It only knows the years it ships data for (a new year arrives when the State Council
 *   publishes it, usually in November), so outside them CN is "unknown".
 * - date-holidays: rules for TW and HK, usable for any year; we keep only type 'public'
 *   (TW also lists observances such as 農民節 and 媽祖誕辰 that are working days).
 *   Its CN rules are NOT used: they mark half-day and group holidays (妇女节, 青年节,
 *   儿童节, 建军节) as public and know nothing of 调休.
 */
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import type HolidaysClass from 'date-holidays';

// date-holidays carries every country's rules (~8 MB of heap, ~170 ms to load): required on the
// first TW or HK date, so a thread that never asks (the audit's main thread, a CN-only month,
// `callqa lint`) never pays for it.
let Holidays: typeof HolidaysClass | undefined;

export type Region = 'CN' | 'TW' | 'HK';

/** What the library says about one date; weekends are not its business. */
export interface LibraryDay {
  holiday: boolean;
  /** A weekend the government made a working day (CN 调休). */
  workday: boolean;
  name?: string;
}

/** chinese-days names look like "National Day,国庆节,3": keep the Chinese one. */
function chineseName(raw: string): string {
  return raw.split(',')[1] ?? raw;
}

const cnYears = new Map<number, boolean>();

/** Whether chinese-days has the State Council arrangement for `year`. */
export function cnCovers(year: number): boolean {
  let covered = cnYears.get(year);
  if (covered === undefined) {
    covered = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    cnYears.set(year, covered);
  }
  return covered;
}

export function cnDay(date: string, weekend: boolean): LibraryDay {
  const holiday = chineseDays.getHolidaysInRange(date, date, false).length > 0;
  const workday = weekend && chineseDays.isWorkday(date);
  const day: LibraryDay = { holiday, workday };
  if (holiday || workday) day.name = chineseName(chineseDays.getDayDetail(date).name);
  return day;
}

const calendars = new Map<Region, HolidaysClass>();
/** region → year → date → holiday name (one pass over a year, then plain lookups). */
const publicDays = new Map<string, Map<string, string>>();

function calendar(region: Region): HolidaysClass {
  let hd = calendars.get(region);
  if (!hd) {
    Holidays ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
    hd = new Holidays(region, { languages: ['zh'], types: ['public'] });
    calendars.set(region, hd);
  }
  return hd;
}

function publicYear(region: Region, year: number): Map<string, string> {
  const id = `${region}:${year}`;
  let days = publicDays.get(id);
  if (!days) {
    days = new Map();
    for (const h of calendar(region).getHolidays(year)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      days.set(date, days.has(date) ? `${days.get(date)} / ${h.name}` : h.name);
    }
    publicDays.set(id, days);
  }
  return days;
}

/** date-holidays computes TW/HK from rules, so any year with public holidays counts as known. */
export function publicCovers(region: Region, year: number): boolean {
  return publicYear(region, year).size > 0;
}

export function publicDay(region: Region, date: string): LibraryDay {
  const name = publicYear(region, Number(date.slice(0, 4))).get(date);
  return name === undefined ? { holiday: false, workday: false } : { holiday: true, workday: false, name };
}
