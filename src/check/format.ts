/**
 * @fileoverview The text of `callqa check`: agreement per rule and overall, then each
 * disagreement (where in the CSV, the call, the rule, expected vs got, the engine's reason),
 * then the labels that name nothing.
 */
import { Chalk } from 'chalk';
import { maskPersonalData } from '../report/mask.js';
import { terminalSafe } from '../model/terminal-safe.js';
import type { Agreement } from './agreement.js';
import type { RowProblem } from './expected.js';

export interface CheckTextOptions {
  color: boolean;
  /** The CSV's path, for `file:line` locations. */
  expectFile: string;
  minAgreement: number;
  /** Rows of the CSV that could not be used. */
  rowProblems: RowProblem[];
}

function pct(agree: number, total: number): string {
  return total === 0 ? '     —' : `${((agree / total) * 100).toFixed(1).padStart(5)}%`;
}

export function formatAgreement(a: Agreement, opts: CheckTextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const w = Math.max(7, ...a.rules.map((r) => r.ruleId.length));
  const counts = (x: number, y: number): string => `${x}/${y}`.padStart(7);
  const lines = [c.bold('Agreement by rule')];
  for (const r of a.rules) {
    const line = `  ${r.ruleId.padEnd(w)}  ${counts(r.agree, r.total)}  ${pct(r.agree, r.total)}`;
    lines.push(r.agree === r.total ? line : c.red(line));
  }
  const ok = a.ratio !== undefined && a.ratio >= opts.minAgreement;
  // Said in words: 1799/2000 rounds to the 90.0% of a 90% minimum it misses.
  const minimum = `${(opts.minAgreement * 100).toFixed(1)}%`;
  const overall = `  ${'overall'.padEnd(w)}  ${counts(a.agree, a.total)}  ${pct(a.agree, a.total)}  (${ok ? `minimum ${minimum}` : `below the minimum of ${minimum}`})`;
  lines.push(ok ? c.green.bold(overall) : c.red.bold(overall));
  if (a.disagreements.length > 0) {
    lines.push('', c.bold('Disagreements'));
    for (const d of a.disagreements) {
      // Reasons quote the call (said turn 5「13812348836」): masked as in the report.
      lines.push(`  ${c.dim(`${opts.expectFile}:${d.line}`)}  ${d.callId}  ${d.ruleId}  expected ${d.expected}, got ${c.red(d.got)} — ${maskPersonalData(d.reason)}`);
    }
  }
  const unusable = [...opts.rowProblems, ...a.unknown].sort((x, y) => x.line - y.line);
  if (unusable.length > 0) {
    lines.push('', c.bold(`Labels that could not be compared`));
    for (const p of unusable) lines.push(`  ${c.dim(`${opts.expectFile}:${p.line}`)}  ${c.yellow(p.message)}`);
  }
  // Call ids, reasons and CSV rows come from the files: no escape sequence of theirs reaches the terminal.
  return terminalSafe(lines.join('\n'), true);
}
