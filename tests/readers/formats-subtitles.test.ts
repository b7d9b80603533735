// SubRip and WebVTT readers (issue 5): cue times, speakers from prefixes and voice tags.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { srtReader } from '../../src/readers/srt.js';
import { vttReader } from '../../src/readers/vtt.js';
import { ParseFailure } from '../../src/readers/types.js';
import type { ParsedTranscript } from '../../src/readers/types.js';

const text = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const rows = (p: ParsedTranscript) => p.utterances.map((u) => [u.speaker ?? u.channel, u.startMs, u.endMs, u.text, u.line]);

function failure(fn: () => unknown): ParseFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseFailure) return err;
    throw err;
  }
  throw new Error('expected a ParseFailure');
}

describe('SubRip', () => {
  it('speaker ids in [brackets] or before a colon are channels; an unlabelled cue continues the speaker', () => {
    const t = text('speakers.srt');
    expect(srtReader.sniff(t, 'x.txt')).toBe(true);
    const p = srtReader.parse(t, 'speakers.srt');
    expect(p.explicitRoles).toBe(false);
    expect(rows(p)).toEqual([
      ['SPEAKER_00', 500, 3200, '您好，康泰鑫客服，请问有什么可以帮您？', 3],
      ['SPEAKER_01', 3700, 6950, '我昨天交的话费怎么还没到账？', 8],
      ['SPEAKER_00', 7300, 9100, '请您稍等，', 13],
      ['SPEAKER_00', 9100, 12480, '我马上为您查询。', 17],
    ]);
  });

  it('role labels (坐席：/客户：) give explicit roles from labels', () => {
    const p = srtReader.parse(text('same-call/call.srt'), 'call.srt');
    expect(p.explicitRoles).toBe(true);
    expect(p.roleSource).toBe('labels');
    expect(p.utterances.slice(0, 2).map((u) => u.speaker)).toEqual(['agent', 'customer']);
  });

  it('role labels mixed with speaker ids keep both: roles where given, channels for the rest', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nSPEAKER_00: 您好，康泰鑫客服。\n\n2\n00:00:02,500 --> 00:00:04,000\n客戶：我要投訴。\n';
    const p = srtReader.parse(srt, 'mixed.srt');
    expect(p.explicitRoles).toBe(false);
    expect(p.utterances.map((u) => [u.speaker, u.channel, u.text])).toEqual([
      [undefined, 'SPEAKER_00', '您好，康泰鑫客服。'],
      ['customer', undefined, '我要投訴。'],
    ]);
  });

  it('a name that is neither a role label nor a speaker id stays in the text', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n王芳：您好，康泰鑫客服。\n\n2\n00:00:02,500 --> 00:00:04,000\n客户：我要投诉。\n';
    const p = srtReader.parse(srt, 'names.srt');
    expect(p.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['unknown', '王芳：您好，康泰鑫客服。'],
      ['customer', '我要投诉。'],
    ]);
  });

  it('cues run together without blank lines are still one cue each, with a warning', () => {
    const srt = '1\n00:00:00,500 --> 00:00:03,200\n坐席：您好，请问有什么可以帮您？\n2\n00:00:03,700 --> 00:00:06,950\n客户：我要投诉。\n\n3\n00:00:07,300 --> 00:00:09,100\n坐席：非常抱歉。\n00:00:09,500 --> 00:00:10,000\n客户：好。\n';
    const parsed = srtReader.parse(srt, 'x.srt');
    expect(rows(parsed)).toEqual([
      ['agent', 500, 3200, '您好，请问有什么可以帮您？', 3],
      ['customer', 3700, 6950, '我要投诉。', 6],
      ['agent', 7300, 9100, '非常抱歉。', 10],
      ['customer', 9500, 10000, '好。', 12],
    ]);
    expect(parsed.warnings).toEqual([{ message: 'cues not separated by a blank line; each timing line starts a new cue', line: 4 }]);
  });

  it('a mistyped arrow is located on its line and column', () => {
    const err = failure(() => srtReader.parse(text('bad/bad-timing.srt'), 'bad-timing.srt'));
    expect(err.message).toBe('line 6: bad cue timing "00:00:03,700 -> 00:00:06,950" (expected 00:00:01,020 --> 00:00:03,540)');
    expect([err.line, err.column]).toEqual([6, 14]);
  });

  it('is not claimed for WebVTT or plain transcripts', () => {
    expect(srtReader.sniff(text('voices.vtt'), 'voices.srt')).toBe(false);
    expect(srtReader.sniff('[00:00.0-00:03.2] 坐席：您好。\n', 'x.srt')).toBe(false);
  });
});

describe('WebVTT', () => {
  it('voice tags (with classes) name the speaker; labels in both scripts; STYLE/NOTE skipped; tags and entities cleaned', () => {
    const t = text('voices.vtt');
    expect(vttReader.sniff(t, 'x.txt')).toBe(true);
    const p = vttReader.parse(t, 'voices.vtt');
    expect(p.explicitRoles).toBe(true);
    expect(rows(p)).toEqual([
      ['agent', 400, 3150, '您好，康泰鑫客服，很高興為您服務。', 12],
      ['customer', 3600, 7020, '我的包裹&發票都沒收到，你們怎麼回事？', 16],
      ['agent', 7500, 10250, '很抱歉，我立即為您查詢。', 19],
    ]);
  });

  it('other voice names are channels', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v 王芳>您好。\n\n00:02.500 --> 00:04.000\n<v 李先生>你好。\n';
    const p = vttReader.parse(vtt, 'names.vtt');
    expect(p.explicitRoles).toBe(false);
    expect(p.utterances.map((u) => u.channel)).toEqual(['王芳', '李先生']);
  });

  it('a file without the WEBVTT header is not WebVTT', () => {
    expect(vttReader.sniff('00:01.000 --> 00:02.000\n<v 坐席>您好。\n', 'x.vtt')).toBe(false);
    const err = failure(() => vttReader.parse('1\n00:01.000 --> 00:02.000\n坐席：您好。\n', 'x.vtt'));
    expect([err.message, err.line]).toEqual(['line 1: a WebVTT file must start with "WEBVTT"', 1]);
  });

  it('a cue with a broken time is located', () => {
    const err = failure(() => vttReader.parse('WEBVTT\n\n00:01.000 --> 00:02.000\n坐席：您好。\n\n00:61.000 --> 00:62.000\n客户：喂？\n', 'x.vtt'));
    expect([err.line, err.column]).toEqual([6, 1]);
    expect(err.message).toMatch(/^line 6: bad cue timing/);
  });
});
