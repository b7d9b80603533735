/**
 * OpenAI Whisper / WhisperX JSON: `segments[]` with `start` / `end` in seconds, `text` (Whisper puts
 * a leading space), and from WhisperX a `speaker` (SPEAKER_00 …) after diarization. Word lists give
 * `probability` (Whisper, word_timestamps) or `score` (WhisperX alignment). Whisper's segment-level
 * `avg_logprob` is a log-likelihood, not a 0..1 confidence, so it is not used. A segment whose
 * timed words have a pause of a second or more inside is cut there, as AWS items are.
 */
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { finishSegments, secondsToMs, SENTENCE_PAUSE_MS } from './segments.js';
import type { Segment } from './segments.js';

function isWhisper(value: JsonValue | undefined): boolean {
  const segments = arrayAt(value, 'segments');
  if (!segments) return false;
  const first = segments[0];
  // An empty list is claimed only when the rest says Whisper (its full `text`, its `language`).
  if (first === undefined) return isObject(value) && typeof value.text === 'string';
  return isObject(first) && 'start' in first && 'end' in first && 'text' in first;
}

function words(list: JsonValue[] | undefined): Segment['words'] {
  const out: NonNullable<Segment['words']> = [];
  for (const w of list ?? []) {
    if (!isObject(w) || typeof w.word !== 'string') continue;
    const confidence = typeof w.score === 'number' ? w.score : typeof w.probability === 'number' ? w.probability : undefined;
    if (confidence !== undefined) out.push({ text: w.word, confidence });
  }
  return out;
}

interface TimedWord {
  text: string;
  startMs?: number;
  endMs?: number;
}

function timedWords(list: JsonValue[] | undefined): TimedWord[] {
  const out: TimedWord[] = [];
  for (const w of list ?? []) {
    if (!isObject(w) || typeof w.word !== 'string') continue;
    const word: TimedWord = { text: w.word.trim() };
    if (typeof w.start === 'number' && typeof w.end === 'number') {
      word.startMs = secondsToMs(w.start);
      word.endMs = secondsToMs(w.end);
    }
    out.push(word);
  }
  return out;
}

interface Cut {
  /** Text offset of the first word after the pause. */
  at: number;
  /** Words (of the timed list) before the cut. */
  wordsBefore: number;
  startMs: number;
  /** End of the last word before the pause. */
  endBeforeMs: number;
}

/**
 * Where the segment's text is cut: before each word that follows a pause of SENTENCE_PAUSE_MS or
 * more (WhisperX's words are timed; its segments can run over a pause the speaker made). None
 * when a word cannot be found in the text.
 */
function pauseCuts(text: string, words: TimedWord[]): Cut[] {
  const cuts: Cut[] = [];
  let from = 0;
  let lastEnd: number | undefined;
  for (const [k, w] of words.entries()) {
    const at = w.text === '' ? -1 : text.indexOf(w.text, from);
    if (at < 0) return [];
    if (w.startMs !== undefined && lastEnd !== undefined && w.startMs - lastEnd >= SENTENCE_PAUSE_MS) {
      cuts.push({ at, wordsBefore: k, startMs: w.startMs, endBeforeMs: lastEnd });
    }
    from = at + w.text.length;
    lastEnd = w.endMs ?? lastEnd;
  }
  return cuts;
}

/** The segment cut at the pauses inside it; each piece keeps the segment's speaker, place and its own words. */
function splitAtPauses(seg: Segment, list: JsonValue[] | undefined): Segment[] {
  const cuts = pauseCuts(seg.text, timedWords(list));
  if (cuts.length === 0) return [seg];
  const named = (list ?? []).filter((w) => isObject(w) && typeof w.word === 'string');
  const bounds = [{ at: 0, wordsBefore: 0, startMs: seg.startMs }, ...cuts];
  return bounds.map((b, i) => {
    const next = cuts[i];
    const piece: Segment = { ...seg, text: seg.text.slice(b.at, next?.at ?? seg.text.length) };
    delete piece.words;
    if (b.startMs !== undefined) piece.startMs = b.startMs;
    const end = next ? next.endBeforeMs : seg.endMs;
    if (end !== undefined) piece.endMs = end;
    const ws = words(named.slice(b.wordsBefore, next?.wordsBefore ?? named.length));
    if (ws && ws.length > 0) piece.words = ws;
    return piece;
  });
}

function toSegments(s: JsonObject, where: string): Segment[] {
  return splitAtPauses(toSegment(s, where), arrayAt(s, 'words'));
}

function toSegment(s: JsonObject, where: string): Segment {
  const seg: Segment = { text: stringField(s, 'text', where) ?? '', at: where };
  const start = numberField(s, 'start', where);
  const end = numberField(s, 'end', where);
  if (start !== undefined) seg.startMs = secondsToMs(start);
  if (end !== undefined) seg.endMs = secondsToMs(end);
  const speaker = idField(s, 'speaker');
  if (speaker !== undefined) seg.channel = speaker;
  const ws = words(arrayAt(s, 'words'));
  if (ws && ws.length > 0) seg.words = ws;
  return seg;
}

export function parseWhisper(text: string): ParsedTranscript {
  const value = parseJson(text);
  if (!isWhisper(value)) throw new ParseFailure('not a Whisper result: no segments[] with start, end and text');
  const list = arrayAt(value, 'segments') ?? [];
  const segments = list.flatMap((_, i) => toSegments(objectAt(list, i, 'segments'), `segments[${i}]`));
  return finishSegments(segments, { explicitRoles: false, listName: 'segments' });
}

export const whisperReader: FormatReader = {
  name: 'whisper',
  sniff: (text) => isWhisper(peekJson(text)),
  parse: (text) => parseWhisper(text),
};
