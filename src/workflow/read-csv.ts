/**
 * Read the CSV files the workflow takes in: overrides written by reviewers (often saved from
 * Excel) and the CSVs of an earlier callqa report. UTF-8 with or without a BOM; each row keeps
 * the line it starts on, for located error messages.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  cells: string[];
  line: number;
}

export type CsvFileResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

export function readCsvFile(file: string): CsvFileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code ?? 'error'})` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${file} is not UTF-8 (save it from Excel as "CSV UTF-8")` };
  }
  try {
    const options = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true };
    const parsed = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      ok: true,
      rows: parsed.map(({ record, info }) => {
        const inner = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
        return { cells: record, line: info.lines - inner };
      }),
    };
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { ok: false, message: `${file}${e.lines ? ` line ${e.lines}` : ''} is not valid CSV: ${(e.message ?? String(err)).replace(/^\w[\w ]*: /, '')}` };
  }
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
