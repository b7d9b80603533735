/**
 * Load a ruleset file: YAML with positions → schema validation → its parts (`include:`, include.ts)
 * → (optional) base ruleset merge.
 * Returns every problem found, each with file:line:col; never throws on bad input.
 */
import { dirname, resolve } from 'node:path';
import { PART_KEYS } from './schema.js';
import type { RulesetProblem, SourceMap } from './problems.js';
import type { RuleSpec, RulesetSpec } from './spec.js';
import { nameTables } from './names.js';
import { parseRulesetYaml, schemaProblems } from './parse.js';
import { assembleRuleset, isRulesetPart } from './include.js';
import { readRulesetText } from './read.js';
import { schemaValidators } from './validators.js';

export { readRulesetText } from './read.js';

export interface LoadedRuleset {
  spec: RulesetSpec;
  /** One source map per file that contributed (the ruleset, its parts, its bases and theirs). */
  sources: Map<string, SourceMap>;
  /** Which file each rule came from (a part, or a base ruleset through `extends`). */
  ruleFiles: Map<string, { file: string; index: number }>;
  /** The files this ruleset `include:`s (not its base's): lint reports on them with the ruleset. */
  parts: string[];
  /** The ruleset's text and its parts' (and its base's): the run's sha256 covers them all. */
  text: string;
}

export type LoadResult =
  | { ok: true; ruleset: LoadedRuleset; problems: RulesetProblem[] }
  | { ok: false; problems: RulesetProblem[] };

export function loadRulesetFile(file: string, seen: string[] = []): LoadResult {
  const text = readRulesetText(file);
  if (typeof text !== 'string') return { ok: false, problems: [text] };
  return loadRulesetText(text, file, seen);
}

export function loadRulesetText(text: string, file: string, seen: string[] = []): LoadResult {
  const parsed = parseRulesetYaml(text, file);
  if (!parsed.ok) return parsed;
  const { map, data } = parsed;
  if (isRulesetPart(data)) {
    const message = `a ruleset part (only ${PART_KEYS.join(', ')}; no name:): use the ruleset that includes it`;
    return { ok: false, problems: [map.problem([], 'ruleset-part', message)] };
  }
  const validate = schemaValidators().ruleset;
  if (!validate(data)) return { ok: false, problems: schemaProblems(validate.errors ?? [], map, data) };
  const spec = data as unknown as RulesetSpec;
  if (spec.rules === undefined && spec.include === undefined) {
    return { ok: false, problems: [map.problem([], 'missing-key', 'ruleset needs "rules" (or "include" of files that hold them)')] };
  }
  spec.version = String(spec.version);
  const parts = assembleRuleset(map, spec, text);
  if (!parts.ok) return parts;
  const { lexicons, rules, ruleFiles, sources, text: allText } = parts.assembled;
  spec.lexicons = lexicons;
  spec.rules = rules;
  Object.assign(spec, nameTables(spec));
  const loaded: LoadedRuleset = { spec, sources, ruleFiles, parts: parts.assembled.parts, text: allText };
  if (!spec.extends) return { ok: true, ruleset: loaded, problems: [] };
  return extendFrom(loaded, map, [...seen, resolve(file)]);
}

/** Merge a base ruleset under this one: variables, lexicons and thresholds by key, rules by id. */
function extendFrom(child: LoadedRuleset, map: SourceMap, seen: string[]): LoadResult {
  const spec = child.spec;
  const basePath = resolve(dirname(map.file), spec.extends as string);
  if (seen.includes(basePath)) {
    return { ok: false, problems: [map.problem(['extends'], 'extends-cycle', `ruleset extends itself through ${spec.extends}`)] };
  }
  const base = loadRulesetFile(basePath, seen);
  if (!base.ok) {
    const here = map.problem(['extends'], 'extends-invalid', `base ruleset ${spec.extends} has errors`);
    return { ok: false, problems: [here, ...base.problems] };
  }
  const b = base.ruleset.spec;
  const disabled = new Set(spec.disable ?? []);
  const problems: RulesetProblem[] = [...base.problems];
  (spec.disable ?? []).forEach((id, i) => {
    if (!b.rules.some((r) => r.id === id)) problems.push(map.problem(['disable', i], 'unknown-rule', `disable names rule "${id}", which the base ruleset does not have`));
  });
  // A misspelt id would leave the rule meant to be switched off in every score: an invalid ruleset.
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  const own = new Map(spec.rules.map((r) => [r.id, r]));
  const rules: RuleSpec[] = [];
  for (const r of b.rules) if (!disabled.has(r.id)) rules.push(own.get(r.id) ?? r);
  for (const r of spec.rules) if (!b.rules.some((x) => x.id === r.id)) rules.push(r);
  const ruleFiles = new Map(base.ruleset.ruleFiles);
  for (const [id, where] of child.ruleFiles) ruleFiles.set(id, where);
  for (const id of disabled) ruleFiles.delete(id);
  const merged: RulesetSpec = {
    ...b,
    ...spec,
    ...nameTables(b, spec),
    calendar: {
      holidays: [...(b.calendar?.holidays ?? []), ...(spec.calendar?.holidays ?? [])],
      workdays: [...(b.calendar?.workdays ?? []), ...(spec.calendar?.workdays ?? [])],
    },
    rules,
  };
  const sources = new Map([...base.ruleset.sources, ...child.sources]);
  // The hash of the run's ruleset changes when its base does.
  const text = `${child.text}\n# extends: ${spec.extends}\n${base.ruleset.text}`;
  return { ok: true, ruleset: { spec: merged, sources, ruleFiles, parts: child.parts, text }, problems };
}
