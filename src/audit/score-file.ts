/**
 * One file through the whole flow: read → metadata → evaluate. Pure apart from reading the file,
 * so it runs the same in the main thread and in a worker. Every problem becomes a row.
 */
import type { Call } from '../model/call.js';
import { readCallFile, type ReadOptions } from '../readers/index.js';
import { evaluateCall, UNKNOWN_AGENT, type CallResult } from '../engine/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';

export interface ProblemRow {
  file: string;
  severity: 'error' | 'warning';
  stage: string;
  message: string;
}

export interface FileOutcome {
  file: string;
  result?: CallResult;
  rows: ProblemRow[];
}

/** Serializable scoring settings (they cross into worker threads). */
export interface ScoreConfig {
  read: ReadOptions;
}

/** Build the per-process scoring options from the serializable config. */
export function buildScoreOptions(config: ScoreConfig): ScoreOptions {
  return { read: config.read };
}

export interface ScoreOptions {
  read: ReadOptions;
  /** Fills metadata gaps from the manifest / file-name pattern; returns conflict messages. */
  enrich?: (call: Call) => string[];
}

export function scoreFile(file: string, ruleset: CompiledRuleset, opts: ScoreOptions): FileOutcome {
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
    message: (w.line !== undefined ? `line ${w.line}: ` : '') + w.message,
  }));
  for (const conflict of opts.enrich?.(call) ?? []) rows.push({ file, severity: 'warning', stage: 'meta', message: conflict });
  if (call.meta.agent_id === undefined || call.meta.agent_id === '') {
    rows.push({ file, severity: 'warning', stage: 'meta', message: `no agent_id: scored under agent "${UNKNOWN_AGENT}"` });
  }
  return { file, result: evaluateCall(call, ruleset), rows };
}
