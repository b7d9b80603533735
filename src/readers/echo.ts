/**
 * Crosstalk. On a stereo recording each channel's microphone picks up the other side faintly, and
 * the recogniser writes it down again on the wrong channel: the customer's 「你们这什么破服务，你有病吧」
 * a moment later as the agent's words. Left in, the agent "says" the customer's insult (a critical
 * failure) and "talks over" the customer. Two people do not say the same sentence at the same
 * time, so an utterance whose words are all inside another channel's utterance running at the same
 * time (inside its time, give or take 0.3 s) is an echo, and is dropped (and listed as a warning).
 */
import type { ReadWarning } from '../model/call.js';
import type { ParsedTranscript, ParsedUtterance } from './types.js';

/** Shorter echoes are left: both sides do say 「好的好的」 or 「再见」 at once. */
const MIN_ECHO_CHARS = 6;

/**
 * An echo lies inside the original's time, give or take the recognisers' padding: an agent who
 * repeats the customer's number along with them, a second behind, is speaking (and is judged).
 */
const ECHO_SLACK_MS = 300;

/** Letters and digits only, lower-cased: what both channels' recognisers agree on. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

interface Candidate {
  u: ParsedUtterance;
  at: number;
  side: string;
  start: number;
  end: number;
  /** Its words, computed only when its time makes it a possible echo or original (most never are). */
  words?: string;
}

function wordsOf(c: Candidate): string {
  return (c.words ??= words(c.u.text));
}

function candidates(utterances: readonly ParsedUtterance[]): Candidate[] {
  const out: Candidate[] = [];
  utterances.forEach((u, at) => {
    const side = u.channel ?? u.speaker;
    if (side === undefined || u.startMs === undefined || u.endMs === undefined || u.endMs < u.startMs) return;
    out.push({ u, at, side, start: u.startMs, end: u.endMs });
  });
  return out.sort((a, b) => a.start - b.start || a.at - b.at);
}

/** `echo` repeats `original`: the other side, inside its time, words inside its words; of two equal ones the later is the echo. */
function repeats(echo: Candidate, original: Candidate): boolean {
  // Sides and times first: they rule out nearly every pair without looking at the words.
  if (echo.side === original.side) return false;
  if (echo.start < original.start - ECHO_SLACK_MS || echo.end > original.end + ECHO_SLACK_MS) return false;
  const said = wordsOf(echo);
  if (said.length < MIN_ECHO_CHARS || !wordsOf(original).includes(said)) return false;
  if (said !== wordsOf(original)) return true;
  return echo.start > original.start || (echo.start === original.start && echo.at > original.at);
}

/** The call without the other channel's echoes, with one warning naming how many and the first. */
export function dropEchoes(parsed: ParsedTranscript, warnings: ReadWarning[]): ParsedTranscript {
  const list = candidates(parsed.utterances);
  // maxEnd[j]: the latest end among list[0..j], so the backward scan stops where nothing overlaps.
  const maxEnd: number[] = [];
  list.forEach((c, j) => maxEnd.push(Math.max(c.end, maxEnd[j - 1] ?? -Infinity)));
  const echoes = new Set<ParsedUtterance>();
  const isEcho = (c: Candidate, o: Candidate): boolean => o.end > c.start && !echoes.has(o.u) && repeats(c, o);
  list.forEach((c, i) => {
    for (let j = i + 1; j < list.length && (list[j] as Candidate).start < c.end; j++) {
      if (isEcho(c, list[j] as Candidate)) return void echoes.add(c.u);
    }
    for (let j = i - 1; j >= 0 && (maxEnd[j] as number) > c.start; j--) {
      if (isEcho(c, list[j] as Candidate)) return void echoes.add(c.u);
    }
  });
  if (echoes.size === 0) return parsed;
  const first = parsed.utterances.find((u) => echoes.has(u)) as ParsedUtterance;
  const where = first.at ?? (first.line !== undefined ? `line ${first.line}` : `「${first.text}」`);
  warnings.push({
    message: `${echoes.size} utterance(s) dropped as crosstalk: the other channel's words at the same time (the first is ${where})`,
    ...(first.line !== undefined ? { line: first.line } : {}),
  });
  return { ...parsed, utterances: parsed.utterances.filter((u) => !echoes.has(u)) };
}
