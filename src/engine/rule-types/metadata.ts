/**
 * `metadata`: a fact of the call log must have a value (closing.customer-hangs-up: hangup_by is
 * customer). A call without that metadata is na — never a guess.
 */
import { coerceField } from '../../meta/fields.js';
import type { MetadataCheck } from '../../ruleset/compiled.js';
import type { CheckOutcome } from '../result.js';
import type { CheckContext } from './context.js';

export function evaluateMetadata(check: MetadataCheck, ctx: CheckContext): CheckOutcome {
  const meta = ctx.p.call.meta;
  const missing = Object.keys(check.expect).filter((k) => meta[k] === undefined);
  if (missing.length > 0) return { verdict: 'na', reason: `no ${missing.join(', ')} metadata`, evidence: [] };
  // Values are compared as the field reads them (「挂机方: 客户」 is hangup_by customer); a value the
  // field cannot read (hangup_by "system") tells nothing: na, not a fail.
  const unreadable: string[] = [];
  const read = (k: string): string => {
    const c = coerceField(k, String(meta[k]));
    if (!c.ok) unreadable.push(c.message);
    return c.ok ? String(c.value) : String(meta[k]);
  };
  const wrong = Object.entries(check.expect).filter(([k, v]) => read(k) !== String(v));
  if (unreadable.length > 0) return { verdict: 'na', reason: unreadable.join('; '), evidence: [] };
  const facts = Object.keys(check.expect).map((k) => `${k}=${String(meta[k])}`).join(', ');
  if (wrong.length > 0) {
    const expected = wrong.map(([k, v]) => `${k} should be ${String(v)}`).join(', ');
    return { verdict: 'fail', reason: `${facts} (${expected})`, evidence: [], window: 'call metadata' };
  }
  return { verdict: 'pass', reason: facts, evidence: [], window: 'call metadata' };
}
