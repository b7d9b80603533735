/** Small inline rulesets and calls for the rule-type tests: one rule, a few lines of dialogue. */
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import { parseCallBytes, type Call } from '../../src/readers/index.js';
import { loadRulesetFromText, type CompiledRuleset } from '../../src/ruleset/index.js';

/** A ruleset around `rules` (YAML list items, indented by two spaces), with optional extra keys. */
export function rulesetOf(rules: string, extra = ''): CompiledRuleset {
  const text = `name: unit\nversion: 1\npass_mark: 80\nweights: { opening: 1, complaint: 1, closing: 1, conduct: 1 }\nvariables: { company: 康泰鑫 }\n${extra}rules:\n${rules}`;
  const loaded = loadRulesetFromText(text, 'unit.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line ?? '?'}:${p.column ?? '?'} ${p.message}`).join('\n'));
  return loaded.ruleset;
}

/** A plain-format call from dialogue lines, with front matter from `meta`. */
export function callOf(dialogue: string, meta: Record<string, string | number | boolean> = {}): Call {
  const front = Object.keys(meta).length > 0 ? `---\n${Object.entries(meta).map(([k, v]) => `${k}: ${String(v)}`).join('\n')}\n---\n` : '';
  const read = parseCallBytes(new TextEncoder().encode(front + dialogue.trim() + '\n'), 'unit.txt');
  if (!read.ok) throw new Error(read.error.message);
  return read.call;
}

/** The result of the ruleset's only (or named) rule on a call. */
export function judge(ruleset: CompiledRuleset, call: Call, id?: string): RuleResult {
  const result = evaluateCall(call, ruleset).rules.find((r) => id === undefined || r.ruleId === id);
  if (!result) throw new Error(`no rule ${id ?? ''}`);
  return result;
}
