/**
 * iFlytek 录音文件转写 (lfasr, getResult) results. `content.orderResult` (or a top-level
 * `orderResult`) is a JSON *string*; inside it `lattice[]` items carry `json_1best`, again a JSON
 * string, holding `st: { bg, ed, rl, rt: [{ ws: [{ cw: [{ w, wc, wp }] }] }] }` — times in ms as
 * strings, `rl` the separated role (speaker) number, `wc` the word confidence. `lattice2` (the
 * unsmoothed result) has `json_1best` as an object; it is read when `lattice` is absent.
 * Syntax errors inside the nested strings are traced back to their line and column in the file.
 * The first lfasr API (v1, `raasr.xfyun.cn/api/getResult`) answers `{ data, err_no, failed, ok }`
 * where `data` is a JSON string of sentences `{ bg, ed, onebest, speaker }` (ms as strings;
 * speaker 0 everywhere when separation was off, 1, 2 … when on).
 */
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { arrayAt, describeSyntaxError, dig, idField, isObject, numberField, objectAt, parseJson, peekJson } from './json-util.js';
import type { JsonObject, JsonValue } from './json-util.js';
import { findStringValue, offsetToLineColumn, rawOffsetInLiteral, syntaxErrorOffset } from './json-position.js';
import { finishSegments, sentenceSegment, type SentenceFields } from './segments.js';
import type { Segment } from './segments.js';

/** Maps an offset in a decoded nested string to an offset in the file. */
type ToFile = (offset: number) => number | undefined;

function orderResultOf(value: JsonValue | undefined): { result: JsonValue; path: string } | undefined {
  for (const path of [['content', 'orderResult'], ['orderResult']] as const) {
    const at = dig(value, ...path);
    if (typeof at === 'string' || isObject(at)) return { result: at, path: path.join('.') };
  }
  // An orderResult already taken out of its envelope and saved on its own.
  if (Array.isArray(dig(value, 'lattice')) || Array.isArray(dig(value, 'lattice2'))) return { result: value as JsonValue, path: '' };
  return undefined;
}

/** JSON.parse a nested string; a syntax error names `what` and is placed in the file when possible. */
function parseNested(source: string, what: string, toFile: ToFile, fileText: string): JsonValue {
  try {
    return JSON.parse(source) as JsonValue;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const inner = syntaxErrorOffset(message, source);
    const fileOffset = toFile(inner);
    const reason = describeSyntaxError(message);
    if (fileOffset === undefined) throw new ParseFailure(`${what}: invalid JSON inside the string: ${reason}`);
    const { line, column } = offsetToLineColumn(fileText, fileOffset);
    throw new ParseFailure(`${what}: invalid JSON inside the string: ${reason} at line ${line}, column ${column}`, line, column);
  }
}

function words(st: JsonObject, where: string): { text: string; words: Array<{ text: string; confidence: number }> } {
  let text = '';
  const list: Array<{ text: string; confidence: number }> = [];
  for (const rt of arrayAt(st, 'rt') ?? []) {
    for (const ws of arrayAt(rt, 'ws') ?? []) {
      const cw = arrayAt(ws, 'cw')?.[0];
      if (!isObject(cw) || cw.wp === 'g') continue; // 'g' marks a paragraph break, not a word
      const w = typeof cw.w === 'string' ? cw.w : '';
      text += w;
      const wc = numberField(cw, 'wc', `${where}.cw`);
      if (w !== '' && wc !== undefined && cw.wp !== 'p') list.push({ text: w, confidence: wc });
    }
  }
  // wc is 0 everywhere when the order did not ask for confidences: that is "unknown", not "0".
  return { text, words: list.some((w) => w.confidence > 0) ? list : [] };
}

function segmentOf(best: JsonValue, where: string): Segment {
  const st = dig(best, 'st');
  if (!isObject(st)) throw new ParseFailure(`${where}: no "st" sentence object in json_1best`);
  const { text, words: ws } = words(st, where);
  const seg: Segment = { text, at: where };
  const bg = numberField(st, 'bg', `${where}.st`);
  const ed = numberField(st, 'ed', `${where}.st`);
  if (bg !== undefined) seg.startMs = bg;
  if (ed !== undefined) seg.endMs = ed;
  const rl = idField(st, 'rl');
  if (rl !== undefined) seg.channel = rl;
  if (ws.length > 0) seg.words = ws;
  return seg;
}

