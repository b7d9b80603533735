/**
 * The bundled plain-text transcript format (issue 3):
 *
 *   ---                                   optional YAML front matter (call metadata)
 *   call_id: 2026-10-0001
 *   ---
 *   [00:00.0-00:03.2] 坐席：您好，……         one utterance per labelled line
 *   客户：……                                 timestamps optional
 *   ……                                       a line without a label continues the utterance
 *
 * It is the fallback reader: it accepts any text and fails with 'no speaker labels found'.
 */
import type { Speaker, ReadWarning } from '../model/call.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript, ParsedUtterance } from './types.js';
import { parseFrontMatter } from './plain-meta.js';

import { AGENT_LABELS, CUSTOMER_LABELS, roleOfLabel } from './labels.js';

// Longest labels first so 'agent' wins over 'a'. Latin labels are matched case-insensitively.
const LABEL_ALTERNATIVES = [...AGENT_LABELS, ...CUSTOMER_LABELS].sort((a, b) => b.length - a.length).join('|');
/** [timestamp] label：text — the bracket is optional, either colon, spaces allowed around. */
const UTTERANCE = new RegExp(`^\\s*(?:\\[([^\\]]*)\\]\\s*)?(${LABEL_ALTERNATIVES})\\s*[:：]\\s*(.*)$`, 'i');
/** A leading [timestamp] on a line that has no label. */
const LEADING_BRACKET = /^\s*\[([^\]]*)\]\s*/;

/** The pattern only admits role labels, so every match is one or the other. */
function roleOf(label: string): Speaker {
  return roleOfLabel(label) ?? 'customer';
}

/** One time: [h:]mm:ss[.fff], fractions of any length (',' accepted as decimal mark). */
const TIME = String.raw`(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?`;
const TIMESTAMP = new RegExp(String.raw`^\s*${TIME}\s*(?:[-–~]\s*${TIME}\s*)?$`);

function toMs(h: string | undefined, m: string, s: string, frac: string | undefined): number | undefined {
  const seconds = Number(s);
  const minutes = Number(m);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return Math.round(((Number(h ?? 0) * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

/** Parse the inside of a `[...]` timestamp: a time or a start-end range, in ms. */
export function parseTimestamp(inner: string): { startMs: number; endMs?: number } | undefined {
  const m = TIMESTAMP.exec(inner);
  if (!m) return undefined;
  const startMs = toMs(m[1], m[2] as string, m[3] as string, m[4]);
  if (startMs === undefined) return undefined;
  if (m[6] === undefined) return { startMs };
  const endMs = toMs(m[5], m[6], m[7] as string, m[8]);
  return endMs === undefined ? undefined : { startMs, endMs };
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** Join a continuation line: no separator in Chinese text, a space between two Latin words. */
function joinContinuation(text: string, more: string): string {
  if (text === '') return more;
  return isAsciiWordChar(text[text.length - 1]) && isAsciiWordChar(more[0]) ? `${text} ${more}` : text + more;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

export function parsePlain(text: string): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/);
  const warnings: ReadWarning[] = [];
  const { meta, bodyStart } = parseFrontMatter(lines, warnings);

  const utterances: ParsedUtterance[] = [];
  let current: ParsedUtterance | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineNo = i + 1;
    if (raw.trim() === '') continue;

    const labelled = UTTERANCE.exec(raw);
    if (labelled) {
      current = { speaker: roleOf(labelled[2] as string), text: (labelled[3] as string).trim(), line: lineNo };
      const inner = labelled[1];
      if (inner !== undefined) {
        const time = parseTimestamp(inner);
        if (time) Object.assign(current, time);
        else {
          const column = raw.indexOf('[') + 1;
          warnings.push({ message: `line ${lineNo}, column ${column}: unrecognised timestamp [${inner}] ignored`, line: lineNo });
        }
      }
      utterances.push(current);
      continue;
    }

    let more = raw.trim();
    const bracket = LEADING_BRACKET.exec(raw);
    if (bracket && parseTimestamp(bracket[1] as string)) {
      more = raw.slice(bracket[0].length).trim();
      warnings.push({
        message: `line ${lineNo}: timestamp without a speaker label; the text is taken as a continuation`,
        line: lineNo,
      });
    }
    if (!current) {
      warnings.push({ message: `line ${lineNo}: text before the first speaker label ignored: "${clip(more)}"`, line: lineNo });
      continue;
    }
    current.text = joinContinuation(current.text, more);
  }

  if (utterances.length === 0) throw new ParseFailure('no speaker labels found');
  return { meta, utterances, warnings, explicitRoles: true, roleSource: 'labels' };
}

export const plainReader: FormatReader = {
  name: 'plain',
  // The fallback: any text is given to it last.
  sniff: () => true,
  parse: (text) => parsePlain(text),
};
