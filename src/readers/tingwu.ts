/**
 * Alibaba Cloud 通义听悟 (Tingwu) offline transcription: the JSON behind the task's Transcription
 * URL, `{ TaskId, Transcription: { AudioInfo, Paragraphs[] } }`. A paragraph is one speaker's turn
 * (`SpeakerId`) and lists `Words[]` with `SentenceId`, `Start` / `End` in ms and `Text`; each
 * sentence becomes an utterance, so times stay as fine as the recogniser gave them.
 */
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonValue } from './json-util.js';
import { finishSegments } from './segments.js';
import type { Segment } from './segments.js';

function paragraphsOf(value: JsonValue | undefined): { list: JsonValue[]; where: string } | undefined {
  const nested = arrayAt(value, 'Transcription', 'Paragraphs');
  if (nested) return { list: nested, where: 'Transcription.Paragraphs' };
  const top = arrayAt(value, 'Paragraphs');
  if (top && isObject(top[0]) && Array.isArray(top[0].Words)) return { list: top, where: 'Paragraphs' };
  return undefined;
}

/** A space only between two Latin words: Chinese is written without. */
function join(text: string, word: string): string {
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(word) ? `${text} ${word}` : text + word;
}

function paragraphSegments(list: JsonValue[], p: number, where: string): Segment[] {
  const para = objectAt(list, p, where);
  const speaker = idField(para, 'SpeakerId');
  const words = arrayAt(para, 'Words') ?? [];
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let sentenceId: string | undefined;
  words.forEach((_, w) => {
    const at = `${where}[${p}].Words[${w}]`;
    const word = objectAt(words, w, `${where}[${p}].Words`);
    const id = idField(word, 'SentenceId');
    if (!current || id !== sentenceId) {
      current = { text: '', at };
      if (speaker !== undefined) current.channel = speaker;
      const start = numberField(word, 'Start', at);
      if (start !== undefined) current.startMs = start;
      segments.push(current);
      sentenceId = id;
    }
    current.text = join(current.text, (stringField(word, 'Text', at) ?? '').trim());
    const end = numberField(word, 'End', at);
    if (end !== undefined) current.endMs = end;
  });
  return segments;
}

export function parseTingwu(text: string): ParsedTranscript {
  const found = paragraphsOf(parseJson(text));
  if (!found) throw new ParseFailure('not a Tingwu result: no Transcription.Paragraphs');
  const segments = found.list.flatMap((_, p) => paragraphSegments(found.list, p, found.where));
  return finishSegments(segments, { explicitRoles: false, listName: found.where });
}

export const tingwuReader: FormatReader = {
  name: 'tingwu',
  sniff: (text) => paragraphsOf(peekJson(text)) !== undefined,
  parse: (text) => parseTingwu(text),
};
