/**
 * Whom words are aimed at (`aim` of a forbid or a said trigger). 「那个快递员就是个白痴」 insults the
 * courier in front of the listener — unprofessional, not abuse of the listener — while 「你就是个白痴」
 * and 「快递员是白痴，你也是白痴」's second insult are the listener's: the customer's when the agent
 * says it, the agent's when the customer does. What decides is the nearest pointer word: one for
 * the listener (你, 您) or for someone else (快递员, 师傅, 他), before the hit in its sentence, else
 * after it in its clause (「白痴一样的快递员」); a pointer inside the hit itself (「你有病」) points at
 * the listener. A word for a thing (`things`: 系统, 手机) points at no one the insult could hurt,
 * in the hit's own clause (「系统有时候也很北七」), or in an earlier clause of its sentence when no
 * person is pointed at there (「这个破网，垃圾！」) — or only its owner, before a thing that ends its
 * clause (「你们那个破APP，垃圾！」) — while in 「你手机都不会用，白痴」 the phone is only what the
 * customer could not use. With none, a curse (`curses`: 「他妈的，又卡了」) is aimed at no
 * one, and anything else as `unaimed` says: an insult said to no one named is said to the listener.
 * With no one named at all, a clause on not managing something (`unable`: 「这都听不懂，笨死了」) has
 * the listener as its dropped subject.
 * Words someone is reported to have said (`reporting`: 「他骂我你们客服都是白痴」, the clause after
 * 他骂; the listener's own said back, 「你話個師傅痴線？」) are aimed by no one here: `reported`,
 * counted neither as abuse nor as rude language.
 *
 * Looked for only around hits, which most calls have none of.
 */
import { originalSpan } from '../normalize/fold.js';
import type { CompiledAim, PhraseSet, PhrasesExcept, SpeakerName } from '../ruleset/index.js';
import { findPhrases, findPhrasesExcept, type PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

export interface Aim {
  /** `reported`: inside someone else's words the speaker passes on. */
  at: 'listener' | 'others' | 'reported';
  /** The pointer word that decided, as said; absent when none did. */
  pointer?: string;
  /** The pointer is the listener's not managing something (「都不会用」), not a word for them. */
  unable?: true;
}

/** Sentence ends: a pointer before the hit is looked for back to the last one. */
const SENTENCE_END = /[。！？!?\n]/;
/** Clause breaks: a pointer after the hit is looked for up to the next one. */
const CLAUSE_BREAK = /[，。！？；：、,!?;:…\n]/;
/** What follows a thing that ends its clause: 「你们那个破APP，」. */
const ENDS_CLAUSE = /^\s*[，、,;；:：…]/;

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
  const said = (start: number, end: number): string => originalSpan(text, fold, start, end);
  const quoted = aim.reporting && reportedBy(p, hit, aim, aim.reporting, between);
  if (quoted) return { at: 'reported', pointer: said(quoted.start, quoted.end) };
  let before: { h: PhraseHit; at: Aim['at'] } | undefined;
  let after: { h: PhraseHit; at: Aim['at'] } | undefined;
  let earlierThing: { h: PhraseHit; topic: boolean } | undefined;
  const look = (set: PhraseSet, at: Aim['at'], thing = false): Aim | undefined => {
    for (const h of findPhrases(p, u, set)) {
      if (h.start >= hit.start && h.end <= hit.end) {
        if (at === 'listener') return { at, pointer: said(h.start, h.end) };
        continue;
      }
      if (h.end <= hit.start) {
        const gap = between(h.end, hit.start);
        if (SENTENCE_END.test(gap)) continue;
        // A thing in an earlier clause is kept for when no person is pointed at (「这个破网，垃圾！」).
        if (thing && CLAUSE_BREAK.test(gap)) {
          if (!earlierThing || h.end > earlierThing.h.end) earlierThing = { h, topic: ENDS_CLAUSE.test(gap) };
          continue;
        }
        if (!before || h.end > before.h.end || (h.end === before.h.end && h.start < before.h.start)) before = { h, at };
      } else if (h.start >= hit.end) {
        if (CLAUSE_BREAK.test(between(hit.end, h.start))) continue;
        if (!after || h.start < after.h.start || (h.start === after.h.start && h.end > after.h.end)) after = { h, at };
      }
    }
    return undefined;
  };
  const inside = look(aim.listener, 'listener') ?? look(aim.others, 'others') ?? (aim.things && look(aim.things, 'others', true));
  if (inside) return inside;
  // A thing that ends its clause names what the insult after it is about, even after a person that
  // owns it (「你们那个破APP，垃圾！」); in 「你系统都不会用，白痴」 the clause goes on about the customer.
  if (earlierThing?.topic && (!before || before.h.end <= earlierThing.h.start)) before = undefined;
  // With no person named, a clause on not managing something has the listener as its dropped subject:
  // 「手机都不会用，白痴」 (the phone is only what was not managed). Not after someone named
  // (「快递员送错了，连这个都不知道，白痴」 may go on about the courier), nor in a curse (exasperation).
  if (!before && !after && !curse && aim.unable) {
    const unable = findPhrasesExcept(p, u, aim.unable.phrases, aim.unable.except).filter((h) => h.end <= hit.start && !SENTENCE_END.test(between(h.end, hit.start)));
    const last = unable[unable.length - 1];
    if (last) return { at: 'listener', pointer: said(last.start, last.end), unable: true };
  }
  const nearest = before?.h ?? after?.h ?? earlierThing?.h;
  if (nearest) return { at: before?.at ?? after?.at ?? 'others', pointer: said(nearest.start, nearest.end) };
  return { at: curse ? 'others' : aim.unaimed };
}

