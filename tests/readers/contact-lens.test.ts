import { describe, expect, it } from 'vitest';
import { parseCallBytes } from '../../src/readers/index.js';

function read(value: unknown) {
  const r = parseCallBytes(Buffer.from(JSON.stringify(value)), 'contact.json');
  if (!r.ok) throw new Error(r.error.message);
  return r.call;
}

const turn = (participant: string, content: string, at: number) => ({ ParticipantId: participant, Content: content, BeginOffsetMillis: at, EndOffsetMillis: at + 2000, Sentiment: 'NEUTRAL', LoudnessScore: [60] });

describe('Amazon Connect Contact Lens names a turn\'s speaker by ParticipantId', () => {
  it('reads AGENT / CUSTOMER ids as the roles: read as nobody\'s, the call passed with every rule na', () => {
    const call = read({
      Version: '1.1.0',
      Channel: 'VOICE',
      Participants: [{ ParticipantId: 'AGENT', ParticipantRole: 'AGENT' }, { ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER' }],
      CustomerMetadata: { ContactId: 'c-1' },
      Transcript: [turn('AGENT', '您好，康泰鑫客服中心，请问有什么可以帮您？', 0), turn('CUSTOMER', '我想查一下订单。', 2500)],
    });
    expect(call.utterances.map((u) => u.speaker)).toEqual(['agent', 'customer']);
  });

  it('maps other ids through Participants, and a SYSTEM prompt is no one\'s words', () => {
    const call = read({
      Participants: [
        { ParticipantId: 'e9b3-cust', ParticipantRole: 'CUSTOMER' },
        { ParticipantId: '2b22-sys', ParticipantRole: 'SYSTEM' },
        { ParticipantId: 'f36a-agent', ParticipantRole: 'AGENT' },
      ],
      Transcript: [turn('2b22-sys', '您的通话可能会被录音。', 0), turn('f36a-agent', '您好，请问有什么可以帮您？', 2500), turn('e9b3-cust', '查订单。', 5000)],
    });
    expect(call.utterances.map((u) => [u.speaker, u.label])).toEqual([
      ['unknown', 'SYSTEM'],
      ['agent', undefined],
      ['customer', undefined],
    ]);
  });

  it('still refuses a role it does not know, rather than guessing', () => {
    const r = parseCallBytes(Buffer.from(JSON.stringify({ Transcript: [{ ParticipantRole: 'BOT', Content: '你好', BeginOffsetMillis: 0 }] })), 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Transcript[0].ParticipantRole: expected AGENT, CUSTOMER or SYSTEM, found "BOT"');
  });
});
