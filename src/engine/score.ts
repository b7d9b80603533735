/**
 * The score of a call as the seeds describe it: per category, earned ÷ applicable points; the
 * call's score is the weight-averaged category score over the categories that applied, so a call
 * with no hold is neither punished nor rewarded by hold rules. A critical fail fails the call.
 */
import type { Call } from '../model/call.js';
import { callDay } from '../meta/dates.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import type { CallResult, CategoryScore, RuleResult } from './result.js';

export const UNKNOWN_AGENT = 'unknown';

/** The call's agent id; a missing or blank one is UNKNOWN_AGENT, as its warning says. */
export function agentIdOf(call: Call): string {
  const id = call.meta.agent_id === undefined ? '' : String(call.meta.agent_id).trim();
  return id === '' ? UNKNOWN_AGENT : id;
}

export function scoreCall(call: Call, ruleset: CompiledRuleset, rules: RuleResult[]): CallResult {
  const categories: Record<string, CategoryScore> = {};
  for (const name of Object.keys(ruleset.weights)) categories[name] = { earned: 0, applicable: 0 };
  let earned = 0;
  let applicable = 0;
  for (const r of rules) {
    if (r.verdict !== 'pass' && r.verdict !== 'fail') continue;
    const c = (categories[r.category] ??= { earned: 0, applicable: 0 });
    c.earned += r.points;
    c.applicable += r.maxPoints;
    earned += r.points;
    applicable += r.maxPoints;
  }
  let weighted = 0;
  let weights = 0;
  for (const [name, c] of Object.entries(categories)) {
    if (c.applicable <= 0) continue;
    c.score = round1((c.earned / c.applicable) * 100);
    const w = ruleset.weights[name] ?? 0;
    weighted += w * (c.earned / c.applicable);
    weights += w;
  }
  const score = weights > 0 ? round1((weighted / weights) * 100) : undefined;
  const criticalFail = rules.some((r) => r.critical && r.verdict === 'fail');
  const result = criticalFail ? 'fail' : score === undefined ? 'na' : score >= ruleset.passMark ? 'pass' : 'fail';
  return {
    callId: call.id,
    file: call.file,
    agentId: agentIdOf(call),
    agentName: String(call.meta.agent_name ?? ''),
    // The day the calendar rules judged: `date`, else the day of `started_at`.
    date: callDay(call.meta) ?? String(call.meta.date ?? ''),
    format: call.source.format,
    encoding: call.source.encoding,
    score,
    earned,
    applicable,
    criticalFail,
    result,
    categories,
    rules,
  };
}

/**
 * One decimal, rounded half up on the decimal value, as Excel's ROUND gives it: the weighted mean
 * of 5/10 and 13/15 is 63.75, computed as 63.74999999999999; read to 15 significant digits
 * first, it is 63.8 (adding Number.EPSILON, far below one unit of 637.5, left it at 63.7).
 */
export function round1(x: number): number {
  return Math.round(Number((x * 10).toPrecision(15))) / 10;
}
