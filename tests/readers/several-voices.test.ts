/**
 * Calls with more than one person on the service side: a supervisor who takes over (主管：), a
 * warm transfer (坐席1 / 坐席2, 客服A / 客服B), a third party. Only the scored agent's words are
 * the agent's; the others' are nobody's (speaker unknown), never more of someone else's turn.
 */
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/readers/plain.js';
import { parseCallBytes } from '../../src/readers/index.js';
import { assignRoles } from '../../src/readers/roles.js';

const speakers = (text: string) => parsePlain(text).utterances.map((u) => `${u.speaker}:${u.text}`);

function roles(text: string) {
  const decided = assignRoles(parsePlain(text));
  return { speakers: decided.utterances.map((u) => u.speaker), warnings: decided.warnings.map((w) => w.message) };
}

describe('labels of other people on the line', () => {
  it('reads 主管, 组长, 客户经理, 快递员 as their own turns of no role, not as the previous speaker\'s words', () => {
    expect(speakers('坐席：我请主管跟您沟通。\n主管：你嘴巴放干净一点。\n客户：你什么态度！\n組長：不知道。')).toEqual([
      'agent:我请主管跟您沟通。', 'unknown:你嘴巴放干净一点。', 'customer:你什么态度！', 'unknown:不知道。',
    ]);
    // 客户经理 is the colleague a call is put through to, not the customer (客户 + 经理).
    expect(speakers('客户：我要问黄金。\n客户经理：您好。\n快递员：件在网点。')).toEqual(['customer:我要问黄金。', 'unknown:您好。', 'unknown:件在网点。']);
  });

  it('reads a note in brackets after a label (坐席（A128）), and 坐席（主管） as the supervisor', () => {
    expect(speakers('坐席（A128）：您好\n客户：我要投诉\n坐席(主管305)：你嘴巴放干净一点')).toEqual(['agent:您好', 'customer:我要投诉', 'unknown:你嘴巴放干净一点']);
    // A bracket with a colon inside is no note: 「坐席（说：好）：」 is no label.
    expect(speakers('坐席：您好\n坐席（说：好）：x')).toEqual(['agent:您好坐席（说：好）：x']);
  });

  it('reads agents told apart by a letter (客服A, 坐席B), not as text before the first label', () => {
    expect(speakers('客服A：您好\n客户：查订单\n客服B：好的')).toEqual(['agent:您好', 'customer:查订单', 'agent:好的']);
    // A Latin label takes no letter: 「ab：」 is no label.
    expect(speakers('A：您好\nab：x')).toEqual(['agent:您好ab：x']);
  });
});

