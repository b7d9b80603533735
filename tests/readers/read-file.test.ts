import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalize/fold.js';
import { MAX_DIALOGUE_CHARS, MAX_FILE_BYTES, parseCallBytes, readCallFile } from '../../src/readers/index.js';
import type { Call, ReadError } from '../../src/readers/index.js';

const path = (name: string) => fileURLToPath(new URL(`../../fixtures/readers/${name}`, import.meta.url));

function callOf(name: string): Call {
  const outcome = readCallFile(path(name));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.call;
}

function errorOf(file: string, opts = {}): ReadError {
  const outcome = readCallFile(file, opts);
  if (outcome.ok) throw new Error(`${file} was read, an error was expected`);
  return outcome.error;
}

describe('readCallFile', () => {
  it('reads the reference call into a Call with its source facts', () => {
    const call = callOf('call-timed.txt');
    expect(call.id).toBe('2026-10-0001');
    expect(call.file).toBe(path('call-timed.txt'));
    expect(call.meta.agent_id).toBe('A128');
    expect(call.source).toEqual({ format: 'plain', encoding: 'utf-8', timed: true, diarized: true, roleSource: 'labels' });
    expect(call.utterances).toHaveLength(10);
    expect(call.utterances[9]).toEqual({
      index: 9,
      speaker: 'agent',
      text: '感谢您的来电，祝您生活愉快，再见！',
      line: 18, // line 13's utterance continues on line 14
      startMs: 49_300,
      endMs: 52_600,
    });
    expect(call.warnings).toEqual([]);
  });

  it('an untimed call is not timed; the id falls back to the file name when there is no call_id', () => {
    expect(callOf('call-untimed.txt').source.timed).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'callqa-readers-'));
    const file = join(dir, '2026-10-0099.call.txt');
    writeFileSync(file, '坐席：您好\n客户：你好\n');
    const outcome = readCallFile(file);
    expect(outcome.ok && outcome.call.id).toBe('2026-10-0099.call');
  });

  it('the same conversation in UTF-8, UTF-16, GB18030 and Big5 gives identical utterances after folding', () => {
    const reference = callOf('call-timed.txt');
    const folded = (call: Call) => call.utterances.map((u) => [u.speaker, u.startMs, u.endMs, foldText(u.text).folded]);
    const encodings: Record<string, string> = {
      'call-utf8-bom.txt': 'utf-8',
      'call-utf16le.txt': 'utf-16le',
      'call-utf16be.txt': 'utf-16be',
      'call-gb18030.txt': 'gb18030',
      'call-gb18030-traditional.txt': 'gb18030',
      'call-big5.txt': 'big5',
      'call-traditional.txt': 'utf-8',
    };
    for (const [file, encoding] of Object.entries(encodings)) {
      const call = callOf(file);
      expect(call.source.encoding, file).toBe(encoding);
      expect(folded(call), file).toEqual(folded(reference));
      expect(call.meta, file).toEqual(reference.meta);
    }
    // and the original characters are kept for evidence
    expect(callOf('call-big5.txt').utterances[1]?.text).toBe('我上週買的鍵盤一直沒發貨，你們怎麼回事？');
  });

  it.each<[string, Partial<ReadError>]>([
    ['bad-empty.txt', { stage: 'read', message: 'empty file' }],
    ['bad-binary.txt', { stage: 'decode', message: 'binary file (not text)' }],
    ['bad-no-labels.txt', { stage: 'parse', message: 'no speaker labels found' }],
    [
      'bad-front-matter.txt',
      { stage: 'parse', message: 'front matter: a line is not "key: value" (is the colon missing?)', line: 4, column: 1 },
    ],
    ['bad-front-matter-list.txt', { stage: 'parse', line: 2 }],
    ['bad-front-matter-unclosed.txt', { stage: 'parse', line: 1 }],
    ['no-such-file.txt', { stage: 'read', message: 'file not found' }],
  ])('%s → a ReadError', (name, expected) => {
    const error = errorOf(path(name));
    expect(error).toMatchObject({ file: path(name), ...expected });
    expect(error.message).not.toMatch(/\n|    at /); // one line, no stack
  });

  it('refuses directories, devices and files over the size limit', () => {
    expect(errorOf(path(''))).toMatchObject({ stage: 'read', message: 'is a directory, not a file' });
    expect(errorOf('/dev/null')).toMatchObject({ stage: 'read', message: 'not a regular file' });
    expect(errorOf(path('call-timed.txt'), { maxFileBytes: 100 })).toMatchObject({
      stage: 'read',
      message: 'file too large (0 MB; the limit is 0 MB)',
    });
    expect(MAX_FILE_BYTES).toBe(50 * 1024 * 1024);
  });

  it('refuses a call whose dialogue runs past the limit, at the line where it does', () => {
    const text = '坐席：您好。\n客户：你好。\n坐席：' + '您好'.repeat(30) + '\n客户：好。\n';
    const bytes = new TextEncoder().encode(text);
    expect(parseCallBytes(bytes, 'x.txt', { maxDialogueChars: 65 })).toEqual({
      ok: false,
      error: { file: 'x.txt', stage: 'parse', line: 3, message: 'dialogue too long: 68 characters (the limit is 65); a broken export, not a call' },
    });
    expect(parseCallBytes(bytes, 'x.txt', { maxDialogueChars: 68 }).ok).toBe(true);
    expect(MAX_DIALOGUE_CHARS).toBe(200_000);
  });

  it('a call where only the agent speaks keeps the agent role (a silent caller, not a mono recording)', () => {
    const call = callOf('one-speaker.txt');
    expect(call.source.diarized).toBe(true);
    expect(call.utterances.every((u) => u.speaker === 'agent')).toBe(true);
    expect(call.warnings).toEqual([]);
  });

  it('bad times (end before start, going backwards): one warning at the first, no times kept', () => {
    const call = callOf('bad-times.txt');
    expect(call.utterances.map((u) => [u.startMs, u.endMs])).toEqual(Array.from({ length: 5 }, () => [undefined, undefined]));
    expect(call.source.timed).toBe(false);
    expect(call.source.timingProblem).toBe('turn 3 ends before it starts (00:10.0 to 00:08.0)');
    expect(call.warnings).toEqual([
      {
        line: 7,
        message:
          'timestamps unusable, not used (timing rules are na): turn 3 ends before it starts (00:10.0 to 00:08.0); turn 4 starts at 00:06.0, 4 s before the utterance listed before it (times go backwards)',
      },
    ]);
  });

  it('a start up to a second before the previous one, and overlaps, are only reported', () => {
    const text = '[00:00.0-00:03.0] 坐席：您好。\n[00:02.0-00:04.0] 客户：你好。\n[00:05.0-00:06.0] 坐席：请讲。\n[00:04.2-00:07.0] 客户：我的订单没到。\n';
    const outcome = parseCallBytes(new TextEncoder().encode(text), 'x.txt');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.call.source.timed).toBe(true);
    expect(outcome.call.source.timingProblem).toBeUndefined();
    expect(outcome.call.utterances.map((u) => u.startMs)).toEqual([0, 2000, 5000, 4200]);
    expect(outcome.call.warnings).toEqual([
      { line: 4, message: 'turn 4 starts before the previous utterance (times out of order)' },
      { line: 2, message: '1 utterance(s) overlap the previous one in time (the first is turn 2)' },
    ]);
  });

  it('drops empty utterances and says so; only empty utterances → error', () => {
    const forms = callOf('plain-forms.txt');
    expect(forms.warnings).toContainEqual({ line: 18, message: '1 empty utterance(s) dropped (the first on this line)' });
    expect(forms.utterances.map((u) => u.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const empty = parseCallBytes(new TextEncoder().encode('坐席：\n客户：\n'), 'x.txt');
    expect(empty).toEqual({
      ok: false,
      error: { file: 'x.txt', stage: 'parse', message: 'no utterances (every utterance is empty)' },
    });
  });

  it('a UTF-8 file cut inside its last character is read, with the warning first', () => {
    const whole = new TextEncoder().encode('坐席：您好\n客户：你好');
    const outcome = parseCallBytes(whole.subarray(0, whole.length - 2), 'cut.txt');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.call.utterances[1]?.text).toBe('你');
    expect(outcome.call.warnings[0]?.message).toBe('the file ends in the middle of a character (truncated?)');
  });

  it('whitespace-only text is an empty file', () => {
    const outcome = parseCallBytes(new TextEncoder().encode(' \n\n  \n'), 'blank.txt');
    expect(outcome.ok || outcome.error).toMatchObject({ stage: 'parse', message: 'empty file (only whitespace)' });
  });
});
