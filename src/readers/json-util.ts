/**
 * Shared helpers of the vendor JSON readers: one cached JSON.parse per text (sniff and parse ask
 * for the same text in turn), syntax errors located by line and column, typed field access, and the
 * last JSON reader, which claims any JSON no vendor reader took so it never reaches the plain reader.
 */
import { ParseFailure } from './types.js';
import type { FormatReader } from './types.js';
import { offsetToLineColumn, syntaxErrorOffset } from './json-position.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

type Parsed = { ok: true; value: JsonValue } | { ok: false; error: SyntaxError };

// One entry is enough: the registry sniffs one text with every reader, then parses it.
let cache: { text: string; parsed: Parsed } | undefined;

function parseCached(text: string): Parsed {
  if (cache?.text === text) return cache.parsed;
  let parsed: Parsed;
  try {
    parsed = { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (err) {
    parsed = { ok: false, error: err instanceof SyntaxError ? err : new SyntaxError(String(err)) };
  }
  cache = { text, parsed };
  return parsed;
}

/**
 * Does the text look like JSON at all? `{…`, or `[` followed by `{`, `[`, `"` or `]`. A bare `[` is
 * not enough: plain transcripts start with `[00:00.0-00:03.2]` and Tencent's text result with
 * `[0:1.020,0:3.540,0]`.
 */
export function looksLikeJson(text: string): boolean {
  const m = /^\s*([[{])\s*(.?)/.exec(text);
  if (!m) return false;
  if (m[1] === '{') return true;
  return m[2] === '' || '{["]'.includes(m[2] as string) || parseCached(text).ok;
}

/** The parsed value for a sniff: undefined when the text is not JSON or not valid JSON. */
export function peekJson(text: string): JsonValue | undefined {
  if (!looksLikeJson(text)) return undefined;
  const parsed = parseCached(text);
  return parsed.ok ? parsed.value : undefined;
}

/** Parse the whole file; a syntax error becomes a ParseFailure with its line and column. */
export function parseJson(text: string): JsonValue {
  const parsed = parseCached(text);
  if (parsed.ok) return parsed.value;
  const offset = syntaxErrorOffset(parsed.error.message, text);
  const { line, column } = offsetToLineColumn(text, offset);
  throw new ParseFailure(`invalid JSON: ${describeSyntaxError(parsed.error.message)} at line ${line}, column ${column}`, line, column);
}

/** V8's message without its own position or its quote of the text (we give line and column). */
export function describeSyntaxError(message: string): string {
  return message
    .replace(/,? ?(?:"[^]*"|\.\.\.[^]*) is not valid JSON$/, '')
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .trim();
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follow keys down nested objects; undefined as soon as one is missing. */
export function dig(v: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let at = v;
  for (const key of keys) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

export function arrayAt(v: JsonValue | undefined, ...keys: string[]): JsonValue[] | undefined {
  const at = dig(v, ...keys);
  return Array.isArray(at) ? at : undefined;
}

/** A number, or a numeric string (iFlytek writes its times as strings); undefined when absent. */
export function numberField(obj: JsonObject, key: string, where: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would show as null.
  if (typeof v === 'number' && !Number.isFinite(v)) throw new ParseFailure(`${where}.${key}: number out of range (too large to represent)`);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n)) throw new ParseFailure(`${where}.${key}: expected a number, found ${JSON.stringify(v)}`);
  return n;
}

/** Text field: a string, or undefined when absent or null. */
export function stringField(obj: JsonObject, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ParseFailure(`${where}.${key}: expected text, found ${JSON.stringify(v)}`);
  return v;
}

/** A channel or speaker id as the roles step wants it: '0', '1', 'SPEAKER_00' …; undefined when absent. */
export function idField(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

/** The object at `list[i]`, or a ParseFailure naming the place. */
export function objectAt(list: JsonValue[], i: number, where: string): JsonObject {
  const item = list[i];
  if (!isObject(item)) throw new ParseFailure(`${where}[${i}]: expected an object, found ${describeValue(item)}`);
  return item;
}

export function describeValue(v: JsonValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/** Keys that tell which vendor a broken or unknown JSON was meant to be. */
const VENDOR_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/"(?:Sentences|sentences)"\s*:/, 'Alibaba'],
  [/"Paragraphs"\s*:/, 'Alibaba Tingwu'],
  [/"(?:ResultDetail|FinalSentence)"\s*:/, 'Tencent'],
  [/"(?:orderResult|json_1best|onebest)"\s*:|\\"onebest\\"/, 'iFlytek'],
  [/"(?:ParticipantRole|BeginOffsetMillis)"\s*:|"results"\s*:\s*\{\s*"transcripts"/, 'AWS Transcribe'],
  [/"recognizedPhrases"\s*:/, 'Azure Speech'],
  [/"segments"\s*:/, 'Whisper'],
  [/"sentence_info"\s*:/, 'FunASR'],
];

function vendorHint(text: string): string {
  const head = text.slice(0, 4096);
  const hit = VENDOR_HINTS.find(([re]) => re.test(head));
  return hit ? ` (it looks like ${hit[1]} output)` : '';
}

function shape(value: JsonValue): string {
  if (Array.isArray(value)) return `a top-level list of ${value.length} item(s)`;
  if (!isObject(value)) return `a bare ${value === null ? 'null' : typeof value}`;
  const keys = Object.keys(value);
  const shown = keys.slice(0, 8).join(', ') + (keys.length > 8 ? ` … (${keys.length} keys)` : '');
  return `top-level keys ${shown || '(none)'}`;
}

/** Keys under which vendors say how a recognition task ended (Alibaba, Tencent, AWS, Azure, iFlytek). */
const STATUS_KEYS = new Set(['status', 'statustext', 'statusstr', 'transcriptionjobstatus', 'state']);
/** Keys under which they say why it failed. */
const REASON_KEYS = new Set(['errormsg', 'errormessage', 'failurereason', 'error', 'message', 'descinfo', 'failed']);
const FAILED_STATUS = /fail|error|exceed|too_large|invalid|timeout/i;

/**
 * Why the recognition task behind this JSON failed, when the export says so: Alibaba's
 * `StatusText: FILE_DOWNLOAD_FAILED`, Tencent's `StatusStr: failed` with its `ErrorMsg`, AWS's
 * `FAILED` with a `FailureReason`, iFlytek v1's non-zero `err_no` with its `failed`. Such a file
 * has no transcript; the QA user needs the vendor's
 * words (re-run the recognition), not "JSON of unknown shape". Looks three levels deep.
 */
export function vendorTaskFailure(value: JsonValue | undefined): string | undefined {
  const found: string[] = [];
  let failed = false;
  const visit = (v: JsonValue | undefined, depth: number): void => {
    if (!isObject(v) || depth > 3) return;
    for (const [key, field] of Object.entries(v)) {
      const k = key.toLowerCase();
      if (typeof field === 'string' && STATUS_KEYS.has(k) && FAILED_STATUS.test(field)) {
        failed = true;
        found.push(`${key} ${field}`);
      } else if (typeof field === 'number' && k === 'err_no' && field !== 0) {
        // iFlytek lfasr v1: `err_no` 0 is success, anything else a failed task.
        failed = true;
        found.push(`${key} ${field}`);
      } else if (typeof field === 'string' && field.trim() !== '' && REASON_KEYS.has(k)) found.push(`${key} "${field.trim().slice(0, 200)}"`);
      else if (isObject(field)) visit(field, depth + 1);
    }
  };
  visit(value, 1);
  return failed ? `the speech-recognition task failed (${found.join(', ')}): no transcript to score; re-run the recognition` : undefined;
}

/**
 * The last JSON reader: any JSON that no vendor reader claimed. Broken JSON gets its located
 * syntax error; valid JSON of an unknown shape is refused with what it holds, never handed to
 * the plain reader to fail as "no speaker labels".
 */
export const jsonUnknownReader: FormatReader = {
  name: 'json',
  sniff: (text) => looksLikeJson(text),
  parse(text) {
    let value: JsonValue;
    try {
      value = parseJson(text);
    } catch (err) {
      if (err instanceof ParseFailure) throw new ParseFailure(err.message + vendorHint(text), err.line, err.column);
      throw err;
    }
    throw new ParseFailure(
      `JSON of unknown shape: ${shape(value)}; expected Alibaba (or Tingwu), Tencent, iFlytek, AWS, Azure, Whisper or FunASR transcript JSON${vendorHint(text)}`,
    );
  },
};
