/**
 * @fileoverview Golden agreement: the engine's verdicts against the hand-labelled ones, per rule
 * and overall, with every disagreement and every label that names a call or rule not there.
 */
import { basename, extname } from 'node:path';
import type { CallResult, Verdict } from '../engine/index.js';
import { closest } from '../ruleset/suggest.js';
import type { ExpectedRow, RowProblem } from './expected.js';

export interface Disagreement {
  line: number;
  callId: string;
  ruleId: string;
  expected: Verdict;
  got: Verdict;
  reason: string;
}

export interface RuleAgreement {
  ruleId: string;
  agree: number;
  total: number;
}

export interface Agreement {
  rules: RuleAgreement[];
  agree: number;
  total: number;
  /** agree / total, undefined when no label could be compared. */
  ratio?: number;
  disagreements: Disagreement[];
  /** Labels naming a call that is not among the inputs, or a rule the ruleset lacks. */
  unknown: RowProblem[];
}

/** Compare; a call is found by its call_id, or by its file name without the extension. */
export function compareVerdicts(rows: readonly ExpectedRow[], results: readonly CallResult[], ruleIds: readonly string[]): Agreement {
  const calls = new Map<string, CallResult>();
  for (const r of results) calls.set(basename(r.file, extname(r.file)), r);
  for (const r of results) calls.set(r.callId, r);
  const known = new Set(ruleIds);
  const perRule = new Map<string, RuleAgreement>();
  const disagreements: Disagreement[] = [];
  const unknown: RowProblem[] = [];
  for (const row of rows) {
    const call = calls.get(row.callId);
    if (!call) {
      unknown.push({ line: row.line, message: `call "${row.callId}" is not among the inputs` });
      continue;
    }
    if (!known.has(row.ruleId)) {
      const hint = closest(row.ruleId, ruleIds);
      unknown.push({ line: row.line, message: `rule "${row.ruleId}" is not in the ruleset${hint ? ` (did you mean "${hint}"?)` : ''}` });
      continue;
    }
    const result = call.rules.find((x) => x.ruleId === row.ruleId);
    if (!result) continue;
    const stat = perRule.get(row.ruleId) ?? { ruleId: row.ruleId, agree: 0, total: 0 };
    stat.total++;
    if (result.verdict === row.verdict) stat.agree++;
    else disagreements.push({ line: row.line, callId: row.callId, ruleId: row.ruleId, expected: row.verdict, got: result.verdict, reason: result.reason });
    perRule.set(row.ruleId, stat);
  }
  // Rules in ruleset order: the order QA staff know them in.
  const rules = ruleIds.map((id) => perRule.get(id)).filter((x): x is RuleAgreement => x !== undefined);
  const agree = rules.reduce((a, r) => a + r.agree, 0);
  const total = rules.reduce((a, r) => a + r.total, 0);
  return { rules, agree, total, ratio: total > 0 ? agree / total : undefined, disagreements, unknown };
}
