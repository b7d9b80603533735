/**
 * @fileoverview Lint one ruleset file: every problem at file:line:column, never thrown.
 *   yaml syntax → schema (ajv) → compile (references, regexes, empty phrases, duplicate ids)
 *   → lint checks (catalogue, weights, thresholds, phrase lists, digit regexes) → the rules' own examples.
 */
import { isAbsolute, relative } from 'node:path';
import { compileRuleset } from '../ruleset/compile.js';
import { loadRulesetText, readRulesetText, type LoadedRuleset } from '../ruleset/load.js';
import type { RulesetProblem } from '../ruleset/problems.js';
import { LintContext } from './context.js';
import { checkDigitRegexes } from './digit-regex.js';
import { checkUnfoldedRegexes } from './unfolded-regex.js';
import { runExamples, type RuleExamples } from './examples.js';
import { checkPhraseLists } from './phrase-lists.js';
import { validPart } from './partial.js';
import { checkCatalogue, checkThresholds, checkWeights } from './ruleset-checks.js';

export interface LintOptions {
  /** Run the rules' `examples:` (default true). */
  examples?: boolean;
}

export interface LintResult {
  /** The file linted (problems of a base ruleset carry their own file). */
  file: string;
  problems: RulesetProblem[];
  /** Per-rule example outcomes, when the ruleset compiled and examples were run. */
  examples?: RuleExamples[];
  /** The part files the ruleset includes, when it loaded. */
  parts?: string[];
}

export function lintRulesetFile(file: string, opts: LintOptions = {}): LintResult {
  const text = readRulesetText(file);
  if (typeof text !== 'string') return { file, problems: [text] };
  return lintRulesetText(text, file, opts);
}

export function lintRulesetText(text: string, file: string, opts: LintOptions = {}): LintResult {
  const loaded = loadRulesetText(text, file);
  const problems = [...loaded.problems];
  // Schema errors stop the loader; lint goes on with the rules the schema accepted.
  const ruleset = loaded.ok ? loaded.ruleset : validPart(text, file);
  if (!ruleset) return { file, problems: sortProblems(problems) };
  // Rules dropped for schema errors still use their category: no unused-weight then.
  problems.push(...lintChecks(ruleset, file, loaded.ok));
  const compiled = compileRuleset(ruleset);
  problems.push(...compiled.problems);
  let examples: RuleExamples[] | undefined;
  if (loaded.ok && compiled.ok && opts.examples !== false) {
    const ctx = new LintContext(ruleset, file);
    examples = runExamples(compiled.ruleset, ctx);
    problems.push(...ctx.problems);
  }
  const parts = loaded.ok ? loaded.ruleset.parts : undefined;
  return { file, problems: sortProblems(dedupe(problems.map((p) => shown(p, file)))), examples, ...(parts ? { parts } : {}) };
}

/** A base ruleset's problems carry its resolved path: show it relative, like the file linted. */
function shown(p: RulesetProblem, file: string): RulesetProblem {
  if (!isAbsolute(p.file) || isAbsolute(file)) return p;
  const rel = relative(process.cwd(), p.file);
  return rel.startsWith('..') ? p : { ...p, file: rel };
}

function lintChecks(ruleset: LoadedRuleset, file: string, complete: boolean): RulesetProblem[] {
  const ctx = new LintContext(ruleset, file);
  checkCatalogue(ctx);
  checkWeights(ctx, { unused: complete });
  checkThresholds(ctx);
  checkPhraseLists(ctx);
  checkDigitRegexes(ctx);
  checkUnfoldedRegexes(ctx);
  return ctx.problems;
}

function dedupe(problems: RulesetProblem[]): RulesetProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By file, then position: the order a reader fixes them in. */
export function sortProblems(problems: RulesetProblem[]): RulesetProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export function countProblems(results: readonly LintResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const p of r.problems) {
      if (p.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
