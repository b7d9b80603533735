/**
 * The bundled plain-text transcript format (issue 3):
 *
 *   ---                                   optional YAML front matter (call metadata)
 *   call_id: 2026-10-0001
 *   ---
 *   (or, without it, a 「日期：…」「工号：…」 header block: plain-header.ts)
 *   [00:00.0-00:03.2] 坐席：您好，……         one utterance per labelled line
 *   客户：……                                 timestamps optional
 *   ……                                       a line without a label continues the utterance
 *
 * It is the fallback reader: it accepts any text and fails with 'no speaker labels found'.
 */
import { clipText } from '../model/cut.js';
import type { CallMeta, Speaker, ReadWarning } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript, ParsedUtterance } from './types.js';
import { parseFrontMatter } from './plain-meta.js';
import { readHeaderBlock } from './plain-header.js';
import type { DirectionCodes } from '../meta/fields.js';

import { AGENT_LABELS, CUSTOMER_LABELS, OTHER_LABELS, roleOfLabel } from './labels.js';
import { codeAt, isSpace, skipSpace } from './scan-chars.js';
import { parseTimestamp, timestampAt } from './plain-time.js';

// Read by the tests from here, where the format is.
export { isSpace } from './scan-chars.js';
export { parseTimestamp };

// Longest labels first so 'agent' wins over 'a'. Latin labels are matched case-insensitively.
const LABELS = [...AGENT_LABELS, ...CUSTOMER_LABELS, ...OTHER_LABELS].sort((a, b) => b.length - a.length);
/** A leading [timestamp] on a line that has no label. */
const LEADING_BRACKET = /^\s*\[([^\]]*)\]\s*/;

/** A supervisor's, colleague's or third party's label is nobody's role: their words are not judged. */
function roleOf(label: string): Speaker {
  return roleOfLabel(label) ?? 'unknown';
}

/** Labels by their first character (lower case), each with its role, longest first. */
const LABELS_BY_FIRST = new Map<number, Array<{ label: string; role: Speaker }>>();
for (const label of LABELS) {
  const first = label.charCodeAt(0);
  const list = LABELS_BY_FIRST.get(first) ?? [];
  list.push({ label, role: roleOf(label) });
  LABELS_BY_FIRST.set(first, list);
}

/**
 * Characters that print as nothing: zero-width space and joiners, direction marks and
 * embeddings, word joiner, soft hyphen. Editors and ASR exports leave them at line starts, where
 * they would hide a speaker label (「\u200b客户：」 read as more of the agent's turn).
 */
export function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xad || c === 0x180e;
}

/** Past the spaces and invisible characters that may come before a line's label. */
function skipLineStart(s: string, i: number, end: number): number {
  for (let c = s.charCodeAt(i); i < end && (isSpace(c) || isInvisible(c)); c = s.charCodeAt(++i));
  return i;
}

/** ASCII letters compare case-insensitively, as the `i` flag does for these labels. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * Where a label's suffix ends: a number (坐席1, 客服07, A2), a nickname (客服小王, 坐席小李) or, after
 * a Chinese label, one letter (客服A, 坐席B) or a note in brackets (坐席（A128）, 坐席(主管)), as
 * centres tell agents apart in their exports; `at` when there is none.
 */
function labelSuffixEnd(text: string, at: number, end: number, chineseLabel: boolean): number {
  let i = at;
  while (i < end && i - at < 3 && isDigit(text.charCodeAt(i))) i++;
  if (i > at) return i;
  // 小 + one Han character
  if (text.charCodeAt(at) === 0x5c0f && at + 1 < end && isHan(text.charCodeAt(at + 1))) return at + 2;
  if (!chineseLabel || at >= end) return at;
  const c = text.charCodeAt(at);
  if (isAsciiLetter(c)) return at + 1;
  if (c === 0x28 /* ( */ || c === 0xff08 /* （ */) return bracketNoteEnd(text, at, end);
  return at;
}

/** Past `（…）` of 1 to 12 characters with no colon or bracket inside; `at` when there is none. */
function bracketNoteEnd(text: string, at: number, end: number): number {
  for (let i = at + 1; i < end && i - at <= MAX_NOTE + 1; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x29 /* ) */ || d === 0xff09 /* ） */) return i > at + 1 ? i + 1 : at;
    if (d === 0x28 || d === 0xff08 || d === 0x3a || d === 0xff1a) return at;
  }
  return at;
}

const MAX_NOTE = 12;

