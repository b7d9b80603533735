/**
 * @fileoverview Phrase lists that cannot mean what they say: a phrase listed twice, and a phrase
 * shadowed by a shorter one of the same list (「很抱歉」 next to 「抱歉」: after folding, every text
 * that contains the longer one contains the shorter, so the longer never decides anything).
 * Regexes and phrases with call variables are skipped: containment is not decidable for them.
 * `except` lists are checked for duplicates only — a longer exception is not made redundant by a
 * shorter one (the forbidden hit may lie outside the shorter). Nor are lists that near matching
 * reads (`require`, and `respond` replies, tolerant by default): there a longer phrase tolerates
 * edits its short sibling cannot (「感谢您的来电」 heard as 「感谢您的来店」), so it is not redundant.
 */
import { AhoCorasick } from '../match/aho-corasick.js';
import { foldPhrase } from '../normalize/fold.js';
import type { RulesetSpec } from '../ruleset/spec.js';
import type { LintContext, Path } from './context.js';

/** Keys whose value is a list of alternatives (any one is enough). */
const ALTERNATIVES = new Set(['any', 'phrases', 'before', 'after', 'repeat', 'close', 'never']);
// Not `backchannel`: an utterance made only of 嗯/好 is not one made of 嗯嗯/好的.
/** Keys whose items are each a phrase or a list of alternatives. */
const GROUPS = new Set(['all', 'of']);

export interface Entry {
  raw: string;
  folded: string;
  /** Index of the list item it comes from. */
  item: number;
  lexicon?: string;
}

export function checkPhraseLists(ctx: LintContext): void {
  const spec = ctx.loaded.spec;
  const alternativeLexicons = new Set<string>();
  const tolerantLexicons = new Set<string>();
  for (const rule of spec.rules) {
    const report = (rel: Path, code: string, msg: string): void => ctx.reportRule(rule.id, rel, code, msg, 'warning');
    walk(rule, [], spec, report, alternativeLexicons, rule);
    for (const list of tolerantLists(rule, spec)) list.filter((x) => x.startsWith('$')).forEach((x) => tolerantLexicons.add(x.slice(1)));
  }
  for (const [name, phrases] of Object.entries(spec.lexicons ?? {})) {
    const entries = phrases.flatMap((raw, item) => entry(raw, item, spec));
    const report = (rel: Path, code: string, msg: string): void => ctx.report(['lexicons', name, ...rel], code, msg, 'warning');
    checkList(entries, alternativeLexicons.has(name) && !tolerantLexicons.has(name), report, `lexicon $${name}`);
  }
}

type Rule = RulesetSpec['rules'][number];

/** Tolerance as written on a check, its rule or the ruleset: near matching is on unless `off` (or zero edits and no homophones). */
function tolerant(check: { tolerance?: unknown } | undefined, rule: Rule, spec: RulesetSpec): boolean {
  const t = check?.tolerance ?? (rule as { tolerance?: unknown }).tolerance ?? (spec as { tolerance?: unknown }).tolerance ?? 'auto';
  if (t === 'off') return false;
  if (typeof t === 'object' && t !== null) {
    const { edits, homophones } = t as { edits?: number; homophones?: boolean };
    return (edits ?? 1) > 0 || homophones !== false;
  }
  return true;
}

/** The phrase lists of a rule that near matching reads: require's, and respond's reply. */
function tolerantLists(rule: Rule, spec: RulesetSpec): string[][] {
  const requires = rule.require === undefined ? [] : Array.isArray(rule.require) ? rule.require : [rule.require];
  const lists: string[][] = [];
  for (const r of requires) {
    if (!tolerant(r, rule, spec)) continue;
    if (r.any) lists.push(r.any);
    for (const item of [...(r.all ?? []), ...(r.of ?? [])]) lists.push(Array.isArray(item) ? item : [item]);
  }
  const responds = rule.respond === undefined ? [] : Array.isArray(rule.respond) ? rule.respond : [rule.respond];
  for (const r of responds) if (tolerant(r as { tolerance?: unknown }, rule, spec)) lists.push(r.reply.phrases);
  return lists;
}

type Report = (rel: Path, code: string, message: string) => void;

function walk(node: unknown, path: Path, spec: RulesetSpec, report: Report, lexicons: Set<string>, rule: Rule): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, [...path, i], spec, report, lexicons, rule));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'metadata' || key === 'meta') continue;
    // Lists near matching reads are not checked for shadowing (see the file comment).
    if (key === 'require' && (Array.isArray(value) ? value : [value]).every((r) => tolerant(r as { tolerance?: unknown }, rule, spec))) continue;
    if (key === 'reply' && tolerant(node as { tolerance?: unknown }, rule, spec)) continue;
    const here = [...path, key];
    if (isStrings(value) && (ALTERNATIVES.has(key) || key === 'except')) {
      const shadow = key !== 'except';
      if (shadow) value.filter((x) => x.startsWith('$')).forEach((x) => lexicons.add(x.slice(1)));
      checkItems(value, here, shadow, spec, report);
    } else if (Array.isArray(value) && GROUPS.has(key)) {
      // `all: [$greeting, [喂, 您好]]`: each item is one group of alternatives.
      value.forEach((item, i) => {
        const group = typeof item === 'string' ? [item] : item;
        if (!isStrings(group)) return;
        group.filter((x) => x.startsWith('$')).forEach((x) => lexicons.add(x.slice(1)));
        if (Array.isArray(item)) checkItems(group, [...here, i], true, spec, report);
      });
    } else {
      walk(value, here, spec, report, lexicons, rule);
    }
  }
}

