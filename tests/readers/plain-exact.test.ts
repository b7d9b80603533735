/**
 * The plain reader's line and timestamp parsing is hand-written for speed; these tests hold it to
 * the regex form it replaced (kept here as the reference), on edge cases and on random lines.
 */
import { describe, expect, it } from 'vitest';
import type { ReadWarning, Speaker } from '../../src/model/call.js';
import { clipText } from '../../src/model/cut.js';
import { AGENT_LABELS, CUSTOMER_LABELS, OTHER_LABELS, roleOfLabel } from '../../src/readers/labels.js';
import { isSpace, parsePlain, parseTimestamp } from '../../src/readers/plain.js';
import { parseFrontMatter } from '../../src/readers/plain-meta.js';
import { ParseFailure } from '../../src/readers/types.js';
import type { ParsedTranscript, ParsedUtterance } from '../../src/readers/types.js';

// ---- The reference: the regex implementation before the speed work. ----
const LABEL_ALTERNATIVES = [...AGENT_LABELS, ...CUSTOMER_LABELS, ...OTHER_LABELS].sort((a, b) => b.length - a.length).join('|');
// Behaviour changed since the regex form, and mirrored here: invisible characters (zero-width
// space, direction marks …) may come before a label; warnings no longer repeat their line; a
// label may carry a number or a nickname (坐席1, 客服小王), a Chinese one a letter (客服A) or a note
// in brackets (坐席（A128）), and an agent label with one is kept as the utterance's channel; other
// people's labels (主管, 坐席（主管）) are unknown.
const INVISIBLE = '\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\u00ad\\u180e';
const BLANK = new RegExp(`^[\\s${INVISIBLE}]*$`);
const UTTERANCE = new RegExp(`^[\\s${INVISIBLE}]*(?:\\[([^\\]]*)\\]\\s*)?((?:${LABEL_ALTERNATIVES})(?:\\d{1,3}|小[\\u4e00-\\u9fff]|(?<=[^\\x00-\\x7f])(?:[a-z]|[(（][^()（）:：]{1,12}[)）]))?)\\s*[:：]\\s*(.*)$`, 'i');
const LEADING_BRACKET = /^\s*\[([^\]]*)\]\s*/;
const LABEL_ONLY = new RegExp(`^(?:${LABEL_ALTERNATIVES})`, 'i');
const TIME = String.raw`(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?`;
const TIMESTAMP = new RegExp(String.raw`^\s*${TIME}\s*(?:[-–~]\s*${TIME}\s*)?$`);

