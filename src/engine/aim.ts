/**
 * Whom words are aimed at (`aim` of a forbid or a said trigger). 「那个快递员就是个白痴」 insults the
 * courier in front of the listener — unprofessional, not abuse of the listener — while 「你就是个白痴」
 * and 「快递员是白痴，你也是白痴」's second insult are the listener's: the customer's when the agent
 * says it, the agent's when the customer does. What decides is the nearest pointer word: one for
 * the listener (你, 您) or for someone else (快递员, 师傅, 他), before the hit in its sentence, else
 * after it in its clause (「白痴一样的快递员」); a pointer inside the hit itself (「你有病」) points at
 * the listener. A word for a thing (`things`: 系统, 手机) points at no one the insult could hurt,
 * but only in the hit's own clause: 「系统有时候也很北七」 insults the system, while in
 * 「你手机都不会用，白痴」 the phone is only what the customer could not use. With none, a curse
 * (`curses`: 「他妈的，又卡了」) is aimed at no one, and anything else as `unaimed` says: an insult
 * said to no one named is said to the listener.
 *
 * Looked for only around hits, which most calls have none of.
 */
import { originalSpan } from '../normalize/fold.js';
import type { CompiledAim, PhraseSet, SpeakerName } from '../ruleset/index.js';
import { findPhrases, type PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

export interface Aim {
  at: 'listener' | 'others';
  /** The pointer word that decided, as said; absent when none did. */
  pointer?: string;
}

/** Sentence ends: a pointer before the hit is looked for back to the last one. */
const SENTENCE_END = /[。！？!?\n]/;
/** Clause breaks: a pointer after the hit is looked for up to the next one. */
const CLAUSE_BREAK = /[，。！？；：、,!?;:…\n]/;

export function aimOf(p: PreparedCall, found: PhraseHit, aim: CompiledAim): Aim {
  // A hit in a curse stands for the whole curse: 妈的 in 「你他妈的」 is not pointed at 他.
  const curse = aim.curses ? cursing(p, found, aim.curses) : undefined;
  const hit = curse ? { ...found, start: Math.min(found.start, curse.start), end: Math.max(found.end, curse.end) } : found;
  const u = hit.utterance;
  const text = p.call.utterances[u]?.text ?? '';
  const fold = p.folds[u];
  if (!fold) return { at: aim.unaimed };
  // The original text between two folded offsets: what folding dropped there (punctuation).
  const between = (from: number, to: number): string => text.slice((fold.map[from - 1] ?? -1) + 1, fold.map[to] ?? text.length);
  let before: { h: PhraseHit; at: Aim['at'] } | undefined;
  let after: { h: PhraseHit; at: Aim['at'] } | undefined;
  const look = (set: PhraseSet, at: Aim['at'], backTo = SENTENCE_END): Aim | undefined => {
    for (const h of findPhrases(p, u, set)) {
      if (h.start >= hit.start && h.end <= hit.end) {
        if (at === 'listener') return { at, pointer: originalSpan(text, fold, h.start, h.end) };
        continue;
      }
      if (h.end <= hit.start) {
        if (backTo.test(between(h.end, hit.start))) continue;
        if (!before || h.end > before.h.end || (h.end === before.h.end && h.start < before.h.start)) before = { h, at };
      } else if (h.start >= hit.end) {
        if (CLAUSE_BREAK.test(between(hit.end, h.start))) continue;
        if (!after || h.start < after.h.start || (h.start === after.h.start && h.end > after.h.end)) after = { h, at };
      }
    }
    return undefined;
  };
  const inside = look(aim.listener, 'listener') ?? look(aim.others, 'others') ?? (aim.things && look(aim.things, 'others', CLAUSE_BREAK));
  if (inside) return inside;
  const nearest = before ?? after;
  if (nearest) return { at: nearest.at, pointer: originalSpan(text, fold, nearest.h.start, nearest.h.end) };
  return { at: curse ? 'others' : aim.unaimed };
}

/** The curse the hit overlaps (妈的 inside 他妈的), if any. */
function cursing(p: PreparedCall, hit: PhraseHit, curses: PhraseSet): PhraseHit | undefined {
  return findPhrases(p, hit.utterance, curses).find((c) => c.start < hit.end && hit.start < c.end);
}

/** Whom the speaker's words are said to: the customer for the agent, the agent for the customer. */
export function listenerOf(speaker: SpeakerName): string {
  return speaker === 'agent' ? 'the customer' : speaker === 'customer' ? 'the agent' : 'the listener';
}

/** 「aimed at 「快递员」, not the customer」, 「aimed at the customer (「你」)」, 「aimed at no one named」: for reasons. */
export function describeAim(aim: Aim, listener: string): string {
  if (!aim.pointer) return aim.at === 'listener' ? `aimed at no one named, so at ${listener}` : 'aimed at no one named';
  return aim.at === 'listener' ? `aimed at ${listener} (「${aim.pointer}」)` : `aimed at 「${aim.pointer}」, not ${listener}`;
}
