/**
 * The SubRip sniff runs on every plain transcript (the plain reader is tried last), so it refuses
 * texts by their first character before splitting lines; this holds it to the sniff it replaced.
 */
import { describe, expect, it } from 'vitest';
import { TIMING_HINT } from '../../src/readers/cues.js';
import { srtReader } from '../../src/readers/srt.js';

function referenceSniff(text: string): boolean {
  if (/^\s*WEBVTT/.test(text)) return false;
  const lines = text.split(/\r\n|\r|\n/, 40).filter((l) => l.trim() !== '');
  const first = lines[0];
  if (first === undefined || !(/^\s*\d+\s*$/.test(first) || TIMING_HINT.test(first))) return false;
  return lines.slice(0, 3).some((l) => TIMING_HINT.test(l));
}

describe('SubRip sniff, exactly as before', () => {
  it.each([
    ['a cue', '1\n00:00:01,020 --> 00:00:03,540\n坐席：您好\n'],
    ['a cue after blank lines and a BOM-like U+FEFF', '\ufeff\n\r\n \u3000\n1\r\n00:00:01,020 --> 00:00:03,540\r\n'],
    ['a timing line first', '00:00:01.020 --> 00:00:03.540\n您好\n'],
    ['a cue past the first 40 lines', `${'\n'.repeat(45)}1\n00:00:01,020 --> 00:00:03,540\n`],
    ['a plain transcript', '[00:00.0-00:03.2] 坐席：您好。\n'],
    ['front matter', '---\ncall_id: 1\n---\n坐席：您好\n'],
    ['a number, then no timing', '12\n坐席：您好\n'],
    ['WebVTT', 'WEBVTT\n\n00:01.000 --> 00:02.000\n'],
    ['white space only', ' \n\t\n'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(srtReader.sniff(text, 'x')).toBe(referenceSniff(text));
  });
});
