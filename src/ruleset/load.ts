/**
 * Load a ruleset file: YAML with positions → schema validation → (optional) base ruleset merge.
 * Returns every problem found, each with file:line:col; never throws on bad input.
 */
import { notRegularCause, readRegularFileSync } from '../model/read-file.js';
import { isUtf8 } from 'node:buffer';
import { dirname, resolve } from 'node:path';
import { LineCounter } from 'yaml';
import { Ajv, type ErrorObject } from 'ajv';
import { rulesetSchema } from './schema.js';
import { SourceMap, type RulesetProblem } from './problems.js';
import type { RuleSpec, RulesetSpec } from './spec.js';
import { closest } from '../model/suggest.js';
import { nameTables } from './names.js';
import { parseYamlDocument, YAML_MAX_DEPTH } from '../model/yaml.js';

const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(rulesetSchema());

export interface LoadedRuleset {
  spec: RulesetSpec;
  /** One source map per file that contributed (the ruleset and its bases). */
  sources: Map<string, SourceMap>;
  /** Which file each rule came from (for positions of rules inherited through `extends`). */
  ruleFiles: Map<string, { file: string; index: number }>;
  /** The raw bytes' sha256 is computed by the caller from `text`. */
  text: string;
}

export type LoadResult =
  | { ok: true; ruleset: LoadedRuleset; problems: RulesetProblem[] }
  | { ok: false; problems: RulesetProblem[] };

/**
 * A ruleset file's text, or the problem that it cannot be read or is no text at all (a binary
 * named by mistake would flood the terminal with a hundred YAML errors quoting its bytes).
 */
export function readRulesetText(file: string): string | RulesetProblem {
  const unreadable = (message: string): RulesetProblem => ({ file, line: 1, column: 1, severity: 'error', code: 'unreadable', message });
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
  } catch (err) {
    return unreadable(`cannot read ruleset: ${whyUnreadable(err)}`);
  }
  // Notepad's "Unicode" is UTF-16 with a byte-order mark: text, though full of zero bytes.
  if (isUtf16Bom(bytes)) return { file, line: 1, column: 1, severity: 'error', code: 'not-utf8', message: 'UTF-16 text: save the ruleset as UTF-8' };
  if (bytes.includes(0)) return unreadable('cannot read ruleset: a binary file, not YAML text');
  const badLine = firstNonUtf8Line(bytes);
  // Read as UTF-8, a GBK or Big5 file's phrases would be mojibake that matches no call.
  if (badLine !== undefined) {
    return { file, line: badLine, column: 1, severity: 'error', code: 'not-utf8', message: 'not UTF-8 text (GBK or Big5?): save the ruleset as UTF-8' };
  }
  return bytes.toString('utf8');
}

function isUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** 1-based line of the first bytes that are not UTF-8 (GBK and Big5 never use 0x0A inside a character). */
function firstNonUtf8Line(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line;
    if (end < 0) return undefined;
    start = end + 1;
  }
}

/** Why a ruleset file could not be read, in words (not Node's "Error: EISDIR: illegal operation…"). */
function whyUnreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return notRegularCause(err) ?? (err instanceof Error ? err.message : String(err));
}

export function loadRulesetFile(file: string, seen: string[] = []): LoadResult {
  const text = readRulesetText(file);
  if (typeof text !== 'string') return { ok: false, problems: [text] };
  return loadRulesetText(text, file, seen);
}

export function loadRulesetText(text: string, file: string, seen: string[] = []): LoadResult {
  const lines = new LineCounter();
  const parsed = parseYamlDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (!parsed.ok) {
    const { line, col: column } = lines.linePos(parsed.offset);
    return { ok: false, problems: [{ file, line, column, severity: 'error', code: 'yaml-too-deep', message: `nested too deeply (more than ${YAML_MAX_DEPTH} levels of lists or maps)` }] };
  }
  const doc = parsed.doc;
  const map = new SourceMap(file, doc, lines);
  const problems: RulesetProblem[] = [];
  for (const e of doc.errors) {
    const pos = map.at(e.pos[0]);
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    problems.push({ file, ...pos, severity: 'error', code, message: firstLine(e.message) });
  }
  if (problems.length > 0) return { ok: false, problems };

  const data: unknown = doc.toJS();
  if (!validate(data)) {
    problems.push(...schemaProblems(validate.errors ?? [], map, data));
    return { ok: false, problems };
  }
  const spec = data as unknown as RulesetSpec;
  spec.version = String(spec.version);
  Object.assign(spec, nameTables(spec));
  const sources = new Map([[file, map]]);
  const ruleFiles = new Map(spec.rules.map((r, index) => [r.id, { file, index }]));
  const loaded: LoadedRuleset = { spec, sources, ruleFiles, text };
  if (!spec.extends) return { ok: true, ruleset: loaded, problems };
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
  return { ok: true, ruleset: { spec: merged, sources, ruleFiles, text: child.text }, problems };
}

/** ajv errors → located, human messages; drop the anyOf/oneOf noise that duplicates a child. */
function schemaProblems(errors: ErrorObject[], map: SourceMap, data: unknown): RulesetProblem[] {
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

