// Older and newer result shapes of the vendors, as users save them: each read with its speakers
// and times, or refused naming the shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awsReader } from '../../src/readers/aws.js';
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
