/**
 * Phrase look-up inside one utterance: matcher hits for plain phrases, regexes and per-call
 * templates on the folded text, minus hits that lie inside an exception.
 *
 * Rule types ask "does set S occur in utterance u?" hundreds of times per call, so the matcher's
 * hits are filed once per call under every set that contains their pattern (ruleset.setsOfPattern):
 * a question about plain phrases is then one array look-up, and most answers are "nothing".
 */
import type { PatternHit } from '../match/aho-corasick.js';
import type { NearHit } from '../match/tolerant.js';
import type { CompiledPhrase, PhraseSet } from '../ruleset/index.js';
import { holdsLiterals, metaVariable, type PreparedCall, type SetHitIndex } from './prepare.js';
import { sortShort } from '../model/order.js';
import { metaConflict } from './meta-groups.js';

export interface PhraseHit {
  utterance: number;
  /** Index into set.phrases. */
  phrase: number;
  /** Offsets in the folded utterance. */
  start: number;
  end: number;
  /** Named groups of a regex phrase (a trigger's `(?<surname>…)`), for `{surname}` in replies. */
  groups?: Record<string, string>;
  /** Set when the hit is a near match (src/engine/near.ts): what differs from the phrase. */
  near?: Pick<NearHit, 'edits' | 'homophones' | 'ops'>;
}

/** Values for `{name}` templates captured from a trigger. */
export type Captures = Record<string, string> | undefined;

const NONE: readonly PhraseHit[] = Object.freeze([]);

/** Every occurrence of the set's phrases in utterance `u` (order: by start, longer first). Shared: do not modify. */
export function findPhrases(p: PreparedCall, u: number, set: PhraseSet, captures?: Captures): readonly PhraseHit[] {
  const fixed = set.regexes.length === 0 ? exactHits(p, set.id, u) : withRegexHits(p, set, u);
  if (set.templates.length === 0) return fixed;
  // Templates depend on the trigger's captures, so they are looked for afresh (a dozen times a call).
  let out: PhraseHit[] | undefined;
  const folded = p.folds[u]?.folded ?? '';
  for (const i of set.templates) {
    const needle = templateText(p, set, i, captures);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      (out ??= fixed.slice()).push({ utterance: u, phrase: i, start: at, end: at + needle.length });
    }
  }
  if (!out) return fixed;
  if (out.length > 1) sortShort(out, byStartLongestFirst);
  return out;
}

/**
 * The set's exact and regex hits in utterance u, sorted, found once per call and utterance: a
 * set with regexes is asked about the same utterance by several rules (the complaint trigger by
 * five), and each asking cost a look-up per regex.
 */
function withRegexHits(p: PreparedCall, set: PhraseSet, u: number): readonly PhraseHit[] {
  const bySet = (p.regexHits ??= new Array(p.ruleset.setCount));
  const cached = (bySet[set.id] ??= new Array(p.folds.length));
  const known = cached[u];
  if (known) return known;
  const exact = exactHits(p, set.id, u);
  // Most answers are "nothing": copy the shared exact hits only when something is added to them.
  let out: PhraseHit[] | undefined;
  const folded = p.folds[u]?.folded ?? '';
  for (const i of set.regexes) {
    const phrase = set.phrases[i] as CompiledPhrase;
    // Most utterances lack the literal every match needs, which the matcher's pass has marked.
    if (phrase.requires && !holdsLiterals(p, u, phrase.requires)) continue;
    const found = regexHits(folded, phrase.regex as RegExp, i, u);
    // A named metadata group must say the call's own value (「工号一二七」 is not agent 128's number).
    if (found) for (const hit of found) if (!phrase.metaGroups || !metaConflict(p, phrase, hit)) (out ??= exact.slice()).push(hit);
  }
  if (out && out.length > 1) sortShort(out, byStartLongestFirst);
  const hits = out ?? exact;
  cached[u] = hits;
  return hits;
}

/**
 * Occurrences not covered by an occurrence of an exception phrase (你 inside 你们). With
 * `ownWords` (forbid: is the speaker to blame for these words?), a hit inside quotation marks is
 * someone else's words (「您是说师傅跟您说"你自己看着办"」), and a plain exception phrase that
 * reaches the hit across a clause break does not cover it: what clears the speaker must be said
 * in the same breath. Triggers keep looking across, since 「怎么还没到？正常要几天」 is a question by its
 * second clause.
 */
