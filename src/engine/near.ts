/**
 * Near matches in the engine. Rule types ask for them only after the exact pass found nothing
 * (or, for a forbid with min_count, too little), and only on the turns in scope, so a call the
 * recogniser got right costs nothing extra. Sound keys and the tolerant matcher's piece hits are
 * computed once per utterance and call, lazily; windows are built for the asking set's patterns
 * only, and each (utterance, pattern) is verified at most once.
 */
import { soundKeys } from '../match/sound-keys.js';
import { allowedEdits, describeNear, type NearHit } from '../match/tolerant.js';
import type { PhraseSet } from '../ruleset/index.js';
import { hitEvidence } from './evidence.js';
import { findPhrases, findPhrasesExcept, type PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';
import type { Evidence } from './result.js';
import { sortShort } from '../model/order.js';

interface UtteranceNear {
  keyed: string;
  /** The tolerant matcher's piece hits in the keys: windows are built from them per phrase set. */
  pieceHits: Int32Array;
  /** By pattern: its near hits, once asked for (a pattern's windows do not depend on the set asking). */
  verified: Map<number, NearHit[]>;
}

const perCall = new WeakMap<PreparedCall, Array<UtteranceNear | undefined>>();

function utteranceNear(p: PreparedCall, u: number): UtteranceNear {
  let list = perCall.get(p);
  if (!list) perCall.set(p, (list = []));
  let entry = list[u];
  if (!entry) {
    const keyed = soundKeys(p.folds[u]?.folded ?? '');
    entry = { keyed, pieceHits: p.ruleset.tolerant.pieceHits(keyed), verified: new Map() };
    list[u] = entry;
  }
  return entry;
}

/**
 * Near (not exact) occurrences of the set's plain phrases in utterance `u` that its tolerance
 * accepts, outside exceptions and not overlapping `taken` (hits already counted), left to right,
 * without overlaps among themselves.
 */
export function findNearPhrases(p: PreparedCall, u: number, set: PhraseSet, except?: PhraseSet, taken: PhraseHit[] = []): PhraseHit[] {
  const policy = set.tolerance;
  const tolerant = p.ruleset.tolerant;
  if (!policy || !tolerant.active) return [];
  const near = utteranceNear(p, u);
  const { patterns, windows } = tolerant.windowsFrom(near.pieceHits, near.keyed.length, set.patternOwner);
  if (patterns.length === 0) return [];
  const folded = p.folds[u]?.folded ?? '';
  const found: PhraseHit[] = [];
  for (let i = 0; i < patterns.length; i++) {
    const pattern = patterns[i] as number;
    const owner = set.patternOwner.get(pattern) as number;
    let hits = near.verified.get(pattern);
    if (!hits) near.verified.set(pattern, (hits = tolerant.verify(folded, near.keyed, pattern, windows[i] as Array<[number, number]>)));
    const allowed = allowedEdits((p.ruleset.patterns[pattern] as string).length, policy.edits);
    for (const h of hits) {
      const edits = policy.homophones ? h.edits : h.edits + h.homophones;
      if (h.edits + h.homophones === 0 || edits > allowed) continue; // exact: the exact pass's business
      if (allowed === 0 && (breaksClause(p, u, h.start, h.end) || readsAsAnotherWord(p, u, h.start, h.end, p.ruleset.patterns[pattern] as string))) continue;
      found.push({ utterance: u, phrase: owner - 1, start: h.start, end: h.end, near: { edits: h.edits, homophones: h.homophones, ops: h.ops } });
    }
  }
  if (found.length === 0) return found;
  const shields = except ? findPhrases(p, u, except) : [];
  const kept: PhraseHit[] = taken.filter((t) => t.utterance === u);
  const already = kept.length;
  // Fewest edits first, then leftmost, then the set's order; keep those outside exceptions that
  // overlap nothing kept.
  sortShort(found, byCostThenStart);
  for (const h of found) {
    if (shields.some((s) => s.start <= h.start && h.end <= s.end)) continue;
    if (kept.some((o) => o.start < h.end && h.start < o.end)) continue;
    kept.push(h);
  }
  kept.splice(0, already);
  return sortShort(kept, byStart);
}

/** Clause punctuation the recogniser wrote: 「好，麻煩您稍候」 has a comma between 好 and 麻. */
const CLAUSE_MARK = /[，,。.！!？?；;、：:…]/;

/**
 * Whether the original text puts a clause break inside folded [start, end). A word-length phrase
 * (no edits, homophones only) is one word, and a recogniser that misheard a word does not cut it
 * with a comma: 「好，麻煩您」 is 好 then 麻煩, not 好嗎 misheard (「在见」 for 再见 still is).
 */
function breaksClause(p: PreparedCall, u: number, start: number, end: number): boolean {
  const fold = p.folds[u];
  const text = p.call.utterances[u]?.text;
  if (!fold || text === undefined || end - start < 2) return false;
  const from = fold.map[start] as number;
  const to = fold.map[end - 1] as number;
  return CLAUSE_MARK.test(text.slice(from + 1, to));
}

/** Every two-character word of the ruleset's plain phrases (麻烦 of 麻烦您稍等), built once per ruleset. */
const phraseBigrams = new WeakMap<PreparedCall['ruleset'], Set<string>>();

function bigramsOf(p: PreparedCall): Set<string> {
  let set = phraseBigrams.get(p.ruleset);
  if (!set) {
    set = new Set();
    for (const phrase of p.ruleset.patterns) for (let i = 0; i + 1 < phrase.length; i++) set.add(phrase.slice(i, i + 2));
    phraseBigrams.set(p.ruleset, set);
  }
  return set;
}

/**
 * Whether a homophone at the edge of a word-length near hit makes a word with the character
 * beside it that the ruleset's own phrases know, while the phrase's character would not: in
 * 「好麻烦您稍候」 the 麻 of 好麻 (≈ 好吗) begins 麻烦, punctuation or not (「在见」 still is 再见).
 */
function readsAsAnotherWord(p: PreparedCall, u: number, start: number, end: number, phrase: string): boolean {
  const folded = p.folds[u]?.folded ?? '';
  if (end - start !== phrase.length) return false;
  const words = bigramsOf(p);
  const last = end - start - 1;
  const heardLast = folded[end - 1] as string;
  const next = folded[end];
  if (next !== undefined && heardLast !== phrase[last] && words.has(heardLast + next) && !words.has((phrase[last] as string) + next)) return true;
  const heardFirst = folded[start] as string;
  const before = start > 0 ? folded[start - 1] : undefined;
  return before !== undefined && heardFirst !== phrase[0] && words.has(before + heardFirst) && !words.has(before + (phrase[0] as string));
}

function byCostThenStart(a: PhraseHit, b: PhraseHit): number {
  return cost(a) - cost(b) || a.start - b.start || a.phrase - b.phrase || a.end - b.end;
}

function byStart(a: PhraseHit, b: PhraseHit): number {
  return a.start - b.start;
}

function cost(h: PhraseHit): number {
  return (h.near?.edits ?? 0) * 64 + (h.near?.homophones ?? 0);
}

/** Whether a hit counts (a rule may refuse some: 「还有其他问题吗」 answered with new business). */
export type HitFilter = (hit: PhraseHit) => boolean;

/** The first near hit of the set in these turns, in turn order, that `counts`. */
export function firstNearHit(p: PreparedCall, turns: readonly number[], set: PhraseSet, except?: PhraseSet, counts?: HitFilter): PhraseHit | undefined {
  if (!set.tolerance) return undefined;
  for (const u of turns) {
    const hits = findNearPhrases(p, u, set, except);
    const hit = counts ? hits.find(counts) : hits[0];
    if (hit) return hit;
  }
  return undefined;
}

/** The first exact hit of the set in these turns, in turn order; else the first near hit. Only hits that `counts`. */
export function firstHit(p: PreparedCall, turns: readonly number[], set: PhraseSet, except?: PhraseSet, counts?: HitFilter): PhraseHit | undefined {
  for (const u of turns) {
    const hits = findPhrasesExcept(p, u, set, except);
    const hit = counts ? hits.find(counts) : hits[0];
    if (hit) return hit;
  }
  // Nothing exact: a near match (dropped or misheard characters, 你 for 您) may still count.
  return firstNearHit(p, turns, set, except, counts);
}

/**
 * The hit of the latest turn with an exact hit of the set (quoted as firstHit quotes a turn: its
 * first hit); else of the latest turn with a near hit. Only hits that `counts`. What a window at
 * the call's end is judged by: its close.
 */
export function lastHit(p: PreparedCall, turns: readonly number[], set: PhraseSet, except?: PhraseSet, counts?: HitFilter): PhraseHit | undefined {
  const late = [...turns].reverse();
  for (const u of late) {
    const hits = findPhrasesExcept(p, u, set, except);
    const hit = counts ? hits.find(counts) : hits[0];
    if (hit) return hit;
  }
  return firstNearHit(p, late, set, except, counts);
}

/** Evidence for a hit; a near match says how it differs from the phrase. */
export function phraseEvidence(p: PreparedCall, hit: PhraseHit, set: PhraseSet, role?: string): Evidence {
  const e = hitEvidence(p, hit, set, role);
  if (hit.near) e.near = describeNear(hit.near);
  return e;
}

/** 「matched」, or near match 「matched」 ≈ 「phrase」 (1 edit: 为 dropped): how a reason quotes a hit. */
export function quoteMatch(e: Evidence): string {
  return e.near ? `near match 「${e.matched}」 ≈ 「${e.phrase}」 (${e.near})` : `「${e.matched}」`;
}
