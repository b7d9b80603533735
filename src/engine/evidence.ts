/** Turning a phrase hit into evidence a reviewer can check against the recording. */
import { clipText, widenCut } from '../model/cut.js';
import { originalSpan } from '../normalize/fold.js';
import type { PhraseSet } from '../ruleset/index.js';
import type { Evidence } from './result.js';
import type { PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

/** Utterances longer than this are quoted as a window around the hit. */
const QUOTE_LIMIT = 80;
const QUOTE_CONTEXT = 30;

export function hitEvidence(p: PreparedCall, hit: PhraseHit, set: PhraseSet, role?: string): Evidence {
  return spanEvidence(p, hit.utterance, hit.start, hit.end, set.phrases[hit.phrase]?.display, role);
}

/** Evidence for folded[start, end) of utterance `index`: what was found there, and the phrase (or check) that found it. */
export function spanEvidence(p: PreparedCall, index: number, start: number, end: number, phrase?: string, role?: string): Evidence {
  const u = p.call.utterances[index];
  const fold = p.folds[index];
  if (!u || !fold) throw new Error(`no utterance ${index}`);
  const matched = originalSpan(u.text, fold, start, end);
  let quote = u.text.trim();
  if (quote.length > QUOTE_LIMIT) {
    const at = fold.map[start] ?? 0;
    const [from, to] = widenCut(u.text, Math.max(0, at - QUOTE_CONTEXT), Math.min(u.text.length, at + matched.length + QUOTE_CONTEXT));
    quote = `${from > 0 ? '…' : ''}${u.text.slice(from, to).trim()}${to < u.text.length ? '…' : ''}`;
  }
  return {
    turn: u.index + 1,
    speaker: u.speaker,
    startMs: u.startMs,
    endMs: u.endMs,
    quote,
    matched,
    phrase,
    role,
  };
}

/** Evidence for a whole utterance (a trigger turn, an utterance around a hold …). */
export function turnEvidence(p: PreparedCall, index: number, role?: string): Evidence {
  const u = p.call.utterances[index];
  if (!u) throw new Error(`no utterance ${index}`);
  const text = u.text.trim();
  const quote = clipText(text, QUOTE_LIMIT);
  return { turn: u.index + 1, speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, quote, role };
}

export function quoteList(evidence: Evidence[]): string {
  return evidence.map((e) => `turn ${e.turn}「${e.matched ?? e.quote}」${e.role === 'unanswered' ? ' with no reply' : ''}`).join(', ');
}
