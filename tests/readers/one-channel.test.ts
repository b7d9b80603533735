// A stereo recording where only one side's channel has speech (a silent caller, a dead line):
// that side is judged, and rules the silent side would trigger are na, saying its channel is empty.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCall } from '../../src/engine/index.js';
import { parseCallBytes, readCallFile, type Call, type ReadOptions } from '../../src/readers/index.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';

const path = (name: string) => new URL(`../../fixtures/formats/one-channel/${name}`, import.meta.url).pathname;

function read(name: string, opts: ReadOptions = {}): Call {
  const r = readCallFile(path(name), opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.call;
}

function readJson(value: unknown, opts: ReadOptions = {}): Call {
  const r = parseCallBytes(new TextEncoder().encode(JSON.stringify(value)), 'x.json', opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.call;
}

const speakers = (c: Call) => c.utterances.map((u) => u.speaker);
const messages = (c: Call) => c.warnings.map((w) => w.message);

const loaded = loadRuleset(DEFAULT_RULESET);
if (!loaded.ok) throw new Error('standard ruleset does not load');
const ruleset = loaded.ruleset;
const verdict = (c: Call, id: string) => evaluateCall(c, ruleset).rules.find((r) => r.ruleId === id);

describe('a stereo recording where only the agent channel speaks', () => {
  it('AWS channel_labels with ch_0 alone (2 channels): ch_0 is the agent, ch_1 the silent customer', () => {
    const call = read('aws-agent-only.json');
    expect(speakers(call)).toEqual(['agent', 'agent', 'agent']);
    expect(call.source).toMatchObject({ diarized: true, roleSource: 'auto', roleConfidence: 0.75, emptyChannel: { role: 'customer', channel: 'ch_1' } });
    expect(messages(call)).toContain(
      "only channel ch_0 speaks: channel ch_0 = agent (it opens with an agent's greeting (confidence 0.75)), the customer's channel ch_1 has no speech; rules the customer would trigger are not applicable",
    );
  });

  it('Paraformer with an empty transcript for channel 1', () => {
    const call = read('paraformer-agent-only.json');
    expect(speakers(call)).toEqual(['agent', 'agent', 'agent']);
    expect(call.source.emptyChannel).toEqual({ role: 'customer', channel: '1' });
  });

  it('agent rules are judged; customer-triggered rules are na saying the channel is empty', () => {
    const call = read('aws-agent-only.json');
    expect(verdict(call, 'opening.self-id')?.verdict).toBe('pass');
    expect(verdict(call, 'opening.silent-caller')).toMatchObject({ verdict: 'pass' });
    expect(verdict(call, 'opening.silent-caller')?.reason).toContain("the caller never speaks (the customer's channel ch_1 has no speech)");
    expect(verdict(call, 'complaint.apologize')).toMatchObject({
      verdict: 'na',
      reason: "the customer never says $complaint (the customer's channel ch_1 has no speech)",
    });
    expect(verdict(call, 'closing.farewell')).toMatchObject({ verdict: 'na', reason: "the customer never speaks (the customer's channel ch_1 has no speech)" });
  });

  it('--agent-channel 0 names AWS ch_0 (the forms 0, ch_0, spk_0, SPEAKER_00 are one channel)', () => {
    const call = read('aws-agent-only.json', { agentChannel: '0' });
    expect(speakers(call)).toEqual(['agent', 'agent', 'agent']);
    expect(call.source.roleSource).toBe('mapping');
  });

  it('Alibaba ChannelId 0 alone could be a mono recording of both sides: mono, unless --agent-channel says', () => {
    const auto = read('alibaba-agent-only.json');
    expect(auto.source.diarized).toBe(false);
    expect(messages(auto)).toContain(
      'mono/undiarized transcript (only channel 0 speaks): rules that need a speaker role are not applicable; if the other side of a stereo recording was silent, pass --agent-channel to judge channel 0',
    );
    const mapped = read('alibaba-agent-only.json', { agentChannel: '0' });
    expect(speakers(mapped)).toEqual(['agent', 'agent', 'agent']);
    expect(mapped.source).toMatchObject({ diarized: true, roleSource: 'mapping', emptyChannel: { role: 'customer' } });
    expect(verdict(mapped, 'opening.silent-caller')?.verdict).toBe('pass');
  });

  it('the mapping names the other channel: the one that speaks is the customer, the agent is silent', () => {
    const call = read('alibaba-agent-only.json', { agentChannel: '1' });
    expect(speakers(call)).toEqual(['customer', 'customer', 'customer']);
    expect(call.source.emptyChannel).toEqual({ role: 'agent', channel: '1' });
    expect(verdict(call, 'opening.self-id')).toMatchObject({ verdict: 'na', reason: "the agent never speaks (the agent's channel 1 has no speech)" });
  });
});

describe('silent-caller on an empty customer channel', () => {
  const ali = (texts: Array<[number, string]>) => ({
    Result: { Sentences: texts.map(([at, Text]) => ({ ChannelId: 1, BeginTime: at * 1000, EndTime: at * 1000 + 2500, Text })) },
  });

  it('an agent who talks on as with a caller (the channel was lost) is for review, not a fail', () => {
    const call = readJson(ali([[0, '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'], [9, '好的，我帮您查一下，请您稍等。'], [30, '感谢您的耐心等待，您的包裹明天送达。'], [36, '感谢您的来电，再见。']]));
    // ChannelId 1 alone: the recording has a channel 0 too, the customer's.
    expect(call.source.emptyChannel).toEqual({ role: 'customer', channel: '0' });
    expect(verdict(call, 'opening.silent-caller')).toMatchObject({
      verdict: 'review',
      reason: "the caller never speaks (the customer's channel 0 has no speech), but the agent never re-prompts or closes as on a silent line: a person should listen (the channel may have been lost)",
    });
  });

  it('an agent whose words show a silent line is judged: 「喂喂」 fails, a missing close fails', () => {
    const rude = readJson(ali([[0, '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'], [9, '喂喂，听不见！']]));
    expect(verdict(rude, 'opening.silent-caller')?.verdict).toBe('fail');
    const noClose = readJson(ali([[0, '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'], [9, '您好，请问能听到吗？'], [16, '再见。']]));
    expect(verdict(noClose, 'opening.silent-caller')).toMatchObject({ verdict: 'fail' });
    expect(verdict(noClose, 'opening.silent-caller')?.reason).toContain('no polite close');
  });
});

describe('one channel that is not known to be the agent', () => {
  const awsOneChannel = (label: 'channel_label' | 'speaker_label', words: string[]) => ({
    results: {
      transcripts: [{ transcript: words.join(' ') }],
      ...(label === 'channel_label' ? { channel_labels: { number_of_channels: 2, channels: [] } } : {}),
      items: words.map((content, i) => ({ [label]: label === 'channel_label' ? 'ch_1' : 'spk_0', start_time: String(i * 3), end_time: String(i * 3 + 1), alternatives: [{ confidence: '0.9', content }], type: 'pronunciation' })),
    },
  });

  it('a stereo channel that does not open as an agent is left unknown, never taken for the agent', () => {
    const call = readJson(awsOneChannel('channel_label', ['喂', '喂有人吗', '怎么没人说话啊']));
    expect(call.source.diarized).toBe(false);
    expect(speakers(call)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(call.source.emptyChannel).toBeUndefined();
  });

  it('diarization that finds one speaker is no stereo side: still mono', () => {
    const call = readJson(awsOneChannel('speaker_label', ['您好康泰鑫客服为您服务请问有什么可以帮您', '您好请问能听到吗', '再见']));
    expect(call.source.diarized).toBe(false);
    expect(messages(call)[0]).toBe('mono/undiarized transcript (only speaker spk_0 speaks): rules that need a speaker role are not applicable');
  });
});
