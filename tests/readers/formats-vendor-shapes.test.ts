// Older and newer result shapes of the vendors, as users save them: each read with its speakers
// and times, or refused naming the shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alibabaReader } from '../../src/readers/alibaba.js';
import { awsReader } from '../../src/readers/aws.js';
import { azureReader } from '../../src/readers/azure.js';
import { funasrReader } from '../../src/readers/funasr.js';
import { iflytekReader } from '../../src/readers/iflytek.js';
import { tencentReader } from '../../src/readers/tencent.js';
import { tingwuReader } from '../../src/readers/tingwu.js';
import { readCallFile } from '../../src/readers/index.js';
import type { FormatReader, ParsedTranscript } from '../../src/readers/types.js';

const fixture = (name: string) => new URL(`../../fixtures/formats/${name}`, import.meta.url);

function read(reader: FormatReader, name: string): ParsedTranscript {
  const t = readFileSync(fixture(name), 'utf8');
  expect(reader.sniff(t, name)).toBe(true);
  return reader.parse(t, name);
}

/** who, when, what */
const rows = (p: ParsedTranscript) => p.utterances.map((u) => [u.speaker ?? u.channel, u.startMs, u.endMs, u.text]);

describe('AWS Transcribe, the oldest outputs (no label on results.items)', () => {
  it('takes each word\'s speaker from speaker_labels.segments, not one mono turn', () => {
    expect(rows(read(awsReader, 'aws-speaker-labels.json'))).toEqual([
      ['spk_0', 300, 2400, '您好请问有什么可以帮您？'],
      ['spk_1', 3050, 4200, '我的卡被锁了。'],
      ['spk_0', 4800, 6100, '好的请稍等。'],
    ]);
  });

  it('merges channel_labels.channels in time order, punctuation staying with its word', () => {
    const p = read(awsReader, 'aws-channel-labels.json');
    expect(rows(p)).toEqual([
      ['ch_0', 300, 2400, '您好请问有什么可以帮您？'],
      ['ch_1', 3050, 4200, '我的卡被锁了。'],
      ['ch_0', 4800, 6100, '好的请稍等。'],
    ]);
    expect(p.utterances[1]?.words).toEqual([{ start: 0, end: 6, confidence: 0.9342 }]);
  });

  it('the call gets its roles: the agent greets on spk_0', () => {
    const out = readCallFile(fixture('aws-speaker-labels.json').pathname);
    expect(out.ok && out.call.utterances.map((u) => u.speaker)).toEqual(['agent', 'customer', 'agent']);
  });
});

describe('iFlytek lfasr v1 (data: a JSON string of onebest sentences)', () => {
  it('reads bg/ed in ms and the separated speaker as the channel', () => {
    expect(rows(read(iflytekReader, 'iflytek-v1.json'))).toEqual([
      ['1', 180, 3620, '您好，康泰鑫客服工号036为您服务，请问有什么可以帮您？'],
      ['2', 4080, 8950, '你好，我想问一下我这个月的话费怎么多扣了十五块钱。'],
      ['1', 9100, 13860, '好的，请您稍等，我马上为您查询。'],
    ]);
  });

  it('a list already decoded by the user is read the same', () => {
    const decoded = JSON.parse(readFileSync(fixture('iflytek-v1.json'), 'utf8')) as { data: string };
    const json = JSON.stringify({ ...decoded, data: JSON.parse(decoded.data) as unknown });
    expect(iflytekReader.sniff(json, 'x.json')).toBe(true);
    expect(iflytekReader.parse(json, 'x.json').utterances.map((u) => u.channel)).toEqual(['1', '2', '1']);
  });

  it('a failed task (err_no not 0) is refused with iFlytek\'s reason, not as JSON of unknown shape', () => {
    const out = readCallFile(fixture('bad/iflytek-v1-failed.json').pathname);
    expect(out.ok ? '' : out.error.message).toBe(
      'the speech-recognition task failed (err_no 26601, failed "转写失败，音频时长过短"): no transcript to score; re-run the recognition',
    );
  });
});

