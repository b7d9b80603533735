/**
 * The phrases of a ruleset: `$lexicon` references expanded, `{variables}` filled or kept for the
 * call, each phrase folded and numbered as a pattern of the one matcher, lists made phrase sets.
 */
import { foldPhrase } from '../normalize/fold.js';
import type { TolerancePolicy } from '../match/tolerant.js';
import type { Severity } from './problems.js';
import type { PhraseSpec, RulesetSpec } from './spec.js';
import { closest } from '../model/suggest.js';
import { requiredLiterals, worthLookingFor } from '../match/regex-literals.js';
import { applyTolerance } from './tolerance.js';
import type { CompiledPhrase, PhraseSet } from './compiled.js';

/** Call metadata usable as `{name}` in phrases; filled per call. */
export const META_VARIABLES = ['agent_id', 'agent_name', 'agent_no', 'call_id', 'customer_name'] as const;

/** More phrases than this in one near-matched list is a warning (see tolerantSet). */
const LONG_NEAR_LIST = 2000;

type Path = (string | number)[];

/** Where problems go: `report` in the rule being compiled, `reportGlobal` outside any rule (lexicons). */
export interface PhraseReporter {
  report(path: Path, code: string, message: string, severity?: Severity): void;
  reportGlobal(path: Path, code: string, message: string): void;
}

export class PhraseCompiler {
  /** Every distinct folded phrase, by pattern id: the matcher's patterns. */
  readonly patterns: string[] = [];
  private readonly patternIds = new Map<string, number>();
  /** Literals regex phrases require, by literal id (see CompiledRuleset.literals). */
  readonly literals: string[] = [];
  private readonly literalIds = new Map<string, number>();
  /** Requirements of regex phrases (lists of literal ids), by gate id (see CompiledRuleset.gates). */
  readonly gates: number[][] = [];
  private readonly gateIds = new Map<string, number>();
  /** By literal id: the gates it opens. */
  readonly gatesOfLiteral: number[][] = [];
  /** Phrase sets that accept near matches (for the tolerant matcher). */
  readonly tolerantSets: PhraseSet[] = [];
  /** Every phrase set compiled, indexed by its id. */
  readonly sets: PhraseSet[] = [];
  /** Sets by their items, captures and policy: one set per distinct list (see phraseSet). */
  private readonly setsByKey = new Map<string, PhraseSet>();

  constructor(
    private readonly spec: RulesetSpec,
    private readonly reporter: PhraseReporter,
  ) {}

  /** For each pattern, the sets that contain it, flat as [set id, phrase index, …]. */
  setsOfPattern(): number[][] {
    const out = this.patterns.map((): number[] => []);
    for (const set of this.sets) {
      for (const [pattern, owner] of set.patternOwner) out[pattern]?.push(set.id, owner - 1);
    }
    return out;
  }

  /**
   * A phrase set whose near matches count under `policy` (absent: exact only). Near matching is
   * not flat in the number of phrases the way exact matching is (scripts/bench-phrases.js: 10,000
   * phrases 1.8×, 50,000 5.2× a call's time), so a long tolerant list is a warning.
   */
  tolerantSet(items: PhraseSpec[], path: Path, policy: TolerancePolicy | undefined, captures?: string[]): PhraseSet {
    const set = this.phraseSet(items, path, captures, policy);
    const count = set.patternOwner.size;
    if (set.tolerance && count > LONG_NEAR_LIST) {
      this.reporter.report(path, 'long-near-list', `near matches of ${count} phrases are looked for: that costs more the longer the list (10,000 phrases ≈ 1.8× a call's time, 50,000 ≈ 5×); match a list this long exactly (tolerance: off), as forbid does by default`, 'warning');
    }
    return set;
  }

  /**
   * Expand `$lexicon` references and compile each phrase of a list. The same list under the same
   * policy is one set however many rules use it (the five complaint rules' `$complaint` trigger):
   * a call's hits, regex runs and near matches are then found once and shared. Each use still
   * compiles its items, so every place with a broken phrase is reported.
   */
  phraseSet(items: PhraseSpec[], path: Path, captures: string[] = [], policy?: TolerancePolicy): PhraseSet {
    const phrases: CompiledPhrase[] = [];
    items.forEach((item, i) => {
      const itemPath = [...path, i];
      if (item.startsWith('$')) {
        const name = item.slice(1);
        const lexicon = this.spec.lexicons?.[name];
        if (!lexicon) {
          const known = Object.keys(this.spec.lexicons ?? {});
          this.reporter.report(itemPath, 'unknown-lexicon', `unknown lexicon "${item}"${known.length ? ` (lexicons: ${known.join(', ')})` : ''}`);
          return;
        }
        lexicon.forEach((p, j) => this.addPhrase(phrases, p, ['lexicons', name, j], true, captures));
      } else {
        this.addPhrase(phrases, item, itemPath, false, captures);
      }
    });
    // How messages name the list: its lexicons by name, else the first phrases in 「」.
    const label = items.every((x) => x.startsWith('$'))
      ? items.join(' ')
      : `${items.slice(0, 3).map((x) => (x.startsWith('$') ? x : `「${x}」`)).join('')}${items.length > 3 ? '…' : ''}`;
    const key = JSON.stringify([items, captures, policy ?? null]);
    const same = this.setsByKey.get(key);
    if (same) return same;
    const set: PhraseSet = { id: this.sets.length, label, phrases, patternOwner: new Map(), regexes: [], templates: [] };
    this.sets.push(set);
    this.setsByKey.set(key, set);
    phrases.forEach((p, i) => {
      if (p.kind === 'plain' && p.pattern !== undefined && !set.patternOwner.has(p.pattern)) set.patternOwner.set(p.pattern, i + 1);
      else if (p.kind === 'regex') set.regexes.push(i);
      else if (p.kind === 'template') set.templates.push(i);
    });
    return applyTolerance(set, policy, this.tolerantSets);
  }

