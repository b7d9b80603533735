/**
 * @fileoverview When the schema rejects some rules, compile the rest: one lint run then reports
 * the schema errors of the bad rules AND the reference/regex/phrase problems of the good ones.
 * Only for a single file whose top-level keys are valid (no `extends` or `include`: the merge needs all).
 */
import { Ajv } from 'ajv';
import { LineCounter } from 'yaml';
import { parseYamlDocument } from '../model/yaml.js';
import type { LoadedRuleset } from '../ruleset/load.js';
import { SourceMap } from '../ruleset/problems.js';
import { rulesetSchema } from '../ruleset/schema.js';
import type { RulesetSpec } from '../ruleset/spec.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(rulesetSchema());

/** The ruleset without its schema-invalid rules, or undefined when the damage is not only in rules. */
export function validPart(text: string, file: string): LoadedRuleset | undefined {
  const lines = new LineCounter();
  const parsed = parseYamlDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (!parsed.ok || parsed.doc.errors.length > 0) return undefined;
  const doc = parsed.doc;
  const data: unknown = doc.toJS();
  if (validate(data)) return undefined;
  const bad = new Set<number>();
  for (const e of validate.errors ?? []) {
    const m = /^\/rules\/(\d+)(\/|$)/.exec(e.instancePath);
    if (!m) return undefined;
    bad.add(Number(m[1]));
  }
  const spec = data as RulesetSpec;
  if (spec.extends !== undefined || spec.include !== undefined) return undefined;
  spec.version = String(spec.version);
  const kept = spec.rules.map((rule, index) => ({ rule, index })).filter((r) => !bad.has(r.index));
  spec.rules = kept.map((r) => r.rule);
  return {
    spec,
    sources: new Map([[file, new SourceMap(file, doc, lines)]]),
    ruleFiles: new Map(kept.map((r) => [r.rule.id, { file, index: r.index }])),
    parts: [],
    text,
  };
}
