/**
 * Conditions that need timing, metadata or the calendar (hold, transfer, rest_day,
 * customer_silent). Each is a small function: it returns undefined when the `when` does not use
 * it, else its answer. Until those facts are computed these answer "unknown" (so the rule is na
 * with a reason, never a guess).
 */
import type { CompiledWhen } from '../ruleset/index.js';
import type { Applicability } from './conditions.js';
import type { PreparedCall } from './prepare.js';

export type ExtraCondition = (p: PreparedCall, when: CompiledWhen) => Applicability | undefined;

const notYet = (what: string): Applicability => ({ state: 'unknown', reason: `${what} is not evaluated yet` });

const YES: Applicability = { state: 'yes', evidence: [] };

/** A transfer is known from the call log (`transferred`); text cannot show a silent transfer. */
function transfer(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.transfer === undefined) return undefined;
  const t = p.call.meta.transferred;
  if (t === undefined) return { state: 'unknown', reason: 'no transferred metadata' };
  const happened = t === true || String(t).toLowerCase() === 'true';
  return happened === w.transfer ? YES : { state: 'no', reason: happened ? 'the call was transferred' : 'no transfer in this call' };
}

/** The caller says nothing at all: no customer turn with any words in it. */
function customerSilent(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.customerSilent === undefined) return undefined;
  if (!p.call.source.diarized) return { state: 'unknown', reason: 'no speaker roles (mono or undiarized transcript)' };
  const spoke = p.turnsOf.customer.some((i) => (p.folds[i]?.folded.length ?? 0) > 0);
  if (spoke === !w.customerSilent) return YES;
  return { state: 'no', reason: spoke ? 'the customer speaks' : 'the customer never speaks' };
}

export const extraConditions: ExtraCondition[] = [
  (_p, w) => (w.hold === undefined ? undefined : notYet('hold detection')),
  transfer,
  (_p, w) => (w.restDay === undefined ? undefined : notYet('the holiday calendar')),
  customerSilent,
];
