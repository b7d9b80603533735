/**
 * What the spot-check sample looks at in each call, read once and kept cheap: the ruleset's own
 * complaint trigger and hold finder (the same ones the complaint and hold rules use, so "a
 * complaint call" means what the audit will mean by it), the call's length from its timestamps,
 * and the number of turns. No rule is evaluated.
 */
import type { Call } from '../model/call.js';
import { prepareCall } from '../engine/index.js';
import { findTrigger } from '../engine/conditions.js';
import { timingFacts } from '../engine/timing/facts.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import type { CompiledSaid } from '../ruleset/compiled.js';

export type Stratum = 'complaint' | 'long_hold' | 'short' | 'long';

/** The order strata are served in when an agent's quota is smaller than the strata present. */
export const STRATA: readonly Stratum[] = ['complaint', 'long_hold', 'short', 'long'];

export interface SignalThresholds {
  /** A call shorter than this (timestamps) is short; default 30 s (wrong numbers, hang-ups, silent callers). */
  shortMs: number;
  /** A call longer than this is long; default 600 s (10 minutes). */
  longMs: number;
  /** Without timestamps: at most this many turns is short (default 4) … */
  shortTurns: number;
  /** … and at least this many is long (default 60). */
  longTurns: number;
  /** A hold at least this long is a long hold; default: the ruleset's hold_check_back_s, else 25 s. */
  longHoldMs?: number;
}

export const DEFAULT_SIGNALS: SignalThresholds = { shortMs: 30_000, longMs: 600_000, shortTurns: 4, longTurns: 60 };

/** What the sample keeps of a call: its agent and its strata as bits (1 << position in STRATA). */
export interface SampleFacts {
  agentId: string;
  agentName: string;
  strata: number;
}

export function strataBits(strata: readonly Stratum[]): number {
  let bits = 0;
  for (const s of strata) bits |= 1 << STRATA.indexOf(s);
  return bits;
}

export interface CallSignals {
  durationMs?: number;
  turns: number;
  strata: Stratum[];
}

/** The complaint trigger of the ruleset: the `said` condition of a rule triggered by `$complaint`. */
export function complaintTrigger(ruleset: CompiledRuleset): CompiledSaid | undefined {
  for (const rule of ruleset.rules) {
    const said = rule.when?.said;
    if (said && said.phrases.label === '$complaint') return said;
  }
  return undefined;
}

export function callSignals(call: Call, ruleset: CompiledRuleset, t: SignalThresholds, complaint: CompiledSaid | undefined): CallSignals {
  const p = prepareCall(call, ruleset);
  const strata: Stratum[] = [];
  if (complaint && findTrigger(p, complaint)) strata.push('complaint');
  const longHoldMs = t.longHoldMs ?? (ruleset.thresholds.hold_check_back_s ?? 25) * 1000;
  if (ruleset.holdDetection && p.timed) {
    const facts = timingFacts(p);
    if (facts.ok && facts.holds.some((h) => h.endMs - h.startMs >= longHoldMs)) strata.push('long_hold');
  }
  const turns = call.utterances.length;
  let durationMs: number | undefined;
  if (p.timed) {
    let first = Infinity;
    let last = 0;
    for (const u of call.utterances) {
      first = Math.min(first, u.startMs ?? 0);
      last = Math.max(last, u.endMs ?? u.startMs ?? 0);
    }
    durationMs = last - first;
    if (durationMs < t.shortMs) strata.push('short');
    else if (durationMs > t.longMs) strata.push('long');
  } else if (turns <= t.shortTurns) strata.push('short');
  else if (turns >= t.longTurns) strata.push('long');
  return { durationMs, turns, strata };
}
