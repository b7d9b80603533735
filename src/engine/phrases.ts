/**
 * Phrase look-up inside one utterance: matcher hits for plain phrases, regexes and per-call
 * templates on the folded text, minus hits that lie inside an exception.
 */
import type { NearHit } from '../match/tolerant.js';
import type { PhraseSet } from '../ruleset/index.js';
import { metaVariable, type PreparedCall } from './prepare.js';

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

/** Every occurrence of the set's phrases in utterance `u` (order: by start). */
export function findPhrases(p: PreparedCall, u: number, set: PhraseSet, captures?: Captures): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const hit of p.hits[u] ?? []) {
    const owner = set.patternOwner.get(hit.pattern);
    if (owner !== undefined) out.push({ utterance: u, phrase: owner - 1, start: hit.start, end: hit.end });
  }
  const folded = p.folds[u]?.folded ?? '';
  for (const i of set.regexes) {
    const regex = set.phrases[i]?.regex as RegExp;
    regex.lastIndex = 0;
    for (const m of folded.matchAll(regex)) {
      if (m[0].length > 0) out.push({ utterance: u, phrase: i, start: m.index, end: m.index + m[0].length, groups: m.groups });
    }
  }
  for (const i of set.templates) {
    const needle = templateText(p, set, i, captures);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      out.push({ utterance: u, phrase: i, start: at, end: at + needle.length });
    }
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Occurrences not covered by an occurrence of an exception phrase (你 inside 你们). */
export function findPhrasesExcept(p: PreparedCall, u: number, set: PhraseSet, except?: PhraseSet, captures?: Captures): PhraseHit[] {
  const hits = findPhrases(p, u, set, captures);
  if (!except || hits.length === 0) return hits;
  const shields = findPhrases(p, u, except);
  if (shields.length === 0) return hits;
  return hits.filter((h) => !shields.some((s) => s.start <= h.start && h.end <= s.end));
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