/** 坐席（主管）, 客服(组长305): an agent label whose note names someone else's role. */
function notesOtherRole(note: string): boolean {
  return OTHER_LABELS.some((l) => note.includes(l));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * The scanners work on positions in the whole text, not on line strings: no string per line, and
 * reading a flat string is cheaper than reading slices of it. Their results are left here.
 */
let labelRole: Speaker = 'customer';
/** An agent label with a suffix as written (坐席2, 客服B), which tells one agent from another; else ''. */
let agentLabel = '';
/** Another person's label as written (主管, 组长2), to show who spoke; else ''. */
let otherLabel = '';
/** Where the utterance text starts (after the colon and its spaces). */
let labelTextStart = 0;
/** Inside of the leading [...]: from..to, or -1 when there is none. */
let innerFrom = -1;
let innerTo = -1;

/**
 * A hand-written form of `^\s*(?:\[([^\]]*)\]\s*)?(label)\s*[:：]\s*(.*)$` (case-insensitive) on the
 * line start..end (start: its first non-space character); the regex with its label alternation
 * cost most of the parse. `lineBreaks`: whether the text has a U+2028/U+2029 at all.
 */
function matchLabelled(text: string, start: number, end: number, lineBreaks: boolean): boolean {
  let at = start;
  innerFrom = -1;
  if (text.charCodeAt(start) === 0x5b /* [ */) {
    // Within the line only: indexOf would search the rest of the text for every such line.
    let close = start + 1;
    while (close < end && text.charCodeAt(close) !== 0x5d /* ] */) close++;
    if (close === end) return false;
    innerFrom = start + 1;
    innerTo = close;
    at = skipSpace(text, close + 1, end);
  }
  const candidates = LABELS_BY_FIRST.get(lower(codeAt(text, at, end)));
  if (!candidates) return false;
  for (const { label, role } of candidates) {
    let k = 1;
    while (k < label.length && lower(codeAt(text, at + k, end)) === label.charCodeAt(k)) k++;
    if (k < label.length) continue;
    const suffixEnd = labelSuffixEnd(text, at + k, end, label.charCodeAt(0) > 0x7f);
    const colon = skipSpace(text, suffixEnd, end);
    const c = codeAt(text, colon, end);
    if (c !== 0x3a /* : */ && c !== 0xff1a /* ： */) continue;
    const from = skipSpace(text, colon + 1, end);
    // `.` stops at U+2028/U+2029 and `$` is the end of the line: such a line has no match.
    if (lineBreaks) {
      for (let i = from; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x2028 || d === 0x2029) return false;
      }
    }
    // Rare (a suffix): only then is the label as written sliced.
    const written = suffixEnd > at + k ? text.slice(at, suffixEnd) : '';
    labelRole = role === 'agent' && written !== '' && notesOtherRole(written) ? 'unknown' : role;
    agentLabel = labelRole === 'agent' ? written : '';
    otherLabel = labelRole === 'unknown' ? written || label : '';
    labelTextStart = from;
    return true;
  }
  return false;
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/**
 * An utterance's text as its continuation lines come: no separator in Chinese text, a space
 * between two Latin words. The parts are joined once, at the end: reading the last character of
 * a string grown by += flattens it, every line (199,000 lines of 嗯 took 35 s).
 */
class UtteranceText {
  private readonly parts: string[];
  private last: string | undefined;

  constructor(first: string) {
    this.parts = [first];
    this.last = first[first.length - 1];
  }

  add(more: string): void {
    if (more === '') return;
    if (isAsciiWordChar(this.last) && isAsciiWordChar(more[0])) this.parts.push(' ');
    this.parts.push(more);
    this.last = more[more.length - 1];
  }

  toString(): string {
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }
}

function clip(text: string): string {
  return clipText(text, 30);
}

/**
 * The front matter and where the body starts (a line index and its offset in `text`, which has
 * LF line ends only). Only the head is split into lines: up to the line where parseFrontMatter
 * stops looking (the first non-blank line when it is not `---`, else the closing `---`).
 */
function frontMatter(text: string, warnings: ReadWarning[], codes: DirectionCodes | undefined): { meta: CallMeta; bodyLine: number; bodyOffset: number } {
  // Blank lines, then `---` at the start of a line: the first non-space character is a '-'.
  const first = skipSpace(text, 0, text.length);
  if (first === text.length || text.charCodeAt(first) !== 0x2d) return { meta: {}, bodyLine: 0, bodyOffset: 0 };
  const head: string[] = [];
  const offsets: number[] = [];
  let opened = false;
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl);
    head.push(line);
    offsets.push(at);
    at = nl + 1;
    if (!opened) {
      if (line.trim() === '') continue;
      if (line.trimEnd() !== '---') break;
      opened = true;
    } else if (line.trimEnd() === '---') break;
  }
  const { meta, bodyStart } = parseFrontMatter(head, warnings, codes);
  if (bodyStart === 0) return { meta, bodyLine: 0, bodyOffset: 0 };
  // The body starts after the closing line; past the end when that line is the last.
  const closing = bodyStart - 1;
  const after = (offsets[closing] as number) + (head[closing] as string).length + 1;
  return { meta, bodyLine: bodyStart, bodyOffset: after };
}