export function findPhrasesExcept(p: PreparedCall, u: number, set: PhraseSet, except?: PhraseSet, captures?: Captures, ownWords = false): readonly PhraseHit[] {
  const hits = findPhrases(p, u, set, captures);
  if (hits.length === 0) return hits;
  const shields = except ? findPhrases(p, u, except) : NONE;
  if (!ownWords && shields.length === 0) return hits;
  // Asked of every turn by every rule: a new array only when a hit is dropped (most keep them all).
  let kept: PhraseHit[] | undefined;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as PhraseHit;
    const drop = (ownWords && insideQuotes(p, u, h)) || (shields.length > 0 && shielded(p, u, h, shields, except as PhraseSet, ownWords));
    if (drop) kept ??= hits.slice(0, i);
    else kept?.push(h);
  }
  return kept ?? hits;
}

/**
 * Whether an exception hit covers the hit. A plain exception phrase is said in one breath; a
 * regex one spans clauses when its author wrote it to (「没事的话我先挂了，感谢您的来电，再见」 through .{0,12}).
 */
function shielded(p: PreparedCall, u: number, h: PhraseHit, shields: readonly PhraseHit[], except: PhraseSet, ownWords: boolean): boolean {
  for (let k = 0; k < shields.length; k++) {
    const s = shields[k] as PhraseHit;
    if (s.start <= h.start && h.end <= s.end && !(ownWords && except.phrases[s.phrase]?.kind !== 'regex' && reachesAcrossClause(p, u, s, h))) return true;
  }
  return false;
}

const OPENING_QUOTES = '「『“‘';
const CLOSING_QUOTES = '」』”’';

/** Whether the hit lies between an opening quotation mark and its closing one ("…" counts too). */
function insideQuotes(p: PreparedCall, u: number, hit: PhraseHit): boolean {
  const text = p.call.utterances[u]?.text;
  const map = p.folds[u]?.map;
  if (text === undefined || map === undefined || hit.end <= hit.start) return false;
  const from = map[hit.start] as number;
  const to = (map[hit.end - 1] as number) + 1;
  let depth = 0;
  let straight = 0;
  for (let i = 0; i < from; i++) {
    const c = text[i] as string;
    if (OPENING_QUOTES.includes(c)) depth++;
    else if (CLOSING_QUOTES.includes(c) && depth > 0) depth--;
    else if (c === '"') straight++;
  }
  const after = text.slice(to);
  if (depth > 0 && [...CLOSING_QUOTES].some((c) => after.includes(c))) return true;
  return straight % 2 === 1 && after.includes('"');
}

/** Sentence and clause marks; quotes and colons are not (「客服说"不知道"」 quotes a taboo), nor an ASCII point (1.5). */
const CLAUSE_BREAK = /[，。！？；、,!?;…\n]/;
const REPORTING_VERB = /[说讲问骂]/;

/**
 * Whether the exception reaches the hit only across a clause break: 「不知道，您去问别人吧」 is the
 * taboo 不知道 followed by a new clause, not 「不知道您是否方便」, though both fold to 不知道您….
 * Breaks inside the hit itself (「你好，智障人士」 shielding 你好智障) do not count.
 */
function reachesAcrossClause(p: PreparedCall, u: number, shield: PhraseHit, hit: PhraseHit): boolean {
  const text = p.call.utterances[u]?.text;
  const map = p.folds[u]?.map;
  if (text === undefined || map === undefined) return false;
  const folded = p.folds[u]?.folded ?? '';
  // A comma after a reporting verb opens what was said (「您刚才说，我们都是白痴」): no break.
  const gapHasBreak = (k: number): boolean =>
    !REPORTING_VERB.test(folded[k] as string) && CLAUSE_BREAK.test(text.slice((map[k] as number) + 1, map[k + 1] as number));
  for (let k = shield.start; k < hit.start; k++) if (gapHasBreak(k)) return true;
  for (let k = hit.end - 1; k < shield.end - 1; k++) if (gapHasBreak(k)) return true;
  return false;
}

