/**
 * @fileoverview The hand-labelled verdicts a ruleset change must keep: a CSV with the columns
 * `call_id, rule_id, verdict` — or, as for overrides, a Chinese sheet's 通话编号, 规则, 结论 with
 * 通过 / 不通过 / 不适用 (src/model/label-words.ts). More columns, such as a note, are ignored;
 * lines starting with `#` are comments, a `#` inside a cell is text. Strict UTF-8 with or without
 * a BOM. Bad rows are located problems; a file without those columns cannot be used.
 */
import { decodeUtf8, parseCsvRows, type CsvRow } from '../meta/csv-rows.js';
import type { Verdict } from '../engine/index.js';
import { columnKey, verdictWord } from '../model/label-words.js';

export interface ExpectedRow {
  /** 1-based line of the row in the CSV. */
  line: number;
  callId: string;
  ruleId: string;
  verdict: Verdict;
}

export interface RowProblem {
  line: number;
  message: string;
}

export type ExpectedFile =
  | { ok: true; rows: ExpectedRow[]; problems: RowProblem[] }
  | { ok: false; message: string };

/** What a label may say: the overrides' words (pass, 不通过, 不适用 …), or review. */
const VERDICTS = 'pass, fail, na (or 通过, 不通过, 不适用), review';
const COLUMNS = ['call_id', 'rule_id', 'verdict'] as const;

/** The file's bytes (strict UTF-8, as Excel's "CSV UTF-8" saves it) or its text. */
export function parseExpected(input: string | Uint8Array): ExpectedFile {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  // A GBK export read as UTF-8 would turn every Chinese id or verdict into mojibake: refused.
  if (text === undefined) return { ok: false, message: 'not UTF-8 (save it from Excel as "CSV UTF-8")' };
  const parsed = parseCsvRows(text, { comments: true });
  if (!parsed.ok) return { ok: false, message: `not a CSV${parsed.line ? ` (line ${parsed.line})` : ''}: ${parsed.message}` };
  const [head, ...records] = parsed.rows;
  // The header as parsed: quoted names ("call_id", as some tools write every cell) count too.
  const have = (head?.cells ?? []).map(columnKey);
  const missing = COLUMNS.filter((c) => !have.includes(c));
  if (missing.length > 0) return { ok: false, message: `the header needs the columns ${COLUMNS.join(', ')} (missing: ${missing.join(', ')})` };
  const cell = (row: CsvRow, column: (typeof COLUMNS)[number]): string => (row.cells[have.indexOf(column)] ?? '').trim();
  const rows: ExpectedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, ExpectedRow>();
  for (const record of records) {
    const line = record.line;
    const callId = cell(record, 'call_id');
    const ruleId = cell(record, 'rule_id');
    const written = cell(record, 'verdict');
    const verdict: Verdict | undefined = written.toLowerCase() === 'review' ? 'review' : verdictWord(written);
    if (!callId || !ruleId) {
      problems.push({ line, message: 'call_id and rule_id must not be empty' });
      continue;
    }
    if (verdict === undefined) {
      problems.push({ line, message: `verdict "${written}" is not one of ${VERDICTS}` });
      continue;
    }
    const key = `${callId}\u0000${ruleId}`;
    const earlier = seen.get(key);
    if (earlier) {
      const why = earlier.verdict === verdict ? `again (line ${earlier.line})` : `as ${verdict}, but line ${earlier.line} says ${earlier.verdict}`;
      problems.push({ line, message: `${callId} / ${ruleId} is labelled ${why}` });
      continue;
    }
    const row: ExpectedRow = { line, callId, ruleId, verdict };
    seen.set(key, row);
    rows.push(row);
  }
  return { ok: true, rows, problems };
}
