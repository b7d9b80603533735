/**
 * `require`: the speaker says one of / all of / at least N of the phrase groups within a scope.
 * A "not said" failure carries the window that was searched, so a reviewer can check it.
 */
import type { RequireCheck } from '../../ruleset/index.js';
import { customerCutOff } from '../hangup.js';
import { firstHit, phraseEvidence, quoteMatch } from '../near.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { selectTurns } from '../scope.js';
import type { CheckContext } from './context.js';

export function evaluateRequire(check: RequireCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const selection = selectTurns(p, check.speaker, check.scope, ctx.triggerTurn);
  if (!selection.ok) return { verdict: 'na', reason: selection.reason, evidence: [] };

  const found: Evidence[] = [];
  const missing: string[] = [];
  for (const group of check.groups) {
    const hit = firstHit(p, selection.turns, group, check.except);
    if (hit) found.push(phraseEvidence(p, hit, group));
    else missing.push(group.label);
  }
  const said = found.length;
  if (said >= check.need) {
    const which = found.map((e) => `${quoteMatch(e)} (turn ${e.turn})`).join(', ');
    return { verdict: 'pass', reason: `said ${which}`, evidence: found, window: selection.window };
  }
  const need = check.mode === 'at_least' ? `at least ${check.need} of ${check.groups.length}; found ${said}` : `not said`;
  const cutOff = check.cutOffNa ? customerCutOff(p) : undefined;
  if (cutOff !== undefined) {
    // Not the agent's failure: the customer ended the call on their own words before the agent could say it.
    const reason = `${need}: ${missing.join(' + ')}, but the customer hung up after their own last words (turn ${cutOff + 1}, hangup_by: customer)`;
    return { verdict: 'na', reason, evidence: found, window: selection.window };
  }
  return {
    verdict: 'fail',
    reason: `${need}: ${missing.join(' + ')}`,
    evidence: found,
    window: selection.window,
  };
}
