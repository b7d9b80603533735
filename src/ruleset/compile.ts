/**
 * Compile a loaded ruleset: expand variables and lexicons, fold every phrase, check references,
 * and build the one multi-pattern matcher. Problems carry the position of the phrase or key.
 */
import { createHash } from 'node:crypto';
import { AhoCorasick } from '../match/aho-corasick.js';
import type { TolerancePolicy, TolerantMatcher } from '../match/tolerant.js';
import { foldPhrase } from '../normalize/fold.js';
import type { LoadedRuleset } from './load.js';
import type { RulesetProblem, Severity } from './problems.js';
import type { PhraseSpec, RequireSpec, RuleSpec, SaidSpec, ScopeSpec, WhenSpec } from './spec.js';
import { closest } from './suggest.js';
import { holdDetection, resolveNumber, timingChecks, usesHolds, type TimingCompiler } from './compile-timing.js';
import { applyTolerance, buildTolerantMatcher, resolveTolerance } from './tolerance.js';
import type {
  CompiledCheck,
  CompiledPhrase,
  CompiledRule,
  CompiledRuleset,
  CompiledSaid,
  CompiledWhen,
  HoldDetection,
  PhraseSet,
} from './compiled.js';

/** Call metadata usable as `{name}` in phrases; filled per call. */
/** More phrases than this in one near-matched list is a warning (see tolerantSet). */
const LONG_NEAR_LIST = 2000;

export const META_VARIABLES = ['agent_id', 'agent_name', 'agent_no', 'call_id', 'customer_name'] as const;

type Path = (string | number)[];

export type CompileResult =
  | { ok: true; ruleset: CompiledRuleset; problems: RulesetProblem[] }
  | { ok: false; problems: RulesetProblem[] };

export function compileRuleset(loaded: LoadedRuleset): CompileResult {
  return new Compiler(loaded).run();
}

/**
 * A scope as the engine reads it: absent when it selects the whole call (none, or `{}`), else
 * every key present in one order, so that all scopes share one object shape (selectTurns reads
 * them for every check of every call).
 */
