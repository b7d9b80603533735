/**
 * Personal-data numbers in the engine: the detector (src/match/personal-numbers.ts) reads each
 * utterance's own text, where a comma still separates two numbers; its hits are mapped onto the
 * folded text (fold.ts keeps every digit), so exceptions, recogniser confidence and evidence
 * quotes work on them exactly as on phrase hits.
 */
import { findPersonalNumbers, type PersonalNumber, type PersonalNumberKind } from '../match/personal-numbers.js';
import { foldedSpan } from '../normalize/fold.js';
import type { PhraseSet } from '../ruleset/index.js';
import { findPhrases } from './phrases.js';
import type { PreparedCall } from './prepare.js';

export interface NumberHit {
  utterance: number;
  /** Offsets in the folded utterance, as for phrase hits. */
  start: number;
  end: number;
  kind: PersonalNumberKind;
  /** false: a check digit does not hold (see PersonalNumber.certain): a person listens. */
  certain: boolean;
  doubt?: string;
}

/** The numbers of these kinds in utterance `u`, outside occurrences of the exceptions. */
export function findNumbers(p: PreparedCall, u: number, kinds: readonly PersonalNumberKind[], except?: PhraseSet): NumberHit[] {
  const text = p.call.utterances[u]?.text;
  const fold = p.folds[u];
  if (!text || !fold) return [];
  const found = findPersonalNumbers(text, kinds);
  if (found.length === 0) return [];
  const hits = found.map((n: PersonalNumber): NumberHit => {
    const { start, end } = foldedSpan(fold, n.start, n.end);
    return { utterance: u, start, end, kind: n.kind, certain: n.certain, ...(n.doubt ? { doubt: n.doubt } : {}) };
  });
  const shields = except ? findPhrases(p, u, except) : [];
  return hits.filter((h) => h.end > h.start && !shields.some((s) => s.start <= h.start && h.end <= s.end));
}
