/**
 * A ruleset made of parts: `include: [standard/lexicons.yaml, standard/opening/greeting.yaml, …]` merges
 * the lexicons and rules of each part file (paths relative to the including file) into the
 * ruleset, in order — the file's own first, then each part's, a part's own includes after it.
 * A part holds `include`, `lexicons` and `rules` only; a lexicon or rule id defined twice, an
 * include cycle and an unreadable part are errors located at file:line.
 */
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { readRulesetText } from './read.js';
import { parseRulesetYaml, schemaProblems } from './parse.js';
import type { RulesetProblem, SourceMap } from './problems.js';
import { PART_KEYS } from './schema.js';
import type { PhraseSpec, RuleSpec } from './spec.js';
import { schemaValidators } from './validators.js';


/** What a ruleset file or a part contributes. */
interface PartData {
  include?: string[];
  lexicons?: Record<string, PhraseSpec[]>;
  rules?: RuleSpec[];
}

export interface Assembled {
  lexicons: Record<string, PhraseSpec[]>;
  rules: RuleSpec[];
  /** Which file each rule is written in, and its index in that file's `rules:`. */
  ruleFiles: Map<string, { file: string; index: number }>;
  /** Every file's source map: the parts first, the including ruleset's own file last. */
  sources: Map<string, SourceMap>;
  /** The part files, as named from the ruleset's folder (the ruleset file's own excluded). */
  parts: string[];
  /** The ruleset's text followed by each part's, so a hash of it covers them all. */
  text: string;
}

export type AssembleResult = { ok: true; assembled: Assembled } | { ok: false; problems: RulesetProblem[] };

/** Whether parsed YAML is a ruleset part: a map of part keys only, without a ruleset's `name:`. */
export function isRulesetPart(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((k) => PART_KEYS.includes(k));
}

/**
 * Merge the parts a ruleset file includes into its own lexicons and rules. `skipRules` (for lint,
 * src/lint/partial.ts): leave out the file's own rules at these indices, and the rules of a part
 * that the schema rejects, so the other rules can still be checked.
 */
export function assembleRuleset(map: SourceMap, own: PartData, text: string, skipRules?: ReadonlySet<number>): AssembleResult {
  const a = new Assembler(skipRules !== undefined);
  a.add(map, own, text, [resolve(map.file)], skipRules);
  a.out.sources.set(map.file, map);
  if (a.problems.length > 0) return { ok: false, problems: a.problems };
  return { ok: true, assembled: a.out };
}

/** The indices of the rules ajv rejected, or undefined when it rejected more than rules. */
export function rejectedRules(errors: readonly ErrorObject[]): Set<number> | undefined {
  const bad = new Set<number>();
  for (const e of errors) {
    const m = /^\/rules\/(\d+)(\/|$)/.exec(e.instancePath);
    if (!m) return undefined;
    bad.add(Number(m[1]));
  }
  return bad;
}

type Place = { file: string; line: number };

class Assembler {
  readonly problems: RulesetProblem[] = [];
  // No prototype: a lexicon named __proto__ is a lexicon, not the object's prototype.
  readonly out: Assembled = { lexicons: Object.create(null) as Assembled['lexicons'], rules: [], ruleFiles: new Map(), sources: new Map(), parts: [], text: '' };
  private readonly lexiconAt = new Map<string, Place>();
  private readonly ruleAt = new Map<string, Place>();
  /** Resolved path of each part already included → where it was included. */
  private readonly included = new Map<string, Place>();

  /** @param skipBadRules leave out a part's rules the schema rejects (lint), instead of failing. */
  constructor(private readonly skipBadRules = false) {}

  add(map: SourceMap, data: PartData, text: string, stack: string[], skip?: ReadonlySet<number>): void {
    this.out.text += text;
    for (const name of Object.keys(data.lexicons ?? {})) {
      const here = { file: map.file, ...map.positionOf(['lexicons'], name) };
      const first = this.lexiconAt.get(name);
      if (first) this.problems.push({ ...here, severity: 'error', code: 'duplicate-lexicon', message: `lexicon "${name}" is defined twice: here and at ${first.file}:${first.line}` });
      else {
        this.lexiconAt.set(name, here);
        this.out.lexicons[name] = (data.lexicons ?? {})[name] as PhraseSpec[];
      }
    }
    (data.rules ?? []).forEach((rule, index) => {
      if (skip?.has(index)) return;
      const here = { file: map.file, ...map.positionOf(['rules', index], 'id') };
      const first = this.ruleAt.get(rule.id);
      // Twice in one file is the compiler's duplicate-id, reported with the rest of the file's problems.
      if (first && first.file !== map.file) {
        this.problems.push({ ...here, severity: 'error', code: 'duplicate-id', message: `rule "${rule.id}" is defined twice: here and at ${first.file}:${first.line}` });
        return;
      }
      if (!first) this.ruleAt.set(rule.id, here);
      this.out.rules.push(rule);
      this.out.ruleFiles.set(rule.id, { file: map.file, index });
    });
    (data.include ?? []).forEach((name, i) => this.include(map, name, i, stack));
  }

  private include(map: SourceMap, name: string, i: number, stack: string[]): void {
    const at = (code: string, message: string): void => void this.problems.push(map.problem(['include', i], code, message));
    const file = join(dirname(map.file), name);
    const path = resolve(file);
    if (stack.includes(path)) return at('include-cycle', `include cycle: ${name} is itself including this file`);
    const before = this.included.get(path);
    if (before) return at('include-twice', `${name} is already included at ${before.file}:${before.line}`);
    this.included.set(path, { file: map.file, line: map.positionOf(['include', i]).line });
    const text = readRulesetText(file);
    if (typeof text !== 'string') {
      // Unreadable: say so at the include line; not UTF-8: at the part's own line.
      if (text.code === 'unreadable') return at('include-unreadable', `cannot include ${name}: ${text.message.replace(/^cannot read ruleset: /, '')}`);
      return void this.problems.push(text);
    }
    const parsed = parseRulesetYaml(text, file);
    if (!parsed.ok) return void this.problems.push(...parsed.problems);
    const data = parsed.data;
    if (typeof data === 'object' && data !== null && 'name' in data) {
      return at('include-whole-ruleset', `${name} is a whole ruleset (it has name:), not a part: build on it with extends:`);
    }
    const validatePart = schemaValidators().part;
    const valid = validatePart(data);
    const errors = validatePart.errors ?? [];
    const skip = !valid && this.skipBadRules ? rejectedRules(errors) : undefined;
    if (!valid && !skip) {
      // A setting in a part: say where it belongs rather than "unknown key".
      const misplaced = (e: ErrorObject): boolean => e.instancePath === '' && e.keyword === 'additionalProperties';
      for (const e of errors.filter(misplaced)) {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        this.problems.push(parsed.map.problem([], 'not-in-part', `a ruleset part holds only ${PART_KEYS.join(', ')}: "${key}" belongs in the ruleset that includes it`, 'error', key));
      }
      return void this.problems.push(...schemaProblems(errors.filter((e) => !misplaced(e)), parsed.map, data));
    }
    this.out.parts.push(file);
    this.add(parsed.map, data as PartData, `\n# include: ${name}\n${text}`, [...stack, path], skip);
    this.out.sources.set(file, parsed.map);
  }
}
