import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/readers/plain.js';
import { assignRoles } from '../../src/readers/roles.js';
import type { ParsedTranscript } from '../../src/readers/types.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url), 'utf8');

/** The reference call as a vendor would give it: channels instead of roles. */
function asChannels(name: string, agent: string, customer: string): ParsedTranscript {
  const parsed = parsePlain(fixture(name));
  return {
    ...parsed,
    explicitRoles: false,
    utterances: parsed.utterances.map(({ speaker, ...u }) => ({ ...u, channel: speaker === 'agent' ? agent : customer })),
  };
}

function channels(pairs: Array<[string, string]>): ParsedTranscript {
  return { meta: {}, warnings: [], explicitRoles: false, utterances: pairs.map(([channel, text]) => ({ channel, text })) };
}

const speakers = (r: ReturnType<typeof assignRoles>) => r.utterances.map((u) => u.speaker);
const REFERENCE = ['agent', 'customer', 'agent', 'customer', 'agent', 'agent', 'customer', 'agent', 'customer', 'agent'];

describe('assignRoles', () => {
  it('keeps explicit roles from labels', () => {
    const r = assignRoles(parsePlain(fixture('call-timed.txt')));
    expect(speakers(r)).toEqual(REFERENCE);
    expect(r).toMatchObject({ roleSource: 'labels', diarized: true, warnings: [] });
    expect(r.roleConfidence).toBeUndefined();
    expect(r.utterances.map((u) => u.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('explicit roles win over an agent channel option', () => {
    const r = assignRoles(parsePlain(fixture('call-timed.txt')), { agentChannel: '0' });
    expect(speakers(r)).toEqual(REFERENCE);
  });

  it('maps the given agent channel, every other channel is the customer', () => {
    const parsed = asChannels('call-timed.txt', '1', '0');
    const r = assignRoles(parsed, { agentChannel: '1' });
    expect(speakers(r)).toEqual(REFERENCE);
    expect(r).toMatchObject({ roleSource: 'mapping', diarized: true, warnings: [] });
    expect(r.utterances.some((u) => 'channel' in u)).toBe(false);

    // The mapping is obeyed even when it contradicts the words: the user said so.
    const flipped = assignRoles(parsed, { agentChannel: '0' });
    expect(flipped.utterances[0]?.speaker).toBe('customer');
  });

  it('falls back to auto, and says so, when the mapped channel is not in the file', () => {
    const r = assignRoles(asChannels('call-timed.txt', '1', '0'), { agentChannel: '7' });
    expect(speakers(r)).toEqual(REFERENCE);
    expect(r.roleSource).toBe('auto');
    expect(r.warnings[0]?.message).toBe(
      'agent channel 7 is not in this transcript (it has 1, 0); roles decided automatically instead',
    );
  });

  it('auto: the speaker who greets with an opening phrase is the agent, even when the customer speaks first', () => {
    const parsed = channels([
      ['0', '喂，你好'],
      ['1', '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'],
      ['0', '我的键盘还没到'],
      ['1', '非常抱歉，请您稍等，我为您查询'],
    ]);
    const r = assignRoles(parsed);
    expect(speakers(r)).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(r).toMatchObject({ roleSource: 'auto', roleConfidence: 0.9, diarized: true });
    expect(r.warnings.map((w) => w.message)).toEqual([
      'roles decided automatically: channel 1 = agent (confidence 0.9): it opens with a greeting and says the most service phrases',
    ]);
  });

  it('auto works on traditional script', () => {
    const r = assignRoles(asChannels('call-traditional.txt', '0', '1'));
    expect(speakers(r)).toEqual(REFERENCE);
    expect(r.roleConfidence).toBe(0.9);
  });

  it('auto without a greeting: the speaker with the most service phrases, with a lower confidence stated', () => {
    const parsed = channels([
      ['SPEAKER_00', '我的快递三天了还没到'],
      ['SPEAKER_01', '请您稍等，我帮您查询一下'],
      ['SPEAKER_00', '好'],
      ['SPEAKER_01', '感谢您的等待，非常抱歉，给您带来不便'],
    ]);
    const r = assignRoles(parsed);
    expect(speakers(r)).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(r.roleConfidence).toBe(0.8);
    expect(r.warnings[0]?.message).toMatch(/^roles decided automatically: speaker SPEAKER_01 = agent \(confidence 0\.8\)/);
  });

  it('a caller\'s bare 你好 first does not make them the agent against more service phrases', () => {
    // The recording starts after the agent's greeting: the caller's 「你好」 is the first greeting.
    const r = assignRoles(
      channels([
        ['1', '你好，我想咨询一下宽带的事。'],
        ['0', '嗯，您说。'],
        ['1', '我家宽带老是断。'],
        ['0', '好的，我帮您登记一下，请您稍等，我为您核实。'],
        ['0', '感谢您的耐心等待，师傅明天联系您，再见。'],
      ]),
    );
    expect(speakers(r)).toEqual(['customer', 'agent', 'customer', 'agent', 'agent']);
    expect(r.roleConfidence).toBe(0.8);
    // A strong greeting still decides, and a bare 您好 decides when its speaker says the most service phrases.
    const strong = assignRoles(channels([['1', '喂'], ['0', '您好，很高兴为您服务'], ['1', '请问你们几点下班，请问周末开门吗']]));
    expect(speakers(strong)).toEqual(['customer', 'agent', 'customer']);
    const weak = assignRoles(channels([['1', '喂'], ['0', '您好'], ['1', '我要查话费'], ['0', '好的请您稍等']]));
    expect(speakers(weak)).toEqual(['customer', 'agent', 'customer', 'agent']);
  });

  it("a caller's agent-like first words (「你好，你是哪个工号？」) do not outweigh far more service phrases", () => {
    const r = assignRoles(
      channels([
        ['1', '喂，你好，你是哪个工号？我要投诉。'],
        ['0', '您好，请讲。'],
        ['1', '你们的快递太慢了，三天还没到。'],
        ['0', '非常抱歉给您带来不便，我帮您登记反馈，请您稍等。'],
        ['1', '好吧。'],
        ['0', '感谢您的来电，再见。'],
      ]),
    );
    expect(speakers(r)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer', 'agent']);
    expect(r.roleConfidence).toBe(0.6);
    expect(r.warnings[0]?.message).toBe(
      'roles decided automatically: channel 0 = agent (confidence 0.6): another speaker opens with a greeting, but this one says far more service phrases (11 vs 0)',
    );
    // Counter-example: an agent's full greeting stands against a caller who asks 请问 a few times more.
    const asking = assignRoles(
      channels([
        ['0', '您好，我是康泰鑫客服，来电是想做个回访。'],
        ['1', '请问是什么事？请问你们怎么有我电话？请问要多久？'],
        ['0', '好的，两分钟就好。'],
      ]),
    );
    expect(speakers(asking)).toEqual(['agent', 'customer', 'agent']);
  });

  it('states a low confidence plainly', () => {
    const parsed = channels([
      ['0', '请问是张先生吗'],
      ['1', '是的，请问你是哪位，请问有事吗'],
      ['0', '请问您明天在家吗'],
      ['0', '请问您方便吗'],
    ]);
    const r = assignRoles(parsed);
    // An outbound call: no greeting phrase, and both speakers ask 请问 (3 against 2).
    expect(speakers(r)).toEqual(['agent', 'customer', 'agent', 'agent']);
    expect(r.roleConfidence).toBe(0.53);
    expect(r.warnings[0]?.message).toMatch(/LOW confidence: roles may be wrong/);
  });

  it('leaves speakers unknown rather than guess when nothing tells them apart', () => {
    const r = assignRoles(channels([['0', '嗯'], ['1', '对'], ['0', '好的']]));
    expect(speakers(r)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(r).toMatchObject({ roleSource: 'auto', roleConfidence: 0, diarized: true });
    expect(r.warnings[0]?.message).toMatch(/^roles could not be decided automatically/);
  });

  it('a transcript with one labelled speaker keeps its role: the silent-caller case, not mono', () => {
    const r = assignRoles(parsePlain(fixture('one-speaker.txt')));
    expect(speakers(r)).toEqual(['agent', 'agent', 'agent']);
    expect(r.diarized).toBe(true);
    expect(r.roleSource).toBe('labels');
    expect(r.warnings).toEqual([]);
  });

  it('a transcript with one diarized voice (not a recording channel), or none, is mono whatever the mapping says', () => {
    const one = assignRoles(channels([['0', '您好，客服为您服务'], ['0', '请问有什么可以帮您']]), { agentChannel: '0' });
    expect(one.diarized).toBe(false);
    expect(speakers(one)).toEqual(['unknown', 'unknown']);
    const none: ParsedTranscript = { meta: {}, warnings: [], explicitRoles: false, utterances: [{ text: '您好' }] };
    expect(assignRoles(none).warnings[0]?.message).toBe(
      'mono/undiarized transcript: rules that need a speaker role are not applicable',
    );
  });
});