describe('FunASR (AutoModel.generate saved as JSON)', () => {
  it('reads sentence_info: start/end in ms, spk as the channel', () => {
    expect(rows(read(funasrReader, 'funasr.json'))).toEqual([
      ['0', 380, 3120, '您好，康泰鑫客服很高兴为您服务。'],
      ['1', 3600, 6050, '我的快递三天了还没到。'],
      ['0', 6400, 9800, '好的，请您稍等，我帮您查一下。'],
    ]);
  });

  it('a SenseVoice result without sentence_info is its text, tags dropped, no speaker', () => {
    expect(rows(read(funasrReader, 'funasr-sensevoice.json'))).toEqual([[undefined, undefined, undefined, '您好，康泰鑫客服很高兴为您服务，请问有什么可以帮您？']]);
  });

  it('a list of several recordings is refused, naming them', () => {
    const two = JSON.stringify([{ key: 'a', text: '您好' }, { key: 'b', text: '你好' }]);
    expect(() => funasrReader.parse(two, 'x.json')).toThrow('a FunASR result list of 2 recordings (keys a, b); save one call per file');
  });

  it('is picked by content among all readers, and the call gets its roles', () => {
    const out = readCallFile(fixture('funasr.json').pathname);
    expect(out.ok && [out.call.source.format, out.call.utterances.map((u) => u.speaker)]).toEqual(['funasr', ['agent', 'customer', 'agent']]);
  });
});

describe('SenseVoice on DashScope (Paraformer-shaped transcripts)', () => {
  it('drops the <|Speech|> / emotion tags from the text', () => {
    expect(rows(read(alibabaReader, 'alibaba-sensevoice.json'))).toEqual([
      ['0', 380, 3120, '您好，康泰鑫客服很高兴为您服务。'],
      ['1', 3600, 6050, '我的快递三天了还没到！'],
      ['0', 6400, 9800, '好的，请您稍等，我帮您查一下。'],
    ]);
  });
});

describe('Azure Speech real-time results saved as a list', () => {
  it('ticks to ms, SpeakerId as the channel, a phrase not recognised skipped and counted', () => {
    const p = read(azureReader, 'azure-realtime.json');
    expect(rows(p)).toEqual([
      ['Guest-1', 380, 3120, '您好，康泰鑫客服很高兴为您服务。'],
      ['Guest-2', 3600, 6050, '我的快递三天了还没到。'],
      ['Guest-1', 6400, 9800, '好的，请您稍等，我帮您查一下。'],
    ]);
    expect(p.utterances[2]?.confidence).toBe(0.9134);
    expect(p.warnings).toEqual([{ message: '1 phrase(s) not recognised (recognitionStatus not Success) skipped' }]);
  });

  it('a voice the transcriber did not place ("Unknown") has no speaker, not a third one', () => {
    const json = JSON.stringify([{ RecognitionStatus: 'Success', DisplayText: '喂？', Offset: 0, Duration: 5_000_000, Channel: 0, SpeakerId: 'Unknown' }]);
    expect(azureReader.parse(json, 'x.json').utterances[0]?.channel).toBeUndefined();
  });
});

describe('Alibaba Tingwu (听悟) Transcription JSON', () => {
  it('one utterance per SentenceId, the paragraph\'s SpeakerId as the channel, ms times', () => {
    expect(rows(read(tingwuReader, 'tingwu.json'))).toEqual([
      ['1', 380, 3120, '您好，康泰鑫客服很高兴为您服务。'],
      ['2', 3600, 6050, '我的快递三天了还没到。'],
      ['2', 6200, 7300, '单号是SF 1234。'],
      ['1', 7800, 13800, '好的，请您稍等，我帮您查一下。'],
    ]);
  });

  it('is picked by content, not refused as JSON of unknown shape', () => {
    const out = readCallFile(fixture('tingwu.json').pathname);
    expect(out.ok && out.call.source.format).toBe('tingwu');
  });
});

describe('Tencent ASR callback body saved as JSON', () => {
  const expected = [
    ['0', 380, 3120, '您好，康泰鑫客服很高兴为您服务。'],
    ['1', 3600, 6050, '我的快递三天了还没到。'],
    ['0', 6400, 9800, '好的，请您稍等，我帮您查一下。'],
  ];

  it('reads resultDetail (a JSON string in the form body) with SpeakerId as the channel', () => {
    expect(rows(read(tencentReader, 'tencent-callback.json'))).toEqual(expected);
  });

  it('falls back to the text lines when resultDetail is empty', () => {
    const body = JSON.parse(readFileSync(fixture('tencent-callback.json'), 'utf8')) as Record<string, unknown>;
    const json = JSON.stringify({ ...body, resultDetail: '' });
    expect(tencentReader.sniff(json, 'x.json')).toBe(true);
    expect(rows(tencentReader.parse(json, 'x.json'))).toEqual(expected);
  });
});
