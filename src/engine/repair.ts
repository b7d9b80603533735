/**
 * A forbidden phrase taken back in the same breath (`forbid … repaired_by`): 「这个不归我们管，但我
 * 可以帮您转到售后」 says the matter is another department's and hands it on there, which is what
 * seed 000 asks (如不是本部门的责任，应把电话转给相关部门). Such a hit does not count; the reason and
 * the evidence show the words and what took them back, so a reviewer sees what was excused and why.
 * Only the speaker's same turn repairs: help offered after the customer has to ask again is late.
 */
import type { PhraseSet, PhrasesExcept, SpeakerName } from '../ruleset/index.js';
import { phraseEvidence, quoteMatch } from './near.js';
import { findPhrasesExcept, type PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';
import type { Evidence } from './result.js';
import { speakerTurns } from './turns.js';

export interface Repair {
  hit: PhraseHit;
  by: PhraseHit;
}

/** The hits that stand, and those taken back in the same turn (each with the words that took it back). */
export function splitRepaired(p: PreparedCall, speaker: SpeakerName, hits: readonly PhraseHit[], repairedBy: PhrasesExcept): { standing: PhraseHit[]; repaired: Repair[] } {
  const standing: PhraseHit[] = [];
  const repaired: Repair[] = [];
  for (const hit of hits) {
    const by = repairInTurn(p, speaker, hit, repairedBy);
    if (by) repaired.push({ hit, by });
    else standing.push(hit);
  }
  return { standing, repaired };
}

/** 「turn 3「不归我们管」 taken back by 「帮您转到售后」 (turn 3)」, and both as evidence. */
export function describeRepairs(p: PreparedCall, repairs: readonly Repair[], forbidden: PhraseSet, repairedBy: PhrasesExcept): { note: string; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  const parts: string[] = [];
  for (const { hit, by } of repairs) {
    const said = phraseEvidence(p, hit, forbidden, 'taken back');
    const help = phraseEvidence(p, by, repairedBy.phrases, 'taken back by');
    evidence.push(said, help);
    parts.push(`turn ${said.turn}${quoteMatch(said)} taken back by ${quoteMatch(help)} (turn ${help.turn})`);
  }
  return { note: parts.join(', '), evidence };
}

/** The first repair phrase in the hit's own turn that is not the hit's own words. */
function repairInTurn(p: PreparedCall, speaker: SpeakerName, hit: PhraseHit, repairedBy: PhrasesExcept): PhraseHit | undefined {
  const turn = speaker === 'any' ? [hit.utterance] : (speakerTurns(p, speaker).find((run) => run.includes(hit.utterance)) ?? [hit.utterance]);
  for (const u of turn) {
    for (const by of findPhrasesExcept(p, u, repairedBy.phrases, repairedBy.except)) {
      if (u !== hit.utterance || by.end <= hit.start || by.start >= hit.end) return by;
    }
  }
  return undefined;
}
