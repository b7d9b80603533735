// Vendor JSON readers on fixtures built from each vendor's documented output (issue 5).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alibabaReader } from '../../src/readers/alibaba.js';
import { awsReader } from '../../src/readers/aws.js';
import { azureReader } from '../../src/readers/azure.js';
import { iflytekReader } from '../../src/readers/iflytek.js';
import { tencentReader } from '../../src/readers/tencent.js';
import { whisperReader } from '../../src/readers/whisper.js';
import type { FormatReader, ParsedTranscript } from '../../src/readers/types.js';

const text = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');

function read(reader: FormatReader, name: string): ParsedTranscript {
  const t = text(name);
  expect(reader.sniff(t, name)).toBe(true);
  return reader.parse(t, name);
}

/** The fields every test compares: who, when, what. */
const rows = (p: ParsedTranscript) => p.utterances.map((u) => [u.speaker ?? u.channel, u.startMs, u.endMs, u.text]);

describe('Alibaba 录音文件识别', () => {
  it('reads Result.Sentences, with SpeakerId (diarized mono) as the channel, keeping empty texts for the common drop', () => {
    const p = read(alibabaReader, 'alibaba.json');
    expect(p.explicitRoles).toBe(false);
    expect(rows(p)).toEqual([
      ['1', 760, 4210, '您好，康泰鑫客服工号036为您服务。'],
      ['2', 4800, 9320, '你好，我家宽带从昨天晚上开始就上不了网。'],
      ['2', 9400, 9800, ''],
      ['1', 10100, 14650, '很抱歉给您带来不便，麻烦您提供一下宽带账号，我马上帮您查询。'],
      ['2', 15200, 18900, '账号就是我的手机号。'],
    ]);
  });

  it('merges Paraformer transcripts (one per channel) into one call in time order', () => {
    const p = read(alibabaReader, 'alibaba-paraformer.json');
    expect(rows(p)).toEqual([
      ['0', 300, 3100, '您好，康泰鑫客服为您服务。'],
      ['1', 3600, 7900, '我的快递三天了还没到。'],
      ['0', 8200, 14500, '好的，我帮您查一下物流。'],
    ]);
  });
});

describe('Tencent ASR', () => {
  it('reads Data.ResultDetail with SpeakerId as the channel', () => {
    const p = read(tencentReader, 'tencent.json');
    expect(rows(p)).toEqual([
      ['0', 640, 3980, '您好，这里是康泰鑫客服中心。'],
      ['1', 4420, 8100, '你好，我想查一下这个月的话费。'],
      ['0', 8500, 12300, '好的，请您稍等，我立即为您查询。'],
    ]);
    expect(p.utterances[0]?.words).toBeUndefined(); // Tencent's Words carry times, not confidences
  });

  it('falls back to the Result text when ResultDetail is null, minutes past 59 included', () => {
    const p = read(tencentReader, 'tencent-result-only.json');
    expect(rows(p)).toEqual([
      ['0', 2100, 5640, '您好，康泰鑫客服很高兴为您服务。'],
      ['1', 6020, 9880, '我要投诉，你们的快递员态度太差了。'],
      ['0', (62 * 60 + 3.5) * 1000, (62 * 60 + 7.25) * 1000, '感谢您的来电，再见。'],
    ]);
  });
});

describe('iFlytek lfasr', () => {
  it('reads lattice (smoothed) before lattice2, with rl as the channel and wc as word confidences', () => {
    const p = read(iflytekReader, 'iflytek.json');
    expect(rows(p)).toEqual([
      ['1', 820, 4160, '您好，康泰鑫客服为您服务。'],
      ['2', 4700, 8800, '我的发票一直没收到。'],
      ['1', 9300, 13900, '很抱歉，我马上为您核实。'],
    ]);
    expect(p.utterances[0]?.words?.slice(0, 2)).toEqual([
      { start: 0, end: 2, confidence: 0.9981 },
      { start: 3, end: 6, confidence: 0.9235 }, // 康泰鑫, after the comma
    ]);
  });

  it('reads lattice2 (json_1best as an object) when there is no lattice, fillers kept', () => {
    const p = read(iflytekReader, 'iflytek-lattice2.json');
    expect(p.utterances.map((u) => u.text)).toEqual(['您好，康泰鑫客服为您服务。', '嗯我的发票一直没收到。', '很抱歉，我马上为您核实。']);
  });
});

