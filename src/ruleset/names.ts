import type { RulesetSpec } from './spec.js';

/**
 * The ruleset's tables keyed by names its author chose (weights, variables, thresholds,
 * lexicons), merged in order, without a prototype: `$toString` or a `constructor` category
 * must be "unknown", not a method of Object.
 */
export function nameTables(...specs: RulesetSpec[]): Pick<RulesetSpec, 'weights' | 'variables' | 'thresholds' | 'lexicons'> {
  const table = <T>(pick: (s: RulesetSpec) => Record<string, T> | undefined): Record<string, T> =>
    Object.assign(Object.create(null) as Record<string, T>, ...specs.map((s) => pick(s) ?? {}));
  return { weights: table((s) => s.weights), variables: table((s) => s.variables), thresholds: table((s) => s.thresholds), lexicons: table((s) => s.lexicons) };
}
