/**
 * Speaking rate in characters per minute, the unit Chinese call centres use (字/分钟): every Han
 * character counts 1, a run of Latin letters or digits (a word, "iPhone", "2026") counts 1,
 * punctuation and spaces count 0. Time is the speaker's own speaking time (utterance end − start),
 * so pauses between turns do not slow the rate down.
 */
import type { Utterance } from '../../model/call.js';

const UNITS = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function countUnits(text: string): number {
  return text.match(UNITS)?.length ?? 0;
}

export interface RateFacts {
  units: number;
  speakingMs: number;
  /** Characters per minute over all the given utterances. */
  perMinute: number;
  fastest?: { index: number; perMinute: number };
}

/** Per-utterance rates are only compared for utterances at least this long (shorter ones are noise). */
const FASTEST_MIN_MS = 1500;

export function speechRate(utterances: Utterance[]): RateFacts {
  let units = 0;
  let speakingMs = 0;
  let fastest: RateFacts['fastest'];
  for (const u of utterances) {
    const ms = Math.max(0, (u.endMs ?? 0) - (u.startMs ?? 0));
    const n = countUnits(u.text);
    units += n;
    speakingMs += ms;
    if (ms >= FASTEST_MIN_MS) {
      const perMinute = (n * 60000) / ms;
      if (!fastest || perMinute > fastest.perMinute) fastest = { index: u.index, perMinute };
    }
  }
  return { units, speakingMs, perMinute: speakingMs > 0 ? (units * 60000) / speakingMs : 0, fastest };
}
