/**
 * @fileoverview Whole-ruleset lint checks the schema cannot express: ids outside the standards
 * catalogue, weights that do not add up to 100, weights without rules, thresholds out of range.
 */
import { closest } from '../model/suggest.js';
import { CATALOGUE_IDS, inCatalogue } from './catalogue.js';
import type { LintContext } from './context.js';

/** Rule ids must be the catalogue's, so scores compare across rulesets (warning: companies add rules). */
export function checkCatalogue(ctx: LintContext): void {
  for (const rule of ctx.loaded.spec.rules) {
    if (inCatalogue(rule.id)) continue;
    const hint = closest(rule.id, CATALOGUE_IDS);
    const msg = `rule id "${rule.id}" is not in the standards catalogue${hint ? ` (did you mean "${hint}"?)` : ''}`;
    ctx.reportRule(rule.id, ['id'], 'not-in-catalogue', msg, 'warning');
  }
}

/**
 * Weights are read as percentages by QA leads. The score divides by the weights of the
 * categories that applied, so a sum other than 100 still scores correctly: a warning, not an error.
 */
export function checkWeights(ctx: LintContext, opts: { unused: boolean } = { unused: true }): void {
  const { weights, rules } = ctx.loaded.spec;
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-9) {
    const parts = Object.entries(weights).map(([k, v]) => `${k} ${v}`).join(' + ');
    ctx.report(['weights'], 'weights-sum', `weights add up to ${round(sum)}, not 100 (${parts})`, 'warning');
  }
  const used = new Set(rules.map((r) => r.category));
  for (const [name, weight] of Object.entries(weights)) {
    if (!used.has(name)) {
      if (opts.unused) ctx.report(['weights'], 'unused-weight', `category "${name}" has a weight but no rule`, 'warning', name);
    } else if (weight === 0) ctx.report(['weights'], 'zero-weight', `category "${name}" has weight 0: its rules never move the score`, 'warning', name);
  }
}

interface Range {
  min: number;
  max: number;
  /** The minimum itself is allowed. */
  minInclusive: boolean;
  unit: string;
}

/** The range a threshold must lie in, from its name's suffix (the naming convention of thresholds). */
function rangeOf(name: string): Range | undefined {
  if (/confidence/.test(name)) return { min: 0, max: 1, minInclusive: false, unit: '' };
  if (/_s$/.test(name)) return { min: 0, max: 3600, minInclusive: true, unit: ' s' };
  if (/_ms$/.test(name)) return { min: 0, max: 3_600_000, minInclusive: true, unit: ' ms' };
  if (/(_chars|_count|_turns|_per_min|_cpm)$/.test(name)) return { min: 0, max: Infinity, minInclusive: true, unit: '' };
  return undefined;
}

/** Thresholds whose value cannot be meant: negative times, a confidence outside (0, 1], an hour-long pause. */
export function checkThresholds(ctx: LintContext): void {
  for (const [name, value] of Object.entries(ctx.loaded.spec.thresholds ?? {})) {
    const range = rangeOf(name);
    if (!range) continue;
    const low = range.minInclusive ? value < range.min : value <= range.min;
    if (low || value > range.max) {
      const lower = range.minInclusive ? `at least ${range.min}` : `more than ${range.min}`;
      const upper = Number.isFinite(range.max) ? ` and at most ${range.max}${range.unit}` : '';
      ctx.report(['thresholds', name], 'out-of-range', `threshold ${name} is ${value}: it must be ${lower}${upper}`, 'error');
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
