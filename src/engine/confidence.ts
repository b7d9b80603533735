/**
 * Recogniser confidence behind a hit. A taboo word or a phone number that the recogniser itself
 * was unsure of is a reason for a person to listen, not for a fail: such hits make a forbid
 * `review` (listed, not scored) unless a solid hit is there too.
 */
import type { PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

/** Used when the ruleset sets no `thresholds.review_confidence`. */
export const DEFAULT_REVIEW_CONFIDENCE = 0.6;

export function reviewThreshold(p: PreparedCall): number {
  return p.ruleset.thresholds.review_confidence ?? DEFAULT_REVIEW_CONFIDENCE;
}

/**
 * The lowest confidence of the words under the hit's characters (folded offsets → original
 * offsets through the fold map → words), else the sentence's confidence; undefined when the
 * format carries neither.
 */
export function hitConfidence(p: PreparedCall, hit: Pick<PhraseHit, 'utterance' | 'start' | 'end'>): number | undefined {
  const u = p.call.utterances[hit.utterance];
  const fold = p.folds[hit.utterance];
  if (!u || !fold || hit.end <= hit.start || hit.start >= fold.map.length) return undefined;
  const from = fold.map[hit.start] as number;
  const last = fold.map[Math.min(hit.end, fold.map.length) - 1] as number;
  const code = u.text.charCodeAt(last);
  const to = code >= 0xd800 && code <= 0xdbff ? last + 2 : last + 1;
  let lowest: number | undefined;
  for (const w of u.words ?? []) {
    if (w.start < to && w.end > from) lowest = lowest === undefined ? w.confidence : Math.min(lowest, w.confidence);
  }
  return lowest ?? u.confidence;
}
