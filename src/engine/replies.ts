/**
 * The other side's reply to a phrase, asked by a rule type (require's `undone_by_reply`) and by a
 * trigger (`confirmed`) alike. 「还有其他问题吗」 answered 「有，我想改一下套餐」 opened new business: it
 * was not the closing question, and counts only if asked again after it. 「请问是刘女士吗？」 answered
 * 「是的」 makes the surname known.
 */
import type { PhrasesExcept, SpeakerName } from '../ruleset/index.js';
import { hitEvidence } from './evidence.js';
import { findPhrasesExcept } from './phrases.js';
import type { PreparedCall } from './prepare.js';
import type { Evidence } from './result.js';

/**
 * Evidence of one of `said` in the other side's next reply to utterance `hitTurn` (all the other
 * side says until `speaker` speaks again), else undefined.
 */
export function nextReplySays(p: PreparedCall, speaker: SpeakerName, hitTurn: number, said: PhrasesExcept, role = 'reply'): Evidence | undefined {
  if (speaker === 'any') return undefined;
  const other = speaker === 'agent' ? 'customer' : 'agent';
  const utterances = p.call.utterances;
  let replying = false;
  for (let u = hitTurn + 1; u < utterances.length; u++) {
    const who = utterances[u]?.speaker;
    if (who === speaker) {
      // The speaker going on with the same turn is not the end of the reply, only after one.
      if (replying) return undefined;
      continue;
    }
    if (who !== other) continue;
    replying = true;
    const hit = findPhrasesExcept(p, u, said.phrases, said.except)[0];
    if (hit) return hitEvidence(p, hit, said.phrases, role);
  }
  return undefined;
}
