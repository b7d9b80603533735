import { describe, expect, it } from 'vitest';
import { rule, ruleset, scoreText } from '../asr/helpers.js';
import { SCRIPTS, score, turns } from './helpers.js';

describe.each(SCRIPTS)('dead air ($script)', ({ dir }) => {
  it('a 12 s unexplained silence fails with the gap and the turns around it', () => {
    const r = score(dir, 'dead-air-12s')['hold.no-dead-air'];
    expect(r).toMatchObject({
      verdict: 'fail',
      reason: 'silence longer than 10.0 s: 00:42.3–00:54.3 (12.0 s) between turn 5 and turn 6',
      window: 'whole call, 00:00.0–01:09.2 (silences from 00:05.0)',
    });
    expect(turns(r)).toEqual(['before silence:5', 'after silence:6']);
    expect(r?.evidence.map((e) => e.speaker)).toEqual(['customer', 'agent']);
  });

  it("the customer's own pause (13 s after the agent's question, 11 s between two customer turns) is not counted", () => {
    // The same call has both; only the agent's 12 s silence is listed above. Without the
    // exception the 13 s silence would be reported first.
    const r = score(dir, 'dead-air-12s')['hold.no-dead-air'];
    expect(r?.reason).not.toMatch(/13\.0 s|11\.0 s/);
  });

  it('a lone 嗯 shorter than bridge_ms does not split a silence: 6 s + 嗯 + 6 s is 12.3 s', () => {
    const r = score(dir, 'dead-air-bridged')['hold.no-dead-air'];
    expect(r).toMatchObject({ verdict: 'fail', reason: 'silence longer than 10.0 s: 00:09.9–00:22.2 (12.3 s) between turn 3 and turn 5' });
    expect(turns(r)).toEqual(['before silence:3', 'after silence:5']);
  });

  it('a silence of exactly dead_air_s passes ("longer than"); 0.1 s more fails', () => {
    expect(score(dir, 'boundary-gap-10.0')['hold.no-dead-air']).toMatchObject({ verdict: 'pass', reason: 'no unexplained silence longer than 10.0 s (longest 10.0 s)' });
    expect(score(dir, 'boundary-gap-10.1')['hold.no-dead-air']).toMatchObject({
      verdict: 'fail',
      reason: 'silence longer than 10.0 s: 00:09.9–00:20.0 (10.1 s) between turn 2 and turn 3',
    });
  });

  it('no timestamps: na', () => {
    expect(score(dir, 'untimed')['hold.no-dead-air']).toMatchObject({ verdict: 'na', reason: 'no timestamps' });
  });
});

describe('long silences that are the customer’s', () => {
  const rs = ruleset();
  const reason = (text: string): string | undefined => rule(scoreText(text, rs), 'hold.no-dead-air').reason;

  it("a silence after the agent's question is the customer's turn: ？, 吗 or 呢 at the end, a full stop after 吗 too", () => {
    const call = (question: string): string =>
      [
        '[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？',
        '[00:04.5-00:08.0] 客户：我要改一下地址。',
        `[00:08.5-00:12.0] 坐席：${question}`,
        '[00:25.0-00:28.0] 客户：嗯，就是上次那个地址。',
      ].join('\n');
    for (const question of ['您是要改收货地址吗', '您是要改收货地址吗。 ', '您要改成哪个地址呢？', '改成新的地址?']) {
      expect(reason(call(question))).toMatch(/^no unexplained silence longer than 10\.0 s .*after turn 3: the customer's turn$/);
    }
    for (const statement of ['好的，地址已经记下了。', '您说的是哪个吗啡']) {
      expect(reason(call(statement))).toBe('silence longer than 10.0 s: 00:12.0–00:25.0 (13.0 s) between turn 3 and turn 4');
    }
  });

  it('a pass names each long silence it leaves out and why, so a reviewer can check it', () => {
    const keypad = [
      '[00:00.0-00:04.0] 坐席：您好，请问有什么可以帮您？',
      '[00:04.5-00:08.0] 客户：我要查一下余额。',
      '[00:08.5-00:13.0] 坐席：好的，请您在按键上输入您的六位查询密码，以井号键结束。',
      '[00:35.0-00:38.0] 坐席：好的，密码验证通过，您的余额是三百二十元。',
    ].join('\n');
    expect(reason(keypad)).toBe(
      'no unexplained silence longer than 10.0 s (longest 0.5 s); 00:13.0–00:35.0 (22.0 s) after turn 3: the customer doing what the agent asked',
    );
    const card = [
      '[00:08.5-00:12.0] 坐席：好的，请您提供一下卡号。',
      '[00:12.5-00:15.0] 客户：你等一下啊，我去找一下卡。',
      '[00:15.2-00:15.8] 坐席：好的，不着急。',
      '[00:55.0-00:58.0] 客户：喂，找到了，卡号是6222021234567890。',
      '[00:58.5-01:02.0] 坐席：好的，已经为您挂失了。',
    ].join('\n');
    expect(reason(card)).toBe('no unexplained silence longer than 10.0 s (longest 0.5 s); 00:15.8–00:55.0 (39.2 s) after turn 3: the customer asked to wait');
  });
});
