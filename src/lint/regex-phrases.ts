/**
 * @fileoverview The phrase strings of a ruleset's rules and lexicons, for the lint checks that read
 * regex phrases (digit-regex.ts, unfolded-regex.ts): each reports its own problem under its code.
 */
import type { RulesetSpec } from '../ruleset/spec.js';
import type { LintContext, Path } from './context.js';

/** A regex phrase: `/source/flags`. */
export const REGEX_PHRASE = /^\/(.+)\/([a-z]*)$/s;

/**
 * Reports, as warnings with `code`, the phrases of every rule and lexicon for which `problem`
 * returns a message (`problem` sees every string of a rule's checks; regex phrases are its to pick).
 */
export function forEachRegexPhrase(ctx: LintContext, problem: (raw: string) => string | undefined, code: string): void {
  const spec = ctx.loaded.spec;
  for (const rule of spec.rules) {
    walk(rule, [], (path, raw) => {
      const message = problem(raw);
      if (message) ctx.reportRule(rule.id, path, code, message, 'warning');
    });
  }
  for (const [name, phrases] of Object.entries(spec.lexicons ?? {})) {
    phrases.forEach((raw, i) => {
      const message = problem(raw);
      if (message) ctx.report(['lexicons', name, i], code, message, 'warning');
    });
  }
}

type Rule = RulesetSpec['rules'][number];

function walk(node: unknown, path: Path, report: (path: Path, raw: string) => void): void {
  if (typeof node === 'string') {
    report(path, node);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, [...path, i], report));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Rule)) {
    if (key === 'examples' || key === 'metadata' || key === 'meta') continue;
    if (typeof value === 'string' && path.length === 0) continue; // id, title, notes …
    walk(value, [...path, key], report);
  }
}