/** One list as written: duplicate items, then its expanded phrases (pairs inside one lexicon are the lexicon's). */
function checkItems(items: string[], path: Path, shadow: boolean, spec: RulesetSpec, report: Report): void {
  const entries: Entry[] = [];
  items.forEach((raw, item) => {
    if (raw.startsWith('$')) {
      for (const p of spec.lexicons?.[raw.slice(1)] ?? []) entries.push(...entry(p, item, spec, raw.slice(1)));
    } else {
      entries.push(...entry(raw, item, spec));
    }
  });
  checkList(entries, shadow, report, 'this list', (e) => [...path, e.item]);
}

/** Pairs inside one lexicon are the lexicon's own business (checked once, on the lexicon). */
function sameLexicon(a: Entry, b: Entry): boolean {
  return a.lexicon !== undefined && a.lexicon === b.lexicon;
}

/**
 * The entries of one folded text, as far as "the first entry that is not from e's lexicon" needs
 * them: the first of all, and the first not from the first's lexicon. Every entry before `other`
 * shares the first's lexicon, so for any e one of the two is the answer.
 */
interface Firsts {
  first: Entry;
  firstAt: number;
  other?: Entry;
  otherAt?: number;
}

/** The first entry of `g` (and its position) that is not from e's lexicon, if any. */
function firstUnlike(g: Firsts, e: Entry): [Entry, number] | undefined {
  if (!sameLexicon(g.first, e)) return [g.first, g.firstAt];
  return g.other && g.otherAt !== undefined ? [g.other, g.otherAt] : undefined;
}

/**
 * Duplicates, then (for lists of alternatives) shadowed phrases, each reported against the first
 * entry in list order that explains it. Near-linear: entries are grouped by folded text, and each
 * phrase is scanned once with an Aho–Corasick automaton of all the list's phrases to find the
 * shorter ones inside it (a pairwise comparison took minutes on a 50,000-phrase lexicon).
 */
export function checkList(entries: Entry[], shadow: boolean, report: Report, where: string, at: (e: Entry) => Path = (e) => [e.item]): void {
  const said = new Set<string>();
  const name = (e: Entry): string => `「${e.raw}」${e.lexicon ? ` (from $${e.lexicon})` : ''}`;
  const groups = new Map<string, Firsts>();
  entries.forEach((e, i) => {
    const g = groups.get(e.folded);
    const first = g && firstUnlike(g, e);
    if (first) {
      report(at(e), 'duplicate-phrase', `${name(e)} is listed twice in ${where} (same as ${name(first[0])} after folding)`);
      said.add(e.folded);
    }
    if (!g) groups.set(e.folded, { first: e, firstAt: i });
    else if (!g.other && !sameLexicon(g.first, e)) Object.assign(g, { other: e, otherAt: i });
  });
  if (!shadow) return;
  const texts = [...groups.keys()];
  const matcher = new AhoCorasick(texts);
  const reported = new Set<string>();
  for (const long of entries) {
    if (said.has(long.folded)) continue;
    // The shorter phrases inside this one; of their entries, the first in list order.
    let short: [Entry, number] | undefined;
    const count = matcher.scan(long.folded);
    for (let h = 0; h < count; h++) {
      const text = texts[matcher.found[2 * h] as number] as string;
      if (text.length >= long.folded.length) continue;
      const candidate = firstUnlike(groups.get(text) as Firsts, long);
      if (candidate && (!short || candidate[1] < short[1])) short = candidate;
    }
    if (!short) continue;
    const key = `${long.item}:${long.folded}`;
    if (reported.has(key)) continue;
    reported.add(key);
    report(
      at(long),
      'shadowed-phrase',
      `${name(long)} is shadowed by ${name(short[0])} in ${where}: the shorter phrase already matches every text that contains the longer one (after folding)`,
    );
  }
}

function entry(raw: string, item: number, spec: RulesetSpec, lexicon?: string): Entry[] {
  if (/^\/.+\/[a-z]*$/s.test(raw) || raw.startsWith('$')) return [];
  let unknown = false;
  const text = raw.replace(/\{([a-z_][a-z0-9_]*)\}/gi, (_m, v: string) => {
    const value = spec.variables?.[v];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  if (unknown) return [];
  const folded = foldPhrase(text);
  return folded ? [{ raw, folded, item, lexicon }] : [];
}

function isStrings(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}