function byStartLongestFirst(a: PhraseHit, b: PhraseHit): number {
  return a.start - b.start || b.end - a.end;
}

/** The set's plain-phrase hits in utterance u, from the per-call index. */
function exactHits(p: PreparedCall, setId: number, u: number): readonly PhraseHit[] {
  const index = (p.setHits ??= indexSetHits(p));
  const lists = index[setId];
  if (lists === undefined) return NONE;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as PhraseHit[];
    const at = (list[0] as PhraseHit).utterance;
    if (at === u) return list;
    if (at > u) break;
  }
  return NONE;
}

/**
 * Per set, its hits grouped by utterance: one list per utterance that has any, in utterance
 * order. A set has a few such utterances in a call, so a look-up scans a handful of lists; an
 * array indexed by utterance (one per set, as long as the call) was a tenth of a call's garbage.
 */
function indexSetHits(p: PreparedCall): SetHitIndex {
  const index: SetHitIndex = new Array(p.ruleset.setCount);
  const setsOfPattern = p.ruleset.setsOfPattern;
  for (let u = 0; u < p.hits.length; u++) {
    for (const hit of p.hits[u] as PatternHit[]) {
      const owners = setsOfPattern[hit.pattern] as number[];
      for (let k = 0; k < owners.length; k += 2) {
        const setId = owners[k] as number;
        const lists = (index[setId] ??= []);
        const last = lists[lists.length - 1];
        const found: PhraseHit = { utterance: u, phrase: owners[k + 1] as number, start: hit.start, end: hit.end };
        if (last !== undefined && (last[0] as PhraseHit).utterance === u) last.push(found);
        else lists.push([found]);
      }
    }
  }
  for (const lists of index) {
    if (lists) for (const hits of lists) if (hits.length > 1) sortShort(hits, byStartLongestFirst);
  }
  return index;
}

/** A regex phrase's hits in the folded utterance u; undefined for none. */
export function regexHits(folded: string, regex: RegExp, phrase: number, u: number): PhraseHit[] | undefined {
  let found: PhraseHit[] | undefined;
  // exec with lastIndex (regexes are compiled with /g): matchAll would clone the regex each time.
  regex.lastIndex = 0;
  for (let m = regex.exec(folded); m; m = regex.exec(folded)) {
    if (m[0].length === 0) {
      regex.lastIndex = nextCodePoint(folded, regex.lastIndex);
      continue;
    }
    (found ??= []).push({ utterance: u, phrase, start: m.index, end: m.index + m[0].length, groups: m.groups });
  }
  return found;
}

function nextCodePoint(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
}

function templateText(p: PreparedCall, set: PhraseSet, index: number, captures: Captures): string | null {
  const parts = set.phrases[index]?.template ?? [];
  let text = '';
  for (const part of parts) {
    if ('text' in part) text += part.text;
    else {
      const value = captures?.[part.variable] ?? metaVariable(p, part.variable);
      if (value === null) return null; // the call lacks that metadata: this phrase cannot be said
      text += value;
    }
  }
  return text;
}

/**
 * One saying, one hit: 「这不是我的错」 also contains the listed 「不是我的错」, but the agent said
 * it once. Hits (of one utterance) inside a longer hit of the same list are dropped: they would
 * inflate a count, or quote the same words twice (「不说话就挂了」 and 「不说话就挂」).
 */
export function outermost(hits: readonly PhraseHit[]): readonly PhraseHit[] {
  if (hits.length < 2) return hits;
  // A wider hit covers a narrower one; of two phrases hitting the same words (没事我挂了 and a
  // regex for it), the first stands for both: one thing said, reported once. A new array only
  // when one is dropped: most lists keep every hit.
  let kept: PhraseHit[] | undefined;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as PhraseHit;
    if (coveredByAnother(hits, h, i)) kept ??= hits.slice(0, i);
    else kept?.push(h);
  }
  return kept ?? hits;
}

function coveredByAnother(hits: readonly PhraseHit[], h: PhraseHit, i: number): boolean {
  for (let j = 0; j < hits.length; j++) {
    const o = hits[j] as PhraseHit;
    if (o !== h && o.start <= h.start && h.end <= o.end && (o.end - o.start > h.end - h.start || j < i)) return true;
  }
  return false;
}
