// Malformed vendor files (issue 5, "Bad input"): each one ends as a clear, located error or warning,
// read through the same entry point the audit uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallBytes } from '../../src/readers/index.js';
import type { ReadOutcome } from '../../src/readers/index.js';
import { jsonUnknownReader, looksLikeJson, parseJson } from '../../src/readers/json-util.js';
import { offsetToLineColumn, scanForError } from '../../src/readers/json-position.js';
import { ParseFailure } from '../../src/readers/types.js';

const path = (name: string) => `fixtures/formats/bad/${name}`;
const read = (name: string): ReadOutcome =>
  parseCallBytes(new Uint8Array(readFileSync(new URL(`../../${path(name)}`, import.meta.url))), path(name));

function error(name: string) {
  const outcome = read(name);
  if (outcome.ok) throw new Error(`${name} was read, expected an error`);
  return outcome.error;
}

function warnings(name: string): string[] {
  const outcome = read(name);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.call.warnings.map((w) => w.message);
}

describe('files that cannot be read', () => {
  it('a vendor export of a failed recognition task: the vendor\'s own status and reason, not its JSON shape', () => {
    expect(error('tencent-task-failed.json').message).toBe(
      'the speech-recognition task failed (StatusStr failed, ErrorMsg "Failed to download audio file!"): no transcript to score; re-run the recognition',
    );
    expect(error('alibaba-task-failed.json').message).toBe(
      'the speech-recognition task failed (StatusText FILE_DOWNLOAD_FAILED): no transcript to score; re-run the recognition',
    );
    // A successful task with an empty list is still said as such.
    expect(error('empty-sentences.json').message).not.toContain('task failed');
  });

  it('truncated JSON: the syntax error at its line and column, and what the file was meant to be', () => {
    expect(error('truncated.json')).toEqual({
      file: path('truncated.json'),
      stage: 'parse',
      message: 'invalid JSON: Unterminated string at line 24, column 38 (it looks like Alibaba output)',
      line: 24,
      column: 38,
    });
  });

  it('a bad token (no position in V8 message) is still located, by our own scan', () => {
    const e = error('bad-token.json');
    expect([e.line, e.column]).toEqual([4, 93]);
    const line = readFileSync(new URL(`../../${path('bad-token.json')}`, import.meta.url), 'utf8').split('\n')[3] ?? '';
    expect(line.slice(89, 92)).toBe('tru'); // column 93 is just after the broken literal
    expect(e.message).toMatch(/^invalid JSON: Unexpected token .* at line 4, column 93 \(it looks like Whisper output\)$/);
  });

  it('valid JSON of no vendor shape is refused with its keys, not read as plain text', () => {
    expect(error('wrong-shape.json').message).toBe(
      'JSON of unknown shape: top-level keys metadata, results; expected Alibaba (or Tingwu), Tencent, iFlytek, AWS, Azure, Whisper or FunASR transcript JSON',
    );
  });

  it('an empty sentence list', () => {
    expect(error('empty-sentences.json').message).toBe('no utterances (Result.Sentences is empty)');
  });

  it('segments whose texts are all empty', () => {
    expect(error('empty-texts.json').message).toBe('no utterances (every utterance is empty)');
  });

  it('a time that is not a number names the field', () => {
    expect(error('bad-number.json').message).toBe('Result.Sentences[1].BeginTime: expected a number, found "4.8s"');
  });

  it('a time too large for a number says so, not "found null"', () => {
    const text = '{"Result":{"Sentences":[{"BeginTime":0,"EndTime":1e400,"Text":"您好","ChannelId":0}]}}';
    const outcome = parseCallBytes(new TextEncoder().encode(text), 'big.json');
    expect(!outcome.ok && outcome.error.message).toBe('Result.Sentences[0].EndTime: number out of range (too large to represent)');
  });

  it('a broken JSON string inside iFlytek\'s nested strings is traced to the lattice item and to the file', () => {
    const e = error('iflytek-bad-nested.json');
    expect(e.message).toBe(
      "lattice[2].json_1best: invalid JSON inside the string: Expected ',' or '}' after property value at line 13, column 7115",
    );
    const line = readFileSync(new URL(`../../${path('iflytek-bad-nested.json')}`, import.meta.url), 'utf8').split('\n')[12] ?? '';
    // The error is the quote after `"rl":1`, written \\\" twice escaped in the file.
    expect(line.slice(7114 - 12, 7114 + 4)).toBe('\\\\\\"rl\\\\\\":1\\\\\\"');
  });

  it('a binary file renamed .json is refused before any reader sees it', () => {
    expect(error('binary.json')).toMatchObject({ stage: 'decode', message: 'binary file (not text)' });
  });

  it('a mistyped SubRip timing line', () => {
    expect(error('bad-timing.srt')).toMatchObject({ line: 6, column: 14 });
  });
});

