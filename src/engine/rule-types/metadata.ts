/**
 * `metadata`: a fact of the call log must have a value (closing.customer-hangs-up: hangup_by is
 * customer). A call without that metadata is na — never a guess.
 */
import type { MetadataCheck } from '../../ruleset/compiled.js';
import type { CheckOutcome } from '../result.js';
import type { CheckContext } from './context.js';

export function evaluateMetadata(check: MetadataCheck, ctx: CheckContext): CheckOutcome {
  const meta = ctx.p.call.meta;
  const missing = Object.keys(check.expect).filter((k) => meta[k] === undefined);
  if (missing.length > 0) return { verdict: 'na', reason: `no ${missing.join(', ')} metadata`, evidence: [] };
  const wrong = Object.entries(check.expect).filter(([k, v]) => String(meta[k]) !== String(v));
  const facts = Object.keys(check.expect).map((k) => `${k}=${String(meta[k])}`).join(', ');
  if (wrong.length > 0) {
    const expected = wrong.map(([k, v]) => `${k} should be ${String(v)}`).join(', ');
    return { verdict: 'fail', reason: `${facts} (${expected})`, evidence: [], window: 'call metadata' };
  }
  return { verdict: 'pass', reason: facts, evidence: [], window: 'call metadata' };
}
