/**
 * Is a call date a weekend, a public holiday, or a working weekend — for CN, TW or HK.
 * Used by `closing.holiday-wish`; a call's own `holiday` meta overrides all of this upstream.
 *
 * Data: chinese-days for CN (holidays and 调休 working weekends, per published year), the DGPA's
 * published calendars for TW from 2025 (taiwan.ts: the 2025 act outdated date-holidays' rules),
 * and date-holidays for HK and TW before 2025 (type 'public' only); see sources.ts for why.
 *
 * What the libraries do NOT know — the ruleset's extra `holidays` / `workdays` cover them:
 * - TW 補班 and bridge days before 2025, and HK ad-hoc bridge days;
 * - TW years from 2025 whose calendar is not in taiwan.ts yet (they are `known: false`);
 * - typhoon days (停班停課), HK black-rainstorm / typhoon-signal-8 days;
 * - regional days (e.g. CN ethnic-autonomy holidays) and company-specific days off;
 * - CN years the State Council has not published yet: those dates are `known: false`, so the
 *   caller reports na ("no calendar data for 2031") instead of guessing.
 */
import { cnCovers, cnDay, publicCovers, publicDay, type LibraryDay, type Region } from './sources.js';
import { twTableCovers, twTableDay } from './taiwan.js';

export type { Region } from './sources.js';

export interface DayKind {
  readonly weekend: boolean;
  readonly holiday: boolean;
  /** A day people work although it is a weekend or holiday (CN 调休, or a ruleset workday). */
  readonly adjustedWorkday: boolean;
  /** The holiday's (or the adjusted day's) name, when there is one. */
  readonly name?: string;
  /** False when no data covers the date's year (and the ruleset does not name the date). */
  readonly known: boolean;
}

/** Dates (YYYY-MM-DD) from the ruleset. A date in both lists is a workday. */
export interface ExtraDays {
  holidays?: string[];
  workdays?: string[];
}

const cache = new Map<string, DayKind>();
const extraSets = new WeakMap<string[], Set<string>>();

const INVALID: DayKind = Object.freeze({ weekend: false, holiday: false, adjustedWorkday: false, known: false });

/** Day of the week for a YYYY-MM-DD date, or undefined when it is not a real date. */
function weekday(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return d.getUTCDay();
}

/** Which source answers for this region and year, and what it says. */
function sourceDay(date: string, region: Region, year: number, weekend: boolean): { known: boolean; lib: LibraryDay } {
  const none: LibraryDay = { holiday: false, workday: false };
  if (region === 'CN') return cnCovers(year) ? { known: true, lib: cnDay(date, weekend) } : { known: false, lib: none };
  const table = region === 'TW' ? twTableCovers(year) : undefined;
  if (table !== undefined) return table ? { known: true, lib: twTableDay(date) } : { known: false, lib: none };
  return publicCovers(region, year) ? { known: true, lib: publicDay(region, date) } : { known: false, lib: none };
}

function fromLibraries(date: string, region: Region): DayKind {
  const day = weekday(date);
  if (day === undefined) return INVALID;
  const weekend = day === 0 || day === 6;
  const year = Number(date.slice(0, 4));
  const { known, lib } = sourceDay(date, region, year, weekend);
  const kind: DayKind = { weekend, holiday: lib.holiday, adjustedWorkday: lib.workday, known };
  return Object.freeze(lib.name === undefined ? kind : { ...kind, name: lib.name });
}

function asSet(list: string[] | undefined): Set<string> | undefined {
  if (!list || list.length === 0) return undefined;
  let set = extraSets.get(list);
  if (!set) {
    set = new Set(list);
    extraSets.set(list, set);
  }
  return set;
}

/**
 * What kind of day `date` (YYYY-MM-DD) is in `region`. Memoised per date and region: an audit
 * asks for tens of thousands of calls over a few hundred distinct dates. Not a real date →
 * everything false and `known: false` (dates are validated where metadata is read).
 */
export function dayKind(date: string, region: Region, extra?: ExtraDays): DayKind {
  const id = `${region}${date}`;
  let kind = cache.get(id);
  if (!kind) {
    kind = fromLibraries(date, region);
    cache.set(id, kind);
  }
  if (kind === INVALID) return kind;
  const workdays = asSet(extra?.workdays);
  if (workdays?.has(date)) {
    return { ...kind, adjustedWorkday: true, known: true, name: kind.name ?? 'ruleset workday' };
  }
  const holidays = asSet(extra?.holidays);
  if (holidays?.has(date)) {
    return { ...kind, holiday: true, adjustedWorkday: false, known: true, name: kind.name ?? 'ruleset holiday' };
  }
  return kind;
}

/** A day off for most people: a weekend or holiday that was not turned into a working day. */
export function isRestDay(date: string, region: Region, extra?: ExtraDays): boolean {
  const kind = dayKind(date, region, extra);
  return (kind.holiday || kind.weekend) && !kind.adjustedWorkday;
}
