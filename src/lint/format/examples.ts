/**
 * @fileoverview `callqa test` output, like `semgrep --test`: per rule, how many examples of each
 * expected verdict got it; every disagreement with its line, the verdict got and the engine's reason.
 */
import { Chalk } from 'chalk';
import { exampleAgrees, type RuleExamples } from '../examples.js';
import type { LintResult } from '../lint.js';
import type { FormatOptions } from './index.js';

const VERDICTS = ['pass', 'fail', 'na', 'review'] as const;

export interface ExampleTotals {
  rules: number;
  examples: number;
  disagree: number;
  rulesFailing: number;
  rulesWithout: number;
}

export function exampleTotals(results: readonly LintResult[]): ExampleTotals {
  const t: ExampleTotals = { rules: 0, examples: 0, disagree: 0, rulesFailing: 0, rulesWithout: 0 };
  for (const rule of results.flatMap((r) => r.examples ?? [])) {
    t.rules++;
    t.examples += rule.outcomes.length;
    const bad = rule.outcomes.filter((o) => !exampleAgrees(o)).length;
    t.disagree += bad;
    if (bad > 0) t.rulesFailing++;
    if (rule.outcomes.length === 0) t.rulesWithout++;
  }
  return t;
}

export function formatExamples(results: readonly LintResult[], opts: FormatOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  for (const r of results) {
    if (!r.examples) continue;
    out.push(c.underline(r.file));
    const idWidth = Math.max(0, ...r.examples.map((x) => x.ruleId.length));
    for (const rule of r.examples) out.push(...ruleLines(rule, r.file, idWidth, c));
    out.push('');
  }
  const t = exampleTotals(results);
  const without = t.rulesWithout > 0 ? `; ${t.rulesWithout} rule(s) without examples` : '';
  const broken = results.filter((r) => !r.examples).length;
  // A ruleset that does not compile ran nothing: no green tick over it (the exit is 1).
  const others = t.examples > 0 ? `; ${t.disagree} of ${t.examples} example(s) of the others disagree` : '';
  if (broken > 0) out.push(c.red.bold(`✖ ${broken} ruleset(s) have errors and ran no examples${others}${without}`));
  else if (t.disagree === 0) out.push(c.green(`✔ ${t.examples} example(s) of ${t.rules} rule(s) get their verdict${without}`));
  else out.push(c.red.bold(`✖ ${t.disagree} of ${t.examples} example(s) disagree, in ${t.rulesFailing} rule(s)${without}`));
  return out.join('\n');
}

function ruleLines(rule: RuleExamples, file: string, idWidth: number, c: InstanceType<typeof Chalk>): string[] {
  const id = rule.ruleId.padEnd(idWidth);
  if (rule.outcomes.length === 0) return [`  ${c.dim('-')} ${id}  ${c.dim('no examples')}`];
  const bad = rule.outcomes.filter((o) => !exampleAgrees(o));
  const counts = VERDICTS.map((v) => {
    const of = rule.outcomes.filter((o) => o.expected === v);
    return of.length === 0 ? undefined : `${v} ${of.filter(exampleAgrees).length}/${of.length}`;
  }).filter(Boolean);
  const mark = bad.length === 0 ? c.green('✓') : c.red('✗');
  const lines = [`  ${mark} ${id}  ${counts.join(' · ')}`];
  for (const o of bad) {
    const label = o.name ? `"${o.name}"` : `example ${o.index + 1}`;
    const got = o.got === undefined ? 'unreadable' : `got ${o.got}`;
    // A rule written in an included part: name the part, where the example is.
    const at = `${o.file === file ? '' : `${o.file}:`}${o.line}:${o.column}`;
    lines.push(`      ${c.dim(at)}  ${label}: expected ${o.expected}, ${c.red(got)} — ${o.reason}`);
  }
  return lines;
}
