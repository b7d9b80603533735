/**
 * @fileoverview The hand-labelled verdicts a ruleset change must keep: a CSV with the columns
 * `call_id, rule_id, verdict` (more columns, such as a note, are ignored; `#` lines are
 * comments). Bad rows are located problems; a file without those columns cannot be used.
 */
import { parse } from 'csv-parse/sync';
import type { Verdict } from '../engine/index.js';

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

const VERDICTS: readonly string[] = ['pass', 'fail', 'na', 'review'];
const COLUMNS = ['call_id', 'rule_id', 'verdict'] as const;

export function parseExpected(text: string): ExpectedFile {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), comment: '#', skip_empty_lines: true, trim: true, info: true, relax_column_count: true });
  } catch (err) {
    return { ok: false, message: `not a CSV: ${err instanceof Error ? err.message : String(err)}` };
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const have = header.split(',').map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !have.includes(c));
  if (missing.length > 0) return { ok: false, message: `the header needs the columns ${COLUMNS.join(', ')} (missing: ${missing.join(', ')})` };
  const rows: ExpectedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, ExpectedRow>();
  for (const { record, info } of records) {
    const line = info.lines;
    const callId = record.call_id ?? '';
    const ruleId = record.rule_id ?? '';
    const verdict = (record.verdict ?? '').toLowerCase();
    if (!callId || !ruleId) {
      problems.push({ line, message: 'call_id and rule_id must not be empty' });
      continue;
    }
    if (!VERDICTS.includes(verdict)) {
      problems.push({ line, message: `verdict "${record.verdict ?? ''}" is not one of ${VERDICTS.join(', ')}` });
      continue;
    }
    const key = `${callId}\u0000${ruleId}`;
    const earlier = seen.get(key);
    if (earlier) {
      const why = earlier.verdict === verdict ? `again (line ${earlier.line})` : `as ${verdict}, but line ${earlier.line} says ${earlier.verdict}`;
      problems.push({ line, message: `${callId} / ${ruleId} is labelled ${why}` });
      continue;
    }
    const row: ExpectedRow = { line, callId, ruleId, verdict: verdict as Verdict };
    seen.set(key, row);
    rows.push(row);
  }
  return { ok: true, rows, problems };
}
