/**
 * Appeals: `--overrides overrides.csv` (call_id, rule_id, verdict, reviewer, reason). A reviewer's
 * decision replaces the engine's verdict for that call and rule, and the call is scored again, so
 * scorecards, summary and escalations all see the decided verdict. The engine's verdict, reason
 * and evidence stay on the finding next to the reviewer's name and reason.
 *
 * Nothing in the file is ignored silently: a bad row, an unknown rule, a call that is not among
 * the inputs, two decisions for one call and rule — each is an errors.csv row (stage `override`).
 */
import type { Call } from '../model/call.js';
import type { CallResult, Verdict } from '../engine/index.js';
import type { RuleOverride } from '../engine/result.js';
import { scoreCall } from '../engine/score.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import { readCsvFile, reportValue } from './read-csv.js';
import { columnKey, verdictWord } from '../model/label-words.js';

/** One decision, as it crosses into the worker threads (plain data). */
export interface OverrideEntry {
  callId: string;
  ruleId: string;
  verdict: Extract<Verdict, 'pass' | 'fail' | 'na'>;
  reviewer: string;
  reason: string;
  /** Line in the overrides file, for error messages. */
  line: number;
}

export interface OverrideProblem {
  file: string;
  severity: 'error';
  stage: 'override';
  message: string;
}

export type OverridesResult = { ok: true; entries: OverrideEntry[]; problems: OverrideProblem[] } | { ok: false; message: string };

const COLUMNS = ['call_id', 'rule_id', 'verdict', 'reviewer', 'reason'] as const;

/** Read and check an overrides file against the ruleset's rule ids. */
export function loadOverrides(file: string, ruleIds: readonly string[]): OverridesResult {
  const read = readCsvFile(file);
  if (!read.ok) return { ok: false, message: `overrides: ${read.message}` };
  const [header, ...rows] = read.rows;
  if (!header) return { ok: false, message: `overrides ${file} is empty: it needs a header row (${COLUMNS.join(', ')})` };
  const keys = header.cells.map(columnKey);
  const missing = COLUMNS.filter((c) => !keys.includes(c));
  if (missing.length > 0) return { ok: false, message: `overrides ${file} line ${header.line}: the header lacks ${missing.join(', ')}` };
  const known = new Set(ruleIds);
  const problems: OverrideProblem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ file, severity: 'error', stage: 'override', message: `line ${line}: ${message}` });
  };
  const byKey = new Map<string, OverrideEntry>();
  const conflicting = new Set<string>();
  for (const row of rows) {
    const get = (name: (typeof COLUMNS)[number]): string => (row.cells[keys.indexOf(name)] ?? '').trim();
    const [rawCallId, ruleId, verdictText, reviewer, reason] = COLUMNS.map(get) as [string, string, string, string, string];
    // A sheet built from findings.csv by a script holds its id cells as written: `="00789"`, `'=…`.
    const callId = reportValue(rawCallId);
    const verdict = verdictWord(verdictText);
    if (!callId || !ruleId) problem(row.line, 'call_id and rule_id are required; row not applied');
    else if (!known.has(ruleId)) problem(row.line, `unknown rule id "${ruleId}" (not in the ruleset); row not applied`);
    else if (!verdict) problem(row.line, `verdict "${verdictText}" is not pass, fail or na; row not applied`);
    else if (!reviewer || !reason) problem(row.line, 'an override needs the reviewer and the reason; row not applied');
    else {
      const key = `${callId}\u0000${ruleId}`;
      const earlier = byKey.get(key);
      if (!earlier) byKey.set(key, { callId, ruleId, verdict, reviewer, reason, line: row.line });
      else if (earlier.verdict !== verdict) {
        problem(row.line, `call ${callId} rule ${ruleId} is already decided on line ${earlier.line} with another verdict; neither is applied`);
        conflicting.add(key);
      } else problem(row.line, `call ${callId} rule ${ruleId} is already decided on line ${earlier.line}; this row is ignored`);
    }
  }
  for (const key of conflicting) byKey.delete(key);
  return { ok: true, entries: [...byKey.values()], problems };
}

/** The decisions of one call by rule id, built once per process from the serializable list. */
export function indexOverrides(entries: readonly OverrideEntry[]): Map<string, Map<string, OverrideEntry>> {
  const byCall = new Map<string, Map<string, OverrideEntry>>();
  for (const e of entries) {
    let rules = byCall.get(e.callId);
    if (!rules) byCall.set(e.callId, (rules = new Map()));
    rules.set(e.ruleId, e);
  }
  return byCall;
}

/** Replace the engine's verdicts by the reviewer's and score the call again. */
export function applyOverrides(call: Call, ruleset: CompiledRuleset, result: CallResult, decisions: Map<string, OverrideEntry> | undefined): { result: CallResult; applied: number } {
  if (!decisions || decisions.size === 0) return { result, applied: 0 };
  let applied = 0;
  const rules = result.rules.map((r) => {
    const d = decisions.get(r.ruleId);
    if (!d) return r;
    applied++;
    const override: RuleOverride = { reviewer: d.reviewer, reason: d.reason, engineVerdict: r.verdict };
    return { ...r, verdict: d.verdict, points: d.verdict === 'pass' ? r.maxPoints : 0, override };
  });
  return { result: scoreCall(call, ruleset, rules), applied };
}

/** Decisions naming a call none of the inputs had: errors, never dropped silently. */
export function unmatchedOverrides(file: string, entries: readonly OverrideEntry[], seenCallIds: ReadonlySet<string>): OverrideProblem[] {
  return entries
    .filter((e) => !seenCallIds.has(e.callId))
    .map((e) => ({ file, severity: 'error', stage: 'override', message: `line ${e.line}: call "${e.callId}" is not among the scored inputs; override not applied` }));
}
