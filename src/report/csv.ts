/**
 * CSV for people who open it in Excel and tools that import it: UTF-8 with BOM, RFC 4180
 * quoting, LF line ends, and values neutralised where Excel would run them as formulas.
 * Hand-rolled rather than csv-stringify on the hot path: findings can be tens of millions of
 * rows, and a plain quoting function is several times faster than the streaming stringifier.
 */

export const BOM = '\uFEFF';

export type Cell = string | number | boolean | undefined | null;

/** OWASP CSV injection: text starting with these is prefixed with ' so Excel shows it as text. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Ids Excel would change on opening, written as ="…" text literals: long digit runs (≥ 12 become
 * 2.02610E+18), leading zeros (employee 00789 → 789), what reads as a number in scientific
 * notation (1E5 → 100000), a decimal with trailing zeros (1.50 → 1.5), a grouped number
 * (1,000 → 1000), a percentage, a date (1-2, 2026/10/15) or a time (10:30). A plain number of up
 * to 11 digits survives as it is and is left alone.
 */
const EXCEL_WOULD_CHANGE =
  /^(?:\d{12,}|0\d+|\d+(?:\.\d*)?[eE][+-]?\d+|\d*\.\d*0|\d*\.|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?%|\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}(?:[-/](?:\d{2}|\d{4}))?|\d{1,2}:\d{2}(?::\d{2})?)$/;

export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function idCell(value: string): string {
  return EXCEL_WOULD_CHANGE.test(value) ? `"=""${value}"""` : textCell(value);
}

export function cell(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return textCell(value);
}

/** One CSV line (with its line end). `ids` lists the positions that hold identifiers. */
export function csvLine(values: readonly Cell[], ids: readonly number[] = []): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    const v = values[i];
    line += ids.includes(i) && typeof v === 'string' ? idCell(v) : cell(v);
  }
  return `${line}\n`;
}

export function csvHeader(columns: readonly string[]): string {
  return BOM + csvLine(columns);
}
