/**
 * WebVTT (.vtt): a `WEBVTT` header, cues with an optional identifier, a timing line
 * (`00:01.020 --> 00:03.540`, hours optional, cue settings after it) and text. The speaker comes
 * from a voice tag `<v 坐席>` / `<v.loud Customer>` or, without one, a text prefix as in SubRip.
 * NOTE, STYLE and REGION blocks are skipped.
 */
import { sliceWhole } from '../model/cut.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { blocks, finishCues, joinLines, parseTiming, splitSpeakerPrefix } from './cues.js';
import type { Cue } from './cues.js';

const HEADER = /^\s*WEBVTT(?:[ \t].*)?$/;
const VOICE = /<v(?:\.[^\s>]+)?\s+([^>]+)>/;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&lrm;': '', '&rlm;': '' };

/** Drop tags (voice, class, bold, inline timestamps) and decode the few entities VTT defines. */
function plainText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e] ?? e);
}

export function parseVtt(text: string): ParsedTranscript {
  const all = blocks(text);
  const header = all[0];
  if (!header || !HEADER.test(header.lines[0] as string)) {
    throw new ParseFailure('line 1: a WebVTT file must start with "WEBVTT"', header?.line ?? 1, 1);
  }
  const cues: Cue[] = [];
  for (const block of all.slice(1)) {
    const first = (block.lines[0] as string).trim();
    if (/^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(first)) continue;
    const at = block.lines.findIndex((l) => l.includes('-->'));
    // A block that starts like a cue but whose timing line is mistyped: say so on that line.
    const timingLike = block.lines.slice(0, 2).findIndex((l) => /^\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d/.test(l));
    if (at < 0 && timingLike >= 0) parseTiming(block.lines[timingLike] as string, block.line + timingLike);
    if (at < 0 || at > 1) {
      const line = block.line + (at > 1 ? at : 0);
      throw new ParseFailure(`line ${line}: expected a cue timing "00:01.020 --> 00:03.540", found "${sliceWhole(first, 40)}"`, line, 1);
    }
    const time = parseTiming(block.lines[at] as string, block.line + at);
    const raw = joinLines(block.lines.slice(at + 1));
    const voice = VOICE.exec(raw);
    const cue: Cue = { ...time, text: plainText(raw), line: block.line + at + 1 };
    if (voice) {
      cue.label = (voice[1] as string).trim();
    } else {
      const { label, rest } = splitSpeakerPrefix(cue.text);
      cue.text = rest;
      if (label !== undefined) cue.label = label;
    }
    cues.push(cue);
  }
  return finishCues(cues, 'the cues');
}

export const vttReader: FormatReader = {
  name: 'vtt',
  sniff: (text) => HEADER.test(text.trimStart().split(/\r\n|\r|\n/, 1)[0] ?? ''),
  parse: (text) => parseVtt(text),
};
