/**
 * OpenAI Whisper / WhisperX JSON: `segments[]` with `start` / `end` in seconds, `text` (Whisper puts
 * a leading space), and from WhisperX a `speaker` (SPEAKER_00 …) after diarization. Word lists give
 * `probability` (Whisper, word_timestamps) or `score` (WhisperX alignment). Whisper's segment-level
 * `avg_logprob` is a log-likelihood, not a 0..1 confidence, so it is not used.
 */
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { finishSegments, secondsToMs } from './segments.js';
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
  const segments = list.map((_, i) => toSegment(objectAt(list, i, 'segments'), `segments[${i}]`));
  return finishSegments(segments, { explicitRoles: false, listName: 'segments' });
}

export const whisperReader: FormatReader = {
  name: 'whisper',
  sniff: (text) => isWhisper(peekJson(text)),
  parse: (text) => parseWhisper(text),
};
