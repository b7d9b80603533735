/**
 * @fileoverview The default human format, ESLint's "stylish": problems grouped by file,
 * `line:col  severity  message  code`, then a summary line. Colour only when asked.
 */
import { Chalk } from 'chalk';
import type { RulesetProblem } from '../../ruleset/problems.js';
import { countProblems, type LintResult } from '../lint.js';
import type { FormatOptions } from './index.js';

export function formatStylish(results: readonly LintResult[], opts: FormatOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const byFile = new Map<string, RulesetProblem[]>();
  for (const r of results) {
    for (const p of r.problems) {
      const list = byFile.get(p.file) ?? [];
      list.push(p);
      byFile.set(p.file, list);
    }
  }
  const out: string[] = [];
  for (const [file, problems] of byFile) {
    out.push(c.underline(file));
    const pos = problems.map((p) => `${p.line}:${p.column}`);
    const posWidth = Math.max(...pos.map((s) => s.length));
    const msgWidth = Math.max(...problems.map((p) => width(p.message)));
    problems.forEach((p, i) => {
      const sev = p.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const msg = p.message + ' '.repeat(msgWidth - width(p.message));
      out.push(`  ${c.dim((pos[i] ?? '').padEnd(posWidth))}  ${sev}  ${msg}  ${c.dim(p.code)}`);
    });
    out.push('');
  }
  const { errors, warnings } = countProblems(results);
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
  return out.join('\n');
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
