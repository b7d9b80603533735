/**
 * `forbid`: the speaker says none of the phrases within a scope. A hit inside an exception
 * (你 inside 你们, 不知道 inside 不知道您是否方便) is not the taboo. `min_count` lets a rule fail only
 * on repetition, for checks that speech recognition gets wrong now and then (你/您).
 */
import type { ForbidCheck } from '../../ruleset/index.js';
import { hitEvidence, quoteList } from '../evidence.js';
import { findPhrasesExcept } from '../phrases.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { selectTurns } from '../scope.js';
import type { CheckContext } from './context.js';

export function evaluateForbid(check: ForbidCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const selection = selectTurns(p, check.speaker, check.scope, ctx.triggerTurn);
  if (!selection.ok) return { verdict: 'na', reason: selection.reason, evidence: [] };

  const evidence: Evidence[] = [];
  for (const u of selection.turns) {
    for (const hit of findPhrasesExcept(p, u, check.phrases, check.except)) {
      evidence.push(hitEvidence(p, hit, check.phrases));
    }
  }
  if (evidence.length >= check.minCount && evidence.length > 0) {
    const times = check.minCount > 1 ? ` (${evidence.length} times, limit ${check.minCount - 1})` : '';
    return { verdict: 'fail', reason: `said ${quoteList(evidence)}${times}`, evidence, window: selection.window };
  }
  const note = evidence.length > 0 ? `said ${evidence.length} time(s), below the limit of ${check.minCount}` : `none of ${check.phrases.label} said`;
  return { verdict: 'pass', reason: note, evidence, window: selection.window };
}
