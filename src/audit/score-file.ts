/**
 * One file through the whole flow: read → metadata → evaluate. Pure apart from reading the file,
 * so it runs the same in the main thread and in a worker. Every problem becomes a row.
 */
import type { Call } from '../model/call.js';
import { readCallFile, type ReadOptions } from '../readers/index.js';
import { agentIdOf, evaluateCall, UNKNOWN_AGENT, type CallResult } from '../engine/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import { enrichOption, type MetadataConfig } from './metadata.js';
import { dayDisagreement } from '../meta/dates.js';
import { maskPersonalData, packCall, type PackedCall } from '../report/index.js';
import { applyOverrides, indexOverrides, type OverrideEntry } from '../workflow/overrides.js';
import type { SampleFacts } from '../workflow/signals.js';

export interface ProblemRow {
  file: string;
  severity: 'error' | 'warning';
  stage: string;
  message: string;
}

/** A file scored: the raw result (for explain/check) or a problem row. */
export interface ScoredFile {
  file: string;
  result?: CallResult;
  rows: ProblemRow[];
  /** Reviewer overrides applied to this call (--overrides). */
  overridesApplied?: number;
}

/** A file scored and rendered into report rows (what crosses back from a worker). */
export interface FileOutcome {
  file: string;
  /** Bytes moved to the main thread (report/render.ts); unpackCall turns them back into rows. */
  rendered?: PackedCall;
  rows: ProblemRow[];
  overridesApplied?: number;
  /** `callqa sample` only: the call's agent and strata (src/workflow/sample-file.ts). */
  sampled?: SampleFacts;
}

/** Serializable scoring settings (they cross into worker threads). */
export interface ScoreConfig {
  read: ReadOptions;
  /** Mask personal data in rendered evidence. */
  mask: boolean;
  /** --manifest / --name-pattern (src/audit/metadata.ts). */
  meta?: MetadataConfig;
  /** Reviewers' decisions (--overrides), already checked against the ruleset. */
  overrides?: OverrideEntry[];
}

/** Build the per-process scoring options from the serializable config. */
export function buildScoreOptions(config: ScoreConfig): ScoreOptions {
  return { read: config.read, mask: config.mask, ...enrichOption(config.meta), ...(config.overrides?.length ? { overrides: indexOverrides(config.overrides) } : {}) };
}

export interface ScoreOptions {
  read: ReadOptions;
  mask?: boolean;
  /** Fills metadata gaps from the manifest / file-name pattern; returns conflict messages. */
  enrich?: (call: Call) => string[];
  /** Reviewers' decisions by call id, then rule id. */
  overrides?: Map<string, Map<string, OverrideEntry>>;
}

/**
 * The call id is every row's key (overrides, --previous and check join on it), so it is written
 * as it is even when it is the caller's number, as recordings are often named; the file column
 * holds it too. Masking it would break those joins and still leave the file name: say so instead.
 */
const PERSONAL_CALL_ID =
  'call_id is a phone, ID-card or bank-card number (the file name?): it is written in full in the CSVs as the call\'s key; give calls an id that is not the customer\'s number';

/** Score and render one file: the unit of work of the audit (in a worker or in-thread). */
export function auditFile(file: string, ruleset: CompiledRuleset, opts: ScoreOptions): FileOutcome {
  const scored = scoreFile(file, ruleset, opts);
  if (!scored.result) return { file, rows: scored.rows };
  const rendered = packCall(scored.result, { ruleIds: ruleset.rules.map((r) => r.id), mask: opts.mask ?? true });
  return { file, rendered, rows: scored.rows, overridesApplied: scored.overridesApplied };
}

export function scoreFile(file: string, ruleset: CompiledRuleset, opts: ScoreOptions): ScoredFile {
  const read = readCallFile(file, opts.read);
  if (!read.ok) {
    const e = read.error;
    const where = e.line !== undefined ? `line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}: ` : '';
    return { file, rows: [{ file, severity: 'error', stage: e.stage, message: where + e.message }] };
  }
  const call = read.call;
  const rows: ProblemRow[] = call.warnings.map((w) => ({
    file,
    severity: 'warning',
    stage: 'parse',
    message: (w.line !== undefined ? `line ${w.line}${w.column !== undefined ? `, column ${w.column}` : ''}: ` : '') + w.message,
  }));
  for (const conflict of opts.enrich?.(call) ?? []) rows.push({ file, severity: 'warning', stage: 'meta', message: conflict });
  const days = dayDisagreement(call.meta);
  if (days) rows.push({ file, severity: 'warning', stage: 'meta', message: days });
  if (agentIdOf(call) === UNKNOWN_AGENT && call.meta.agent_id !== UNKNOWN_AGENT) {
    rows.push({ file, severity: 'warning', stage: 'meta', message: `no agent_id: scored under agent "${UNKNOWN_AGENT}"` });
  }
  if ((opts.mask ?? true) && maskPersonalData(call.id) !== call.id) rows.push({ file, severity: 'warning', stage: 'meta', message: PERSONAL_CALL_ID });
  const decided = applyOverrides(call, ruleset, evaluateCall(call, ruleset), opts.overrides?.get(call.id));
  return { file, result: decided.result, rows, overridesApplied: decided.applied };
}
