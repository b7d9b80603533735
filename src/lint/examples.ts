/**
 * @fileoverview The ruleset tests itself (ESLint's RuleTester, semgrep --test): each rule's
 * `examples:` are short dialogues in the plain transcript format that must get their verdict
 * under that rule alone. An example that does not is a located problem at the example's line.
 */
import { evaluateRule, prepareCall, type Verdict } from '../engine/index.js';
import { parseCallBytes } from '../readers/index.js';
import type { CompiledRuleset, ExampleSpec } from '../ruleset/index.js';
import type { LintContext } from './context.js';

export interface ExampleOutcome {
  index: number;
  name?: string;
  expected: ExampleSpec['verdict'];
  /** The verdict the engine gave; undefined when the dialogue could not be read. */
  got?: Verdict;
  reason: string;
  file: string;
  line: number;
  column: number;
}

export interface RuleExamples {
  ruleId: string;
  outcomes: ExampleOutcome[];
}

export function exampleAgrees(o: ExampleOutcome): boolean {
  return o.got === o.expected;
}

/** Run every rule's examples (a rule without any is listed with none); disagreements are also reported on `ctx`. */
export function runExamples(ruleset: CompiledRuleset, ctx: LintContext): RuleExamples[] {
  const out: RuleExamples[] = [];
  for (const rule of ruleset.rules.filter((r) => ctx.ownsRule(r.id))) {
    const outcomes = rule.examples.map((example, index): ExampleOutcome => {
      const at = ctx.ruleNode(rule.id, ['examples', index]);
      const base = { index, name: example.name, expected: example.verdict, ...at };
      const read = parseCallBytes(Buffer.from(example.dialogue, 'utf8'), `${rule.id}.example-${index + 1}.txt`);
      if (!read.ok) return { ...base, reason: `the dialogue cannot be read: ${read.error.message}${read.error.line ? ` (line ${read.error.line})` : ''}` };
      const call = read.call;
      call.meta = { ...call.meta, ...example.meta };
      const result = evaluateRule(prepareCall(call, ruleset), rule);
      return { ...base, got: result.verdict, reason: result.reason };
    });
    outcomes.forEach((o) => {
      if (exampleAgrees(o)) return;
      const label = o.name ? `example "${o.name}"` : `example ${o.index + 1}`;
      const message = o.got === undefined
        ? `${label} of ${rule.id}: ${o.reason}`
        : `${label} of ${rule.id} expects ${o.expected}, got ${o.got}: ${o.reason}`;
      ctx.reportRule(rule.id, ['examples', o.index], o.got === undefined ? 'example-unreadable' : 'example-failed', message, 'error');
    });
    out.push({ ruleId: rule.id, outcomes });
  }
  return out;
}
