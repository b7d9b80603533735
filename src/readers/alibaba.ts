/**
 * Alibaba Cloud 录音文件识别 (recording-file recognition) results:
 * - the classic API: `Result.Sentences[]` with `ChannelId`, `BeginTime`/`EndTime` (ms), `Text`,
 *   `SpeakerId` when diarization is on, and `EmotionValue`, `SilenceDuration`, `SpeechRate`;
 * - the newer snake_case results: `result.sentences[]` (`channel_id`, `begin_time`, `end_time`,
 *   `text`, `speaker_id`), and Paraformer's `transcripts[]` (one per channel, `channel_id` on the
 *   transcript) whose sentences are merged by start time.
 * The channel is the SpeakerId when present (diarized mono), else the ChannelId (dual-track).
 */
import { ParseFailure } from './types.js';
import type { AudioChannels, FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, dig, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { channelLayout, finishSegments } from './segments.js';
import type { Segment } from './segments.js';

interface Keys {
  channel: string;
  speaker: string;
  begin: string;
  end: string;
  text: string;
  confidence: string;
}

const CAMEL: Keys = { channel: 'ChannelId', speaker: 'SpeakerId', begin: 'BeginTime', end: 'EndTime', text: 'Text', confidence: 'Confidence' };
const SNAKE: Keys = { channel: 'channel_id', speaker: 'speaker_id', begin: 'begin_time', end: 'end_time', text: 'text', confidence: 'confidence' };

interface Found {
  /** Sentence lists with where they are, and the channel of the list when it is per transcript. */
  lists: Array<{ where: string; sentences: JsonValue[]; channel?: string }>;
  keys: Keys;
}

function hasSentenceKeys(list: JsonValue[], keys: Keys): boolean {
  const first = list[0];
  return first === undefined || (isObject(first) && (keys.begin in first || keys.text in first));
}

function find(value: JsonValue | undefined): Found | undefined {
  const camel = arrayAt(value, 'Result', 'Sentences') ?? arrayAt(value, 'Sentences');
  if (camel && hasSentenceKeys(camel, CAMEL)) {
    return { lists: [{ where: arrayAt(value, 'Sentences') ? 'Sentences' : 'Result.Sentences', sentences: camel }], keys: CAMEL };
  }
  const snake = arrayAt(value, 'result', 'sentences');
  if (snake && hasSentenceKeys(snake, SNAKE)) return { lists: [{ where: 'result.sentences', sentences: snake }], keys: SNAKE };
  const transcripts = arrayAt(value, 'transcripts');
  if (transcripts && transcripts.length > 0 && transcripts.every((t) => Array.isArray(arrayAt(t, 'sentences')))) {
    const lists = transcripts.map((t, i) => {
      const list: Found['lists'][number] = { where: `transcripts[${i}].sentences`, sentences: arrayAt(t, 'sentences') ?? [] };
      const channel = isObject(t) ? idField(t, 'channel_id') : undefined;
      if (channel !== undefined) list.channel = channel;
      return list;
    });
    return { lists, keys: SNAKE };
  }
  return undefined;
}

function toSegment(s: JsonObject, keys: Keys, where: string, listChannel: string | undefined): Segment {
  const seg: Segment = { text: stringField(s, keys.text, where) ?? '', at: where };
  const channel = idField(s, keys.speaker) ?? idField(s, keys.channel) ?? listChannel;
  if (channel !== undefined) seg.channel = channel;
  const start = numberField(s, keys.begin, where);
  const end = numberField(s, keys.end, where);
  if (start !== undefined) seg.startMs = start;
  if (end !== undefined) seg.endMs = end;
  const confidence = numberField(s, keys.confidence, where);
  if (confidence !== undefined) seg.confidence = confidence;
  return seg;
}

/**
 * Without a SpeakerId the ids are the recording's channels (dual-track), so a call where only one
 * channel speaks is one side speaking. Paraformer names its channels in `properties.channels` and
 * gives each its own transcript, an empty one for a silent channel.
 */
function audioLayout(value: JsonValue | undefined, found: Found, segments: readonly Segment[]): AudioChannels | undefined {
  const diarized = found.lists.some((l) => l.sentences.some((s) => isObject(s) && idField(s, found.keys.speaker) !== undefined));
  if (diarized || !segments.some((s) => s.channel !== undefined)) return undefined;
  const listed = found.lists.flatMap((l) => (l.channel === undefined ? [] : [l.channel]));
  const properties = arrayAt(value, 'properties', 'channels') ?? [];
  for (const c of properties) if (typeof c === 'number' || typeof c === 'string') listed.push(String(c));
  return channelLayout(segments, listed);
}

export function parseAlibaba(text: string): ParsedTranscript {
  const parsedValue = parseJson(text);
  const found = find(parsedValue);
  if (!found) throw new ParseFailure('not an Alibaba result: no Result.Sentences, result.sentences or transcripts[].sentences');
  const segments: Segment[] = [];
  for (const list of found.lists) {
    list.sentences.forEach((_, i) => {
      const where = `${list.where}[${i}]`;
      segments.push(toSegment(objectAt(list.sentences, i, list.where), found.keys, where, list.channel));
    });
  }
  // Paraformer lists each channel apart; one call is read in time order.
  if (found.lists.length > 1) segments.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
  const listName = found.lists.map((l) => l.where).join(', ');
  const layout = audioLayout(parsedValue, found, segments);
  // RecDuration: the recording's length in ms (file transcription).
  const recDuration = dig(parsedValue, 'RecDuration');
  const recording = typeof recDuration === 'number' ? { recordingMs: recDuration } : {};
  return finishSegments(segments, { explicitRoles: false, listName, ...(layout ? { audioChannels: layout } : {}), ...recording });
}

export const alibabaReader: FormatReader = {
  name: 'alibaba',
  sniff: (text) => find(peekJson(text)) !== undefined,
  parse: (text) => parseAlibaba(text),
};
