/**
 * SubRip (.srt) subtitles: numbered cues, a `00:00:01,020 --> 00:00:03,540` timing line, text
 * lines. The speaker is named at the start of the text — `坐席：`, `客户:`, `[SPEAKER_00]`,
 * `SPEAKER_00:` — giving a role or a channel (see cues.ts). Formatting tags are dropped.
 */
import { sliceWhole } from '../model/cut.js';
import { ParseFailure } from './types.js';
import type { FormatReader, ParsedTranscript } from './types.js';
import { blocks, finishCues, joinLines, parseTiming, splitSpeakerPrefix, TIMING_HINT } from './cues.js';
import type { Block, Cue } from './cues.js';
import type { ReadWarning } from '../model/call.js';

/** `<i>…</i>`, `<font color=…>` and ASS-style `{\an8}` overrides that some editors leave in. */
function stripTags(text: string): string {
  return text.replace(/<\/?[a-z][^>]*>/gi, '').replace(/\{\\[^}]*\}/g, '');
}

/**
 * Blocks as cues: a block holding more timing lines than its first is cues written without the
 * blank line between them (hand-edited files do this); it is cut before each further cue's
 * number (or timing line), and the first such place is reported.
 */
function cueBlocks(text: string, warnings: ReadWarning[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks(text)) {
    let start = 0;
    let timingAt = block.lines.findIndex((l) => l.includes('-->'));
    for (let i = timingAt + 1; timingAt >= 0 && i < block.lines.length; i++) {
      if (!block.lines[i]?.includes('-->')) continue;
      const cut = i - 1 > timingAt && CUE_NUMBER.test(block.lines[i - 1] as string) ? i - 1 : i;
      if (warnings.length === 0) warnings.push({ message: 'cues not separated by a blank line; each timing line starts a new cue', line: block.line + cut });
      out.push({ line: block.line + start, lines: block.lines.slice(start, cut) });
      start = cut;
      timingAt = i;
    }
    out.push(start === 0 ? block : { line: block.line + start, lines: block.lines.slice(start) });
  }
  return out;
}

const CUE_NUMBER = /^\s*\d+\s*$/;

export function parseSrt(text: string): ParsedTranscript {
  const cues: Cue[] = [];
  const warnings: ReadWarning[] = [];
  for (const block of cueBlocks(text, warnings)) {
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
  const parsed = finishCues(cues, 'the cues');
  return warnings.length > 0 ? { ...parsed, warnings: [...warnings, ...parsed.warnings] } : parsed;
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
