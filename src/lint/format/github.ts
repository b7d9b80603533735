/**
 * @fileoverview `--format github`: GitHub Actions workflow commands, one per problem, so each
 * shows as an annotation on the pull request's diff:
 *   ::error file=rulesets/a.yaml,line=12,col=5,title=unknown-key::unknown key "requre" …
 */
import type { LintResult } from '../lint.js';

/** Data escapes of the workflow-command syntax (%, CR, LF). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const p of r.problems) {
      const props = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(`callqa ${p.code}`)}`;
      lines.push(`::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(p.message)}`);
    }
  }
  return lines.join('\n');
}