function compileScope(s: ScopeSpec | undefined): ScopeSpec | undefined {
  if (!s || Object.keys(s).length === 0) return undefined;
  return {
    first_turns: s.first_turns,
    last_turns: s.last_turns,
    first_seconds: s.first_seconds,
    last_seconds: s.last_seconds,
    after_trigger_turns: s.after_trigger_turns,
    after_trigger_seconds: s.after_trigger_seconds,
    from_trigger: s.from_trigger,
  };
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

class Compiler {
  private readonly problems: RulesetProblem[] = [];
  private readonly patterns: string[] = [];
  private readonly patternIds = new Map<string, number>();
  /** Phrase sets that accept near matches (for the tolerant matcher). */
  private readonly tolerantSets: PhraseSet[] = [];
  /** Every phrase set compiled, indexed by its id. */
  private readonly sets: PhraseSet[] = [];
  private ruleFile = '';
  private rulePath: Path = [];
  private holds: HoldDetection | undefined;
  private readonly timing: TimingCompiler;

  constructor(private readonly loaded: LoadedRuleset) {
    this.timing = {
      thresholds: loaded.spec.thresholds ?? {},
      lexicons: loaded.spec.lexicons ?? {},
      phraseSet: (items, path) => this.phraseSet(items, path),
      requiredPhraseSet: (items, path, rule) => this.tolerantSet(items, path, resolveTolerance(rule.tolerance, loaded.spec.tolerance, 'auto')),
      report: (path, code, message) => this.report(path, code, message),
    };
  }

  run(): CompileResult {
    const spec = this.loaded.spec;
    this.checkLexicons();
    const rules: CompiledRule[] = [];
    const ids = new Map<string, number>();
    spec.rules.forEach((rule) => {
      const where = this.loaded.ruleFiles.get(rule.id);
      const index = where?.index ?? spec.rules.indexOf(rule);
      this.ruleFile = where?.file ?? [...this.loaded.sources.keys()][0] ?? '';
      this.rulePath = ['rules', index];
      const key = rule.id.toLowerCase();
      if (ids.has(key)) this.report(['id'], 'duplicate-id', `duplicate rule id "${rule.id}"`);
      ids.set(key, index);
      if (!(rule.category in spec.weights)) {
        this.report(['category'], 'unknown-category', `category "${rule.category}" has no weight (weights: ${Object.keys(spec.weights).join(', ')})`);
      }
      rules.push(this.compileRule(rule));
      if (!this.holds && usesHolds(rule)) this.holds = holdDetection(this.timing, rule.hold ? ['hold'] : rule.dead_air ? ['dead_air'] : ['when']);
    });
    if (this.problems.some((p) => p.severity === 'error')) return { ok: false, problems: this.problems };
    const { patterns, tolerantSets } = this;
    let tolerant: TolerantMatcher | undefined;
    const ruleset: CompiledRuleset = {
      spec,
      name: spec.name,
      version: spec.version,
      sha256: createHash('sha256').update(this.loaded.text).digest('hex'),
      passMark: spec.pass_mark,
      weights: spec.weights,
      thresholds: spec.thresholds ?? {},
      region: spec.region,
      calendar: { holidays: spec.calendar?.holidays ?? [], workdays: spec.calendar?.workdays ?? [] },
      holdDetection: this.holds,
      rules,
      patterns: this.patterns,
      matcher: new AhoCorasick(this.patterns),
      setsOfPattern: this.setsOfPattern(),
      setCount: this.sets.length,
      // Built on first use: only threads that score calls need it (and its pinyin dictionaries).
      get tolerant(): TolerantMatcher {
        return (tolerant ??= buildTolerantMatcher(patterns, tolerantSets));
      },
    };
    return { ok: true, ruleset, problems: this.problems };
  }

  private compileRule(rule: RuleSpec): CompiledRule {
    const checks: CompiledCheck[] = [];
    asList(rule.require).forEach((r, i) => checks.push(this.requireCheck(r, Array.isArray(rule.require) ? ['require', i] : ['require'], rule)));
    asList(rule.forbid).forEach((f, i) => {
      const base: Path = Array.isArray(rule.forbid) ? ['forbid', i] : ['forbid'];
      if (!f.phrases && !f.personal_data) {
        this.report(base, 'missing-key', `forbid needs "phrases", "personal_data" (mobile, id_card, bank_card) or both`);
      }
      checks.push({
        type: 'forbid',
        speaker: f.speaker,
        scope: compileScope(f.scope),
        phrases: f.phrases
          ? this.tolerantSet(f.phrases, [...base, 'phrases'], resolveTolerance(f.tolerance, rule.tolerance))
          : undefined,
        personalData: f.personal_data,
        except: f.except ? this.phraseSet(f.except, [...base, 'except']) : undefined,
        minCount: f.min_count ?? 1,
      });
    });
    if (rule.respond) {
      const r = rule.respond;
      const trigger = this.said(r.trigger, ['respond', 'trigger']);
      // Named groups of the trigger's regexes may be used as {name} in the reply phrases.
      const captures = trigger.phrases.phrases.flatMap((ph) => [...(ph.regex?.source.matchAll(/\(\?<([A-Za-z_]\w*)>/g) ?? [])].map((m) => m[1] as string));
      checks.push({
        type: 'respond',
        trigger,
        reply: {
          speaker: r.reply.speaker,
          phrases: this.tolerantSet(r.reply.phrases, ['respond', 'reply', 'phrases'], resolveTolerance(r.tolerance, rule.tolerance, this.loaded.spec.tolerance, 'auto'), captures),
          except: r.reply.except ? this.phraseSet(r.reply.except, ['respond', 'reply', 'except']) : undefined,
          withinTurns: r.reply.within_turns,
          withinSeconds: r.reply.within_seconds,
        },
        mode: r.mode ?? 'first',
      });
    }
    if (rule.metadata) checks.push({ type: 'metadata', expect: rule.metadata });
    checks.push(...timingChecks(this.timing, rule));
    if (rule.pending) checks.push({ type: 'pending', reason: rule.pending });
    if (checks.length === 0) {
      this.report([], 'no-check', `rule "${rule.id}" has no check (require, forbid, respond …)`);
    }
    const usesTrigger = [...asList(rule.require), ...asList(rule.forbid)].map((c) => c.scope).some(
      (s) => s && (s.after_trigger_turns !== undefined || s.after_trigger_seconds !== undefined || s.from_trigger !== undefined),
    );
    if (usesTrigger && !rule.when?.said) {
      this.report(['when'], 'scope-needs-trigger', 'an after_trigger or from_trigger scope needs a `when.said` trigger');
    }
    return {
      id: rule.id,
      category: rule.category,
      title: rule.title,
      description: rule.description,
      notes: rule.notes,
      points: rule.points,
      critical: rule.critical ?? false,
      when: rule.when ? this.when(rule.when, ['when']) : undefined,
      checks,
      examples: rule.examples ?? [],
    };
  }

  private requireCheck(r: RequireSpec, base: Path, rule: RuleSpec): CompiledCheck {
    const except = r.except ? this.phraseSet(r.except, [...base, 'except']) : undefined;
    const policy = resolveTolerance(r.tolerance, rule.tolerance, this.loaded.spec.tolerance, 'auto');
    const cutOffNa = r.cut_off === 'na' ? true : undefined;
    if (r.any) {
      const group = this.tolerantSet(r.any, [...base, 'any'], policy);
      return { type: 'require', speaker: r.speaker, scope: compileScope(r.scope), groups: [group], need: 1, mode: 'any', except, cutOffNa };
    }
    const items = r.all ?? r.of ?? [];
    const key = r.all ? 'all' : 'of';
    const groups = items.map((item, i) => this.tolerantSet(Array.isArray(item) ? item : [item], [...base, key, i], policy));
    const need = r.all ? groups.length : (r.at_least ?? 1);
    if (need > groups.length) this.report([...base, 'at_least'], 'out-of-range', `at_least ${need} but only ${groups.length} items in "of"`);
    return { type: 'require', speaker: r.speaker, scope: compileScope(r.scope), groups, need, mode: r.all ? 'all' : 'at_least', except, cutOffNa };
  }

  private when(w: WhenSpec, path: Path): CompiledWhen {
    // Every key present, in one order (undefined when not used): all `when`s share one object
    // shape, so the engine's per-rule reads of them stay monomorphic.
    const out: CompiledWhen = {
      direction: w.direction === undefined ? undefined : Array.isArray(w.direction) ? w.direction : [w.direction],
      said: w.said ? this.said(w.said, [...path, 'said']) : undefined,
      hasTurns: w.has_turns || undefined,
      timed: w.timed,
      meta: undefined,
      restDay: w.rest_day,
      hold: w.hold,
      transfer: w.transfer,
      customerSilent: w.customer_silent,
      any: undefined,
      not: undefined,
    };
    if (w.meta) {
      out.meta = {};
      for (const [key, test] of Object.entries(w.meta)) {
        if (typeof test !== 'object') {
          out.meta[key] = { eq: test };
          continue;
        }
        // gt/gte/lt/lte may name a threshold: { ring_s: { gt: ring_max_s } }.
        const { eq, present, ...bounds } = test;
        const resolved: NonNullable<CompiledWhen['meta']>[string] = { eq, present };
        for (const [op, v] of Object.entries(bounds) as [keyof typeof bounds, string | number][]) {
          resolved[op] = resolveNumber(this.timing, v, [...path, 'meta', key, op]);
        }
        out.meta[key] = resolved;
      }
    }
    if (w.any) out.any = w.any.map((x, i) => this.when(x, [...path, 'any', i]));
    if (w.not) out.not = this.when(w.not, [...path, 'not']);
    return out;
  }

  private said(s: SaidSpec, path: Path): CompiledSaid {
    return {
      speaker: s.speaker,
      phrases: this.phraseSet(s.phrases, [...path, 'phrases']),
      except: s.except ? this.phraseSet(s.except, [...path, 'except']) : undefined,
      scope: compileScope(s.scope),
    };
  }

  private setsOfPattern(): number[][] {
    const out = this.patterns.map((): number[] => []);
    for (const set of this.sets) {
      for (const [pattern, owner] of set.patternOwner) out[pattern]?.push(set.id, owner - 1);
    }
    return out;
  }

  /** Expand `$lexicon` references and compile each phrase of a list. */
  /**
   * A phrase set whose near matches count under `policy` (absent: exact only). Near matching is
   * not flat in the number of phrases the way exact matching is (scripts/bench-phrases.js: 10,000
   * phrases 1.8×, 50,000 5.2× a call's time), so a long tolerant list is a warning.
   */
  private tolerantSet(items: PhraseSpec[], path: Path, policy: TolerancePolicy | undefined, captures?: string[]): PhraseSet {
    const set = applyTolerance(this.phraseSet(items, path, captures), policy, this.tolerantSets);
    const count = set.patternOwner.size;
    if (set.tolerance && count > LONG_NEAR_LIST) {
      this.report(path, 'long-near-list', `near matches of ${count} phrases are looked for: that costs more the longer the list (10,000 phrases ≈ 1.8× a call's time, 50,000 ≈ 5×); match a list this long exactly (tolerance: off), as forbid does by default`, 'warning');
    }
    return set;
  }

  private phraseSet(items: PhraseSpec[], path: Path, captures: string[] = []): PhraseSet {
    const phrases: CompiledPhrase[] = [];
    items.forEach((item, i) => {
      const itemPath = [...path, i];
      if (item.startsWith('$')) {
        const name = item.slice(1);
        const lexicon = this.loaded.spec.lexicons?.[name];
        if (!lexicon) {
          const known = Object.keys(this.loaded.spec.lexicons ?? {});
          this.report(itemPath, 'unknown-lexicon', `unknown lexicon "${item}"${known.length ? ` (lexicons: ${known.join(', ')})` : ''}`);
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
    const set: PhraseSet = { id: this.sets.length, label, phrases, patternOwner: new Map(), regexes: [], templates: [] };
    this.sets.push(set);
    phrases.forEach((p, i) => {
      if (p.kind === 'plain' && p.pattern !== undefined && !set.patternOwner.has(p.pattern)) set.patternOwner.set(p.pattern, i + 1);
      else if (p.kind === 'regex') set.regexes.push(i);
      else if (p.kind === 'template') set.templates.push(i);
    });
    return set;
  }

  private addPhrase(out: CompiledPhrase[], raw: string, path: Path, inLexicon: boolean, captures: string[]): void {
    const report = (code: string, message: string): void => {
      if (inLexicon) this.reportGlobal(path, code, message);
      else this.report(path, code, message);
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
        out.push({ display: raw, kind: 'regex', regex: new RegExp(regexMatch[1] as string, [...flags].join('')) });
      } catch (err) {
        report('bad-regex', `regex ${raw} does not compile: ${(err as Error).message}`);
      }
      return;
    }
    const variables = this.loaded.spec.variables ?? {};
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

  private patternId(folded: string): number {
    let id = this.patternIds.get(folded);
    if (id === undefined) {
      id = this.patterns.length;
      this.patterns.push(folded);
      this.patternIds.set(folded, id);
    }
    return id;
  }

  private checkLexicons(): void {
    for (const name of Object.keys(this.loaded.spec.lexicons ?? {})) {
      if (!/^[\p{L}\p{N}_-]+$/u.test(name)) this.reportGlobal(['lexicons'], 'bad-lexicon-name', `lexicon name "${name}" may hold letters, digits, _ and - only`);
    }
  }

  private report(rel: Path, code: string, message: string, severity: Severity = 'error'): void {
    const map = this.loaded.sources.get(this.ruleFile);
    const path = [...this.rulePath, ...rel];
    if (map) this.problems.push(map.problem(path, code, message, severity));
    else this.problems.push({ file: this.ruleFile, line: 1, column: 1, severity, code, message });
  }

  /** A problem outside a rule (lexicons…): located in whichever file defines that path. */
  private reportGlobal(path: Path, code: string, message: string, severity: Severity = 'error'): void {
    // A lexicon is expanded once per rule that uses it: report its problems once.
    if (this.problems.some((p) => p.code === code && p.message === message)) return;
    const maps = [...this.loaded.sources.values()].reverse();
    const map = maps.find((m) => m.nodeAt(path) !== m.doc.contents) ?? maps[0];
    if (map) this.problems.push(map.problem(path, code, message, severity));
  }
}
