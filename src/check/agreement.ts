/**
 * @fileoverview Golden agreement: the engine's verdicts against the hand-labelled ones, per rule
 * and overall, with every disagreement and every label that names a call or rule not there.
 */
import { basename, extname } from 'node:path';
import type { CallResult, Verdict } from '../engine/index.js';
import { closest } from '../model/suggest.js';
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

/** Compare; a call is found by its call_id, or by its file name without the extension; a label naming two calls is not compared. */
export function compareVerdicts(rows: readonly ExpectedRow[], results: readonly CallResult[], ruleIds: readonly string[], unscoredFiles: readonly string[] = []): Agreement {
  const calls = callsByLabel(results);
  const known = new Set(ruleIds);
  const perRule = new Map<string, RuleAgreement>();
  const disagreements: Disagreement[] = [];
  const unknown: RowProblem[] = [];
  for (const row of rows) {
    const found = calls(row.callId);
    const call = found[0];
    if (!call) {
      // An input that could not be read is among the inputs: say so, not that it is missing.
      const unread = unscoredFiles.find((f) => basename(f, extname(f)) === row.callId);
      unknown.push({ line: row.line, message: unread ? `call "${row.callId}" could not be scored (${unread}: see above)` : `call "${row.callId}" is not among the inputs` });
      continue;
    }
    if (found.length > 1) {
      // Comparing with either would be a guess: the label may be about the other call.
      unknown.push({ line: row.line, message: `call "${row.callId}" names ${found.length} inputs (${found.map((c) => c.file).join(', ')}): give each call its own call_id` });
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

/** The calls a label names: those with that call_id, else those with that file name (no extension). */
function callsByLabel(results: readonly CallResult[]): (label: string) => CallResult[] {
  const byId = groupBy(results, (r) => r.callId);
  const byName = groupBy(results, (r) => basename(r.file, extname(r.file)));
  return (label) => byId.get(label) ?? byName.get(label) ?? [];
}

function groupBy(results: readonly CallResult[], key: (r: CallResult) => string): Map<string, CallResult[]> {
  const groups = new Map<string, CallResult[]>();
  for (const r of results) {
    const list = groups.get(key(r));
    if (list) list.push(r);
    else groups.set(key(r), [r]);
  }
  return groups;
}
