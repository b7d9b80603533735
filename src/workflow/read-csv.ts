/**
 * Read the CSV files the workflow takes in: overrides written by reviewers (often saved from
 * Excel) and the CSVs of an earlier callqa report. UTF-8 with or without a BOM; each row keeps
 * the line it starts on, for located error messages.
 */
import { notRegularCause, readRegularFileSync } from '../model/read-file.js';
import { decodeUtf8, parseCsvRows, type CsvRow } from '../meta/csv-rows.js';

export type { CsvRow } from '../meta/csv-rows.js';

export type CsvFileResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

export function readCsvFile(file: string): CsvFileResult {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${notRegularCause(err) ?? code ?? 'error'})` };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, message: `${file} is not UTF-8 (save it from Excel as "CSV UTF-8")` };
  const parsed = parseCsvRows(text);
  if (!parsed.ok) return { ok: false, message: `${file}${parsed.line ? ` line ${parsed.line}` : ''} is not valid CSV: ${parsed.message}` };
  return parsed;
}

/**
 * A report CSV as objects keyed by its header, with the Excel protections undone: `="0123…"`
 * id cells and the `'` put before text that Excel would run as a formula.
 */
export function readReportCsv(file: string): { ok: true; header: string[]; rows: Record<string, string>[] } | { ok: false; message: string } {
  const read = readCsvFile(file);
  if (!read.ok) return read;
  const [head, ...data] = read.rows;
  const header = head?.cells ?? [];
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, reportValue(r.cells[i] ?? '')])));
  return { ok: true, header, rows };
}

export function reportValue(cell: string): string {
  const id = /^="(.*)"$/.exec(cell);
  if (id) return id[1] ?? '';
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
