/**
 * A transfer put through while the recording goes on: the new agent speaks under the same 坐席
 * label. The scored agent's part ends there; the new agent's words, silences and close are someone
 * else's (src/engine/handover.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import { callOf } from '../engine/rule-helpers.js';
import { standardRuleset } from './helpers.js';

function rules(dialogue: string, meta: Record<string, string | number | boolean> = {}): Record<string, RuleResult> {
  return Object.fromEntries(evaluateCall(callOf(dialogue, meta), standardRuleset()).rules.map((r) => [r.ruleId, r]));
}

const OPENING = `[00:00.0-00:05.0] 坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
[00:05.5-00:10.0] 客户：我的路由器坏了，连不上网。
`;
const ANNOUNCED = `${OPENING}[00:10.5-00:16.0] 坐席：这个需要技术部处理，我现在帮您转接到技术部，好吗？
[00:16.3-00:17.0] 客户：好的。
[00:17.3-00:18.5] 坐席：请稍等。
`;
/** Hong Kong: 「幫你駁去商業客戶部，好唔好」 then 「唔該你唔好收線」. */
const HK_ANNOUNCED = `[00:00.0-00:05.0] 坐席：你好，康泰鑫客服128號，有咩可以幫到你？
[00:05.5-00:10.0] 客戶：我想問下商業客戶嘅月費計劃。
[00:10.5-00:16.0] 坐席：我而家幫你駁去商業客戶部，好唔好？
[00:16.3-00:17.0] 客戶：好。
[00:17.3-00:18.5] 坐席：唔該你唔好收線。
`;
/** The technical department's agent, with a hold of their own (30 s, no check-back) and a rude word. */
const NEW_AGENT = `[00:48.0-00:53.0] 坐席：您好，技术部工号203，请问有什么可以帮您？
[00:53.5-00:58.0] 客户：我的路由器坏了，连不上网。
[00:58.5-01:05.0] 坐席：请您稍等，我帮您查一下。
[01:35.0-01:40.0] 坐席：不知道，你自己看吧。
[01:40.5-01:41.5] 客户：你怎么这样？
`;