function refToMs(h: string | undefined, m: string, s: string, frac: string | undefined): number | undefined {
  const seconds = Number(s);
  const minutes = Number(m);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return Math.round(((Number(h ?? 0) * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

function refTimestamp(inner: string): { startMs: number; endMs?: number } | undefined {
  const m = TIMESTAMP.exec(inner);
  if (!m) return undefined;
  const startMs = refToMs(m[1], m[2] as string, m[3] as string, m[4]);
  if (startMs === undefined) return undefined;
  if (m[6] === undefined) return { startMs };
  const endMs = refToMs(m[5], m[6], m[7] as string, m[8]);
  return endMs === undefined ? undefined : { startMs, endMs };
}

function refJoin(text: string, more: string): string {
  const word = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
  if (text === '') return more;
  return word(text[text.length - 1]) && word(more[0]) ? `${text} ${more}` : text + more;
}

function refParsePlain(text: string): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/);
  const warnings: ReadWarning[] = [];
  const unreadable: string[] = [];
  const { meta, bodyStart } = parseFrontMatter(lines, warnings);
  const utterances: ParsedUtterance[] = [];
  let current: ParsedUtterance | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineNo = i + 1;
    if (BLANK.test(raw)) continue;
    const labelled = UTTERANCE.exec(raw);
    if (labelled) {
      const written = labelled[2] as string;
      const label = LABEL_ONLY.exec(written)?.[0] as string;
      const noted = written.length > label.length && OTHER_LABELS.some((l) => written.includes(l));
      const speaker: Speaker = noted ? 'unknown' : (roleOfLabel(label) ?? 'unknown');
      current = { speaker, text: (labelled[3] as string).trim(), line: lineNo };
      if (speaker === 'agent' && written.length > label.length) current.channel = written;
      if (speaker === 'unknown') current.label = written;
      const inner = labelled[1];
      if (inner !== undefined) {
        const time = refTimestamp(inner);
        if (time) Object.assign(current, time);
        else {
          const column = raw.indexOf('[') + 1;
          warnings.push({ message: `unrecognised timestamp [${inner}] ignored`, line: lineNo, column });
          unreadable.push(`line ${lineNo} has a timestamp that cannot be read: [${inner}]`);
        }
      }
      utterances.push(current);
      continue;
    }
    let more = raw.trim();
    const bracket = LEADING_BRACKET.exec(raw);
    if (bracket && refTimestamp(bracket[1] as string)) {
      more = raw.slice(bracket[0].length).trim();
      warnings.push({ message: 'timestamp without a speaker label; the text is taken as a continuation', line: lineNo });
    }
    if (!current) {
      const clip = clipText(more, 30); // never cuts a number in two
      warnings.push({ message: `text before the first speaker label ignored: "${clip}"`, line: lineNo });
      continue;
    }
    current.text = refJoin(current.text, more);
  }
  if (utterances.length === 0) throw new ParseFailure('no speaker labels found');
  const parsed: ParsedTranscript = { meta, utterances, warnings, explicitRoles: true, roleSource: 'labels' };
  if (unreadable.length > 0) parsed.timingProblem = `${unreadable[0]}${unreadable.length > 1 ? ` (and ${unreadable.length - 1} more line(s))` : ''}`;
  return parsed;
}

/** JSON keeps key order, which the reports show; failures compare by message and place. */
function outcome(parse: (text: string) => ParsedTranscript, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (err) {
    if (err instanceof ParseFailure) return `fail ${err.message} ${err.line} ${err.column}`;
    throw err;
  }
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

const SPACES = [' ', '\t', '\u3000', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200e', '\u2060', '\u00ad', '\u000b', '\u180e', '\u205f'];
const TIME_PARTS = ['0', '1', '00', '07', '59', '60', '75', '123', '1234567890123456', '99999999999999999', ':', ':', '.', ',', '-', '–', '—', '~', ' ', '\u3000', 'a', ''];
const LINE_PARTS = [
  'A', 'a', 'Agent', 'AGENT', 'agent', 'ag', 'c', 'C', 'Customer', 'custom', '客服', '坐席', '座席', '主管', '客户经理', '(', '（', ')', '）', '客戶', '用户', '来电者', '話務員',
  '来电', ':', '：', ':', '：', '[', ']', '[00:01.5-00:03]', '[1:02:03]', '[00:75]', '[备注]', '您好', 'hello', 'world', '1', '。',
  ...SPACES,
];
const HEADS = ['', '', '', '---\ncall_id: 1\n---\n', '\n---\r\nagent_id: 0128\r\n---\r\n', '---\ndate: x\n', '---', '-', ' \n---  \n---\n'];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

function randomTimestamp(rnd: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rnd() * 10);
  for (let i = 0; i < n; i++) s += pick(rnd, TIME_PARTS);
  return s;
}

function randomLine(rnd: () => number): string {
  let s = '';
  const n = Math.floor(rnd() * 7);
  for (let i = 0; i < n; i++) s += rnd() < 0.15 ? `[${randomTimestamp(rnd)}]` : pick(rnd, LINE_PARTS);
  return s;
}

describe('plain reader, exactly as the regex form', () => {
  it('treats the same characters as white space as \\s and trim() do', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpace(c) !== /\s/.test(ch) || isSpace(c) !== (ch.trim() === '')) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it.each([
    '00:00.0-00:02.3',
    ' 00:01 ',
    '1:02:03,5~1:02:04',
    '00:01–00:02',
    '00:01—00:02',
    '00:01:',
    '00:01.',
    '00:001',
    '1:2:345',
    '00:59.9999999999999999',
    '12345678901234567:00',
    '00:00.1234567890123456',
    '\u300000:01\u2028',
    '00:60',
    '60:00',
    '1:60:00',
    '00:01-00:60',
    '00:01 - ',
  ])('timestamp [%s]', (inner) => {
    expect(parseTimestamp(inner)).toEqual(refTimestamp(inner));
  });

  it('reads random timestamps the same', () => {
    const rnd = random(7);
    for (let i = 0; i < 50_000; i++) {
      const inner = randomTimestamp(rnd);
      expect(JSON.stringify(parseTimestamp(inner)), inner).toBe(JSON.stringify(refTimestamp(inner)));
    }
  });

  it.each([
    ['CRLF and a BOM-like U+FEFF', '\ufeff坐席：您好\r\n客户：你好\r\n'],
    ['full-width and ASCII colons, spaces around', '坐席 ：您好\n客户:  你好  \nAgent\u3000：x'],
    ['a label in any case', 'AGENT: hi\ncUsToMeR: hello\nA：好\nc：嗯'],
    ['a longer word is not a short label', 'ag: no\nAgent：yes\ncat: no\ncustomers: no'],
    ['U+2028 in the text makes the line a continuation', '坐席：您好\n客户：你\u2028好\n客户：\u2028你好'],
    ['a bracket without a label', '坐席：您好\n[00:03] 接着说\n[备注] 也接着说'],
    ['an unclosed bracket', '[00:01 坐席：您好\n坐席：在'],
    ['a bad timestamp on a labelled line', '  [00:75] 坐席：您好'],
    ['text before the first label', '录音导出：2026\n坐席：您好'],
    ['a lone CR', '坐席：您好\r客户：你好\r\r'],
    ['front matter after blank lines, CRLF', '\r\n \r\n---\r\ncall_id: 7\r\n---  \r\n坐席：您好'],
    ['front matter closed on the last line', '---\ncall_id: 7\n---'],
    ['front matter closed, then one empty line', '---\ncall_id: 7\n---\n'],
    ['unclosed front matter', '---\ncall_id: 7\n坐席：您好'],
    ['a dash line that is not front matter', '- 坐席：您好\n---\n客户：你好'],
    ['an indented delimiter is not front matter', ' ---\ncall_id: 7\n---\n坐席：您好'],
    ['a U+2028 in the front matter line', '---\u2028\ncall_id: 7\n---\n坐席：您好'],
    ['a bracket closed only on a later line', '[00:01 坐席：您好\n客户：]你好'],
    ['a timestamp, then no bracket end', '[00:01 A坐席：您好\n[00:01-x]坐席：您好\n[00:01 -]坐席：您好'],
  ])('%s', (_name, text) => {
    expect(outcome(parsePlain, text)).toBe(outcome(refParsePlain, text));
  });

  it('reads random transcripts the same', () => {
    const rnd = random(42);
    for (let i = 0; i < 20_000; i++) {
      let text = pick(rnd, HEADS);
      const n = 1 + Math.floor(rnd() * 6);
      for (let j = 0; j < n; j++) text += randomLine(rnd) + pick(rnd, BREAKS);
      expect(outcome(parsePlain, text), JSON.stringify(text)).toBe(outcome(refParsePlain, text));
    }
  });
});
