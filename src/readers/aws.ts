/**
 * Amazon Transcribe results.
 * - Call Analytics (post-call): `Transcript[]` turns with `ParticipantRole` AGENT / CUSTOMER — the
 *   roles are explicit — `BeginOffsetMillis`/`EndOffsetMillis`, `Content`, and `Items[]` words with
 *   their `Confidence`.
 * - Plain Transcribe: `results.audio_segments[]` (`transcript`, `start_time`/`end_time` in seconds as
 *   strings, `speaker_label` spk_0… or `channel_label` ch_0…); older outputs without segments are
 *   grouped from `results.items[]` by speaker (or channel) label.
 */
import type { Speaker } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { finishSegments, secondsToMs } from './segments.js';
import type { Segment } from './segments.js';

type Kind = 'analytics' | 'segments' | 'items';

function kindOf(value: JsonValue | undefined): Kind | undefined {
  const turns = arrayAt(value, 'Transcript');
  if (turns && (turns.length === 0 || (isObject(turns[0]) && ('ParticipantRole' in turns[0] || 'BeginOffsetMillis' in turns[0])))) {
    return 'analytics';
  }
  if (!arrayAt(value, 'results', 'transcripts')) return undefined;
  return arrayAt(value, 'results', 'audio_segments') ? 'segments' : 'items';
}

const ROLES: Record<string, Speaker> = { AGENT: 'agent', CUSTOMER: 'customer' };

function wordsOf(items: JsonValue[] | undefined, where: string): Segment['words'] {
  const words: NonNullable<Segment['words']> = [];
  (items ?? []).forEach((_, i) => {
    const item = objectAt(items ?? [], i, `${where}.Items`);
    const confidence = numberField(item, 'Confidence', `${where}.Items[${i}]`);
    const content = stringField(item, 'Content', `${where}.Items[${i}]`);
    if (content !== undefined && confidence !== undefined && item.Type !== 'punctuation') words.push({ text: content, confidence });
  });
  return words;
}

function analyticsSegments(turns: JsonValue[]): Segment[] {
  return turns.map((_, i) => {
    const where = `Transcript[${i}]`;
    const t = objectAt(turns, i, 'Transcript');
    const role = stringField(t, 'ParticipantRole', where);
    const speaker = role === undefined ? undefined : ROLES[role.toUpperCase()];
    if (role !== undefined && speaker === undefined) {
      throw new ParseFailure(`${where}.ParticipantRole: expected AGENT or CUSTOMER, found ${JSON.stringify(role)}`);
    }
    const seg: Segment = { text: stringField(t, 'Content', where) ?? '', speaker: speaker ?? 'unknown', at: where };
    const start = numberField(t, 'BeginOffsetMillis', where);
    const end = numberField(t, 'EndOffsetMillis', where);
    if (start !== undefined) seg.startMs = start;
    if (end !== undefined) seg.endMs = end;
    const words = wordsOf(arrayAt(t, 'Items'), where);
    if (words && words.length > 0) seg.words = words;
    return seg;
  });
}

function seconds(obj: JsonObject, key: string, where: string): number | undefined {
  const s = numberField(obj, key, where);
  return s === undefined ? undefined : secondsToMs(s);
}

function audioSegments(list: JsonValue[]): Segment[] {
  return list.map((_, i) => {
    const where = `results.audio_segments[${i}]`;
    const s = objectAt(list, i, 'results.audio_segments');
    const seg: Segment = { text: stringField(s, 'transcript', where) ?? '', at: where };
    const channel = idField(s, 'speaker_label') ?? idField(s, 'channel_label');
    if (channel !== undefined) seg.channel = channel;
    const start = seconds(s, 'start_time', where);
    const end = seconds(s, 'end_time', where);
    if (start !== undefined) seg.startMs = start;
    if (end !== undefined) seg.endMs = end;
    return seg;
  });
}

/** Old outputs: one word per item; a new utterance starts where the speaker (or channel) changes. */
function groupItems(items: JsonValue[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  items.forEach((_, i) => {
    const where = `results.items[${i}]`;
    const item = objectAt(items, i, 'results.items');
    const alt = arrayAt(item, 'alternatives')?.[0];
    const content = isObject(alt) ? (stringField(alt, 'content', `${where}.alternatives[0]`) ?? '') : '';
    const confidence = isObject(alt) ? numberField(alt, 'confidence', `${where}.alternatives[0]`) : undefined;
    if (item.type === 'punctuation') {
      if (current) current.text += content;
      return;
    }
    const channel = idField(item, 'speaker_label') ?? idField(item, 'channel_label');
    const start = seconds(item, 'start_time', where);
    const end = seconds(item, 'end_time', where);
    if (!current || current.channel !== channel) {
      current = { text: '', words: [], at: where };
      if (channel !== undefined) current.channel = channel;
      if (start !== undefined) current.startMs = start;
      segments.push(current);
    }
    current.text += current.text === '' || !/^[A-Za-z0-9]/.test(content) ? content : ` ${content}`;
    if (end !== undefined) current.endMs = end;
    if (confidence !== undefined) current.words?.push({ text: content, confidence });
  });
  return segments;
}

export function parseAws(text: string): ParsedTranscript {
  const value = parseJson(text);
  const kind = kindOf(value);
  if (kind === 'analytics') {
    return finishSegments(analyticsSegments(arrayAt(value, 'Transcript') ?? []), {
      explicitRoles: true,
      listName: 'Transcript',
    });
  }
  if (kind === 'segments') {
    return finishSegments(audioSegments(arrayAt(value, 'results', 'audio_segments') ?? []), {
      explicitRoles: false,
      listName: 'results.audio_segments',
    });
  }
  if (kind === 'items') {
    return finishSegments(groupItems(arrayAt(value, 'results', 'items') ?? []), { explicitRoles: false, listName: 'results.items' });
  }
  throw new ParseFailure('not an AWS Transcribe result: no Transcript[] or results.transcripts');
}

export const awsReader: FormatReader = {
  name: 'aws',
  sniff: (text) => kindOf(peekJson(text)) !== undefined,
  parse: (text) => parseAws(text),
};
