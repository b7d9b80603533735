/**
 * Tencent Cloud ASR 录音文件识别 results (DescribeTaskStatus / the callback):
 * - JSON with `ResultDetail[]` (SentenceDetail: `FinalSentence`, `StartMs`/`EndMs`, `SpeakerId`,
 *   `Words[]`), found under `Response.Data`, `Data`, or at the top level;
 * - the `Result` text, in that JSON when there is no ResultDetail, or saved on its own as a .txt:
 *   one line per sentence, `[0:1.020,0:3.540,0]  text` (start, end as m:ss.fff or h:mm:ss.fff,
 *   and the speaker id when diarization was on).
 * - the callback (回调) body, saved as JSON: `text` (the Result lines) and `resultDetail` (the
 *   SentenceDetail list, as a JSON string since the body is form-encoded, or as a list).
 * Tencent gives no confidences in any form.
 */
import { sliceWhole } from '../model/cut.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, dig, isObject, objectAt, parseJson, peekJson } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { finishSegments, sentenceSegment, type SentenceFields } from './segments.js';
import type { Segment } from './segments.js';

const TIME = String.raw`(\d+(?::\d{1,2}){1,2}(?:\.\d{1,3})?)`;
/** `[0:1.020,0:3.540,0]  text` — the speaker id is there only with diarization. */
const LINE = new RegExp(String.raw`^\s*\[${TIME},${TIME}(?:,(\d+))?\]\s*(.*)$`);

function timeToMs(t: string): number {
  const [clock, frac = ''] = t.split('.');
  const parts = (clock as string).split(':').map(Number);
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  return seconds * 1000 + Number(frac.padEnd(3, '0'));
}

function isResultText(s: string): boolean {
  // Only the first non-blank line: sniffing must stay cheap on large files.
  const first = /^\s*([^\r\n]*)/.exec(s)?.[1];
  return first !== undefined && LINE.test(first);
}

/** Segments of a Result text; `lineOffset` places them in the file when the text is the file. */
export function parseResultText(text: string, lineOffset: number | undefined): Segment[] {
  const segments: Segment[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = LINE.exec(raw);
    const lineNo = lineOffset === undefined ? undefined : lineOffset + i;
    if (!m) {
      const place = lineNo === undefined ? `Result line ${i + 1}` : `line ${lineNo}`;
      throw new ParseFailure(`${place}: expected "[start,end,speaker] text", found "${sliceWhole(raw.trim(), 40)}"`, lineNo, lineNo === undefined ? undefined : 1);
    }
    const seg: Segment = { text: m[4] as string, startMs: timeToMs(m[1] as string), endMs: timeToMs(m[2] as string) };
    if (m[3] !== undefined) seg.channel = m[3];
    if (lineNo !== undefined) seg.line = lineNo;
    segments.push(seg);
  });
  return segments;
}

/** The callback body as the DescribeTaskStatus Data it mirrors: `resultDetail` → ResultDetail, `text` → Result. */
function callbackData(value: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(value) || !('requestId' in value) || !('resultDetail' in value || typeof value.text === 'string')) return undefined;
  let detail = value.resultDetail;
  if (typeof detail === 'string' && detail.trim() !== '') {
    try {
      detail = JSON.parse(detail) as JsonValue;
    } catch {
      detail = undefined; // broken: the `text` lines say the same sentences
    }
  }
  const data: JsonObject = {};
  if (Array.isArray(detail)) data.ResultDetail = detail;
  if (typeof value.text === 'string') data.Result = value.text;
  return Array.isArray(detail) || (typeof value.text === 'string' && isResultText(value.text)) ? data : undefined;
}

/** The object that holds ResultDetail / Result, wherever this export put it. */
function findData(value: JsonValue | undefined): JsonObject | undefined {
  const callback = callbackData(value);
  if (callback) return callback;
  for (const candidate of [dig(value, 'Response', 'Data'), dig(value, 'Data'), value]) {
    if (!isObject(candidate)) continue;
    if (Array.isArray(candidate.ResultDetail)) return candidate;
    const result = candidate.Result;
    if (typeof result === 'string' && (isResultText(result) || 'TaskId' in candidate || 'StatusStr' in candidate)) return candidate;
  }
  return undefined;
}

const DETAIL_FIELDS: SentenceFields = { text: ['FinalSentence'], startMs: 'StartMs', endMs: 'EndMs', channel: 'SpeakerId' };

export function parseTencent(text: string): ParsedTranscript {
  if (!/^\s*[[{]/.test(text) || isResultText(text)) {
    return finishSegments(parseResultText(text, 1), { explicitRoles: false, listName: 'the Result text' });
  }
  const data = findData(parseJson(text));
  if (!data) throw new ParseFailure('not a Tencent result: no ResultDetail or Result');
  const details = arrayAt(data, 'ResultDetail');
  // AudioDuration is in seconds.
  const recording = typeof data.AudioDuration === 'number' ? { recordingMs: data.AudioDuration * 1000 } : {};
  if (details && details.length > 0) {
    const segments = details.map((_, i) => sentenceSegment(objectAt(details, i, 'ResultDetail'), `ResultDetail[${i}]`, DETAIL_FIELDS));
    return finishSegments(segments, { explicitRoles: false, listName: 'ResultDetail', ...recording });
  }
  const result = typeof data.Result === 'string' ? data.Result : '';
  return finishSegments(parseResultText(result, undefined), { explicitRoles: false, listName: details ? 'ResultDetail' : 'Result', ...recording });
}

export const tencentReader: FormatReader = {
  name: 'tencent',
  sniff: (text) => isResultText(text) || findData(peekJson(text)) !== undefined,
  parse: (text) => parseTencent(text),
};
