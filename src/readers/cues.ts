/**
 * What SubRip and WebVTT share: blocks of cues with a `start --> end` timing line, and speakers
 * named in the text. A speaker name is a role when it is one of the plain format's labels
 * (坐席/座席/客服/话务员/Agent/A → agent; 客户/用户/顾客/来电者/Customer/C → customer, in both
 * scripts), otherwise a channel (SPEAKER_00, 说话人1, a person's name) for the roles step to map.
 */
import type { Speaker } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { ParsedTranscript } from './types.js';
import { finishSegments } from './segments.js';
import type { Segment } from './segments.js';

import { AGENT_LABELS, CUSTOMER_LABELS, OTHER_LABELS, roleOfLabel, roleOfWrittenLabel } from './labels.js';

export { roleOfLabel };

/** Speaker ids diarizers write: SPEAKER_00, Speaker 1, spk0, 说话人1, 发言人2. */
const SPEAKER_ID = /^(?:(?:speaker|spk)[ _-]?\d+|(?:说话人|說話人|发言人|發言人)\s*\d+)$/i;
const ROLE_WORDS = [...AGENT_LABELS, ...CUSTOMER_LABELS, ...OTHER_LABELS].filter((l) => l.length > 1).sort((a, b) => b.length - a.length).join('|');
/**
 * `坐席：…`, `坐席2：…`, `主管：…`, `Customer: …`, `SPEAKER_00: …` (a single-letter A/C label is too
 * risky in free text). A Chinese label may carry a number, a nickname or a letter, as in plain text.
 */
const PREFIX = new RegExp(String.raw`^\s*((?:${ROLE_WORDS})(?:\d{1,3}|小\p{Script=Han}|(?<=\p{Script=Han})[A-Za-z])?|(?:speaker|spk)[ _-]?\d+|(?:说话人|說話人|发言人|發言人)\s*\d+)\s*[:：]\s*`, 'iu');
/** `[SPEAKER_00] …`, `[坐席] …`, `【客户】…`. */
const BRACKET = /^\s*[[【]([^\]】]{1,20})[\]】]\s*/;

/** A speaker named at the start of a cue's text; the rest of the text. */
export function splitSpeakerPrefix(text: string): { label?: string; rest: string } {
  const b = BRACKET.exec(text);
  if (b) {
    const label = (b[1] as string).trim();
    if (roleOfWrittenLabel(label) || SPEAKER_ID.test(label) || /^\d+$/.test(label)) return { label, rest: text.slice(b[0].length) };
  }
  const p = PREFIX.exec(text);
  if (p) return { label: (p[1] as string).trim(), rest: text.slice(p[0].length) };
  return { rest: text };
}

/**
 * `00:01:02,345`, `01:02.345` (VTT without hours), `.` or `,` before the milliseconds. A leading
 * `-` is read too: a negative time is a broken clock, which readers/index.ts reports and drops
 * (the call is scored without times), not a reason to misread the file. After the arrow the sign
 * must follow a space, so a mistyped `--->` stays a bad timing line.
 */
const TIME = String.raw`(-)?(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->(?:\s+|(?=\d))${TIME}(?:\s+.*)?$`);
export const TIMING_HINT = /^\s*-?(?:\d+:)?\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->/;

function ms(sign: string | undefined, h: string | undefined, m: string, s: string, frac: string): number {
  const value = ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
  return sign ? -value : value;
}

const START = new RegExp(String.raw`^\s*${TIME}\s*`);
const ARROW = /^-->\s*/;

/** 1-based column where a timing line stops being valid: the start time, the arrow or the end time. */
function badColumn(line: string): number {
  const start = START.exec(line);
  if (!start || Number(start[4]) >= 60) return line.search(/\S/) + 1 || 1;
  const arrow = ARROW.exec(line.slice(start[0].length));
  return start[0].length + (arrow ? arrow[0].length : 0) + 1;
}

export function parseTiming(line: string, lineNo: number): { startMs: number; endMs: number } {
  const t = TIMING.exec(line);
  if (!t || Number(t[4]) >= 60 || Number(t[9]) >= 60) {
    const column = badColumn(line);
    throw new ParseFailure(`line ${lineNo}: bad cue timing "${line.trim().slice(0, 60)}" (expected 00:00:01,020 --> 00:00:03,540)`, lineNo, column);
  }
  return {
    startMs: ms(t[1], t[2], t[3] as string, t[4] as string, t[5] as string),
    endMs: ms(t[6], t[7], t[8] as string, t[9] as string, t[10] as string),
  };
}

export interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

/** Split into blank-line separated blocks, keeping where each starts. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      out.push(current);
    }
    current.lines.push(raw);
  });
  return out;
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** Join a cue's text lines: nothing between Chinese lines, a space between Latin words. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const more = raw.trim();
    if (more === '') continue;
    text = text === '' ? more : isAsciiWordChar(text[text.length - 1]) && isAsciiWordChar(more[0]) ? `${text} ${more}` : text + more;
  }
  return text;
}

export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
  /** Speaker name from a voice tag or text prefix; absent when the cue names nobody. */
  label?: string;
  line: number;
}

/**
 * Cues → transcript. A cue naming nobody continues the previous speaker (subtitles split long
 * turns). Role labels give explicit roles; other names become channels; with both, each utterance
 * keeps what it has and the roles step maps the channels.
 */
export function finishCues(cues: readonly Cue[], listName: string): ParsedTranscript {
  let label: string | undefined;
  const segments: Segment[] = [];
  let roles = 0;
  let others = 0;
  for (const cue of cues) {
    if (cue.label !== undefined) label = cue.label;
    const seg: Segment = { text: cue.text, startMs: cue.startMs, endMs: cue.endMs, line: cue.line };
    if (label !== undefined) {
      const role: Speaker | undefined = roleOfWrittenLabel(label);
      if (role) {
        seg.speaker = role;
        roles++;
        // Which agent (坐席2: roles.ts keeps the scored one), or who else spoke (主管).
        if (role === 'agent' && roleOfLabel(label) === undefined) seg.channel = label;
        if (role === 'unknown') seg.label = label;
      } else {
        seg.channel = label;
        others++;
      }
    }
    segments.push(seg);
  }
  const explicit = roles > 0 && others === 0;
  if (explicit) for (const s of segments) s.speaker ??= 'unknown';
  return finishSegments(segments, { explicitRoles: explicit, ...(explicit ? { roleSource: 'labels' } : {}), listName });
}
