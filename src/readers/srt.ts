/**
 * SubRip (.srt) subtitles: numbered cues, a `00:00:01,020 --> 00:00:03,540` timing line, text
 * lines. The speaker is named at the start of the text — `坐席：`, `客户:`, `[SPEAKER_00]`,
 * `SPEAKER_00:` — giving a role or a channel (see cues.ts). Formatting tags are dropped.
 */
import { sliceWhole } from '../model/cut.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { blocks, finishCues, joinLines, parseTiming, splitSpeakerPrefix, TIMING_HINT } from './cues.js';
import type { Cue } from './cues.js';

/** `<i>…</i>`, `<font color=…>` and ASS-style `{\an8}` overrides that some editors leave in. */
function stripTags(text: string): string {
  return text.replace(/<\/?[a-z][^>]*>/gi, '').replace(/\{\\[^}]*\}/g, '');
}

export function parseSrt(text: string): ParsedTranscript {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    // The cue number is optional in practice; the timing line is the first or second line.
    const at = block.lines.findIndex((l) => l.includes('-->'));
    // A numbered block whose timing line is mistyped (`->`, `--›`): say so on that line.
    if (at < 0 && block.lines.length > 1 && /^\s*\d+\s*$/.test(block.lines[0] as string)) {
      parseTiming(block.lines[1] as string, block.line + 1);
    }
    if (at < 0 || at > 1) {
      const line = block.line + (at > 1 ? at : 0);
      throw new ParseFailure(`line ${line}: expected a cue (number, then "00:00:01,020 --> 00:00:03,540"), found "${sliceWhole((block.lines[0] ?? '').trim(), 40)}"`, line, 1);
    }
    if (at === 1 && !/^\s*\d+\s*$/.test(block.lines[0] as string)) {
      throw new ParseFailure(`line ${block.line}: expected a cue number, found "${sliceWhole((block.lines[0] as string).trim(), 40)}"`, block.line, 1);
    }
    const time = parseTiming(block.lines[at] as string, block.line + at);
    const { label, rest } = splitSpeakerPrefix(stripTags(joinLines(block.lines.slice(at + 1))));
    const cue: Cue = { ...time, text: rest, line: block.line + at + 1 };
    if (label !== undefined) cue.label = label;
    cues.push(cue);
  }
  return finishCues(cues, 'the cues');
}

export const srtReader: FormatReader = {
  name: 'srt',
  sniff(text) {
    // Both first-line forms start with a digit: refuse other texts without splitting them.
    if (!/^\s*\d/.test(text)) return false;
    if (/^\s*WEBVTT/.test(text)) return false;
    const lines = text.split(/\r\n|\r|\n/, 40).filter((l) => l.trim() !== '');
    const first = lines[0];
    if (first === undefined || !(/^\s*\d+\s*$/.test(first) || TIMING_HINT.test(first))) return false;
    return lines.slice(0, 3).some((l) => TIMING_HINT.test(l));
  },
  parse: (text) => parseSrt(text),
};
