/**
 * `callqa diff --old v1.yaml --new v2.yaml <inputs...>`: what a ruleset change would do to a
 * month already audited. Every call is scored under both rulesets (in this thread: a month's
 * sample is a few hundred calls) and the verdicts are compared per rule, per agent and per call.
 * A rule only one ruleset has shows as `absent` on the other side.
 */
import { setupMetadata, type MetadataConfig } from '../audit/metadata.js';
import { expandInputs } from '../audit/inputs.js';
import { buildScoreOptions, scoreFile, type ProblemRow } from '../audit/score-file.js';
import type { CallResult } from '../engine/index.js';
import type { ReadOptions } from '../readers/index.js';
import { loadRuleset, type CompiledRuleset, type RulesetProblem } from '../ruleset/index.js';
import { byteOrder } from '../model/order.js';

export interface DiffOptions {
  oldRuleset: string;
  newRuleset: string;
  inputs: string[];
  read: ReadOptions;
  metadata?: MetadataConfig;
}

export type DiffVerdict = 'pass' | 'fail' | 'na' | 'review' | 'absent';

export interface RulesetId {
  file: string;
  name: string;
  version: string;
}

export interface RuleDiff {
  ruleId: string;
  /** "pass→fail": number of calls, for the pairs that changed. */
  transitions: Record<string, number>;
  changed: number;
  failsOld: number;
  failsNew: number;
}

export interface AgentDiff {
  agentId: string;
  agentName: string;
  calls: number;
  meanOld?: number;
  meanNew?: number;
  change?: number;
  failedOld: number;
  failedNew: number;
}

export interface VerdictChange {
  callId: string;
  agentId: string;
  ruleId: string;
  old: DiffVerdict;
  new: DiffVerdict;
}

export interface CallChange {
  callId: string;
  agentId: string;
  scoreOld?: number;
  scoreNew?: number;
  resultOld: CallResult['result'];
  resultNew: CallResult['result'];
}

export interface DiffReport {
  old: RulesetId;
  new: RulesetId;
  calls: number;
  rules: RuleDiff[];
  agents: AgentDiff[];
  changes: VerdictChange[];
  /** Calls whose score or result moved. */
  callChanges: CallChange[];
  /** Rules one ruleset has and the other lacks (their verdicts show as `absent` on the other side). */
  onlyOld: string[];
  onlyNew: string[];
}

export type DiffOutcome =
  | { kind: 'ruleset-invalid'; which: 'old' | 'new'; problems: RulesetProblem[] }
  | { kind: 'bad-option'; message: string }
  | { kind: 'done'; report: DiffReport; problems: ProblemRow[] };

export async function runDiff(opts: DiffOptions): Promise<DiffOutcome> {
  const before = loadRuleset(opts.oldRuleset);
  if (!before.ok) return { kind: 'ruleset-invalid', which: 'old', problems: before.problems };
  const after = loadRuleset(opts.newRuleset);
  if (!after.ok) return { kind: 'ruleset-invalid', which: 'new', problems: after.problems };
  const meta = setupMetadata(opts.metadata);
  if (!meta.ok) return { kind: 'bad-option', message: meta.message };
  const options = { ...buildScoreOptions({ read: opts.read, mask: true }), ...(meta.enrich ? { enrich: meta.enrich } : {}) };
  const { files, problems: inputProblems, release } = await expandInputs(opts.inputs);
  const problems: ProblemRow[] = inputProblems.map((p) => ({ file: p.file, severity: 'error', stage: 'input', message: p.message }));
  const pairs: Array<[CallResult, CallResult]> = [];
  for (const file of files) {
    const a = scoreFile(file, before.ruleset, options);
    const b = scoreFile(file, after.ruleset, options);
    problems.push(...a.rows.filter((r) => r.severity === 'error'));
    if (a.result && b.result) pairs.push([a.result, b.result]);
  }
  release();
  return { kind: 'done', report: compare(pairs, before.ruleset, after.ruleset, [opts.oldRuleset, opts.newRuleset]), problems };
}