describe('which of several agents is scored', () => {
  const transfer = '坐席1：您好，康泰鑫客服为您服务。\n客户：我要退款。\n坐席2：您好，我是退款专席，工号二零一。\n客户：好。';

  it('the one who answered, when the metadata has no agent number; the other is nobody', () => {
    const r = roles(transfer);
    expect(r.speakers).toEqual(['agent', 'customer', 'unknown', 'customer']);
    expect(r.warnings.join('\n')).toMatch(/坐席1 is the scored agent, as it answered the call/);
  });

  it('the one who gives the call\'s agent number (agent_id A201 → 坐席2)', () => {
    const r = roles(`---\nagent_id: A201\n---\n${transfer}`);
    expect(r.speakers).toEqual(['unknown', 'customer', 'agent', 'customer']);
    expect(r.warnings.join('\n')).toMatch(/坐席2 is the scored agent, as it gives the call's agent number 201/);
  });

  it('「我係201號」 gives the number as 工号 does (agent_id A201 → 客服B); 「我是3号楼的」 gives none', () => {
    const r = roles(`---\nagent_id: A201\n---\n客服A：你好，康泰鑫客戶服務部，有咩可以幫到你？\n客户：我要退款。\n客服B：你好，我係201號，有咩可以幫到你？`);
    expect(r.speakers).toEqual(['unknown', 'customer', 'agent']);
    const building = roles(`---\nagent_id: A3\n---\n客服A：您好，康泰鑫物业。\n客户：水管漏了。\n客服B：您好，我是3号楼的管家。`);
    expect(building.speakers).toEqual(['agent', 'customer', 'unknown']);
  });

  it('nobody, when the one who answered gives another number and none gives the call\'s', () => {
    const r = roles(`---\nagent_id: A128\n---\n坐席1：您好，工号一二七为您服务。\n客户：我要退款。\n坐席2：您好，工号二零一。`);
    expect(r.speakers).toEqual(['unknown', 'customer', 'unknown']);
    expect(r.warnings.join('\n')).toMatch(/whose turns are the scored agent's is unknown/);
  });

  it('keeps the labels as written to show who spoke (坐席1 beside 坐席2, 主管)', () => {
    const decided = assignRoles(parsePlain(`${transfer}\n主管：我来跟进。`));
    expect(decided.utterances.map((u) => u.label)).toEqual(['坐席1', undefined, '坐席2', undefined, '主管']);
    expect(decided.warnings.map((w) => w.message)).toContain('主管 also speaks: neither the scored agent nor the customer, their words are not judged');
  });

  it('with no agent label, the one other person besides the customer is the agent (客户经理：/客户：)', () => {
    const r = roles('客户经理：您好，我是康泰鑫的客户经理，请问是王先生吗？\n客户：是我。');
    expect(r.speakers).toEqual(['agent', 'customer']);
    expect(r.warnings).toEqual(['no agent label; 客户经理 is the only one besides the customer, so 客户经理 is the agent']);
  });

  it('other numbers in the opening (a date, 24小时) are no agent number', () => {
    const r = roles(`---\nagent_id: A128\n---\n坐席1：您好，我们24小时为您服务，您3月5日的订单已发货。\n客户：我要退款。\n坐席2：您好，工号二零一。`);
    expect(r.speakers).toEqual(['agent', 'customer', 'unknown']);
    // The second gives another number, the first none: the one who answered is scored.
    expect(r.warnings.join('\n')).toMatch(/坐席1 is the scored agent, as it answered the call \(no agent gives the call's agent number 128\)/);
  });

  it('one agent label (坐席1 alone, or plain 坐席) changes nothing', () => {
    expect(roles('坐席1：您好\n客户：查订单\n坐席1：好的').speakers).toEqual(['agent', 'customer', 'agent']);
    expect(roles('坐席：您好\n客户：查订单').warnings).toEqual([]);
  });
});

describe('three voices in a vendor file', () => {
  it('warns that the voices besides the agent are all taken as the customer', () => {
    const u = (channel: string, text: string) => ({ channel, text });
    const decided = assignRoles({
      meta: {},
      warnings: [],
      explicitRoles: false,
      utterances: [
        u('spk_0', '您好，康泰鑫客服128号为您服务，请问有什么可以帮您？'),
        u('spk_1', '我的快递一直没到。'),
        u('spk_0', '请您稍等，我帮您接通快递员。'),
        u('spk_2', '我是快递员，你这个件在网点。'),
      ],
    });
    expect(decided.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(decided.warnings.map((w) => w.message)).toContain(
      "3 voices: speaker spk_1, speaker spk_2 are all taken as the customer; if one is a third person (a supervisor, a courier, an interpreter), their words count as the customer's — check the call",
    );
  });
});

describe('a third voice that comes on after a transfer', () => {
  const u = (channel: string, text: string) => ({ channel, text });
  const decide = (utterances: Array<{ channel: string; text: string }>) =>
    assignRoles({ meta: {}, warnings: [], explicitRoles: false, utterances });
  const opening = [u('spk_0', '您好，康泰鑫客服，工号131，请问有什么可以帮您？'), u('spk_1', '我的电脑开不了机，能不能转一下技术部？')];

  it('opening anew right after the agent put the call through: the next desk\'s agent, nobody\'s words', () => {
    const decided = decide([...opening, u('spk_0', '好的，我给您转到技术支持，请稍等。'), u('spk_2', '您好，技术支持，请问电脑是什么型号？'), u('spk_1', '联想小新。')]);
    expect(decided.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'unknown', 'customer']);
    expect(decided.utterances[3]?.label).toBe('坐席（转接后）');
    const messages = decided.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('speaker spk_2 comes on after the agent put the call through (「好的，我给您转到技术支持，请稍等。」)');
    // the caller is the only voice left besides the agent: no three-voices warning
    expect(messages).not.toContain('are all taken as the customer');
  });

  it('Hong Kong: 「幫你駁去值班主管度」, then 「你好，我係值班主管」', () => {
    const decided = decide([u('0', '你好，康泰鑫客服150號，有咩可以幫到你？'), u('1', '搵你哋經理嚟同我講。'), u('0', '明白，我而家幫你駁去值班主管度，唔該你唔好收線。'), u('2', '你好，我係值班主管陳生。')]);
    expect(decided.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'unknown']);
  });

  it('a supervisor called on (「我请值班主管来跟您沟通」) who says 「我是值班主管」', () => {
    const decided = decide([...opening, u('spk_0', '请您稍等，我请值班主管来跟您沟通。'), u('spk_2', '我是值班主管，您的情况我了解了。')]);
    expect(decided.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'unknown']);
    // a call back promised is no supervisor on the line: 「让主管明天给您回电」 then a third voice's 「您好，…」
    const later = decide([...opening, u('spk_0', '我让主管明天给您回电。'), u('spk_2', '您好，请问刚才是谁打的电话？')]);
    expect(later.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'customer']);
  });

  it('… but not without a transfer (「请您稍等，我帮您查一下」), nor words that open no call, nor the caller', () => {
    const held = decide([...opening, u('spk_0', '请您稍等，我帮您查一下。'), u('spk_2', '您好，请问电脑是什么型号？')]);
    expect(held.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'customer']);
    const plain = decide([...opening, u('spk_0', '好的，我给您转到技术支持，请稍等。'), u('spk_2', '电脑是什么型号？')]);
    expect(plain.utterances.map((x) => x.speaker)).toEqual(['agent', 'customer', 'agent', 'customer']);
    // the first voice besides the agent's is the caller, whatever it says
    const caller = decide([u('spk_0', '您好，康泰鑫客服，请问有什么可以帮您？'), u('spk_0', '我给您转到售后，请稍等。'), u('spk_1', '您好，我的洗衣机坏了。'), u('spk_2', '喂？')]);
    expect(caller.utterances.map((x) => x.speaker)).toEqual(['agent', 'agent', 'customer', 'customer']);
  });
});