describe('a transfer that stays in the recording', () => {
  const r = rules(ANNOUNCED + NEW_AGENT, { hangup_by: 'agent' });

  it('the new agent’s rude words are not the first agent’s', () => {
    expect(r['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(r['conduct.forbidden-phrases']?.window).toContain('up to the transfer at turn 6');
  });

  it('the announcement is read in the first agent’s last turns, not the new agent’s', () => {
    expect(r['hold.announce-transfer']?.verdict).toBe('pass');
    expect(r['hold.announce-transfer']?.window).toContain('call turns 1, 3, 5');
  });

  it('the new agent’s hold and close are not judged on the first agent', () => {
    for (const id of ['hold.check-back', 'hold.thank-after']) expect(r[id]).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
    expect(r['hold.no-dead-air']?.verdict).toBe('pass');
    for (const id of ['closing.anything-else', 'closing.farewell', 'closing.customer-hangs-up']) {
      expect(r[id]?.verdict).toBe('na');
      expect(r[id]?.reason).toContain('坐席（转接后）');
    }
  });

  it('a complaint made to the agent who took over is not this agent’s to answer, whoever hung up', () => {
    const later = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：您好，技术部工号203，请问有什么可以帮您？
[00:53.5-00:58.0] 客户：我要投诉，你们等这么久，太差劲了！
[00:58.5-01:05.0] 坐席：这个我也没办法。`, { hangup_by: 'agent' });
    expect(later['complaint.apologize']?.verdict).toBe('na');
    expect(later['complaint.apologize']?.reason).toContain('ended at the transfer at turn 6');
  });

  it('the first agent’s rude words before the transfer stay theirs', () => {
    const rude = rules(`${OPENING}[00:10.5-00:16.0] 坐席：不知道，我帮您转接到技术部，好吗？
[00:16.3-00:17.0] 客户：好的。
[00:17.3-00:18.5] 坐席：请稍等。
${NEW_AGENT}`);
    expect(rude['conduct.forbidden-phrases']?.verdict).toBe('fail');
    expect(rude['conduct.forbidden-phrases']?.evidence.map((e) => e.turn)).toEqual([3]);
  });

  it('untimed: the greeting and 工号 of the new agent are enough', () => {
    const untimed = rules(`坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
客户：我的路由器坏了。
坐席：这个需要技术部处理，我帮您转接到技术部，好吗？
客户：好的。
坐席：请稍等。
坐席：您好，技术部工号203，请问有什么可以帮您？
客户：路由器坏了。
坐席：不知道，你自己看吧。`);
    expect(untimed['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(untimed['closing.anything-else']?.verdict).toBe('na');
  });

  it('the announcement three turns back, then 「请稍等」: still put through', () => {
    const far = rules(`坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
客户：我的路由器坏了。
坐席：这个需要技术部处理，我帮您转接到技术部，好吗？
客户：好的，对了，我的报修单号是多少？
坐席：您的报修单号是三三五。
客户：好。
坐席：请稍等。
坐席：您好，技术部工号203，请问有什么可以帮您？
客户：路由器坏了。
坐席：不知道，你自己看吧。`);
    expect(far['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(far['conduct.forbidden-phrases']?.window).toContain('up to the transfer at turn 8');
  });

  it('Hong Kong: 「幫你駁去商業客戶部，好唔好」 then 「你好，商業客戶部工號203，有咩可以幫到你？」', () => {
    const hk = rules(`${HK_ANNOUNCED}[00:48.0-00:53.0] 坐席：你好，商業客戶部工號203，有咩可以幫到你？
[00:53.5-00:58.0] 客戶：我想問下月費計劃。
[00:58.5-01:05.0] 坐席：我點知，你自己睇啦。`);
    expect(hk['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(hk['closing.farewell']?.verdict).toBe('na');
  });

  it('a supervisor called on (「我请主管来跟您说」「您好，我是值班主管」) takes the call over', () => {
    const sup = rules(`${OPENING}[00:10.5-00:16.0] 坐席：非常抱歉，我请主管来跟您说，好吗？
[00:16.3-00:17.0] 客户：好。
[00:40.0-00:46.0] 坐席：您好，我是值班主管，这个不知道。`);
    expect(sup['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(sup['hold.thank-after']?.verdict).toBe('na');
  });

  it('the new desk naming itself after a greeting, without 工号 or an offer of help (「您好，这边是技术部」)', () => {
    const desk = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：您好，这边是技术部，您的路由器是什么型号？
[00:53.5-00:58.0] 客户：华为的。
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(desk['conduct.forbidden-phrases']?.verdict).toBe('pass');
    expect(desk['conduct.forbidden-phrases']?.window).toContain('up to the transfer at turn 6');
    expect(desk['hold.check-back']).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
  });

  it('「喂，您好，这边是技术部」: the new agent’s line check before the greeting', () => {
    const hello = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：喂，您好，这边是技术部，您路由器什么情况？
[00:53.5-00:58.0] 客户：连不上网。
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(hello['conduct.forbidden-phrases']?.verdict).toBe('pass');
    // … but the first agent back, 「喂，您好」 and no new desk, is still the first agent
    const back = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：喂，您好，不好意思，技术部那边占线，还是我来帮您。
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(back['conduct.forbidden-phrases']?.verdict).toBe('fail');
  });

  it('Hong Kong: 「你好，呢度係商業客戶部」 is the new desk too', () => {
    const hk = rules(`${HK_ANNOUNCED}[00:48.0-00:53.0] 坐席：你好，呢度係商業客戶部，你想問邊個計劃？
[00:53.5-00:58.0] 客戶：月費計劃。
[00:58.5-01:05.0] 坐席：我點知，你自己睇啦。`);
    expect(hk['conduct.forbidden-phrases']?.verdict).toBe('pass');
  });
});

describe('when the evidence is not clear, nothing changes', () => {
  it('the first agent back (「不好意思，那边占线，还是我来帮您」) is still judged', () => {
    const back = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：不好意思，那边占线，还是我来帮您。
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(back['conduct.forbidden-phrases']?.verdict).toBe('fail');
    expect(back['conduct.forbidden-phrases']?.window).not.toContain('transfer');
  });

  it('「您好，我是刚才的客服专员，技术部那边占线」 names the first agent, not a new desk', () => {
    const back = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：您好，我是刚才的客服专员，技术部那边占线。
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(back['conduct.forbidden-phrases']?.verdict).toBe('fail');
  });

  it('a new agent who neither greets nor names a desk nor gives a 工号 (「喂，路由器什么问题？」) reads as the first agent back', () => {
    // Nothing in the words tells them apart; a transcript with the labels 坐席1 / 坐席2 does (below).
    const bare = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：喂，路由器什么问题？
[00:53.5-00:58.0] 客户：连不上网。
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(bare['conduct.forbidden-phrases']?.verdict).toBe('fail');
  });

  it('a greeting with a desk or 工号 of their own, but 「技术部那边一直占线」: the first agent back', () => {
    for (const back of ['您好，我是客服中心的小王，技术部那边一直占线。', '您好，工号128为您服务，技术部那边忙线。']) {
      const r = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：${back}
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
      expect(r['conduct.forbidden-phrases']?.verdict, back).toBe('fail');
      expect(r['conduct.forbidden-phrases']?.window, back).not.toContain('transfer');
    }
  });

  it('a greeting with the first agent’s own 工号 is the first agent back', () => {
    const same = rules(`${ANNOUNCED}[00:48.0-00:53.0] 坐席：您好，工号128，请问有什么可以帮您？
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`);
    expect(same['conduct.forbidden-phrases']?.verdict).toBe('fail');
  });

  it('an agent who gave no number before and now says the call’s 工号 may be the first agent back', () => {
    const noNumber = rules(`[00:00.0-00:05.0] 坐席：您好，康泰鑫客服为您服务，请问有什么可以帮您？
[00:05.5-00:10.0] 客户：我的路由器坏了，连不上网。
[00:10.5-00:16.0] 坐席：这个需要技术部处理，我现在帮您转接到技术部，好吗？
[00:16.3-00:17.0] 客户：好的。
[00:17.3-00:18.5] 坐席：请稍等。
[00:48.0-00:53.0] 坐席：您好，我工号128，技术部占线，还是我来为您服务。
[00:53.5-00:58.0] 客户：那怎么办？
[00:58.5-01:05.0] 坐席：不知道，你自己看吧。`, { agent_id: 'A128' });
    expect(noNumber['conduct.forbidden-phrases']?.verdict).toBe('fail');
    expect(new Set(noNumber['conduct.forbidden-phrases']?.evidence.map((e) => e.turn))).toEqual(new Set([8]));
    // the opening is still this agent's (not set aside as someone else's before a transfer)
    expect(noNumber['conduct.forbidden-phrases']?.window).not.toContain('transfer');
    expect(noNumber['opening.self-id']?.evidence.map((e) => e.turn)).toContain(1);
  });

  it('without a transfer announced or logged, a new greeting is not taken for a new agent', () => {
    const silent = rules(`${OPENING}[00:10.5-00:16.0] 坐席：这个需要技术部处理。
[00:17.3-00:18.5] 坐席：请稍等。
${NEW_AGENT}`);
    expect(silent['conduct.forbidden-phrases']?.verdict).toBe('fail');
  });
});

describe('what the call log says', () => {
  const silentTransfer = `${OPENING}[00:10.5-00:16.0] 坐席：这个需要技术部处理。
[00:17.3-00:18.5] 坐席：请稍等。
${NEW_AGENT}`;

  it('transferred: true and the new agent opening anew: a transfer without a word, the new agent unjudged', () => {
    const r = rules(silentTransfer, { transferred: true });
    expect(r['hold.announce-transfer']?.verdict).toBe('fail');
    expect(r['conduct.forbidden-phrases']?.verdict).toBe('pass');
  });

  it('「我是203号」 gives the new agent’s number too: agent A203 is scored, not failed for the first agent’s 工号128', () => {
    const r = rules(`[00:00.0-00:05.0] 坐席：您好，康泰鑫客服，工号128，请问有什么可以帮您？
[00:05.5-00:10.0] 客户：我的路由器坏了，连不上网。
[00:10.5-00:16.0] 坐席：这个需要技术部处理，我帮您转接到技术部，请稍等。
[00:48.0-00:53.0] 坐席：您好，技术部，我是203号，请问有什么可以帮您？
[00:53.5-00:58.0] 客户：路由器一直闪红灯。`, { agent_id: 'A203' });
    expect(r['opening.self-id']).toMatchObject({ verdict: 'pass', evidence: [{ turn: 4 }] });
    expect(r['opening.self-id']?.window).toContain('from the transfer at turn 4');
  });

  it('「我是8号楼的」 is no agent number: the first agent (A128) stays the scored one', () => {
    const r = rules(`[00:00.0-00:05.0] 坐席：您好，康泰鑫客服，工号128，请问有什么可以帮您？
[00:05.5-00:10.0] 客户：我家水管漏水了。
[00:10.5-00:16.0] 坐席：这个需要物业处理，我帮您转接到物业，请稍等。
[00:48.0-00:53.0] 坐席：您好，我是8号楼的管家，请问有什么可以帮您？
[00:53.5-00:58.0] 客户：厨房水管漏水了。`, { agent_id: 'A128' });
    expect(r['opening.self-id']).toMatchObject({ verdict: 'pass', evidence: [{ turn: 1 }] });
    expect(r['opening.self-id']?.window).toContain('up to the transfer at turn 4');
  });

  it('an agent_id that is the new agent’s number scores the new agent', () => {
    const r = rules(ANNOUNCED + NEW_AGENT, { agent_id: 'A203' });
    expect(r['opening.self-id']?.evidence.map((e) => e.turn)).toEqual([6]);
    expect(r['conduct.forbidden-phrases']?.verdict).toBe('fail');
    expect(r['conduct.forbidden-phrases']?.window).toContain('from the transfer at turn 6');
  });
});
