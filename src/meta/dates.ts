/**
 * Call dates as HR and telephony systems export them. Year-first spellings are unambiguous and
 * read: 2026-10-05, 2026/10/5, 2026.10.5, 2026年10月5日, 20261005, each optionally followed by a
 * time (2026-10-05 09:15, 2026-10-05T09:15:30+08:00, 2026年10月5日09:15). Two spellings are refused with a reason,
 * because any reading would be a guess: day and month before the year (10/05/2026 is 5 October
 * in one export and 10 May in another) and Excel serial numbers (46300, a date column that lost
 * its format; the 1900 and 1904 date systems differ by four years).
 *
 * A time with a UTC offset (2026-09-30T20:00:00Z, 2026-09-30 20:00:00+00 as PostgreSQL writes it,
 * 2026-09-30 20:00:00 +0800) and a Unix epoch (1790784000, or 1790784000000 in
 * milliseconds, as CTI JSON exports write call starts) name an instant, not a wall-clock day: the
 * day is taken in UTC+8, the time of every calendar callqa knows (CN, TW, HK). Taking the written
 * day instead would put a call at 04:00 on National Day on 30 September, a working day.
 */

import type { CallMeta } from '../model/call.js';

/** `reason` follows the quoted value in a message: `date "46300" <reason>`. */
export type ParsedDate = { ok: true; value: string } | { ok: false; reason: string };

const YEAR_FIRST = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))(?:(?:[T ]|\s+|(?<=日))(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** Seconds or milliseconds since 1970 in this century's range (2001-09 … 2033-05): 10 or 13 digits. */
const EPOCH = /^1\d{9}(\d{3})?$/;
/** UTC+8: China, Taiwan and Hong Kong, the regions of callqa's calendars. */
const CALENDAR_OFFSET_MS = 8 * 3600 * 1000;
const YEAR_LAST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** YYYY-MM-DD when `year`-`month`-`day` is a real calendar day. */
function calendarDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC+8 calendar day of an instant (ms since 1970). */
function dayInUtc8(epochMs: number): string {
  return new Date(epochMs + CALENDAR_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes east of UTC of a written offset: Z, UTC, +08:00, -0500, +00 (PostgreSQL's timestamptz). */
function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** A year-first date as written: its calendar day, and the instant when a time is written too. */
interface YearFirst {
  /** The written day, or the UTC+8 day of a time with an offset. */
  day: string;
  /** ms since 1970 of the date and time; a time without offset is a UTC+8 wall clock. */
  at?: number;
}

function yearFirst(text: string): YearFirst | undefined {
  const m = YEAR_FIRST.exec(text);
  if (!m) return undefined;
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  // 24:10 or 09:75 is no time: nor is the day it comes with a date to judge.
  const clockOk = m[8] === undefined || (Number(m[8]) < 24 && Number(m[9]) < 60 && Number(m[10] ?? 0) < 60);
  const value = clockOk ? calendarDay(Number(m[1]), month, day) : undefined;
  if (!value) return undefined;
  if (m[8] === undefined) return { day: value };
  const wall = Date.UTC(Number(m[1]), month - 1, day, Number(m[8]), Number(m[9]), Number(m[10] ?? 0));
  const zone = m[11];
  if (zone === undefined) return { day: value, at: wall - CALENDAR_OFFSET_MS };
  const at = wall - offsetMinutes(zone) * 60_000;
  return { day: dayInUtc8(at), at };
}

/** ms since 1970 of an epoch in seconds or milliseconds. */
function epochMs(text: string): number {
  return text.length === 13 ? Number(text) : Number(text) * 1000;
}

/**
 * The moment a `started_at` names, in ms since 1970: a year-first date with a time (a wall clock
 * in UTC+8, the time of the CN/TW/HK centres, when no offset is written) or an epoch. So
 * 2026-02-09 09:00, 2026/2/9 9:00, 2026-02-09T01:00:00Z and 1770598800 are one moment. A date or a
 * clock time alone names none: undefined.
 */
export function parseInstant(raw: string): number | undefined {
  const text = raw.trim();
  const written = yearFirst(text);
  if (written) return written.at;
  return EPOCH.test(text) ? epochMs(text) : undefined;
}

/** One raw date (or date and time) → YYYY-MM-DD, or why it is not read. */
export function parseDate(raw: string): ParsedDate {
  const text = raw.trim();
  const written = yearFirst(text);
  if (written) return { ok: true, value: written.day };
  if (EPOCH.test(text)) return { ok: true, value: dayInUtc8(epochMs(text)) };
  if (YEAR_LAST.test(text)) {
    return { ok: false, reason: `is ambiguous (day/month or month/day?); write the year first, e.g. 2026-10-05` };
  }
  if (SERIAL.test(text)) {
    return { ok: false, reason: `looks like an Excel serial number, not a date; format the column as YYYY-MM-DD before exporting` };
  }
  return { ok: false, reason: 'is not a date (YYYY-MM-DD)' };
}

/** The day of a start: its UTC+8 day when it names a moment, else the date part (2026/10/5 9:15). */
function startDay(startedAt: string): string | undefined {
  const text = startedAt.trim();
  const whole = parseDate(text);
  if (whole.ok) return whole.value;
  const datePart = /^[^\sT]+/.exec(text);
  const part = datePart ? parseDate(datePart[0]) : undefined;
  return part?.ok ? part.value : undefined;
}

/**
 * The call's day as the calendar rules and the scorecards take it: `date`, else the day of
 * `started_at` (a call log may give only the start).
 */
export function callDay(meta: CallMeta): string | undefined {
  if (meta.date !== undefined) {
    const d = parseDate(String(meta.date));
    return d.ok ? d.value : undefined;
  }
  return meta.started_at === undefined ? undefined : startDay(String(meta.started_at));
}

/**
 * A `date` that is not the day `started_at` names (a log's date column in UTC, or two exports of
 * different calls): said, since the holiday rules go by `date`. undefined when they agree or
 * either says no day.
 */
export function dayDisagreement(meta: CallMeta): string | undefined {
  if (meta.date === undefined || meta.started_at === undefined) return undefined;
  const date = parseDate(String(meta.date));
  const start = startDay(String(meta.started_at));
  if (!date.ok || start === undefined || start === date.value) return undefined;
  return `date ${date.value} is not the day of started_at "${String(meta.started_at)}" (${start} in UTC+8): the calendar rules go by date; correct whichever is wrong`;
}