describe('other people in subtitles', () => {
  const read = (text: string, file: string) => {
    const r = parseCallBytes(Buffer.from(text, 'utf8'), file);
    if (!r.ok) throw new Error(r.error.message);
    return r.call.utterances.map((u) => `${u.speaker}${u.label ? `(${u.label})` : ''}:${u.text}`);
  };

  it('a 主管： cue is the supervisor\'s, not more of the agent\'s turn (SRT)', () => {
    const srt = '1\n00:00:00,000 --> 00:00:03,000\n坐席：您好，请稍等，我请主管来。\n\n2\n00:00:04,000 --> 00:00:06,000\n主管：你嘴巴放干净一点。\n\n3\n00:00:07,000 --> 00:00:08,000\n客户：你什么态度！\n';
    expect(read(srt, 'call.srt')).toEqual(['agent:您好，请稍等，我请主管来。', 'unknown(主管):你嘴巴放干净一点。', 'customer:你什么态度！']);
  });

  it('坐席1： and 坐席2： cues are two agents, only the first scored (SRT)', () => {
    const srt = '1\n00:00:00,000 --> 00:00:03,000\n坐席1：您好。\n\n2\n00:00:04,000 --> 00:00:06,000\n客户：转人工。\n\n3\n00:00:07,000 --> 00:00:08,000\n坐席2：不知道。\n';
    expect(read(srt, 'call.srt')).toEqual(['agent(坐席1):您好。', 'customer:转人工。', 'unknown(坐席2):不知道。']);
  });

  it('a <v 主管> voice is nobody\'s, and the 坐席 and 客户 voices keep their roles (VTT)', () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:04.000\n<v 坐席>您好。\n\n00:05.000 --> 00:08.000\n<v 客户>我要投诉！\n\n00:09.000 --> 00:12.000\n<v 主管>你嘴巴放干净一点。\n';
    expect(read(vtt, 'call.vtt')).toEqual(['agent:您好。', 'customer:我要投诉！', 'unknown(主管):你嘴巴放干净一点。']);
  });
});
