/**
 * One file for `callqa sample`: read it, fill in its metadata, find its strata. The same function
 * runs in worker threads (a month is read on every core, as the audit reads it) and in the
 * calling thread, so the list does not depend on --jobs.
 */
import type { FileOutcome, ScoreOptions } from '../audit/score-file.js';
import { agentIdOf } from '../engine/index.js';
import { readCallFile } from '../readers/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import { callSignals, complaintTrigger, strataBits, type SignalThresholds } from './signals.js';

export type SampleFileFn = (file: string) => FileOutcome;

/** The per-file work of a sample with this ruleset and these thresholds. */
export function sampleFileWith(ruleset: CompiledRuleset, opts: ScoreOptions, thresholds: SignalThresholds): SampleFileFn {
  const complaint = complaintTrigger(ruleset);
  return (file) => {
    if (!fitsOnOneLine(file)) {
      return { file, rows: [{ file, severity: 'error', stage: 'input', message: 'the file name holds a line break, which the sample list cannot hold: rename the file; not sampled' }] };
    }
    const outcome = readCallFile(file, opts.read);
    if (!outcome.ok) return { file, rows: [{ file, severity: 'error', stage: outcome.error.stage, message: `${outcome.error.message}; not sampled` }] };
    const call = outcome.call;
    opts.enrich?.(call);
    const agentName = call.meta.agent_name === undefined ? '' : String(call.meta.agent_name);
    const strata = strataBits(callSignals(call, ruleset, thresholds, complaint).strata);
    return { file, rows: [], sampled: { agentId: agentIdOf(call), agentName, strata } };
  };
}

/** A path with a line break cannot be one line of the list: `audit @list` would read two bogus paths. */
function fitsOnOneLine(path: string): boolean {
  return !/[\r\n]/.test(path);
}
