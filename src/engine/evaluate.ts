/**
 * Score one call: applicability (`when`), then each check of each rule, then the score.
 * Pure: a Call and a compiled ruleset in, a CallResult out.
 */
import type { Call } from '../model/call.js';
import type { CompiledCheck, CompiledRule, CompiledRuleset } from '../ruleset/index.js';
import { evaluateWhen } from './conditions.js';
import { prepareCall, type PreparedCall } from './prepare.js';
import type { CallResult, CheckOutcome, RuleResult } from './result.js';
import { evaluateCheck } from './rule-types/index.js';
import { scoreCall } from './score.js';

export function evaluateCall(call: Call, ruleset: CompiledRuleset): CallResult {
  return judgeCall(call, ruleset).result;
}

/**
 * The result, and the call as the rules read it: after a transfer within the recording the other
 * agent's words are nobody's, labelled 坐席（转接后） (src/engine/handover.ts). What a reviewer is
 * shown (explain) must be this call, or the new agent's lines read as the scored agent's.
 */
export function judgeCall(call: Call, ruleset: CompiledRuleset): { call: Call; result: CallResult } {
  const p = prepareCall(call, ruleset);
  const rules = ruleset.rules.map((rule) => evaluateRule(p, rule));
  return { call: p.call, result: scoreCall(call, ruleset, rules) };
}

export function evaluateRule(p: PreparedCall, rule: CompiledRule): RuleResult {
  const outcome = ruleOutcome(p, rule);
  // One object shape for every result (no spread): the reports read these fields per rule per call.
  return {
    verdict: outcome.verdict,
    reason: outcome.reason,
    evidence: outcome.evidence,
    window: outcome.window,
    ruleId: rule.id,
    category: rule.category,
    title: rule.title,
    critical: rule.critical,
    points: outcome.verdict === 'pass' ? rule.points : 0,
    maxPoints: rule.points,
  };
}

function ruleOutcome(p: PreparedCall, rule: CompiledRule): CheckOutcome {
  const applies = evaluateWhen(p, rule.when);
  if (applies.state !== 'yes') return { verdict: 'na', reason: applies.reason, evidence: [] };
  const ctx = { p, triggerTurn: applies.triggerTurn, trigger: rule.when?.said };
  const outcomes = rule.checks.map((check) => evaluateCheck(check, ctx));
  const outcome = combine(outcomes, applies.evidence, rule.checks);
  // Say why the rule applied when no quote shows it: the holiday, the ring time.
  return applies.note && outcome.verdict !== 'na' ? { ...outcome, reason: `${applies.note}: ${outcome.reason}` } : outcome;
}

/**
 * Several checks in one rule: any fail fails (with every failing check's reason), review beats pass, all-na is na.
 * A part that was na is named after the verdict's own reason: 「said 感谢您的来电」 alone would hide
 * that the goodbye was not judged (the customer hung up on it), or that no call log said who hung up.
 */
function combine(outcomes: CheckOutcome[], triggerEvidence: CheckOutcome['evidence'], checks: CompiledCheck[]): CheckOutcome {
  // Most rules have one check and no trigger quote: its outcome is the rule's.
  if (outcomes.length === 1 && triggerEvidence.length === 0 && (outcomes[0] as CheckOutcome).window !== '') return outcomes[0] as CheckOutcome;
  if (outcomes.every((o) => o.verdict === 'na')) return { ...(outcomes[0] as CheckOutcome), evidence: (outcomes[0] as CheckOutcome).evidence.concat(triggerEvidence) };
  const decided = decide(outcomes, triggerEvidence);
  if (decided.verdict === 'pass' && outcomes.every((o, i) => o.verdict === 'na' || isGuard(checks[i]))) return guardedNa(outcomes, triggerEvidence);
  return withNaParts(decided, outcomes);
}

function isGuard(check: CompiledCheck | undefined): boolean {
  return check?.type === 'forbid' && check.guard === true;
}

/**
 * The duty went unjudged and only a guarding never-list passed: 「none of 听懂了吧 said」 after an
 * explanation the customer hung up on is no confirmed understanding. na, saying both.
 */
function guardedNa(outcomes: CheckOutcome[], triggerEvidence: CheckOutcome['evidence']): CheckOutcome {
  const na = outcomes.filter((o) => o.verdict === 'na');
  const unbroken = outcomes.filter((o) => o.verdict === 'pass');
  return {
    verdict: 'na',
    reason: `${[...new Set(na.map((o) => o.reason))].join('; ')}; never-list not broken (judges nothing alone): ${[...new Set(unbroken.map((o) => o.reason))].join('; ')}`,
    evidence: na.flatMap((o) => o.evidence).concat(triggerEvidence),
  };
}

function decide(outcomes: CheckOutcome[], triggerEvidence: CheckOutcome['evidence']): CheckOutcome {
  const fails = outcomes.filter((o) => o.verdict === 'fail');
  if (fails.length > 0) return joined('fail', fails, triggerEvidence);
  const review = outcomes.find((o) => o.verdict === 'review');
  if (review) return { ...review, evidence: review.evidence.concat(triggerEvidence) };
  return joined('pass', outcomes.filter((o) => o.verdict === 'pass'), triggerEvidence);
}

/** The decided outcome, its reason followed by why each na part was not judged. */
function withNaParts(decided: CheckOutcome, outcomes: CheckOutcome[]): CheckOutcome {
  const na = [...new Set(outcomes.filter((o) => o.verdict === 'na').map((o) => o.reason))];
  return na.length === 0 ? decided : { ...decided, reason: `${decided.reason}; not applicable: ${na.join('; ')}` };
}

/** One outcome from several with the same verdict: reasons, evidence and windows in check order. */
function joined(verdict: 'fail' | 'pass', outcomes: CheckOutcome[], triggerEvidence: CheckOutcome['evidence']): CheckOutcome {
  if (outcomes.length === 1) {
    const only = outcomes[0] as CheckOutcome;
    return { verdict, reason: only.reason, evidence: only.evidence.concat(triggerEvidence), window: only.window || undefined };
  }
  // Two checks may judge the same words (consent's 「别再打了」 in the opening is both the opening's
  // decline and a do-not-call request): the reviewer reads it once.
  const evidence: CheckOutcome['evidence'] = [];
  const seen = new Set<string>();
  for (const e of [...outcomes.flatMap((o) => o.evidence), ...triggerEvidence]) {
    const key = `${e.turn}\u0000${e.role ?? ''}\u0000${e.matched ?? e.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push(e);
  }
  return {
    verdict,
    reason: [...new Set(outcomes.map((o) => o.reason))].join('; '),
    evidence,
    // Checks over the same turns (conduct's taboo, insult and curse lists) name the window once.
    window: [...new Set(outcomes.map((o) => o.window).filter(Boolean))].join('; ') || undefined,
  };
}
