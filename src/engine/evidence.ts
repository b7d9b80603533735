/** Turning a phrase hit into evidence a reviewer can check against the recording. */
import { originalSpan } from '../normalize/fold.js';
import type { PhraseSet } from '../ruleset/index.js';
import type { Evidence } from './result.js';
import type { PhraseHit } from './phrases.js';
import type { PreparedCall } from './prepare.js';

/** Utterances longer than this are quoted as a window around the hit. */
const QUOTE_LIMIT = 80;
const QUOTE_CONTEXT = 30;

/**
 * A number as written or read out — Arabic or full-width digits, Chinese numerals, with the
 * separators and brackets masking accepts inside one (src/report/mask.ts) — or an e-mail address.
 * A quote cut through one shows a piece that masking no longer recognises (1398765432), so cuts
 * are moved to its edges. Only runs of 10+ digits (the shortest number masked) and e-mail
 * addresses: dates, amounts and 一两 in ordinary calls keep their ±30 window.
 */
const NUMBER_RUN = /[(（+＋]?[0-9０-９零〇一二三四五六七八九幺两](?:[ 　\-－，,.．、()（）]*[0-9０-９零〇一二三四五六七八九幺两XxＸ])*|[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9.．-]+/g;
const NUMERAL = /[0-9０-９零〇一二三四五六七八九幺两]/g;

/** `from` and `to`, moved out of any number or e-mail address they fall inside. */
function widenCut(text: string, from: number, to: number): [number, number] {
  for (const m of text.matchAll(NUMBER_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end <= from || start >= to) continue;
    if (!/[@＠]/.test(m[0]) && (m[0].match(NUMERAL)?.length ?? 0) < 10) continue;
    if (start < from) from = start;
    if (end > to) to = end;
  }
  return [from, to];
}

export function hitEvidence(p: PreparedCall, hit: PhraseHit, set: PhraseSet, role?: string): Evidence {
  const u = p.call.utterances[hit.utterance];
  const fold = p.folds[hit.utterance];
  if (!u || !fold) throw new Error(`no utterance ${hit.utterance}`);
  const matched = originalSpan(u.text, fold, hit.start, hit.end);
  let quote = u.text.trim();
  if (quote.length > QUOTE_LIMIT) {
    const at = fold.map[hit.start] ?? 0;
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
    phrase: set.phrases[hit.phrase]?.display,
    role,
  };
}

/** Evidence for a whole utterance (a trigger turn, an utterance around a hold …). */
export function turnEvidence(p: PreparedCall, index: number, role?: string): Evidence {
  const u = p.call.utterances[index];
  if (!u) throw new Error(`no utterance ${index}`);
  const text = u.text.trim();
  const to = text.length > QUOTE_LIMIT ? widenCut(text, 0, QUOTE_LIMIT)[1] : text.length;
  const quote = to < text.length ? `${text.slice(0, to)}…` : text;
  return { turn: u.index + 1, speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, quote, role };
}

export function quoteList(evidence: Evidence[]): string {
  return evidence.map((e) => `turn ${e.turn}「${e.matched ?? e.quote}」`).join(', ');
}
