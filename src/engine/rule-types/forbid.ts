/**
 * `forbid`: the speaker says none of the phrases within a scope. A hit inside an exception
 * (你 inside 你们, 不知道 inside 不知道您是否方便) is not the taboo. `min_count` lets a rule fail only
 * on repetition, for checks that speech recognition gets wrong now and then (你/您).
 *
 * Phrases match exactly unless the rule opts in to `tolerance` (a near match must not invent a
 * taboo). A hit on words the recogniser was unsure of (below `thresholds.review_confidence`) is
 * evidence for a person to check: when the solid hits alone stay under the limit but all hits
 * reach it, the verdict is `review`, which is listed and not scored.
 */
import type { ForbidCheck } from '../../ruleset/index.js';
import { hitConfidence, reviewThreshold } from '../confidence.js';
import { findNearPhrases, phraseEvidence, quoteMatch } from '../near.js';
import { findPhrasesExcept, type PhraseHit } from '../phrases.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { selectTurns } from '../scope.js';
import type { CheckContext } from './context.js';

export function evaluateForbid(check: ForbidCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const selection = selectTurns(p, check.speaker, check.scope, ctx.triggerTurn);
  if (!selection.ok) return { verdict: 'na', reason: selection.reason, evidence: [] };

  const hits: PhraseHit[] = [];
  for (const u of selection.turns) hits.push(...outermost(findPhrasesExcept(p, u, check.phrases, check.except)));
  if (check.phrases.tolerance && hits.length < check.minCount) {
    const exact = hits.slice();
    for (const u of selection.turns) hits.push(...findNearPhrases(p, u, check.phrases, check.except, exact));
    hits.sort((a, b) => a.utterance - b.utterance || a.start - b.start);
  }

  const threshold = reviewThreshold(p);
  const evidence: Evidence[] = hits.map((hit) => {
    const e = phraseEvidence(p, hit, check.phrases);
    const confidence = hitConfidence(p, hit);
    if (confidence !== undefined) e.confidence = confidence;
    return e;
  });
  const unsure = (e: Evidence): boolean => e.confidence !== undefined && e.confidence < threshold;
  const solid = evidence.filter((e) => !unsure(e)).length;
  const times = check.minCount > 1 ? ` (${evidence.length} times, limit ${check.minCount - 1})` : '';
  const said = `said ${evidence.map((e) => `turn ${e.turn}${quoteMatch(e)}${unsure(e) ? ` (confidence ${e.confidence})` : ''}`).join(', ')}`;
  if (evidence.length > 0 && solid >= check.minCount) {
    return { verdict: 'fail', reason: `${said}${times}`, evidence, window: selection.window };
  }
  if (evidence.length > 0 && evidence.length >= check.minCount) {
    const why = `recognised with confidence below ${threshold}: a person should listen before this counts`;
    return { verdict: 'review', reason: `${said}${times}; ${why}`, evidence, window: selection.window };
  }
  const note = evidence.length > 0 ? `said ${evidence.length} time(s), below the limit of ${check.minCount}` : `none of ${check.phrases.label} said`;
  return { verdict: 'pass', reason: note, evidence, window: selection.window };
}

/**
 * One saying, one hit: 「这不是我的错」 also contains the listed 「不是我的错」, but the agent said
 * it once. Hits inside a longer hit of the same list are dropped (they would inflate min_count).
 */
function outermost(hits: readonly PhraseHit[]): readonly PhraseHit[] {
  if (hits.length < 2) return hits;
  return hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start));
}
