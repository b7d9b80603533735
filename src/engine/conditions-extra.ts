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

export const extraConditions: ExtraCondition[] = [
  (_p, w) => (w.hold === undefined ? undefined : notYet('hold detection')),
  (_p, w) => (w.transfer === undefined ? undefined : notYet('transfer detection')),
  (_p, w) => (w.restDay === undefined ? undefined : notYet('the holiday calendar')),
  (_p, w) => (w.customerSilent === undefined ? undefined : notYet('silent-caller detection')),
];