export function compare(pairs: ReadonlyArray<[CallResult, CallResult]>, a: CompiledRuleset, b: CompiledRuleset, files: [string, string]): DiffReport {
  const ruleIds = [...a.rules.map((r) => r.id), ...b.rules.map((r) => r.id).filter((id) => !a.rules.some((r) => r.id === id))];
  const rules = new Map<string, RuleDiff>(ruleIds.map((ruleId) => [ruleId, { ruleId, transitions: {}, changed: 0, failsOld: 0, failsNew: 0 }]));
  const agents = new Map<string, AgentDiff & { sumOld: number; nOld: number; sumNew: number; nNew: number }>();
  const changes: VerdictChange[] = [];
  const callChanges: CallChange[] = [];
  for (const [x, y] of pairs) {
    const oldV = new Map(x.rules.map((r) => [r.ruleId, r.verdict]));
    const newV = new Map(y.rules.map((r) => [r.ruleId, r.verdict]));
    for (const ruleId of ruleIds) {
      const o: DiffVerdict = oldV.get(ruleId) ?? 'absent';
      const n: DiffVerdict = newV.get(ruleId) ?? 'absent';
      const d = rules.get(ruleId) as RuleDiff;
      if (o === 'fail') d.failsOld++;
      if (n === 'fail') d.failsNew++;
      // A rule added or dropped that would not have applied anyway changes nothing: not counted
      // here, as in the headline and the list of changed verdicts (onlyOld/onlyNew name it).
      if (o === n || (o === 'absent' && n === 'na') || (o === 'na' && n === 'absent')) continue;
      const key = `${o}→${n}`;
      d.transitions[key] = (d.transitions[key] ?? 0) + 1;
      d.changed++;
      changes.push({ callId: x.callId, agentId: x.agentId, ruleId, old: o, new: n });
    }
    if (x.score !== y.score || x.result !== y.result) {
      callChanges.push({ callId: x.callId, agentId: x.agentId, scoreOld: x.score, scoreNew: y.score, resultOld: x.result, resultNew: y.result });
    }
    let g = agents.get(x.agentId);
    if (!g) {
      g = { agentId: x.agentId, agentName: x.agentName, calls: 0, failedOld: 0, failedNew: 0, sumOld: 0, nOld: 0, sumNew: 0, nNew: 0 };
      agents.set(x.agentId, g);
    }
    g.calls++;
    if (x.result === 'fail') g.failedOld++;
    if (y.result === 'fail') g.failedNew++;
    if (x.score !== undefined) (g.sumOld += Math.round(x.score * 10)), g.nOld++;
    if (y.score !== undefined) (g.sumNew += Math.round(y.score * 10)), g.nNew++;
  }
  const agentRows = [...agents.values()]
    .sort((p, q) => byteOrder(p.agentId, q.agentId))
    .map(({ sumOld, nOld, sumNew, nNew, ...g }): AgentDiff => {
      const meanOld = nOld ? Math.round(sumOld / nOld) / 10 : undefined;
      const meanNew = nNew ? Math.round(sumNew / nNew) / 10 : undefined;
      const change = meanOld !== undefined && meanNew !== undefined ? Math.round((meanNew - meanOld) * 10) / 10 : undefined;
      return { ...g, meanOld, meanNew, change };
    });
  return {
    old: { file: files[0], name: a.name, version: a.version },
    new: { file: files[1], name: b.name, version: b.version },
    calls: pairs.length,
    rules: [...rules.values()],
    agents: agentRows,
    changes,
    callChanges,
    onlyOld: a.rules.map((r) => r.id).filter((id) => !b.rules.some((r) => r.id === id)),
    onlyNew: b.rules.map((r) => r.id).filter((id) => !a.rules.some((r) => r.id === id)),
  };
}

