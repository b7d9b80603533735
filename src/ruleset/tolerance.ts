/**
 * Near-match tolerance as the ruleset sets it: which phrase sets accept near matches, and the one
 * tolerant matcher built for the ruleset from the patterns those sets use.
 *
 *   require, respond replies,  check → rule → ruleset `tolerance` → auto
 *   hold before/after,         (rule → ruleset → auto)
 *   silent_caller repeat/close
 *   forbid                     check → rule → off (a near match must never invent a taboo)
 *   triggers, except lists     exact (a near trigger would invent an obligation)
 */
import { allowedEdits, AUTO_TOLERANCE, TolerantMatcher, type TolerancePolicy } from '../match/tolerant.js';
import type { PhraseSet } from './compiled.js';
import type { ToleranceSpec } from './spec.js';

/** The first tolerance given, as a policy; undefined when that is `off` or none is given. */
export function resolveTolerance(...specs: Array<ToleranceSpec | undefined>): TolerancePolicy | undefined {
  const spec = specs.find((s) => s !== undefined);
  if (spec === undefined || spec === 'off') return undefined;
  if (spec === 'auto') return AUTO_TOLERANCE;
  return { edits: spec.edits ?? AUTO_TOLERANCE.edits, homophones: spec.homophones ?? AUTO_TOLERANCE.homophones };
}

/** Give a set its policy (when any) and remember it for the matcher. */
export function applyTolerance(set: PhraseSet, policy: TolerancePolicy | undefined, tolerantSets: PhraseSet[]): PhraseSet {
  if (policy && set.patternOwner.size > 0) {
    set.tolerance = policy;
    tolerantSets.push(set);
  }
  return set;
}

/** One matcher for the ruleset: each pattern's budget is the largest any tolerant set gives it. */
export function buildTolerantMatcher(patterns: readonly string[], tolerantSets: readonly PhraseSet[]): TolerantMatcher {
  const budgets = patterns.map(() => -1);
  for (const set of tolerantSets) {
    const policy = set.tolerance;
    if (!policy) continue;
    for (const pattern of set.patternOwner.keys()) {
      const length = (patterns[pattern] as string).length;
      // A short phrase has no edits but may still be heard as a homophone (在见 for 再见).
      const usable = allowedEdits(length, policy.edits) > 0 || (policy.homophones && length >= 2);
      if (usable) budgets[pattern] = Math.max(budgets[pattern] as number, allowedEdits(length, policy.edits));
    }
  }
  return new TolerantMatcher(patterns, budgets);
}
