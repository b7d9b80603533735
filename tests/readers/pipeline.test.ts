// The pipeline around the readers, with a registry of test readers standing in for the vendor ones:
// reader choice by sniff order, a reader that crashes, and times no plain file can express.
import { describe, expect, it, vi } from 'vitest';
import type { FormatReader, ParsedTranscript } from '../../src/readers/types.js';
import { ParseFailure } from '../../src/readers/types.js';

const channelJson: ParsedTranscript = {
  meta: { call_id: 7 },
  warnings: [{ message: 'from the reader' }],
  explicitRoles: false,
  utterances: [
    { channel: '1', text: '喂', startMs: 0, endMs: 500 },
    { channel: '0', text: '您好，康泰鑫客服为您服务，请问有什么可以帮您？', startMs: -200, endMs: 3000 },
    { channel: '1', text: '我的订单没到', startMs: 3500, endMs: Number.NaN },
    { channel: '0', text: '请您稍等，我为您查询', startMs: 6000, endMs: 8000 },
  ],
};

vi.mock('../../src/readers/registry.js', async () => {
  const { plainReader } = await import('../../src/readers/plain.js');
  const json: FormatReader = {
    name: 'test-json',
    sniff: (text) => text.startsWith('{'),
    parse: (text) => {
      if (text.includes('"crash"')) throw new TypeError("Cannot read properties of undefined (reading 'Sentences')");
      if (text.includes('"bad"')) throw new ParseFailure('Unexpected end of JSON input', 3, 14);
      return structuredClone(channelJson);
    },
  };
  const sniffCrash: FormatReader = {
    name: 'sniff-crash',
    sniff: (text) => {
      if (text.startsWith('!')) throw new Error('sniff exploded');
      return false;
    },
    parse: () => channelJson,
  };
  return { READERS: [sniffCrash, json, plainReader] };
});

const { parseCallBytes } = await import('../../src/readers/index.js');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCallBytes with several readers', () => {
  it('uses the first reader whose sniff matches, then maps roles and checks times', () => {
    const outcome = parseCallBytes(bytes('{"ok": 1}'), 'calls/7.json', { agentChannel: 'auto' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { call } = outcome;
    expect(call.id).toBe('7');
    expect(call.source).toEqual({
      format: 'test-json',
      encoding: 'utf-8',
      timed: false, // its times are unusable: none is kept
      diarized: true,
      roleSource: 'auto',
      roleConfidence: 0.9,
      timingProblem: 'turn 2 has a negative start time (-0.2 s)',
    });
    expect(call.utterances.map((u) => [u.speaker, u.startMs, u.endMs])).toEqual([
      ['customer', undefined, undefined],
      ['agent', undefined, undefined],
      ['customer', undefined, undefined],
      ['agent', undefined, undefined],
    ]);
    expect(call.warnings.map((w) => w.message)).toEqual([
      'from the reader',
      'roles decided automatically: channel 0 = agent (confidence 0.9): it opens with a greeting and says the most service phrases',
      'timestamps unusable, not used (timing rules are na): turn 2 has a negative start time (-0.2 s); turn 3 has an invalid end time',
    ]);
  });

  it('the agent channel option maps roles', () => {
    const outcome = parseCallBytes(bytes('{"ok": 1}'), '7.json', { agentChannel: '1' });
    expect(outcome.ok && outcome.call.utterances.map((u) => u.speaker)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(outcome.ok && outcome.call.source.roleSource).toBe('mapping');
  });

  it('a located ParseFailure becomes a parse ReadError with line and column', () => {
    expect(parseCallBytes(bytes('{"bad": '), 'b.json')).toEqual({
      ok: false,
      error: { file: 'b.json', stage: 'parse', message: 'Unexpected end of JSON input', line: 3, column: 14 },
    });
  });

  it('anything else a reader throws is an internal reader error, not a crash', () => {
    expect(parseCallBytes(bytes('{"crash": 1}'), 'c.json')).toEqual({
      ok: false,
      error: {
        file: 'c.json',
        stage: 'parse',
        message: "internal reader error (test-json): Cannot read properties of undefined (reading 'Sentences')",
      },
    });
    expect(parseCallBytes(bytes('! 坐席：您好'), 'd.txt')).toEqual({
      ok: false,
      error: { file: 'd.txt', stage: 'parse', message: 'internal reader error: sniff exploded' },
    });
  });

  it('text no specific reader claims falls through to the plain reader', () => {
    const outcome = parseCallBytes(bytes('坐席：您好\n客户：你好'), 'p.txt');
    expect(outcome.ok && outcome.call.source.format).toBe('plain');
  });
});