/** The v1 `data`: a JSON string (or, once decoded by the user, a list) of `onebest` sentences. */
function v1Data(value: JsonValue | undefined): string | JsonValue[] | undefined {
  const data = dig(value, 'data');
  if (typeof data === 'string') return /^\s*\[/.test(data) && data.includes('"onebest"') ? data : undefined;
  if (Array.isArray(data) && isObject(data[0]) && 'onebest' in data[0]) return data;
  return undefined;
}

/** A v1 sentence: `onebest` text, `bg`/`ed` in ms, `speaker`. */
const V1_SENTENCE: SentenceFields = { text: ['onebest'], startMs: 'bg', endMs: 'ed', channel: 'speaker' };

function parseV1(data: string | JsonValue[], fileText: string): ParsedTranscript {
  const quote = typeof data === 'string' ? findStringValue(fileText, 'data') : undefined;
  const toFile: ToFile = (i) => (quote === undefined ? undefined : rawOffsetInLiteral(fileText, quote, i));
  const list = typeof data === 'string' ? parseNested(data, 'data', toFile, fileText) : data;
  if (!Array.isArray(list)) throw new ParseFailure('data: expected a list of sentences (bg, ed, onebest, speaker)');
  const segments = list.map((_, i): Segment => sentenceSegment(objectAt(list, i, 'data'), `data[${i}]`, V1_SENTENCE));
  return finishSegments(segments, { explicitRoles: false, listName: 'data' });
}

export function parseIflytek(fileText: string): ParsedTranscript {
  const value = parseJson(fileText);
  const v1 = v1Data(value);
  if (v1 !== undefined) return parseV1(v1, fileText);
  const found = orderResultOf(value);
  if (!found) throw new ParseFailure('not an iFlytek result: no content.orderResult, orderResult, lattice or data of onebest sentences');

  let order = found.result;
  // Where the orderResult string literal starts in the file, to locate errors inside it.
  const orderQuote = typeof order === 'string' ? findStringValue(fileText, 'orderResult') : undefined;
  const orderToFile: ToFile = (i) => (orderQuote === undefined ? undefined : rawOffsetInLiteral(fileText, orderQuote, i));
  if (typeof order === 'string') {
    if (order.trim() === '') throw new ParseFailure(`no utterances (${found.path} is empty)`);
    order = parseNested(order, found.path, orderToFile, fileText);
  }
  const orderRaw = typeof found.result === 'string' ? found.result : undefined;

  const lattice = arrayAt(order, 'lattice');
  const key = lattice ? 'lattice' : 'lattice2';
  const items = lattice ?? arrayAt(order, 'lattice2');
  if (!items) throw new ParseFailure(`${found.path || 'orderResult'}: no lattice or lattice2 list`);

  let stringsSeen = 0;
  const segments = items.map((_, i) => {
    const where = `${key}[${i}]`;
    const best = objectAt(items, i, key).json_1best;
    if (typeof best !== 'string') return segmentOf(best ?? null, where);
    // The k-th string-valued json_1best in the decoded orderResult is this item's literal.
    const n = stringsSeen++;
    const toFile: ToFile = (offset) => {
      if (orderRaw === undefined) {
        const quote = findStringValue(fileText, 'json_1best', n);
        return quote === undefined ? undefined : rawOffsetInLiteral(fileText, quote, offset);
      }
      const quote = findStringValue(orderRaw, 'json_1best', n);
      return quote === undefined ? undefined : orderToFile(rawOffsetInLiteral(orderRaw, quote, offset));
    };
    return segmentOf(parseNested(best, `${where}.json_1best`, toFile, fileText), where);
  });
  return finishSegments(segments, { explicitRoles: false, listName: `${found.path ? `${found.path} ` : ''}${key}` });
}

export const iflytekReader: FormatReader = {
  name: 'iflytek',
  sniff: (text) => {
    const value = peekJson(text);
    return orderResultOf(value) !== undefined || v1Data(value) !== undefined;
  },
  parse: (text) => parseIflytek(text),
};
