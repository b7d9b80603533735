/**
 * @fileoverview When the schema rejects some rules, compile the rest: one lint run then reports
 * the schema errors of the bad rules AND the reference/regex/phrase problems of the good ones —
 * in the ruleset file and in the parts it includes alike. Only for a ruleset whose damage is in
 * rules alone, without `extends` (the merge needs the whole child).
 */
import { assembleRuleset, rejectedRules } from '../ruleset/include.js';
import type { LoadedRuleset } from '../ruleset/load.js';
import { nameTables } from '../ruleset/names.js';
import { parseRulesetYaml } from '../ruleset/parse.js';
import type { RulesetSpec } from '../ruleset/spec.js';
import { schemaValidators } from '../ruleset/validators.js';

/** The ruleset without its schema-invalid rules, or undefined when the damage is not only in rules. */
export function validPart(text: string, file: string): LoadedRuleset | undefined {
  const parsed = parseRulesetYaml(text, file);
  if (!parsed.ok) return undefined;
  const data: unknown = parsed.data;
  const validate = schemaValidators().ruleset;
  const valid = validate(data);
  const bad = valid ? new Set<number>() : rejectedRules(validate.errors ?? []);
  if (!bad) return undefined;
  const spec = data as RulesetSpec;
  // A valid file without parts failed to load for another reason: nothing to recover.
  if (spec.extends !== undefined || (valid && spec.include === undefined)) return undefined;
  spec.version = String(spec.version);
  const parts = assembleRuleset(parsed.map, spec, text, bad);
  if (!parts.ok) return undefined;
  const { lexicons, rules, ruleFiles, sources, text: allText } = parts.assembled;
  spec.lexicons = lexicons;
  spec.rules = rules;
  Object.assign(spec, nameTables(spec));
  return { spec, sources, ruleFiles, parts: parts.assembled.parts, text: allText };
}