describe('files read with a warning (times are checked once, for every format, in readers/index.ts)', () => {
  it('a negative time: the segment named, the call\'s timestamps not used', () => {
    expect(warnings('negative-time.json')).toContain('timestamps unusable, not used (timing rules are na): turn 1 (segments[0]) has a negative start time (-1.5 s)');
  });

  it.each([
    ['negative-time.srt', 'turn 1 has a negative start time (-1 s)', 3],
    ['negative-end-time.srt', 'turn 1 has a negative end time (-3.2 s)', 3],
    ['negative-time.vtt', 'turn 1 has a negative start time (-1 s)', 4],
  ])('a negative cue time (%s): read as cues, the time named, the call\'s timestamps not used', (name, problem, line) => {
    const outcome = read(name);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.call.source.format).toBe(name.slice(name.lastIndexOf('.') + 1));
    expect(outcome.call.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['agent', '您好，康泰鑫客服为您服务'],
      ['customer', '我要投诉'],
    ]);
    expect(outcome.call.source.timingProblem).toBe(problem);
    expect(outcome.call.warnings).toEqual([{ message: `timestamps unusable, not used (timing rules are na): ${problem}`, line }]);
  });

  it('null or missing times on some utterances: each named, the call\'s timestamps not used', () => {
    const outcome = read('missing-times.json');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.call.warnings.map((w) => w.message)).toContain(
      'timestamps unusable, not used (timing rules are na): turn 1 (Result.Sentences[0]) has no start time (null or missing); turn 3 (Result.Sentences[2]) has no start time (null or missing)',
    );
    expect(outcome.call.source.timed).toBe(false);
    expect(outcome.call.source.timingProblem).toBe('turn 1 (Result.Sentences[0]) has no start time (null or missing)');
  });

  it('a file with no times at all is untimed, without a warning', () => {
    const outcome = read('no-times.json');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.call.source.timed).toBe(false);
    expect(outcome.call.source.timingProblem).toBeUndefined();
    expect(outcome.call.warnings.map((w) => w.message).filter((m) => /time/.test(m))).toEqual([]);
  });

  it('times going backwards', () => {
    expect(warnings('out-of-order.srt')).toContain('timestamps unusable, not used (timing rules are na): turn 3 starts at 00:04.3, 5.4 s before the utterance listed before it (times go backwards)');
  });

  it('overlapping utterances', () => {
    expect(warnings('overlap.json')).toContain('2 utterance(s) overlap the previous one in time (the first is turn 2 (ResultDetail[1]))');
  });
});

describe('JSON positions', () => {
  it('line and column count from 1, over \\n, \\r\\n and \\r', () => {
    expect(offsetToLineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(offsetToLineColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(offsetToLineColumn('ab\rcd', 3)).toEqual({ line: 2, column: 1 });
  });

  it.each([
    ['{"a": tru}', 9],
    ['{"a": 1 "b": 2}', 8],
    ['[1, 2,, 3]', 6],
    ['{"a": "x\\q"}', 9],
    ['{"a": 1}}', 8],
    ['{"a": [1, 2', 11],
  ])('the scanner finds the first bad character of %s', (json, offset) => {
    expect(scanForError(json)).toBe(offset);
  });

  it('parseJson throws a located ParseFailure', () => {
    try {
      parseJson('{\n  "a": 1,\n  "b": x\n}');
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(ParseFailure);
      expect([(err as ParseFailure).line, (err as ParseFailure).column]).toEqual([3, 8]);
    }
  });

  it('JSON is recognised by its first characters, and "[" alone is not enough', () => {
    expect(looksLikeJson('  {"a": 1}')).toBe(true);
    expect(looksLikeJson('[{"a": 1}]')).toBe(true);
    expect(looksLikeJson('[00:00.0-00:03.2] 坐席：您好')).toBe(false);
    expect(looksLikeJson('[0:1.020,0:3.540,0]  您好')).toBe(false);
    expect(jsonUnknownReader.sniff('坐席：您好', 'a.json')).toBe(false);
  });
});