describe('AWS Transcribe', () => {
  it('Call Analytics: explicit roles, spaces between Chinese words dropped, item confidences placed on the text', () => {
    const p = read(awsReader, 'aws-analytics.json');
    expect(p.explicitRoles).toBe(true);
    expect(rows(p)).toEqual([
      ['agent', 480, 3620, '您好，康泰鑫客服很高兴为您服务。'],
      ['customer', 4100, 7350, '我等了二十分钟才接通，什么态度！'],
      ['agent', 7800, 9900, '很抱歉，让您久等了。'],
    ]);
    const first = p.utterances[0];
    expect(first?.words?.[1]).toEqual({ start: 3, end: 6, confidence: 0.874 });
    expect(first?.text.slice(3, 6)).toBe('康泰鑫');
  });

  it('plain Transcribe: audio_segments with speaker labels, seconds to ms', () => {
    const p = read(awsReader, 'aws-transcribe.json');
    expect(p.explicitRoles).toBe(false);
    expect(rows(p)).toEqual([
      ['spk_0', 540, 2310, '您好，康泰鑫客服。'],
      ['spk_1', 2900, 5720, '我想退掉上周买的耳机。'],
      ['spk_0', 6100, 9405, '好的，请问您的订单号是多少？'],
    ]);
  });

  it('older plain Transcribe: items grouped by speaker, punctuation joined to the word before', () => {
    const p = read(awsReader, 'aws-items.json');
    expect(rows(p)).toEqual([
      ['spk_0', 300, 2400, '您好请问有什么可以帮您？'],
      ['spk_1', 3050, 4200, '我的卡被锁了。'],
    ]);
    expect(p.utterances[1]?.words?.[2]).toEqual({ start: 2, end: 3, confidence: 0.8742 });
  });
});

describe('Azure Speech batch transcription', () => {
  it('ticks to ms, channel ids, nBest display (lexical when display is empty), phrase confidence', () => {
    const p = read(azureReader, 'azure.json');
    expect(rows(p)).toEqual([
      ['0', 410, 3670, '您好，康泰鑫客服，请问有什么可以帮您？'],
      ['1', 4600, 6750, '我想改一下收货地址。'],
      ['0', 7200, 11840, '好的请您稍等我帮您查询'],
    ]);
    expect(p.utterances.map((u) => u.confidence)).toEqual([0.9372, 0.8845, 0.9021]);
    expect(p.utterances[0]?.words?.[1]).toEqual({ start: 3, end: 6, confidence: 0.7123 });
  });

  it('reads phrases listed channel by channel in time order', () => {
    const phrase = (channel: number, ms: number, display: string) => ({
      recognitionStatus: 'Success', channel, offsetInTicks: ms * 10_000, durationInTicks: 1_000 * 10_000, nBest: [{ confidence: 0.9, display }],
    });
    const json = JSON.stringify({ recognizedPhrases: [phrase(0, 0, '您好。'), phrase(0, 3000, '请稍等。'), phrase(1, 1500, '我要查话费。')] });
    expect(azureReader.parse(json, 'x.json').utterances.map((u) => [u.channel, u.startMs])).toEqual([['0', 0], ['1', 1500], ['0', 3000]]);
  });

  it('counts phrases that were not recognised in one warning', () => {
    expect(read(azureReader, 'azure.json').warnings).toEqual([
      { message: '1 phrase(s) not recognised (recognitionStatus not Success) skipped' },
    ]);
  });
});

describe('Whisper', () => {
  it('reads segments in seconds without a speaker (undiarized) and word probabilities', () => {
    const p = read(whisperReader, 'whisper.json');
    expect(rows(p)).toEqual([
      [undefined, 0, 2840, '您好,康泰鑫客服为您服务。'],
      [undefined, 3300, 7060, '我的订单显示已签收,但是我没有收到货。'],
    ]);
    expect(p.utterances[0]?.words?.map((w) => w.confidence)).toEqual([0.9312, 0.4121, 0.6618, 0.3904, 0.9786, 0.9527]);
  });
});

describe('sniffing is by content', () => {
  const cases: Array<[FormatReader, string]> = [
    [alibabaReader, 'alibaba.json'],
    [tencentReader, 'tencent.json'],
    [iflytekReader, 'iflytek.json'],
    [awsReader, 'aws-analytics.json'],
    [azureReader, 'azure.json'],
    [whisperReader, 'whisper.json'],
  ];
  it.each(cases.map(([r, f]) => [r.name, r, f] as const))('%s claims only its own fixture, whatever the file is called', (_name, reader, own) => {
    for (const [, other] of cases) expect(reader.sniff(text(other), 'call.txt')).toBe(other === own);
  });

  it('no JSON reader claims a plain transcript, even one starting with "[" ', () => {
    const plain = '[00:00.0-00:03.2] 坐席：您好，康泰鑫客服128号为您服务。\n[00:03.6-00:07.9] 客户：我的键盘还没发货。\n';
    for (const [reader] of cases) expect(reader.sniff(plain, 'call.json')).toBe(false);
  });
});
