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
/** Long digit runs (≥ 12) become 2.02610E+18 in Excel: ids are written as ="…" text literals. */
const LONG_DIGITS = /^\d{12,}$/;

export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function idCell(value: string): string {
  return LONG_DIGITS.test(value) ? `"=""${value}"""` : textCell(value);
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
