/**
 * @fileoverview Where lint checks report: a problem at a path of the ruleset, located in the
 * file that defines it (a rule inherited through `extends` lives in the base file, an included
 * one in its part file).
 */
import type { LoadedRuleset } from '../ruleset/load.js';
import type { RulesetProblem, Severity, SourceMap } from '../ruleset/problems.js';

export type Path = readonly (string | number)[];

/**
 * Lint checks report only on the file being linted and the parts it includes: what a ruleset
 * inherits through `extends` is the base file's, reported when the base is linted.
 */
export class LintContext {
  readonly problems: RulesetProblem[] = [];

  constructor(
    readonly loaded: LoadedRuleset,
    readonly file: string,
  ) {}

  /** Whether the rule with this id is written in the linted file or its parts (not inherited). */
  ownsRule(ruleId: string): boolean {
    return this.owns(this.loaded.ruleFiles.get(ruleId)?.file);
  }

  private owns(file: string | undefined): boolean {
    return file !== undefined && (file === this.file || this.loaded.parts.includes(file));
  }

  /** A problem at a top-level path (weights, thresholds, lexicons …). */
  report(path: Path, code: string, message: string, severity: Severity, key?: string): void {
    const map = this.mapFor(path);
    if (this.owns(map?.file) && map) this.problems.push(map.problem(path, code, message, severity, key));
  }

  /** A problem inside the rule with this id, at a path relative to the rule. */
  reportRule(ruleId: string, rel: Path, code: string, message: string, severity: Severity, key?: string): void {
    const where = this.loaded.ruleFiles.get(ruleId);
    const map = where ? this.loaded.sources.get(where.file) : undefined;
    if (!where || !map || !this.owns(where.file)) return;
    this.problems.push(map.problem(['rules', where.index, ...rel], code, message, severity, key));
  }

  /** The position of a node of a rule (examples report their own line). */
  ruleNode(ruleId: string, rel: Path): { file: string; line: number; column: number } {
    const where = this.loaded.ruleFiles.get(ruleId);
    const map = where ? this.loaded.sources.get(where.file) : undefined;
    if (!where || !map) return { file: [...this.loaded.sources.keys()][0] ?? '', line: 1, column: 1 };
    return { file: where.file, ...map.positionOf(['rules', where.index, ...rel]) };
  }

  /** The file that defines `path` exactly: the child wins over its base, as in the merge. */
  private mapFor(path: Path): SourceMap | undefined {
    const maps = [...this.loaded.sources.values()].reverse();
    // Nowhere defined (a missing key): the ruleset file itself, last in its own sources.
    return maps.find((m) => m.doc.hasIn(path)) ?? maps.find((m) => m.file === this.file) ?? maps[0];
  }
}