/** `codes`: what the front matter's direction codes mean (--direction-codes). */
export function parsePlain(source: string, codes?: DirectionCodes): ParsedTranscript {
  // One line end: CR LF and CR become LF, which leaves every line (and its number) as it was.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const lineBreaks = text.includes('\u2028') || text.includes('\u2029');
  const warnings: ReadWarning[] = [];
  const fromFrontMatter = frontMatter(text, warnings, codes);
  // No front matter: perhaps a 「日期：…」「工号：…」 header block instead (plain-header.ts).
  const { meta, bodyLine, bodyOffset } = fromFrontMatter.bodyLine === 0 ? readHeaderBlock(text, warnings, codes) : fromFrontMatter;

  const utterances: ParsedUtterance[] = [];
  let current: ParsedUtterance | undefined;
  let currentText: UtteranceText | undefined;
  const finishCurrent = (): void => {
    if (current && currentText) current.text = currentText.toString();
  };
  let lineNo = bodyLine;
  // Timestamps that cannot be read: the first is named as the call's timing problem.
  let unreadable = 0;
  let firstUnreadable: string | undefined;
  for (let a = bodyOffset; a <= text.length; ) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    const lineStart = a;
    a = b + 1;
    lineNo++;
    const start = skipLineStart(text, lineStart, b);
    if (start === b) continue;

    if (matchLabelled(text, start, b, lineBreaks)) {
      finishCurrent();
      current = { speaker: labelRole, text: text.slice(labelTextStart, b).trim(), line: lineNo };
      // roles.ts keeps one of several agents (坐席1, 坐席2) as the scored one.
      if (agentLabel !== '') current.channel = agentLabel;
      if (otherLabel !== '') current.label = otherLabel;
      currentText = undefined;
      if (innerFrom >= 0) {
        const time = timestampAt(text, innerFrom, innerTo);
        if (time) {
          current.startMs = time.startMs;
          if (time.endMs !== undefined) current.endMs = time.endMs;
        } else {
          // The bracket is the line's first non-space character.
          const column = start - lineStart + 1;
          const inner = text.slice(innerFrom, innerTo);
          warnings.push({ message: `unrecognised timestamp [${inner}] ignored`, line: lineNo, column });
          if (unreadable++ === 0) firstUnreadable = `line ${lineNo} has a timestamp that cannot be read: [${inner}]`;
        }
      }
      utterances.push(current);
      continue;
    }

    const raw = text.slice(lineStart, b);
    let more = raw.trim();
    const bracket = LEADING_BRACKET.exec(raw);
    if (bracket && parseTimestamp(bracket[1] as string)) {
      more = raw.slice(bracket[0].length).trim();
      warnings.push({
        message: 'timestamp without a speaker label; the text is taken as a continuation',
        line: lineNo,
      });
    }
    if (!current) {
      warnings.push({ message: `text before the first speaker label ignored: "${clip(more)}"`, line: lineNo });
      continue;
    }
    currentText ??= new UtteranceText(current.text);
    currentText.add(more);
  }
  finishCurrent();

  if (utterances.length === 0) throw new ParseFailure('no speaker labels found');
  const parsed: ParsedTranscript = { meta, utterances, warnings, explicitRoles: true, roleSource: 'labels' };
  if (firstUnreadable !== undefined) parsed.timingProblem = unreadable > 1 ? `${firstUnreadable} (and ${unreadable - 1} more line(s))` : firstUnreadable;
  return parsed;
}

export const plainReader: FormatReader = {
  name: 'plain',
  // The fallback: any text is given to it last.
  sniff: () => true,
  parse: (text, _fileName, opts) => parsePlain(text, opts?.directionCodes),
};
