/** A transfer put through (a new agent opens the call under the agent's label) is no hold. */
import { describe, expect, it } from 'vitest';
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import { callOf } from '../engine/rule-helpers.js';
import { standardRuleset } from './helpers.js';

function rules(dialogue: string): Record<string, RuleResult> {
  return Object.fromEntries(evaluateCall(callOf(dialogue), standardRuleset()).rules.map((r) => [r.ruleId, r]));
}

const ASKED = `[00:04.5-00:08.0] 客户：我的路由器一直闪红灯。
[00:08.5-00:14.0] 坐席：这个需要技术人员处理，我帮您转接到技术部门，好吗？
[00:14.5-00:15.0] 客户：好的。
[00:15.5-00:17.0] 坐席：请稍等。
`;

describe('transfer handover', () => {
  it('「…转接到技术部门，好吗？」「好的」「请稍等」, 28 s, 「您好，技术部工号203…」: no hold, no dead air', () => {
    const r = rules(`${ASKED}[00:45.0-00:49.0] 坐席：您好，技术部工号203，请问有什么可以帮您？`);
    for (const id of ['hold.ask-permission', 'hold.check-back', 'hold.thank-after']) {
      expect(r[id]).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
    }
    expect(r['hold.no-dead-air']?.verdict).toBe('pass');
  });

  it('another agent label (坐席2) speaking after the announced transfer puts it through, whatever its first words', () => {
    const r = rules(`[00:00.0-00:04.0] 坐席1：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？
${ASKED.replaceAll('坐席：', '坐席1：')}[00:45.0-00:49.0] 坐席2：路由器什么问题？`);
    for (const id of ['hold.ask-permission', 'hold.check-back', 'hold.thank-after']) {
      expect(r[id]).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
    }
    expect(r['hold.announce-transfer']?.verdict).toBe('pass');
  });

  it('… but not after a plain 「请稍等，我帮您查询」: the colleague came on during a hold', () => {
    const r = rules(`[00:04.5-00:08.0] 客户：帮我查一下话费。
[00:08.5-00:12.0] 坐席1：好的，请稍等，我帮您查询一下。
[00:40.0-00:44.0] 坐席2：您的话费是五十元。`);
    expect(r['hold.check-back']?.verdict).toBe('fail');
  });

  it('the first agent back with 「请问还有什么可以帮您」 was holding: the hold rules judge it', () => {
    const r = rules(`${ASKED}[00:47.0-00:53.0] 坐席：技术部门现在忙线，请问还有什么可以帮您？`);
    expect(r['hold.check-back']?.verdict).toBe('fail');
    expect(r['hold.thank-after']?.verdict).toBe('fail');
  });

  it('the first agent back saying the desk did not answer was holding, whatever greeting, 工号 or own desk they give', () => {
    for (const back of ['您好，工号128为您服务，技术部门那边忙线，我先帮您登记。', '您好，这边是客服中心，技术部门那边没人接听，我先帮您登记。', '您好，工号128，电话转不过去，我先帮您登记。']) {
      const r = rules(`${ASKED}[00:47.0-00:53.0] 坐席：${back}`);
      expect(r['hold.check-back']?.verdict, back).toBe('fail');
      expect(r['hold.thank-after']?.verdict, back).toBe('fail');
    }
    // Hong Kong: 「你好，我係客服部嘅阿明，售後嗰邊冇人聽」
    const hk = rules(`${ASKED}[00:47.0-00:53.0] 坐席：你好，我係客服部嘅阿明，技術部嗰邊冇人聽，我幫你登記先。`);
    expect(hk['hold.check-back']?.verdict).toBe('fail');
  });

  it('the first agent taking the call back (「不好意思，还是我继续为您服务吧」) was holding, though 为您服务 offers help', () => {
    const r = rules(`${ASKED}[00:47.0-00:53.0] 坐席：不好意思，还是我继续为您服务吧。`);
    expect(r['hold.check-back']?.verdict).toBe('fail');
    // a new desk going on with a case handed over with the call is no first agent back
    const handedOn = rules(`${ASKED}[00:45.0-00:49.0] 坐席：您好，技术部工号203为您服务，您的情况同事跟我说了，我继续帮您处理。`);
    expect(handedOn['hold.check-back']).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
  });

  it('… but a new desk that apologises for the wait (「您好，让您久等了，技术部工号203」) put the call through', () => {
    const r = rules(`${ASKED}[00:45.0-00:49.0] 坐席：您好，让您久等了，刚才线路忙，技术部工号203，请问有什么可以帮您？`);
    expect(r['hold.check-back']).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
  });

  it('a new agent after a plain 「请稍等，我帮您查询」 (no transfer announced) leaves the hold a hold', () => {
    const r = rules(`[00:04.5-00:08.0] 客户：帮我查一下话费。
[00:08.5-00:12.0] 坐席：好的，请稍等，我帮您查询一下。
[00:40.0-00:44.0] 坐席：您好，工号203为您服务，您的话费是五十元。`);
    expect(r['hold.check-back']?.verdict).toBe('fail');
  });
});
