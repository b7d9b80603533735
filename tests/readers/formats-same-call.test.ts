// One inbound complaint call in every format (fixtures/formats/same-call): whatever carries it,
// the call reads the same — same speakers, times and words (issue 5, "Done when").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallBytes } from '../../src/readers/index.js';
import type { Call } from '../../src/readers/index.js';
import { READERS } from '../../src/readers/registry.js';

const CALL: Array<[string, number, number, string]> = [
  ['agent', 1020, 5340, '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'],
  ['customer', 5900, 11200, '我上周在你们网上商城买的机械键盘，到现在还没发货，你们怎么回事？'],
  ['agent', 11650, 16980, '很抱歉，给您添麻烦了，我非常理解您的心情。请问您贵姓？'],
  ['customer', 17400, 19100, '我姓李。'],
  ['agent', 19500, 24820, '李先生，麻烦您提供一下订单号，我帮您查询一下，好吗？'],
  ['customer', 25300, 29640, '订单号是2026100188。'],
  ['agent', 30100, 38760, '李先生，让您久等了。您的订单因为仓库缺货延迟了，我会将您反映的问题如实上报，今天之内为您安排发货。'],
  ['customer', 39200, 41300, '好吧，那你们尽快。'],
  ['agent', 41800, 46500, '好的，请问还有什么可以帮您？'],
  ['customer', 47000, 48200, '没有了。'],
  ['agent', 48600, 52140, '感谢您的来电，祝您生活愉快，再见！'],
];

/** file, the reader that must claim it, the agent's channel (undefined: roles are in the file). */
const FILES: Array<[string, string, string | undefined]> = [
  ['alibaba.json', 'alibaba', '0'],
  ['alibaba-snake.json', 'alibaba', '0'],
  ['tencent.json', 'tencent', '0'],
  ['tencent-result.txt', 'tencent', '0'],
  ['iflytek.json', 'iflytek', '1'],
  ['aws-analytics.json', 'aws', undefined],
  ['azure.json', 'azure', '1'],
  ['whisperx.json', 'whisper', 'SPEAKER_00'],
  ['call.srt', 'srt', undefined],
  ['call.vtt', 'vtt', undefined],
  ['plain.txt', 'plain', undefined],
  // Older and other shapes of the same vendors, and FunASR.
  ['aws-speaker-labels.json', 'aws', 'spk_0'],
  ['azure-realtime.json', 'azure', 'Guest-1'],
  ['funasr.json', 'funasr', '0'],
  ['iflytek-v1.json', 'iflytek', '1'],
  ['tencent-callback.json', 'tencent', '0'],
  ['tingwu.json', 'tingwu', '1'],
];

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/formats/same-call/${name}`, import.meta.url)));
const text = (name: string) => new TextDecoder().decode(bytes(name));

function read(name: string, agentChannel?: string): Call {
  const outcome = parseCallBytes(bytes(name), `same-call/${name}`, agentChannel === undefined ? {} : { agentChannel });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.call;
}

const rows = (call: Call) => call.utterances.map((u) => [u.speaker, u.startMs, u.endMs, u.text]);

describe('the same call in every format', () => {
  it.each(FILES)('%s is claimed by the %s reader (sniffed by content)', (file, format) => {
    const t = text(file);
    expect(READERS.find((r) => r.sniff(t, file))?.name).toBe(format);
  });

  it.each(FILES)('%s parses to the same channels or roles, times and text', (file, format, agentChannel) => {
    const reader = READERS.find((r) => r.name === format);
    const parsed = reader?.parse(text(file), file);
    const roleOf = (u: NonNullable<typeof parsed>['utterances'][number]) =>
      u.speaker ?? (u.channel === agentChannel ? 'agent' : u.channel === undefined ? undefined : 'customer');
    expect(parsed?.explicitRoles).toBe(agentChannel === undefined);
    expect(parsed?.utterances.map((u) => [roleOf(u), u.startMs, u.endMs, u.text])).toEqual(CALL);
  });

  it.each(FILES)('%s reads end to end (decode, sniff, parse, roles) into the same call', (file, format, agentChannel) => {
    const call = read(file, agentChannel);
    expect(call.source).toMatchObject({ format, encoding: 'utf-8', timed: true, diarized: true });
    expect(call.source.roleSource).toBe(agentChannel === undefined ? (format === 'aws' ? 'explicit' : 'labels') : 'mapping');
    expect(rows(call)).toEqual(CALL);
  });

  it.each(FILES)('%s: automatic roles find the agent without being told', (file) => {
    expect(rows(read(file))).toEqual(CALL);
  });

  it.each([
    ['encodings/call-gb18030.srt', 'srt', 'gb18030', undefined],
    ['encodings/tencent-result-utf16le.txt', 'tencent', 'utf-16le', '0'],
    ['encodings/whisperx-bom.json', 'whisper', 'utf-8', 'SPEAKER_00'],
  ])('%s (legacy encoding, BOM, CRLF) reads into the same call', (file, format, encoding, agentChannel) => {
    const call = read(file, agentChannel);
    expect(call.source).toMatchObject({ format, encoding });
    expect(rows(call)).toEqual(CALL);
  });

  it('a vendor JSON saved as .txt is still that vendor', () => {
    const outcome = parseCallBytes(bytes('alibaba.json'), 'exports/2026-10-0001.txt', { agentChannel: '0' });
    expect(outcome.ok && outcome.call.source.format).toBe('alibaba');
    expect(outcome.ok && rows(outcome.call)).toEqual(CALL);
  });

  it('the vendor files really differ: channels, units and nesting are not the same text', () => {
    expect(text('iflytek.json')).toContain('"orderResult": "{\\"lattice\\"');
    expect(text('azure.json')).toContain('"offsetInTicks": 10200000');
    expect(text('whisperx.json')).toContain('"start": 1.02');
    expect(text('aws-analytics.json')).toContain('"ParticipantRole": "CUSTOMER"');
    expect(text('tencent-result.txt').split('\n')[0]).toBe('[0:1.020,0:5.340,0]  您好，康泰鑫客服128号为您服务，请问有什么可以帮您？');
  });
});
