/**
 * A ruleset file's text → YAML document with positions and its plain data; schema errors →
 * located, human problems. Shared by whole rulesets (load.ts) and their parts (include.ts).
 */
import { LineCounter, type Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import { SourceMap, type RulesetProblem } from './problems.js';
import { closest } from '../model/suggest.js';
import { parseYamlDocument, YAML_MAX_DEPTH } from '../model/yaml.js';

export type Parsed = { ok: true; doc: Document; map: SourceMap; data: unknown } | { ok: false; problems: RulesetProblem[] };

/** Parse YAML keeping positions; duplicate keys, syntax errors and too-deep nesting are problems. */
export function parseRulesetYaml(text: string, file: string): Parsed {
  const lines = new LineCounter();
  const parsed = parseYamlDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (!parsed.ok) {
    const { line, col: column } = lines.linePos(parsed.offset);
    return { ok: false, problems: [{ file, line, column, severity: 'error', code: 'yaml-too-deep', message: `nested too deeply (more than ${YAML_MAX_DEPTH} levels of lists or maps)` }] };
  }
  const doc = parsed.doc;
  const map = new SourceMap(file, doc, lines);
  const problems: RulesetProblem[] = doc.errors.map((e) => {
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    return { file, ...map.at(e.pos[0]), severity: 'error', code, message: firstLine(e.message) };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, doc, map, data: doc.toJS() };
}

/** ajv errors → located, human messages; drop the anyOf/oneOf noise that duplicates a child. */
export function schemaProblems(errors: ErrorObject[], map: SourceMap, data: unknown): RulesetProblem[] {
  const out: RulesetProblem[] = [];
  const seen = new Set<string>();
  const real = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const paths = new Set(real.map((e) => e.instancePath));
  for (const e of errors) {
    // "one check or a list of checks": when the object form has a deeper error, the list
    // branch's "must be array" is noise.
    // The same holds when the object form's error sits on the object itself (an unknown key).
    const objectBranch = (x: ErrorObject): boolean => x.instancePath.startsWith(`${e.instancePath}/`) || (x.instancePath === e.instancePath && x.keyword === 'additionalProperties');
    if (e.keyword === 'type' && real.some(objectBranch)) continue;
    const path = e.instancePath.split('/').slice(1).map(unescapePointer);
    const where = describePath(path, data);
    let problem: RulesetProblem;
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      const hint = closest(key, allowed);
      const msg = `unknown key "${key}" in ${where}${hint ? ` (did you mean "${hint}"?)` : ''}`;
      problem = map.problem(path, 'unknown-key', msg, 'error', key);
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      problem = map.problem(path, 'missing-key', `${where} needs "${missing}"`);
    } else if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      if (paths.has(e.instancePath) && e.keyword === 'anyOf') continue;
      const msg = path.at(-1) === 'require'
        ? `${where} needs exactly one of "any", "all", or "at_least" with "of"`
        : `${where} has the wrong shape`;
      problem = map.problem(path, 'wrong-shape', msg);
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = closest(String(e.data), allowed);
      problem = map.problem(path, 'bad-value', `${where} must be one of ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    } else if (e.keyword === 'uniqueItems') {
      const { j } = e.params as { i: number; j: number };
      const item = Array.isArray(e.data) ? String(e.data[j]) : '';
      problem = map.problem(path, 'duplicate-item', `${where} lists "${item}" twice`);
    } else if (e.keyword === 'type') {
      problem = map.problem(path, 'wrong-type', `${where} must be ${(e.params as { type: string }).type}`);
    } else if (['minimum', 'maximum', 'exclusiveMinimum'].includes(e.keyword)) {
      problem = map.problem(path, 'out-of-range', `${where} ${e.message ?? 'is out of range'}`);
    } else if (e.keyword === 'maxProperties' && path.at(-1) === 'scope') {
      problem = map.problem(path, 'wrong-shape', `${where} takes one key (first_turns, last_turns, first_seconds, …)`);
    } else {
      problem = map.problem(path, 'schema', `${where} ${e.message ?? 'is invalid'}`);
    }
    const dedupe = `${problem.line}:${problem.column}:${problem.message}`;
    if (!seen.has(dedupe)) {
      seen.add(dedupe);
      out.push(problem);
    }
  }
  return out;
}

/** `rules.3.forbid.speaker` → `rule conduct.x: forbid.speaker`, which a QA lead can find. */
function describePath(path: string[], data: unknown): string {
  if (path.length === 0) return 'ruleset';
  if (path[0] === 'rules' && path.length >= 2) {
    const rule = (data as { rules?: Array<{ id?: unknown }> }).rules?.[Number(path[1])];
    const name = typeof rule?.id === 'string' ? `rule ${rule.id}` : `rule #${Number(path[1]) + 1}`;
    return path.length === 2 ? name : `${name}: ${path.slice(2).join('.')}`;
  }
  return path.join('.');
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
