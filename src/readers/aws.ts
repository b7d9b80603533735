/**
 * Amazon Transcribe results.
 * - Call Analytics (post-call): `Transcript[]` turns with `ParticipantRole` AGENT / CUSTOMER — the
 *   roles are explicit — `BeginOffsetMillis`/`EndOffsetMillis`, `Content`, and `Items[]` words with
 *   their `Confidence`. Amazon Connect Contact Lens writes the same turns with `ParticipantId`
 *   (AGENT, CUSTOMER, or an id its `Participants[]` gives a role) instead.
 * - Plain Transcribe: `results.audio_segments[]` (`transcript`, `start_time`/`end_time` in seconds as
 *   strings, `speaker_label` spk_0… or `channel_label` ch_0…); older outputs without segments are
 *   grouped from `results.items[]` by speaker (or channel) label. The oldest outputs put no label
 *   on `results.items[]`: the speaker is then in `results.speaker_labels.segments[]` (found by the
 *   word's start time), the channel in `results.channel_labels.channels[].items[]`.
 */
import type { Speaker } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { AudioChannels, FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { channelLayout, finishSegments, secondsToMs, SENTENCE_PAUSE_MS } from './segments.js';
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

/**
 * Contact Lens names the speaker of a turn by `ParticipantId` only (AGENT, CUSTOMER, or an id the
 * `Participants` list gives a `ParticipantRole`); Transcribe Call Analytics by `ParticipantRole`.
 */
function participantRoles(value: JsonValue | undefined): Map<string, string> {
  const roles = new Map<string, string>();
  for (const p of arrayAt(value, 'Participants') ?? []) {
    const id = isObject(p) ? idField(p, 'ParticipantId') : undefined;
    const role = isObject(p) && typeof p.ParticipantRole === 'string' ? p.ParticipantRole : undefined;
    if (id !== undefined && role !== undefined) roles.set(id, role);
  }
  return roles;
}

function analyticsSegments(turns: JsonValue[], roles: Map<string, string>): Segment[] {
  return turns.map((_, i) => {
    const where = `Transcript[${i}]`;
    const t = objectAt(turns, i, 'Transcript');
    const id = idField(t, 'ParticipantId');
    const role = stringField(t, 'ParticipantRole', where) ?? (id === undefined ? undefined : (roles.get(id) ?? (ROLES[id.toUpperCase()] ? id : undefined)));
    const speaker = role === undefined ? undefined : ROLES[role.toUpperCase()];
    // SYSTEM (an IVR prompt, a recorded message) is no one's: shown under its role, never judged.
    if (role !== undefined && speaker === undefined && role.toUpperCase() !== 'SYSTEM') {
      throw new ParseFailure(`${where}.ParticipantRole: expected AGENT, CUSTOMER or SYSTEM, found ${JSON.stringify(role)}`);
    }
    const seg: Segment = { text: stringField(t, 'Content', where) ?? '', speaker: speaker ?? 'unknown', at: where };
    if (speaker === undefined && role !== undefined) seg.label = role;
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

/**
 * Old outputs: one word per item; a new utterance starts where the speaker (or channel) changes,
 * or after a pause of SENTENCE_PAUSE_MS or more.
 */
function groupItems(items: JsonValue[], listName: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  items.forEach((_, i) => {
    const where = `${listName}[${i}]`;
    const item = objectAt(items, i, listName);
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
    const paused = start !== undefined && current?.endMs !== undefined && start - current.endMs >= SENTENCE_PAUSE_MS;
    if (!current || current.channel !== channel || paused) {
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

function hasLabel(item: JsonValue): boolean {
  return isObject(item) && (idField(item, 'speaker_label') !== undefined || idField(item, 'channel_label') !== undefined);
}

/** start_time → speaker, from the word lists of `speaker_labels.segments[]`. */
function speakerByStart(segments: JsonValue[]): Map<string, string> {
  const byStart = new Map<string, string>();
  for (const seg of segments) {
    const label = isObject(seg) ? idField(seg, 'speaker_label') : undefined;
    for (const item of arrayAt(seg, 'items') ?? []) {
      const start = isObject(item) ? idField(item, 'start_time') : undefined;
      if (label !== undefined && start !== undefined) byStart.set(start, idField(item as JsonObject, 'speaker_label') ?? label);
    }
  }
  return byStart;
}

/**
 * The channel lists merged into one list in time order: each word keeps the punctuation that
 * follows it in its channel, and carries its channel's label.
 */
function channelItems(channels: JsonValue[]): JsonValue[] {
  const units: Array<{ start: number; items: JsonObject[] }> = [];
  channels.forEach((ch, c) => {
    const label = isObject(ch) ? idField(ch, 'channel_label') : undefined;
    const items = arrayAt(ch, 'items') ?? [];
    items.forEach((_, i) => {
      const item = objectAt(items, i, `results.channel_labels.channels[${c}].items`);
      const labelled = label === undefined || hasLabel(item) ? item : { ...item, channel_label: label };
      const last = units[units.length - 1];
      const start = numberField(item, 'start_time', `results.channel_labels.channels[${c}].items[${i}]`);
      if (start === undefined && last && i > 0) last.items.push(labelled);
      else units.push({ start: start ?? last?.start ?? 0, items: [labelled] });
    });
  });
  // A stable sort: words of one channel keep their order.
  return units.sort((a, b) => a.start - b.start).flatMap((u) => u.items);
}

/** `results.items[]`, labelled from the older side lists when the items carry no label. */
function labelledItems(value: JsonValue | undefined): { items: JsonValue[]; listName: string } {
  const items = arrayAt(value, 'results', 'items') ?? [];
  const plain = { items, listName: 'results.items' };
  if (items.some(hasLabel)) return plain;
  const channels = arrayAt(value, 'results', 'channel_labels', 'channels');
  // Merged from the channel lists, a word's index is in no list of the file: name the whole.
  if (channels && channels.length > 0) return { items: channelItems(channels), listName: 'results.channel_labels (merged)' };
  const byStart = speakerByStart(arrayAt(value, 'results', 'speaker_labels', 'segments') ?? []);
  if (byStart.size === 0) return plain;
  const labelled = items.map((item) => {
    const start = isObject(item) ? idField(item, 'start_time') : undefined;
    const speaker = start === undefined ? undefined : byStart.get(start);
    return speaker === undefined ? item : { ...(item as JsonObject), speaker_label: speaker };
  });
  return { items: labelled, listName: 'results.items' };
}

/**
 * Channel identification (`channel_label`, `results.channel_labels`) labels the two channels of a
 * stereo recording: one channel alone is one side speaking. Speaker labels are diarization.
 */
function awsLayout(value: JsonValue | undefined, raw: JsonValue[], segments: readonly Segment[]): AudioChannels | undefined {
  const info = objectOrUndefined(value, 'results', 'channel_labels');
  const bySpeaker = raw.some((x) => isObject(x) && idField(x, 'speaker_label') !== undefined);
  const byChannel = info !== undefined || raw.some((x) => isObject(x) && idField(x, 'channel_label') !== undefined);
  if (bySpeaker || !byChannel) return undefined;
  const count = info ? (numberField(info, 'number_of_channels', 'results.channel_labels') ?? 0) : 0;
  const listed = (arrayAt(info, 'channels') ?? []).flatMap((c) => {
    const label = isObject(c) ? idField(c, 'channel_label') : undefined;
    return label === undefined ? [] : [label];
  });
  // AWS names its channels ch_0, ch_1 …: a silent channel counted but not listed is still named.
  for (let i = 0; i < count; i++) listed.push(`ch_${i}`);
  return { ...channelLayout(segments, listed, count), stereo: true };
}

function objectOrUndefined(value: JsonValue | undefined, ...path: string[]): JsonObject | undefined {
  let v = value;
  for (const key of path) v = isObject(v) ? v[key] : undefined;
  return isObject(v) ? v : undefined;
}

export function parseAws(text: string): ParsedTranscript {
  const value = parseJson(text);
  const kind = kindOf(value);
  if (kind === 'analytics') {
    return finishSegments(analyticsSegments(arrayAt(value, 'Transcript') ?? [], participantRoles(value)), {
      explicitRoles: true,
      listName: 'Transcript',
    });
  }
  if (kind === 'segments') {
    const raw = arrayAt(value, 'results', 'audio_segments') ?? [];
    const segments = audioSegments(raw);
    const layout = awsLayout(value, raw, segments);
    return finishSegments(segments, {
      explicitRoles: false,
      listName: 'results.audio_segments',
      ...(layout ? { audioChannels: layout } : {}),
    });
  }
  if (kind === 'items') {
    const { items, listName } = labelledItems(value);
    const segments = groupItems(items, listName);
    const layout = awsLayout(value, items, segments);
    return finishSegments(segments, { explicitRoles: false, listName, ...(layout ? { audioChannels: layout } : {}) });
  }
  throw new ParseFailure('not an AWS Transcribe result: no Transcript[] or results.transcripts');
}

export const awsReader: FormatReader = {
  name: 'aws',
  sniff: (text) => kindOf(peekJson(text)) !== undefined,
  parse: (text) => parseAws(text),
};
