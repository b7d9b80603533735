/**
 * Whom a forbidden phrase is aimed at (`forbid.aim`). 「那个快递员就是个白痴」 insults the courier in
 * front of the customer — unprofessional, not abuse of the customer — while 「你就是个白痴」 and
 * 「快递员是白痴，你也是白痴」's second insult are the customer's. What decides is the nearest
 * pointer word: one for the customer (你, 您) or for someone else (快递员, 师傅, 他), before the hit
 * in its sentence, else after it in its clause (「白痴一样的快递员」); a pointer inside the hit
 * itself (「你有病」) points at the customer. With none, the hit is aimed as `unaimed` says: an
 * insult said to no one named is said to the listener, a curse (「他妈的，又卡了」) at no one.
 *
 * Looked for only around hits, which most calls have none of.
 */
import { originalSpan } from '../normalize/fold.js';
import type { CompiledAim, PhraseSet } from '../ruleset/index.js';
import { findPhrases, type PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

export interface Aim {
  at: 'customer' | 'others';
  /** The pointer word that decided, as said; absent when none did. */
  pointer?: string;
}

/** Sentence ends: a pointer before the hit is looked for back to the last one. */
const SENTENCE_END = /[。！？!?\n]/;
/** Clause breaks: a pointer after the hit is looked for up to the next one. */
const CLAUSE_BREAK = /[，。！？；：、,!?;:…\n]/;

export function aimOf(p: PreparedCall, hit: PhraseHit, aim: CompiledAim): Aim {
  const u = hit.utterance;
  const text = p.call.utterances[u]?.text ?? '';
  const fold = p.folds[u];
  if (!fold) return { at: aim.unaimed };
  // The original text between two folded offsets: what folding dropped there (punctuation).
  const between = (from: number, to: number): string => text.slice((fold.map[from - 1] ?? -1) + 1, fold.map[to] ?? text.length);
  let before: { h: PhraseHit; at: Aim['at'] } | undefined;
  let after: { h: PhraseHit; at: Aim['at'] } | undefined;
  const look = (set: PhraseSet, at: Aim['at']): Aim | undefined => {
    for (const h of findPhrases(p, u, set)) {
      if (h.start >= hit.start && h.end <= hit.end) {
        if (at === 'customer') return { at, pointer: originalSpan(text, fold, h.start, h.end) };
        continue;
      }
      if (h.end <= hit.start) {
        if (SENTENCE_END.test(between(h.end, hit.start))) continue;
        if (!before || h.end > before.h.end || (h.end === before.h.end && h.start < before.h.start)) before = { h, at };
      } else if (h.start >= hit.end) {
        if (CLAUSE_BREAK.test(between(hit.end, h.start))) continue;
        if (!after || h.start < after.h.start || (h.start === after.h.start && h.end > after.h.end)) after = { h, at };
      }
    }
    return undefined;
  };
  const inside = look(aim.customer, 'customer') ?? look(aim.others, 'others');
  if (inside) return inside;
  const nearest = before ?? after;
  if (!nearest) return { at: aim.unaimed };
  return { at: nearest.at, pointer: originalSpan(text, fold, nearest.h.start, nearest.h.end) };
}

/** 「aimed at 「快递员」」, 「aimed at the customer (「你」)」, 「aimed at no one named」: for reasons. */
export function describeAim(aim: Aim): string {
  if (!aim.pointer) return aim.at === 'customer' ? 'aimed at no one named, so at the customer' : 'aimed at no one named';
  return aim.at === 'customer' ? `aimed at the customer (「${aim.pointer}」)` : `aimed at 「${aim.pointer}」, not the customer`;
}
