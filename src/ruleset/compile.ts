/**
 * Compile a loaded ruleset: expand variables and lexicons, fold every phrase, check references,
 * and build the one multi-pattern matcher. Problems carry the position of the phrase or key.
 */
import { createHash } from 'node:crypto';
import { AhoCorasick } from '../match/aho-corasick.js';
import type { TolerancePolicy, TolerantMatcher } from '../match/tolerant.js';
import type { LoadedRuleset } from './load.js';
import type { RulesetProblem, Severity } from './problems.js';
import type { AimSpec, PhraseSpec, RequireSpec, RuleSpec, SaidSpec, ScopeSpec, WhenSpec } from './spec.js';
import { PhraseCompiler } from './compile-phrases.js';
import { holdDetection, resolveNumber, timingChecks, usesHolds, type TimingCompiler } from './compile-timing.js';
import { buildTolerantMatcher, resolveTolerance } from './tolerance.js';
import { announcementDetection, brokenOffDetection, handoverDetection } from './compile-lexicons.js';
import type {
  CompiledAim,
  CompiledCheck,
  CompiledRule,
  CompiledRuleset,
  CompiledSaid,
  CompiledWhen,
  HoldDetection,
  PhrasesExcept,
  PhraseSet,
  RequireCheck,
} from './compiled.js';

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
 * them for every check of every call) and equal scopes one JSON key (see Compiler.scope).
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
  private readonly phrases: PhraseCompiler;
  private ruleFile = '';
  private rulePath: Path = [];
  private holds: HoldDetection | undefined;
  /** Scopes by their keys: rules with the same window share one, so a call selects it once (src/engine/scope.ts). */
  private readonly scopes = new Map<string, ScopeSpec>();
  /** `said` conditions by what they ask (see said()). */
  private readonly saids = new Map<string, CompiledSaid>();
  private readonly timing: TimingCompiler;

  constructor(private readonly loaded: LoadedRuleset) {
    this.phrases = new PhraseCompiler(loaded.spec, {
      report: (path, code, message, severity) => this.report(path, code, message, severity),
      reportGlobal: (path, code, message) => this.reportGlobal(path, code, message),
    });
    this.timing = {
      thresholds: loaded.spec.thresholds ?? {},
      lexicons: loaded.spec.lexicons ?? {},
      phraseSet: (items, path) => this.phrases.phraseSet(items, path),
      requiredPhraseSet: (items, path, rule) => this.phrases.tolerantSet(items, path, resolveTolerance(rule.tolerance, loaded.spec.tolerance, 'auto')),
      report: (path, code, message) => this.report(path, code, message),
      when: (w, path) => this.when(w, path),
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
    const lexicon = (name: string): PhraseSet | undefined => this.lexiconSet(name);
    const announcement = announcementDetection(lexicon);
    const brokenOff = brokenOffDetection(lexicon);
    const handover = handoverDetection(lexicon);
    const lineCheck = this.lexiconSet('line_check');
    if (this.problems.some((p) => p.severity === 'error')) return { ok: false, problems: this.problems };
    const { patterns, literals, tolerantSets } = this.phrases;
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
      ...(handover ? { handover } : {}),
      ...(announcement ? { announcement } : {}),
      ...(brokenOff ? { brokenOff } : {}),
      ...(lineCheck ? { lineCheck } : {}),
      rules,
      patterns,
      literals,
      gates: this.phrases.gates,
      gatesOfLiteral: this.phrases.gatesOfLiteral,
      matcher: new AhoCorasick([...patterns, ...literals]),
      setsOfPattern: this.phrases.setsOfPattern(),
      setCount: this.phrases.sets.length,
      saidCount: this.saids.size,
      // Built on first use: only threads that score calls need it (and its pinyin dictionaries).
      get tolerant(): TolerantMatcher {
        return (tolerant ??= buildTolerantMatcher(patterns, tolerantSets));
      },
    };
    return { ok: true, ruleset, problems: this.problems };
  }

  /** The phrases of lexicon `name` as a set of its own, when the ruleset has that lexicon. */
  private lexiconSet(name: string): PhraseSet | undefined {
    return this.loaded.spec.lexicons?.[name] ? this.phrases.phraseSet([`$${name}`], ['lexicons', name]) : undefined;
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
        scope: this.scope(f.scope),
        phrases: f.phrases
          ? this.phrases.tolerantSet(f.phrases, [...base, 'phrases'], resolveTolerance(f.tolerance, rule.tolerance))
          : undefined,
        personalData: f.personal_data,
        except: f.except ? this.phrases.phraseSet(f.except, [...base, 'except']) : undefined,
        minCount: f.min_count ?? 1,
        reviewFrom: f.review_from ? this.phrases.phraseSet(f.review_from, [...base, 'review_from']) : undefined,
        repairedBy: f.repaired_by ? this.phrasesWithExcept(f.repaired_by, [...base, 'repaired_by']) : undefined,
        aim: f.aim ? this.aim(f.aim, [...base, 'aim']) : undefined,
        unlessCustomerSaidFirst: f.unless_customer_said_first || undefined,
        guard: f.guard || undefined,
      });
    });
    asList(rule.respond).forEach((r, i) => {
      const base: Path = Array.isArray(rule.respond) ? ['respond', i] : ['respond'];
      const trigger = this.said(r.trigger, [...base, 'trigger']);
      // Named groups of the trigger's regexes may be used as {name} in the reply phrases.
      const captures = trigger.phrases.phrases.flatMap((ph) => [...(ph.regex?.source.matchAll(/\(\?<([A-Za-z_]\w*)>/g) ?? [])].map((m) => m[1] as string));
      checks.push({
        type: 'respond',
        trigger,
        reply: {
          speaker: r.reply.speaker,
          phrases: this.phrases.tolerantSet(r.reply.phrases, [...base, 'reply', 'phrases'], resolveTolerance(r.tolerance, rule.tolerance, this.loaded.spec.tolerance, 'auto'), captures),
          except: r.reply.except ? this.phrases.phraseSet(r.reply.except, [...base, 'reply', 'except']) : undefined,
          withinTurns: r.reply.within_turns,
          withinSeconds: r.reply.within_seconds,
        },
        mode: r.mode ?? 'first',
      });
    });
    if (rule.metadata) checks.push({ type: 'metadata', expect: rule.metadata });
    checks.push(...timingChecks(this.timing, rule));
    if (rule.pending) checks.push({ type: 'pending', reason: rule.pending });
    if (checks.length === 0) {
      this.report([], 'no-check', `rule "${rule.id}" has no check (require, forbid, respond …)`);
    } else if (checks.every((c) => c.type === 'forbid' && c.guard)) {
      this.report(['forbid'], 'guard-alone', `a guard forbid guards another check of the rule (require, respond …); "${rule.id}" has none`);
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
    const except = r.except ? this.phrases.phraseSet(r.except, [...base, 'except']) : undefined;
    const policy = resolveTolerance(r.tolerance, rule.tolerance, this.loaded.spec.tolerance, 'auto');
    const cutOffNa = r.cut_off === 'na' ? true : undefined;
    const hangupWithinReplies = r.hangup_within_replies;
    // Replies are counted from the trigger on: elsewhere there is nothing to count from.
    const afterTrigger = r.scope?.after_trigger_turns !== undefined || r.scope?.after_trigger_seconds !== undefined;
    if (hangupWithinReplies !== undefined && !afterTrigger) {
      this.report([...base, 'hangup_within_replies'], 'scope-needs-trigger', 'hangup_within_replies needs an after_trigger scope');
    }
    const context = this.requireContext(r, base, policy);
    if (r.any) {
      const group = this.phrases.tolerantSet(r.any, [...base, 'any'], policy);
      return { type: 'require', speaker: r.speaker, scope: this.scope(r.scope), groups: [group], need: 1, mode: 'any', except, cutOffNa, hangupWithinReplies, ...context };
    }
    const items = r.all ?? r.of ?? [];
    const key = r.all ? 'all' : 'of';
    const groups = items.map((item, i) => this.phrases.tolerantSet(Array.isArray(item) ? item : [item], [...base, key, i], policy));
    const need = r.all ? groups.length : (r.at_least ?? 1);
    if (need > groups.length) this.report([...base, 'at_least'], 'out-of-range', `at_least ${need} but only ${groups.length} items in "of"`);
    if (r.in_order && !r.all) this.report([...base, 'in_order'], 'needs-all', 'in_order only orders the items of "all"');
    const inOrder = r.all && r.in_order ? { inOrder: true } : {};
    return { type: 'require', speaker: r.speaker, scope: this.scope(r.scope), groups, need, mode: r.all ? 'all' : 'at_least', ...inOrder, except, cutOffNa, hangupWithinReplies, ...context };
  }

  /** `{ phrases, except }` compiled: the words, and the exceptions that shield them. */
  private phrasesWithExcept(spec: { phrases: PhraseSpec[]; except?: PhraseSpec[] }, path: Path): PhrasesExcept {
    return {
      phrases: this.phrases.phraseSet(spec.phrases, [...path, 'phrases']),
      except: spec.except ? this.phrases.phraseSet(spec.except, [...path, 'except']) : undefined,
    };
  }

  /** What the rest of the call says about a hit or a miss: the reply that undoes a hit, the words that excuse a miss. */
  private requireContext(r: RequireSpec, base: Path, policy: TolerancePolicy | undefined): Pick<RequireCheck, 'undoneByReply' | 'naIfSaid' | 'naIfSaidHeard' | 'ifHungUpBy' | 'closedIfSaid' | 'firstEnoughIfAsked'> {
    const out: Pick<RequireCheck, 'undoneByReply' | 'naIfSaid' | 'naIfSaidHeard' | 'ifHungUpBy' | 'closedIfSaid' | 'firstEnoughIfAsked'> = {};
    if (r.if_hung_up_by) out.ifHungUpBy = r.if_hung_up_by;
    const undo = r.undone_by_reply;
    if (undo) {
      // A reply comes from the other side: 'any' speaker has none.
      if (r.speaker === 'any') this.report([...base, 'undone_by_reply'], 'needs-speaker', 'undone_by_reply needs speaker agent or customer');
      out.undoneByReply = { ...this.phrasesWithExcept(undo, [...base, 'undone_by_reply']), ...(undo.as ? { as: undo.as } : {}) };
    }
    if (r.na_if_said) {
      out.naIfSaid = this.said(r.na_if_said, [...base, 'na_if_said']);
      // The excuse is heard as the required words are: a homophone of the customer's 再见 is still their goodbye.
      const heard = this.phrases.tolerantSet(r.na_if_said.phrases, [...base, 'na_if_said', 'phrases'], policy);
      if (heard.tolerance) out.naIfSaidHeard = heard;
    }
    if (r.closed_if_said) {
      if (r.cut_off !== 'na') this.report([...base, 'closed_if_said'], 'needs-cut-off', 'closed_if_said only qualifies cut_off: na');
      out.closedIfSaid = this.said(r.closed_if_said, [...base, 'closed_if_said']);
    }
    const asked = r.first_enough_if_asked;
    if (asked) {
      const path = [...base, 'first_enough_if_asked'];
      // Only `all` has a first item that can stand for the rest.
      if (!r.all) this.report(path, 'needs-all', 'first_enough_if_asked only qualifies the items of "all"');
      if (asked.speaker === r.speaker) this.report([...path, 'speaker'], 'needs-speaker', 'first_enough_if_asked is asked by the other side');
      out.firstEnoughIfAsked = {
        speaker: asked.speaker,
        asked: this.phrasesWithExcept(asked, path),
        withinTurns: asked.within_turns,
        ...(asked.unless ? { unless: this.phrases.phraseSet(asked.unless, [...path, 'unless']) } : {}),
        ...(asked.targets ? { targets: asked.targets.map((t, i) => this.phrases.phraseSet(t, [...path, 'targets', i])) } : {}),
      };
    }
    return out;
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
      handedOver: w.handed_over,
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

  /** One object per distinct scope: a call keeps each trigger-free selection by it (src/engine/scope.ts). */
  private scope(spec: ScopeSpec | undefined): ScopeSpec | undefined {
    const scope = compileScope(spec);
    if (!scope) return undefined;
    const key = JSON.stringify(scope);
    const known = this.scopes.get(key);
    if (known) return known;
    this.scopes.set(key, scope);
    return scope;
  }

  /** One CompiledSaid per distinct question (speaker, scope, phrase sets), shared by the rules that ask it. */
  private said(s: SaidSpec, path: Path): CompiledSaid {
    const phrases = this.phrases.phraseSet(s.phrases, [...path, 'phrases']);
    const except = s.except ? this.phrases.phraseSet(s.except, [...path, 'except']) : undefined;
    const scope = this.scope(s.scope);
    if (s.unanswered && s.speaker === 'any') this.report([...path, 'unanswered'], 'needs-speaker', 'unanswered needs speaker agent or customer');
    const aim = s.aim ? this.aim(s.aim, [...path, 'aim']) : undefined;
    if (s.confirmed && s.speaker === 'any') this.report([...path, 'confirmed'], 'needs-speaker', 'confirmed needs speaker agent or customer');
    const confirmed = s.confirmed ? this.phrasesWithExcept(s.confirmed, [...path, 'confirmed']) : undefined;
    const confirmedKey = confirmed ? `${confirmed.phrases.id}/${confirmed.except?.id ?? ''}` : '';
    const aimKey = aim ? `${aim.listener.id},${aim.others.id},${aim.things?.id ?? ''},${aim.curses?.id ?? ''},${aim.reporting?.phrases.id ?? ''}/${aim.reporting?.except?.id ?? ''},${aim.unable?.phrases.id ?? ''}/${aim.unable?.except?.id ?? ''},${aim.unaimed},${aim.count}` : '';
    const key = `${s.speaker}|${phrases.id}|${except?.id ?? ''}|${JSON.stringify(scope ?? null)}|${s.unanswered ? 'unanswered' : ''}|${aimKey}|${confirmedKey}`;
    let said = this.saids.get(key);
    if (!said) this.saids.set(key, (said = { id: this.saids.size, speaker: s.speaker, phrases, except, scope, ...(s.unanswered ? { unanswered: true as const } : {}), ...(aim ? { aim } : {}), ...(confirmed ? { confirmed } : {}) }));
    return said;
  }

  private aim(a: AimSpec, path: Path): CompiledAim {
    return {
      listener: this.phrases.phraseSet(a.listener, [...path, 'listener']),
      others: this.phrases.phraseSet(a.others, [...path, 'others']),
      unaimed: a.unaimed ?? 'listener',
      ...(a.things ? { things: this.phrases.phraseSet(a.things, [...path, 'things']) } : {}),
      ...(a.curses ? { curses: this.phrases.phraseSet(a.curses, [...path, 'curses']) } : {}),
      ...(a.reporting ? { reporting: this.phrasesWithExcept(a.reporting, [...path, 'reporting']) } : {}),
      ...(a.unable ? { unable: this.phrasesWithExcept(a.unable, [...path, 'unable']) } : {}),
      count: a.count ?? 'listener',
    };
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
    // The file that defines the path exactly (the part with that lexicon), else an ancestor of it.
    const map = maps.find((m) => m.doc.hasIn(path)) ?? maps.find((m) => m.nodeAt(path) !== m.doc.contents) ?? maps[0];
    if (map) this.problems.push(map.problem(path, code, message, severity));
  }
}
