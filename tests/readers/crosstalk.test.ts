// Stereo crosstalk: the other side's words written down again on a channel, at the same time.
import { describe, expect, it } from 'vitest';
import { parseCallBytes } from '../../src/readers/index.js';

type Row = [begin: number, end: number, channel: number, text: string];

function alibaba(rows: Row[]): Uint8Array {
  const sentences = rows.map(([BeginTime, EndTime, ChannelId, Text]) => ({ BeginTime, EndTime, ChannelId, Text }));
  return new TextEncoder().encode(JSON.stringify({ StatusText: 'SUCCESS', Result: { Sentences: sentences } }));
}

function read(rows: Row[]) {
  const r = parseCallBytes(alibaba(rows), 'call.json');
  if (!r.ok) throw new Error(r.error.message);
  return { texts: r.call.utterances.map((u) => `${u.speaker}:${u.text}`), warnings: r.call.warnings.map((w) => w.message) };
}

const GREETING: Row = [1000, 5000, 0, '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'];

describe('crosstalk between the channels', () => {
  it("the customer's sentence again on the agent's channel, 0.1 s later, is dropped and listed", () => {
    const r = read([GREETING, [5900, 11200, 1, '你们这什么破服务，你有病吧，到现在还没发货。'], [6000, 11300, 0, '你们这什么破服务，你有病吧，到现在还没发货。'], [11800, 16000, 0, '很抱歉给您添麻烦了。']]);
    expect(r.texts).toEqual(['agent:' + GREETING[3], 'customer:你们这什么破服务，你有病吧，到现在还没发货。', 'agent:很抱歉给您添麻烦了。']);
    expect(r.warnings).toContain("1 utterance(s) dropped as crosstalk: the other channel's words at the same time (the first is Result.Sentences[2])");
  });

  it('a fainter echo that caught only part of the sentence is dropped too', () => {
    const r = read([GREETING, [5900, 11200, 1, '你们这什么破服务，你有病吧，到现在还没发货。'], [6500, 9000, 0, '什么破服务你有病吧']]);
    expect(r.texts).toHaveLength(2);
  });

  it('kept: both saying 好的好的 at once, and the agent reading the order number back after the customer', () => {
    const r = read([
      GREETING,
      [5900, 8000, 1, '订单号是2026100188。'],
      [8500, 11000, 0, '订单号是2026100188，对吗？'],
      [11500, 12300, 1, '好的好的。'],
      [11600, 12400, 0, '好的好的。'],
    ]);
    expect(r.texts).toHaveLength(5);
    expect(r.warnings.join('\n')).not.toMatch(/crosstalk/);
  });

  it('kept: the agent repeating the mobile number along with the customer, a second behind (conduct.privacy judges it)', () => {
    const r = read([GREETING, [5900, 11000, 1, '我的手机号是13800138000。'], [7000, 12000, 0, '13800138000']]);
    expect(r.texts).toEqual(['agent:' + GREETING[3], 'customer:我的手机号是13800138000。', 'agent:13800138000']);
  });
});