/**
 * The reporter when the hit is in someone's words passed on: a pointer at someone, a `reporting`
 * verb right after it (他骂, 那个人说, 你话), and the hit in the clause that follows (「他说要退款，
 * 你们这帮骗子」's insult is the speaker's own). The listener's own words said back 「你話個師傅痴線？」
 * are passed on too, unless they point at the listener again: 「你说你是不是白痴」 is no restatement.
 */
function reportedBy(p: PreparedCall, hit: PhraseHit, aim: CompiledAim, reporting: PhrasesExcept, between: (from: number, to: number) => string): { start: number; end: number } | undefined {
  const u = hit.utterance;
  const verbs = findPhrasesExcept(p, u, reporting.phrases, reporting.except).filter((v) => v.end <= hit.start);
  if (verbs.length === 0) return undefined;
  const listeners = findPhrases(p, u, aim.listener);
  const reporters = [...findPhrases(p, u, aim.others).map((who) => ({ who, listener: false })), ...listeners.map((who) => ({ who, listener: true }))];
  for (const { who, listener } of reporters) {
    const verb = verbs.find((v) => v.start >= who.end && v.start - who.end <= REPORTER_GAP && !CLAUSE_BREAK.test(between(who.end, v.start)));
    if (!verb || !passedOn(between(verb.end, hit.start))) continue;
    if (listener && listeners.some((l) => l.start >= verb.end && l.start < hit.end)) continue;
    return { start: who.start, end: verb.end };
  }
  return undefined;
}

/** 「他当面骂我」「那个人跟我说」: at most this many characters between the reporter and the verb. */
const REPORTER_GAP = 2;
/** What may open the reported words: 「他说：你们都是骗子」「他骂“你们……”」. */
const QUOTE_OPENING = /^[\s，,：:]*(["“「『])?/;
const QUOTE_CLOSING: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };

/**
 * Whether the words from the reporting verb to the hit are still what was reported: one clause
 * (「他骂我你们客服都是白痴」), or inside quotation marks opened after the verb and not yet closed
 * (「他说“关我屁事，你这个神经病”」).
 */
function passedOn(words: string): boolean {
  const opening = QUOTE_OPENING.exec(words) as RegExpExecArray;
  const rest = words.slice(opening[0].length);
  const mark = opening[1];
  return mark ? !rest.includes(QUOTE_CLOSING[mark] as string) : !CLAUSE_BREAK.test(rest);
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
  if (aim.at === 'reported') return `in words reported from 「${aim.pointer ?? ''}」, not said to ${listener}`;
  if (!aim.pointer) return aim.at === 'listener' ? `aimed at no one named, so at ${listener}` : 'aimed at no one named';
  if (aim.unable) return `aimed at ${listener}, who 「${aim.pointer}」`;
  return aim.at === 'listener' ? `aimed at ${listener} (「${aim.pointer}」)` : `aimed at 「${aim.pointer}」, not ${listener}`;
}
