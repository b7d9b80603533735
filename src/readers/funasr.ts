/**
 * FunASR (ModelScope / `AutoModel.generate`) results saved as JSON: a list with one result per
 * audio file — `{ key, text, timestamp, sentence_info }` — or that one result on its own.
 * `sentence_info[]` holds the sentences: `text` (`sentence` in older releases), `start` / `end`
 * in ms, and `spk` (a number) when a speaker model was used. A result without sentence_info
 * (no VAD / punctuation model, or SenseVoice) is its `text` alone: one utterance, no speaker.
 * SenseVoice's `<|zh|><|NEUTRAL|>` tags are dropped by the common text tidying (segments.ts).
 */
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, isObject, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { finishSegments, sentenceSegment, type SentenceFields } from './segments.js';
import type { Segment } from './segments.js';

function isResult(v: JsonValue | undefined): v is JsonObject {
  if (!isObject(v)) return false;
  return Array.isArray(v.sentence_info) || (typeof v.key === 'string' && typeof v.text === 'string');
}

/** The results and where they are: the top-level list, or one result object. */
function resultsOf(value: JsonValue | undefined): { results: JsonValue[]; where: string } | undefined {
  if (Array.isArray(value)) return value.length > 0 && isResult(value[0]) ? { results: value, where: '[0]' } : undefined;
  return isResult(value) ? { results: [value], where: '' } : undefined;
}

const FUNASR_SENTENCE: SentenceFields = { text: ['text', 'sentence'], startMs: 'start', endMs: 'end', channel: 'spk' };

export function parseFunasr(text: string): ParsedTranscript {
  const found = resultsOf(parseJson(text));
  if (!found) throw new ParseFailure('not a FunASR result: no sentence_info or key and text');
  // One file is one call: a list of several results is several recordings.
  if (found.results.length > 1) {
    const keys = found.results.map((r) => (isObject(r) && typeof r.key === 'string' ? r.key : '?')).slice(0, 5).join(', ');
    throw new ParseFailure(`a FunASR result list of ${found.results.length} recordings (keys ${keys}); save one call per file`);
  }
  const result = objectAt(found.results, 0, '');
  const list = arrayAt(result, 'sentence_info');
  const listName = `${found.where}${found.where ? '.' : ''}sentence_info`;
  if (!list) {
    const whole: Segment = { text: stringField(result, 'text', found.where || 'result') ?? '', at: `${found.where}${found.where ? '.' : ''}text` };
    return finishSegments([whole], { explicitRoles: false, listName: 'text' });
  }
  const segments = list.map((_, i) => sentenceSegment(objectAt(list, i, listName), `${listName}[${i}]`, FUNASR_SENTENCE));
  return finishSegments(segments, { explicitRoles: false, listName });
}

export const funasrReader: FormatReader = {
  name: 'funasr',
  sniff: (text) => resultsOf(peekJson(text)) !== undefined,
  parse: (text) => parseFunasr(text),
};
