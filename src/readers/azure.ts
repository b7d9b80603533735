/**
 * Azure AI Speech batch transcription results: `recognizedPhrases[]` with `offsetInTicks` /
 * `durationInTicks` (100 ns ticks), `speaker` (diarization, numbered from 1) or `channel` (0, 1),
 * and `nBest[0]` with `display` (fall back to `lexical`), `confidence`, and `words[]` whose
 * `confidence` is there when word-level confidence was asked for. The fast-transcription shape
 * (`phrases[]` with `offsetMilliseconds` / `durationMilliseconds`, `text`, `confidence`) is read too.
 * The real-time SDK's results, saved one JSON per phrase into a list (`[{ RecognitionStatus,
 * Offset, Duration (ticks), DisplayText, NBest, Channel, SpeakerId }]`), are read too.
 * Phrases whose recognitionStatus is not Success carry no text and are counted in one warning.
 */
import type { ReadWarning } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { AudioChannels, FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, idField, isObject, numberField, objectAt, parseJson, peekJson, stringField } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { channelLayout, finishSegments } from './segments.js';
import type { Segment } from './segments.js';

const TICKS_PER_MS = 10_000;

type Kind = 'batch' | 'fast' | 'realtime';

/** A real-time SDK result: PascalCase, a status and a text. */
function isRealtimeResult(v: JsonValue | undefined): boolean {
  return isObject(v) && typeof v.RecognitionStatus === 'string' && ('DisplayText' in v || 'NBest' in v) && 'Offset' in v;
}

function kindOf(value: JsonValue | undefined): Kind | undefined {
  if (arrayAt(value, 'recognizedPhrases')) return 'batch';
  if (Array.isArray(value) && value.length > 0 && isRealtimeResult(value[0])) return 'realtime';
  const phrases = arrayAt(value, 'phrases');
  if (phrases && (arrayAt(value, 'combinedPhrases') || (isObject(phrases[0]) && 'offsetMilliseconds' in phrases[0]))) return 'fast';
  return undefined;
}

function voice(p: JsonObject): string | undefined {
  return idField(p, 'speaker') ?? idField(p, 'channel');
}

function words(list: JsonValue[] | undefined): Segment['words'] {
  const out: NonNullable<Segment['words']> = [];
  for (const w of list ?? []) {
    if (!isObject(w) || typeof w.word !== 'string' || typeof w.confidence !== 'number') continue;
    out.push({ text: w.word, confidence: w.confidence });
  }
  return out;
}

function batchSegment(p: JsonObject, where: string): Segment | undefined {
  const status = stringField(p, 'recognitionStatus', where);
  if (status !== undefined && status !== 'Success') return undefined;
  const best = arrayAt(p, 'nBest')?.[0];
  if (!isObject(best)) throw new ParseFailure(`${where}: no nBest[0] recognition`);
  const seg: Segment = { text: stringField(best, 'display', `${where}.nBest[0]`) || (stringField(best, 'lexical', `${where}.nBest[0]`) ?? ''), at: where };
  const channel = voice(p);
  if (channel !== undefined) seg.channel = channel;
  const offset = numberField(p, 'offsetInTicks', where);
  const duration = numberField(p, 'durationInTicks', where);
  if (offset !== undefined) seg.startMs = Math.round(offset / TICKS_PER_MS);
  if (offset !== undefined && duration !== undefined) seg.endMs = Math.round((offset + duration) / TICKS_PER_MS);
  const confidence = numberField(best, 'confidence', `${where}.nBest[0]`);
  if (confidence !== undefined) seg.confidence = confidence;
  const ws = words(arrayAt(best, 'words'));
  if (ws && ws.length > 0) seg.words = ws;
  return seg;
}

function fastSegment(p: JsonObject, where: string): Segment {
  const seg: Segment = { text: stringField(p, 'text', where) ?? '', at: where };
  const channel = voice(p);
  if (channel !== undefined) seg.channel = channel;
  const offset = numberField(p, 'offsetMilliseconds', where);
  const duration = numberField(p, 'durationMilliseconds', where);
  if (offset !== undefined) seg.startMs = offset;
  if (offset !== undefined && duration !== undefined) seg.endMs = offset + duration;
  const confidence = numberField(p, 'confidence', where);
  if (confidence !== undefined) seg.confidence = confidence;
  const ws = words(arrayAt(p, 'words'));
  if (ws && ws.length > 0) seg.words = ws;
  return seg;
}

