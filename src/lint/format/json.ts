/**
 * @fileoverview `--format json`: the results as data for tools, one stable shape:
 * `[{ file, errorCount, warningCount, problems: [{ file, line, column, severity, code, message }], examples? }]`.
 */
import type { LintResult } from '../lint.js';

export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      errorCount: r.problems.filter((p) => p.severity === 'error').length,
      warningCount: r.problems.filter((p) => p.severity === 'warning').length,
      problems: r.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })),
      ...(r.examples ? { examples: r.examples } : {}),
    })),
    null,
    2,
  );
}
