/**
 * `--previous last-month/`: what this month is compared with. From the earlier report's
 * summary.csv each agent's mean score; from its findings.csv how often each agent failed each
 * rule (streamed: a month's findings can be millions of rows, only counts are kept).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { isReport } from '../report/index.js';
import { readReportCsv, reportValue } from './read-csv.js';

export interface PreviousReport {
  dir: string;
  /** Mean score per agent (undefined: the agent had no scored call). */
  means: Map<string, number | undefined>;
  /** Failed calls per agent, then rule id. */
  ruleFails: Map<string, Map<string, number>>;
}

export type PreviousResult = { ok: true; previous: PreviousReport } | { ok: false; message: string };

export async function loadPrevious(dir: string): Promise<PreviousResult> {
  if (!isReport(join(dir, 'run.json'))) return { ok: false, message: `--previous ${dir}: not a callqa report folder (no run.json written by callqa)` };
  const summary = readReportCsv(join(dir, 'summary.csv'));
  if (!summary.ok) return { ok: false, message: `--previous: ${summary.message}` };
  if (!summary.header.includes('agent_id') || !summary.header.includes('mean_score')) {
    return { ok: false, message: `--previous: ${join(dir, 'summary.csv')} has no agent_id and mean_score columns` };
  }
  const means = new Map<string, number | undefined>();
  for (const row of summary.rows) {
    const mean = row.mean_score ?? '';
    means.set(row.agent_id ?? '', mean === '' ? undefined : Number(mean));
  }
  const findings = join(dir, 'findings.csv');
  const ruleFails = new Map<string, Map<string, number>>();
  try {
    // pipe() does not forward the file's errors (missing, a folder): they would be an unhandled
    // 'error' event, so they are handed to the parser and end the loop below.
    const source = createReadStream(findings);
    let header: string[] | undefined;
    // An empty, binary or other CSV in its place would silently count no failures, and the
    // `recurring` escalations HR reads would vanish: its columns are checked like summary.csv's.
    const columns = (names: string[]): string[] => {
      if (!FINDINGS_COLUMNS.every((c) => names.includes(c))) throw new Error(`has no ${FINDINGS_COLUMNS.join(', ')} columns`);
      return (header = names);
    };
    const rows = parse({ bom: true, columns, relax_column_count: true });
    source.on('error', (err) => rows.destroy(err));
    source.pipe(rows);
    for await (const row of rows as AsyncIterable<Record<string, string>>) {
      if (row.verdict !== 'fail') continue;
      const agent = reportValue(row.agent_id ?? '');
      const rule = row.rule_id ?? '';
      let rules = ruleFails.get(agent);
      if (!rules) ruleFails.set(agent, (rules = new Map()));
      rules.set(rule, (rules.get(rule) ?? 0) + 1);
    }
    if (!header) return { ok: false, message: `--previous: ${findings} is empty (no header row)` };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'does not exist' : e.code === 'EISDIR' ? 'is a folder, not a file' : e.syscall ? `cannot be read (${e.code ?? e.message})`
      : e.message.startsWith('has no ') ? e.message : `is not valid CSV: ${e.message}`;
    return { ok: false, message: `--previous: ${findings} ${why}` };
  }
  return { ok: true, previous: { dir, means, ruleFails } };
}

/** What the counts are read from: who failed which rule. */
const FINDINGS_COLUMNS = ['agent_id', 'rule_id', 'verdict'];
