/** `pending`: a rule whose evidence the engine does not evaluate yet is na, saying why. */
import type { PendingCheck } from '../../ruleset/compiled.js';
import type { CheckOutcome } from '../result.js';

export function evaluatePending(check: PendingCheck): CheckOutcome {
  return { verdict: 'na', reason: `not evaluated yet: ${check.reason}`, evidence: [] };
}
