/**
 * CSV files people save from Excel (manifests, reviewers' overrides, earlier reports): UTF-8
 * with or without a BOM, each row keeping the line it starts on for located messages.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  cells: string[];
  /** 1-based line the row starts on (a quoted cell may span lines). */
  line: number;
}

export type CsvRowsResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string; line?: number };

/** Strict UTF-8 (a BOM is fine), or undefined: GBK/Big5 exports are refused, not guessed. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `comments`: a line starting with `#` is skipped (a `#` inside a cell is text). */
export function parseCsvRows(text: string, opts: { comments?: boolean } = {}): CsvRowsResult {
  try {
    // With `info: true` each row is { record, info }; the typings only know plain rows.
    const comments = opts.comments ? { comment: '#', comment_no_infix: true } : {};
    const options = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, ...comments };
    const parsed = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      ok: true,
      rows: parsed.map(({ record, info }) => {
        // csv-parse counts the line a row ends on; a row starts that many lines earlier as its cells span.
        const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        return { cells: record, line: info.lines - inner };
      }),
    };
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const message = (e.message ?? String(err)).replace(/^\w[\w ]*: /, '');
    return { ok: false, message, ...(e.lines ? { line: e.lines } : {}) };
  }
}
