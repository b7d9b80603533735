import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupMetadata } from '../../src/audit/metadata.js';
import { readCallFile } from '../../src/readers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'callqa-json-meta-'));

function write(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function read(file: string) {
  const r = readCallFile(file);
  if (!r.ok) throw new Error(r.error.message);
  return r.call;
}

// Amazon Connect Contact Lens: the contact id is the call's, the one the contact records use.
const CONTACT_LENS = {
  Version: '1.1.0',
  AccountId: '123456789012',
  Channel: 'VOICE',
  JobStatus: 'COMPLETED',
  Participants: [{ ParticipantId: 'AGENT', ParticipantRole: 'AGENT' }, { ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER' }],
  ConversationCharacteristics: { TotalConversationDurationMillis: 8000 },
  CustomerMetadata: { InputS3Uri: 's3://bucket/x.wav', ContactId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', InstanceId: 'i-1' },
  Transcript: [
    { ParticipantId: 'AGENT', ParticipantRole: 'AGENT', Content: '您好，康泰鑫客服中心，请问有什么可以帮您？', BeginOffsetMillis: 0, EndOffsetMillis: 3000 },
    { ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER', Content: '我想查一下订单。', BeginOffsetMillis: 3500, EndOffsetMillis: 5000 },
  ],
};

// An Alibaba result saved by the centre's system with the call's fields beside it; the task's own
// times and ids are the transcription's, not the call's.
const ALIBABA = {
  TaskId: 'task-9',
  RequestTime: 1770598800000,
  BizDuration: 8000,
  callId: 'ALI-7',
  agentId: 128,
  通话方向: '2',
  id: 'job-55',
  Result: {
    Sentences: [
      { ChannelId: 0, BeginTime: 0, EndTime: 3000, Text: '您好，请问是王先生吗？我是康泰鑫客服中心的。' },
      { ChannelId: 1, BeginTime: 3500, EndTime: 5000, Text: '是我。' },
    ],
  },
};

describe('call metadata in vendor JSON', () => {
  it('takes the Contact Lens contact id as the call id, so the call log matches it', () => {
    const call = read(write('contact.json', CONTACT_LENS));
    expect(call.id).toBe('a1b2c3d4-e5f6-7890-abcd-ef1234567890');
    expect(call.meta).toEqual({ call_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' });
    const log = write('contacts.csv', 'call_id,agent_id,direction\na1b2c3d4-e5f6-7890-abcd-ef1234567890,A300,inbound\n');
    const setup = setupMetadata({ manifest: log });
    if (!setup.ok || !setup.enrich) throw new Error('setup failed');
    expect(setup.enrich(call)).toEqual([]);
    expect(call.meta).toMatchObject({ agent_id: 'A300', direction: 'inbound' });
  });

  it('takes an export\'s call fields under the names call logs use, read as the manifest reads them', () => {
    const call = read(write('ali.json', ALIBABA));
    // 通话方向 2 is a code: kept as written with a warning naming the key; RequestTime, TaskId and
    // the bare id are the transcription's, not taken.
    expect(call.meta).toEqual({ call_id: 'ALI-7', agent_id: '128', direction: '2' });
    expect(call.id).toBe('ALI-7');
    expect(call.warnings.map((w) => w.message)).toContain(
      'JSON "通话方向": direction "2" is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound); kept as written: the rules reading it are na',
    );
    const coded = readCallFile(join(dir, 'ali.json'), { directionCodes: { '1': 'inbound', '2': 'outbound' } });
    expect(coded.ok && coded.call.meta.direction).toBe('outbound');
  });

  it('the call log wins over the JSON\'s fields, and says where they disagree', () => {
    const call = read(write('ali2.json', { ...ALIBABA, 通话方向: '呼出', ring_s: 40 }));
    const log = write('ali.csv', 'call_id,agent_id,ring_s\nALI-7,A128,12\n');
    const setup = setupMetadata({ manifest: log });
    if (!setup.ok || !setup.enrich) throw new Error('setup failed');
    expect(setup.enrich(call)).toEqual([
      'metadata conflict, the first source is kept: agent_id: manifest says A128, alibaba JSON says 128',
      'metadata conflict, the first source is kept: ring_s: manifest says 12, alibaba JSON says 40',
    ]);
    expect(call.meta).toMatchObject({ call_id: 'ALI-7', agent_id: 'A128', ring_s: 12, direction: 'outbound' });
  });

  it('front matter still comes before the call log', () => {
    const call = read(write('fm.txt', '---\ncall_id: F1\nagent_id: A128\n---\n坐席：您好\n客户：你好\n'));
    const setup = setupMetadata({ manifest: write('fm.csv', 'call_id,agent_id\nF1,A129\n') });
    if (!setup.ok || !setup.enrich) throw new Error('setup failed');
    expect(setup.enrich(call)).toEqual(['metadata conflict, the first source is kept: agent_id: front matter says A128, manifest says A129']);
    expect(call.meta.agent_id).toBe('A128');
  });

  it('takes nothing from a result that names no call: an Azure timestamp is when it was transcribed', () => {
    const azure = {
      source: 'https://store/rec/C9.wav',
      timestamp: '2026-02-10T03:00:00Z',
      durationInTicks: 80_000_000,
      recognizedPhrases: [{ recognitionStatus: 'Success', channel: 0, offsetInTicks: 0, durationInTicks: 30_000_000, nBest: [{ display: '您好，康泰鑫客服中心。' }] }],
    };
    const call = read(write('C9.json', azure));
    expect(call.meta).toEqual({});
    expect(call.id).toBe('C9');
  });
});
