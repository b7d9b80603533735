/**
 * The common tail of the vendor readers: a list of recognised segments → a ParsedTranscript.
 * Text is tidied the same way for every format (so one call reads the same whatever carried it),
 * word confidences are placed on the text, and an empty list is refused. Empty texts and time
 * sanity (negative, backwards, past 24 hours, overlapping) are left to readers/index.ts, which
 * handles them for every format alike and lists them as warnings; each segment says where it is
 * in the file (`at`) for those warnings.
 */
import type { CallMeta, ReadWarning, Speaker, WordConfidence } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { AudioChannels, ParsedTranscript, ParsedUtterance } from './types.js';
import { idField, numberField, stringField, type JsonObject } from './json-util.js';

export interface Segment {
  text: string;
  startMs?: number;
  endMs?: number;
  /** A role the format states itself (AWS Call Analytics, subtitle labels). */
  speaker?: Speaker;
  /** A vendor channel or speaker id, mapped to a role later. */
  channel?: string;
  /** Who spoke, for a speaker of no role (a subtitle's 主管：). */
  label?: string;
  confidence?: number;
  /** Recognised words with their confidence, in order; placed on `text` by searching. */
  words?: Array<{ text: string; confidence: number }>;
  line?: number;
  /** Where the segment is in the file (`segments[4]`), for messages about it. */
  at?: string;
}

/** The field names of a vendor's sentence object whose times are in milliseconds. */
export interface SentenceFields {
  /** Text fields, in order of preference (the first present is read). */
  text: readonly string[];
  startMs: string;
  endMs: string;
  /** The speaker or channel id, mapped to a role later. */
  channel: string;
}

/** A segment from one sentence object (`where`: its place in the file, for messages). */
export function sentenceSegment(o: JsonObject, where: string, fields: SentenceFields): Segment {
  let text: string | undefined;
  for (const name of fields.text) if ((text = stringField(o, name, where)) !== undefined) break;
  const seg: Segment = { text: text ?? '', at: where };
  const start = numberField(o, fields.startMs, where);
  const end = numberField(o, fields.endMs, where);
  if (start !== undefined) seg.startMs = start;
  if (end !== undefined) seg.endMs = end;
  const channel = idField(o, fields.channel);
  if (channel !== undefined) seg.channel = channel;
  return seg;
}

export interface FinishOptions {
  explicitRoles: boolean;
  roleSource?: string;
  meta?: CallMeta;
  warnings?: ReadWarning[];
  /** What the list was called in the file, for the "no utterances" message: 'Result.Sentences'. */
  listName: string;
  /** When the segments' channel ids are audio channels (see channelLayout). */
  audioChannels?: AudioChannels;
  /** How long the recording is, when the vendor says (ParsedTranscript.recordingMs). */
  recordingMs?: number;
}

/**
 * The channel layout of segments whose ids are audio channels: the ids they carry (empty texts
 * too: a channel of noise is still a channel), the channels the file lists apart, and whether the
 * file shows a second channel. A first channel alone ('0', 'ch_0') may be a mono recording's.
 */
export function channelLayout(segments: readonly Segment[], listed: readonly string[] = [], count = 0): AudioChannels {
  const named = new Set<string>();
  for (const s of segments) if (s.channel !== undefined) named.add(s.channel);
  for (const c of listed) named.add(c);
  // Channels are numbered from 0: a channel 1 means there is a channel 0, silent or not.
  for (const c of [...named]) {
    const m = /^(ch_)?(\d+)$/i.exec(c);
    for (let i = 0; m && i < Math.min(Number(m[2]), 8); i++) named.add(`${m[1] ?? ''}${i}`);
  }
  const ids = [...named];
  return { named: ids, stereo: count >= 2 || ids.length >= 2 || ids.some((c) => !/^(ch_)?0$/i.test(c)) };
}

const CJK = String.raw`\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef`;
const SPACE_NEXT_TO_CJK = new RegExp(String.raw`(?<=[${CJK}])\s+|\s+(?=[${CJK}])`, 'g');

/**
 * SenseVoice's tags for language, emotion and audio events (`<|zh|>`, `<|ANGRY|>`, `<|Speech|>`
 * … `<|/Speech|>`), left in the text by FunASR and DashScope: model tokens, not words spoken.
 */
const SPECIAL_TOKEN = /<\|\/?[A-Za-z_0-9-]{1,40}\|>/g;

/**
 * Drop model tokens, trim, and drop the spaces some recognisers put between Chinese words
 * (「您好 ， 康泰鑫 客服」): Chinese is written without them, and they would make one call read differently per vendor.
 * Spaces between Latin words stay.
 */
export function tidyText(text: string): string {
  return text.replace(SPECIAL_TOKEN, '').trim().replace(SPACE_NEXT_TO_CJK, '');
}

/**
 * Word-level outputs (AWS items) are cut into utterances where a speaker is silent this long, as
 * sentence recognisers cut theirs: else 「请您稍等」, 40 s of hold and 「感谢您的耐心等待」 are one
 * utterance with no silence in it — no hold, no dead air, and a speech rate measured over the
 * wait. Matches thresholds.turn_gap_ms: closer words would be one turn anyway.
 */
export const SENTENCE_PAUSE_MS = 1000;

/** Seconds (Whisper, AWS plain) → whole milliseconds, without float noise (1.02 s → 1020 ms). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** Place each word on the text, in order; words that cannot be found (ITN, punctuation) are skipped. */
export function placeWords(text: string, words: ReadonlyArray<{ text: string; confidence: number }>): WordConfidence[] {
  const placed: WordConfidence[] = [];
  let from = 0;
  for (const w of words) {
    const word = tidyText(w.text);
    if (word === '' || !Number.isFinite(w.confidence)) continue;
    const at = text.indexOf(word, from);
    if (at < 0) continue;
    placed.push({ start: at, end: at + word.length, confidence: w.confidence });
    from = at + word.length;
  }
  return placed;
}

export function finishSegments(segments: readonly Segment[], opts: FinishOptions): ParsedTranscript {
  if (segments.length === 0) throw new ParseFailure(`no utterances (${opts.listName} is empty)`);
  const utterances = segments.map((s): ParsedUtterance => {
    const text = tidyText(s.text);
    const u: ParsedUtterance = { text };
    if (s.speaker !== undefined) u.speaker = s.speaker;
    if (s.channel !== undefined) u.channel = s.channel;
    if (s.label !== undefined) u.label = s.label;
    if (s.startMs !== undefined) u.startMs = s.startMs;
    if (s.endMs !== undefined) u.endMs = s.endMs;
    if (s.line !== undefined) u.line = s.line;
    if (s.at !== undefined) u.at = s.at;
    if (s.confidence !== undefined && Number.isFinite(s.confidence)) u.confidence = s.confidence;
    if (s.words && s.words.length > 0) {
      const words = placeWords(text, s.words);
      if (words.length > 0) u.words = words;
    }
    return u;
  });
  const parsed: ParsedTranscript = {
    meta: opts.meta ?? {},
    utterances,
    warnings: opts.warnings ?? [],
    explicitRoles: opts.explicitRoles,
  };
  if (opts.roleSource !== undefined) parsed.roleSource = opts.roleSource;
  if (opts.audioChannels !== undefined) parsed.audioChannels = opts.audioChannels;
  if (opts.recordingMs !== undefined && Number.isFinite(opts.recordingMs) && opts.recordingMs > 0) parsed.recordingMs = opts.recordingMs;
  return parsed;
}