  private addPhrase(out: CompiledPhrase[], raw: string, path: Path, inLexicon: boolean, captures: string[]): void {
    const report = (code: string, message: string): void => {
      if (inLexicon) this.reporter.reportGlobal(path, code, message);
      else this.reporter.report(path, code, message);
    };
    if (raw.startsWith('$')) {
      report('nested-lexicon', `lexicon entries cannot reference other lexicons ("${raw}")`);
      return;
    }
    const regexMatch = /^\/(.+)\/([a-z]*)$/s.exec(raw);
    if (regexMatch) {
      try {
        const flags = new Set((regexMatch[2] ?? '').split('').filter(Boolean));
        flags.add('u');
        flags.add('g');
        const regex = new RegExp(regexMatch[1] as string, [...flags].join(''));
        const required = requiredLiterals(regex.source, regex.flags);
        const requires = required && worthLookingFor(required).map((option) => this.gateId(option));
        const metaGroups = [...regex.source.matchAll(/\(\?<([a-z_][a-z0-9_]*)>/gi)]
          .map((m) => m[1] as string)
          .filter((name) => (META_VARIABLES as readonly string[]).includes(name));
        out.push({ display: raw, kind: 'regex', regex, ...(requires ? { requires } : {}), ...(metaGroups.length > 0 ? { metaGroups } : {}) });
      } catch (err) {
        report('bad-regex', `regex ${raw} does not compile: ${(err as Error).message}`);
      }
      return;
    }
    const variables = this.spec.variables ?? {};
    const parts: Array<{ text: string } | { variable: string }> = [];
    let display = '';
    let cursor = 0;
    for (const m of raw.matchAll(/\{([a-z_][a-z0-9_]*)\}/gi)) {
      const name = m[1] as string;
      const before = raw.slice(cursor, m.index);
      cursor = (m.index ?? 0) + m[0].length;
      if (name in variables) {
        display += before + variables[name];
        parts.push({ text: before + variables[name] });
      } else if ((META_VARIABLES as readonly string[]).includes(name) || captures.includes(name)) {
        display += `${before}{${name}}`;
        parts.push({ text: before }, { variable: name });
      } else {
        const known = [...Object.keys(variables), ...META_VARIABLES, ...captures];
        const hint = closest(name, known);
        report('unknown-variable', `unknown variable {${name}}${hint ? ` (did you mean {${hint}}?)` : ''}; known: ${known.join(', ')}`);
        return;
      }
    }
    display += raw.slice(cursor);
    parts.push({ text: raw.slice(cursor) });
    const hasVariable = parts.some((p) => 'variable' in p);
    if (!hasVariable) {
      const folded = foldPhrase(display);
      if (folded.length === 0) {
        report('empty-phrase', `phrase "${raw}" normalizes to nothing (only punctuation or spaces)`);
        return;
      }
      out.push({ display, kind: 'plain', pattern: this.patternId(folded) });
      return;
    }
    const template = parts
      .map((p) => ('variable' in p ? p : { text: foldPhrase(p.text) }))
      .filter((p) => 'variable' in p || p.text.length > 0);
    out.push({ display, kind: 'template', template });
  }

  private literalId(literal: string): number {
    return idIn(this.literals, this.literalIds, literal);
  }

  /** The id of a requirement (one of these literals), shared by every regex that has it. */
  private gateId(option: readonly string[]): number {
    const key = option.join('\u0000');
    const known = this.gateIds.get(key);
    if (known !== undefined) return known;
    const id = this.gates.length;
    const literals = option.map((literal) => this.literalId(literal));
    this.gates.push(literals);
    this.gateIds.set(key, id);
    for (const literal of literals) (this.gatesOfLiteral[literal] ??= []).push(id);
    return id;
  }

  private patternId(folded: string): number {
    return idIn(this.patterns, this.patternIds, folded);
  }
}

/** The id of `text` in a list of distinct strings (its index), added at the end when new. */
function idIn(list: string[], ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = list.length;
    list.push(text);
    ids.set(text, id);
  }
  return id;
}
