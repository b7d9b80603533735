/**
 * The other side asked for it first. 「帮我转人工」 and then 「好的，我给您转到人工客服，请稍等」: the
 * agent told the caller where the call goes, and asking 「好吗？」 of someone who just asked for the
 * transfer would be redundant. So the first item of an `all` stands for the rest — but only for a
 * request just before it, and not once the speaker turned that request down in between
 * (「经理那边转接不了，我帮您转到值班主管」 puts the caller through to a desk they did not ask for).
 */
import type { AskedFor } from '../../ruleset/index.js';
import { hitEvidence } from '../evidence.js';
import { findPhrasesExcept, type PhraseHit } from '../phrases.js';
import type { PreparedCall } from '../prepare.js';
import type { Evidence } from '../result.js';
import { speakerTurns } from '../turns.js';

/** Evidence of the request in the asking side's last `withinTurns` turns before `hit`, if it still stands. */
export function askedBefore(p: PreparedCall, asked: AskedFor, checked: 'agent' | 'customer' | 'any', hit: PhraseHit): Evidence | undefined {
  const before = speakerTurns(p, asked.speaker)
    .map((run) => run.filter((u) => u < hit.utterance))
    .filter((run) => run.length > 0)
    .slice(-asked.withinTurns);
  // The latest request counts: an earlier one the speaker answered otherwise is no longer the question.
  for (const u of before.flat().reverse()) {
    const request = findPhrasesExcept(p, u, asked.asked.phrases, asked.asked.except)[0];
    if (!request) continue;
    if (asked.unless && turnedDown(p, asked, checked, u, hit.utterance)) return undefined;
    return hitEvidence(p, request, asked.asked.phrases, 'asked');
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
