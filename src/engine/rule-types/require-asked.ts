/**
 * The other side asked for it first. 「帮我转人工」 and then 「好的，我给您转到人工客服，请稍等」: the
 * agent told the caller where the call goes, and asking 「好吗？」 of someone who just asked for the
 * transfer would be redundant. So the first item of an `all` stands for the rest — but only for a
 * request just before it, and not once the speaker turned that request down in between
 * (「经理那边转接不了，我帮您转到值班主管」 puts the caller through to a desk they did not ask for),
 * nor when the request named one desk and the answer names only another (`targets`): asked for
 * 主管 and told 「我给您转到售后部门」 is a transfer the caller did not ask for. 人工 names no desk.
 */
import type { AskedFor, PhraseSet } from '../../ruleset/index.js';
import { hitEvidence } from '../evidence.js';
import { findPhrases, findPhrasesExcept, type PhraseHit } from '../phrases.js';
import type { PreparedCall } from '../prepare.js';
import type { Evidence } from '../result.js';
import { speakerTurns } from '../turns.js';

/** The request, and whether it asked for a target other than the one the hit names (then it does not stand). */
export interface Asked {
  request: Evidence;
  otherTarget: boolean;
}

/** Evidence of the request in the asking side's last `withinTurns` turns before `hit`, unless turned down. */
export function askedBefore(p: PreparedCall, asked: AskedFor, checked: 'agent' | 'customer' | 'any', hit: PhraseHit): Asked | undefined {
  const before = speakerTurns(p, asked.speaker)
    .map((run) => run.filter((u) => u < hit.utterance))
    .filter((run) => run.length > 0)
    .slice(-asked.withinTurns);
  // The latest request counts: an earlier one the speaker answered otherwise is no longer the question.
  for (const u of before.flat().reverse()) {
    const requests = findPhrasesExcept(p, u, asked.asked.phrases, asked.asked.except);
    const request = requests[0];
    if (!request) continue;
    if (asked.unless && turnedDown(p, asked, checked, u, hit.utterance)) return undefined;
    const other = !!asked.targets && otherTarget(asked.targets, targetsNamed(p, asked.targets, requests), targetsNamed(p, asked.targets, [hit]));
    return { request: hitEvidence(p, request, asked.asked.phrases, 'asked'), otherTarget: other };
  }
  return undefined;
}

/** The checked speaker says one of `unless` after the request `from`, up to and with the hit's utterance. */
function turnedDown(p: PreparedCall, asked: AskedFor, checked: 'agent' | 'customer' | 'any', from: number, to: number): boolean {
  const unless = asked.unless;
  if (!unless) return false;
  for (let u = from + 1; u <= to; u++) {
    const who = p.call.utterances[u]?.speaker;
    if (checked !== 'any' && who !== checked) continue;
    if (findPhrasesExcept(p, u, unless).length > 0) return true;
  }
  return false;
}

/** Both sides name targets and none in common: 「我要找你们主管」 answered by 「转到售后部门」. */
function otherTarget(targets: readonly PhraseSet[], asked: Set<number>, given: Set<number>): boolean {
  if (asked.size === 0 || given.size === 0) return false;
  for (let i = 0; i < targets.length; i++) if (asked.has(i) && given.has(i)) return false;
  return true;
}

/** A break between clauses in the original text (folding drops punctuation). */
const CLAUSE_BREAK = /[，。！？；,.!?;…\n]/;

/**
 * Which targets (by index) each hit's clause names from the hit on: 「我要找你们主管，售后根本不管」
 * asks for 主管 only; 「主管不在，我给您转到售后」 answers with 售后 only.
 */
function targetsNamed(p: PreparedCall, targets: readonly PhraseSet[], hits: readonly PhraseHit[]): Set<number> {
  const named = new Set<number>();
  for (const h of hits) {
    const end = clauseEnd(p, h);
    for (let i = 0; i < targets.length; i++) {
      if (findPhrases(p, h.utterance, targets[i] as PhraseSet).some((t) => t.start >= h.start && t.end <= end)) named.add(i);
    }
  }
  return named;
}

/** The folded offset where the clause the hit starts in ends (at least the hit's own end). */
function clauseEnd(p: PreparedCall, h: PhraseHit): number {
  const text = p.call.utterances[h.utterance]?.text ?? '';
  const map = p.folds[h.utterance]?.map ?? [];
  const from = map[h.start] ?? 0;
  const found = text.slice(from).search(CLAUSE_BREAK);
  if (found < 0) return map.length;
  let end = h.start;
  while (end < map.length && (map[end] as number) < from + found) end++;
  return Math.max(end, h.end);
}