function realtimeSegment(p: JsonObject, where: string): Segment | undefined {
  if (stringField(p, 'RecognitionStatus', where) !== 'Success') return undefined;
  const best = arrayAt(p, 'NBest')?.[0];
  const bestDisplay = isObject(best) ? stringField(best, 'Display', `${where}.NBest[0]`) : undefined;
  const seg: Segment = { text: stringField(p, 'DisplayText', where) || (bestDisplay ?? ''), at: where };
  const channel = idField(p, 'SpeakerId') ?? idField(p, 'Channel');
  // The conversation transcriber says "Unknown" for a voice it has not placed: no speaker.
  if (channel !== undefined && channel !== 'Unknown') seg.channel = channel;
  const offset = numberField(p, 'Offset', where);
  const duration = numberField(p, 'Duration', where);
  if (offset !== undefined) seg.startMs = Math.round(offset / TICKS_PER_MS);
  if (offset !== undefined && duration !== undefined) seg.endMs = Math.round((offset + duration) / TICKS_PER_MS);
  const confidence = isObject(best) ? numberField(best, 'Confidence', `${where}.NBest[0]`) : undefined;
  if (confidence !== undefined) seg.confidence = confidence;
  return seg;
}

const SEGMENT_OF: Record<Kind, (p: JsonObject, where: string) => Segment | undefined> = {
  batch: batchSegment,
  fast: fastSegment,
  realtime: realtimeSegment,
};

/**
 * Phrases told apart by `channel` alone are the channels of the recording: one channel alone is
 * one side speaking. The combined results list every channel, a silent one too.
 */
function azureLayout(value: JsonValue | undefined, list: JsonValue[], segments: readonly Segment[]): AudioChannels | undefined {
  const has = (key: string) => list.some((p) => isObject(p) && idField(p, key) !== undefined);
  if (has('speaker') || has('SpeakerId') || !(has('channel') || has('Channel'))) return undefined;
  const combined = arrayAt(value, 'combinedRecognizedPhrases') ?? arrayAt(value, 'combinedPhrases') ?? [];
  const listed = combined.flatMap((c) => {
    const channel = isObject(c) ? idField(c, 'channel') : undefined;
    return channel === undefined ? [] : [channel];
  });
  return channelLayout(segments, listed);
}

export function parseAzure(text: string): ParsedTranscript {
  const value = parseJson(text);
  const kind = kindOf(value);
  if (!kind) throw new ParseFailure('not an Azure Speech result: no recognizedPhrases');
  const key = kind === 'batch' ? 'recognizedPhrases' : kind === 'fast' ? 'phrases' : '';
  const list = (kind === 'realtime' ? (value as JsonValue[]) : arrayAt(value, key)) ?? [];
  const segments: Segment[] = [];
  let failed = 0;
  list.forEach((_, i) => {
    const p = objectAt(list, i, key);
    const seg = SEGMENT_OF[kind](p, `${key}[${i}]`);
    if (seg) segments.push(seg);
    else failed++;
  });
  // Multi-channel results may list each channel's phrases apart; one call is read in time order.
  segments.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
  const warnings: ReadWarning[] = [];
  if (failed > 0) warnings.push({ message: `${failed} phrase(s) not recognised (recognitionStatus not Success) skipped` });
  const listName = key || 'the list of results';
  if (segments.length === 0 && failed > 0) throw new ParseFailure(`no utterances (no phrase in ${listName} was recognised)`);
  const layout = azureLayout(value, list, segments);
  return finishSegments(segments, { explicitRoles: false, listName, warnings, ...(layout ? { audioChannels: layout } : {}) });
}

export const azureReader: FormatReader = {
  name: 'azure',
  sniff: (text) => kindOf(peekJson(text)) !== undefined,
  parse: (text) => parseAzure(text),
};
