import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countUnits } from '../../src/engine/timing/speech-rate.js';
import { prng } from '../../src/workflow/prng.js';
import { rulesetAt, SCRIPTS, score, standardRuleset, TIMING, turns } from './helpers.js';
import { callOf, judge, rulesetOf } from '../engine/rule-helpers.js';

describe('counting characters', () => {
  it('Han characters and digits 1 each, a Latin word 1, punctuation 0', () => {
    expect(countUnits('您好，iPhone 15 Pro！')).toBe(6);
    expect(countUnits('订单号是2026A，好的。')).toBe(11);
    // A number read out is a syllable a digit (「幺三八…」), not one word.
    expect(countUnits('您的手机号是13812345678对吗')).toBe(19);
    expect(countUnits('……，。？')).toBe(0);
  });

  it('a bracketed sound note inside the words counts 0; a number in brackets is speech', () => {
    expect(countUnits('好的[噪音][噪音]，请您稍等<noise>，我这边（笑声）帮您查【背景音乐】')).toBe(12);
    expect(countUnits('iPhone[noise]Pro')).toBe(2);
    expect(countUnits('区号(0571)，分机〈12〉')).toBe(10);
    // Not a note: empty, unclosed, or longer than 16 characters.
    expect(countUnits('[]好')).toBe(1);
    expect(countUnits('好的(请稍')).toBe(4);
    expect(countUnits('(一二三四五六七八九十一二三四五六七)')).toBe(17);
  });

  it('counts exactly what the Unicode-property regex matches, on random mixed text', () => {
    const UNITS = /\p{Script=Han}|\p{Nd}|(?:(?!\p{Script=Han}|\p{Nd})[\p{L}\p{N}])+/gu;
    // Han (BMP, extension A, astral extension B, 〇 々), Latin, full-width, digits, kana, Hangul,
    // Cyrillic, punctuation, spaces, combining marks and lone surrogates.
    const pool = [...'您好请问aZ09ＡＢ１２〇々㐀あアカ한ДжÉé，。！? \u0301\u00b2'].concat(['𠀀', '𝟘', '\ud800', '\udc00']);
    const rand = prng(20261123);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(rand() * 24);
      for (let i = 0; i < length; i++) text += pool[Math.floor(rand() * pool.length)];
      expect(countUnits(text), JSON.stringify(text)).toBe(text.match(UNITS)?.length ?? 0);
    }
  });
});

describe.each(SCRIPTS)('speech rate ($script)', ({ dir }) => {
  it('a fast reader fails with the rate, the speaking time, the count and the fastest turn', () => {
    const r = score(dir, 'fast-reader')['conduct.speech-rate'];
    expect(r).toMatchObject({
      verdict: 'fail',
      reason: 'too fast: 450.0 characters per minute (174 characters in 23.2 s of agent speech), above the band 120–300 per minute',
    });
    expect(turns(r)).toEqual(['fastest turn, 453.1 per minute:1']);
  });

  it('a normal-rate agent passes', () => {
    expect(score(dir, 'normal-rate')['conduct.speech-rate']).toMatchObject({
      verdict: 'pass',
      reason: '240.8 characters per minute (120 characters in 29.9 s of agent speech), inside the band 120–300 per minute',
    });
  });

  it('exactly speech_rate_max passes; above it fails', () => {
    expect(score(dir, 'boundary-rate-300')['conduct.speech-rate']).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/^300\.0 characters per minute \(100 characters in 20\.0 s/) });
    expect(score(dir, 'boundary-rate-303')['conduct.speech-rate']).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/^too fast: 303\.0 characters per minute \(101 characters/) });
  });

  it('the band is ruleset data: a company ruleset allowing 480 per minute passes the fast reader', () => {
    const lenient = rulesetAt(join(TIMING, 'rulesets/lenient.yaml'));
    expect(score(dir, 'fast-reader', undefined, lenient)['conduct.speech-rate']?.verdict).toBe('pass');
  });

  it('too little agent speech is na; no timestamps is na', () => {
    expect(score(dir, 'outbound-consent')['conduct.speech-rate']).toMatchObject({ verdict: 'na', reason: expect.stringMatching(/^only \d+\.\d s of agent speech \(20\.0 s needed to measure a rate\)$/) });
    expect(score(dir, 'untimed')['conduct.speech-rate']).toMatchObject({ verdict: 'na', reason: 'no timestamps' });
  });
});

/** conduct.speech-rate with the standard band and none of its options. */
const PLAIN_RATE_RULE = `  - id: conduct.speech-rate
    category: conduct
    title: rate
    points: 2
    speech_rate: { min: 120, max: 300, min_speaking_s: 20 }
`;

describe('a recognised segment that holds silence', () => {
  const rule = rulesetOf(PLAIN_RATE_RULE);
  const agent = (from: number, to: number, text: string): string => `[00:${String(from).padStart(2, '0')}.0-00:${String(to).padStart(2, '0')}.0] 坐席：${text}\n`;
  const NORMAL = '您好很高兴为您服务请问有什么可以帮您的吗'; // 20 characters

  it('is left out of the rate, and the reason says so', () => {
    // 20 characters in 5 s three times (240 a minute), and 「请稍等…让您久等了」 over 30 s.
    const call = callOf(agent(0, 5, NORMAL) + agent(5, 10, NORMAL) + agent(10, 15, NORMAL) + agent(15, 45, '请稍等。让您久等了。') + agent(45, 50, NORMAL));
    expect(judge(rule, call)).toMatchObject({
      verdict: 'pass',
      reason: '240.0 characters per minute (80 characters in 20.0 s of agent speech; 1 turn slower than 60 per minute left out, as silence inside a recognised segment), inside the band 120–300 per minute',
    });
  });

  it('when it leaves too little to measure, the na says what was left out', () => {
    // A whole answer in one 10-minute segment (20 characters × 10 in 600 s: 20 a minute).
    const call = callOf(agent(0, 5, NORMAL) + `[00:05.0-10:05.0] 坐席：${NORMAL.repeat(10)}\n`);
    expect(judge(rule, call)).toMatchObject({
      verdict: 'na',
      reason: 'only 5.0 s of agent speech (20.0 s needed to measure a rate; 1 turn slower than 60 per minute left out, as silence inside a recognised segment)',
    });
  });

  it('but a slow agent, slow in every segment, still fails', () => {
    // 20 characters in 12 s (100 a minute): slow speech, not silence.
    const call = callOf(agent(0, 12, NORMAL) + agent(12, 24, NORMAL) + agent(24, 36, NORMAL));
    expect(judge(rule, call)).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/^too slow: 100\.0 characters per minute \(60 characters in 36\.0 s of agent speech\)/) });
  });
});

describe('a band chosen by the call (Cantonese is spoken faster)', () => {
  // A company ruleset may choose the band by metadata instead of by what the agent says.
  const rule = rulesetOf(`  - id: conduct.speech-rate
    category: conduct
    title: rate
    points: 2
    speech_rate:
      min: 120
      max: 300
      min_speaking_s: 20
      bands:
        - { name: Hong Kong, when: { meta: { region: HK } }, min: 120, max: 360 }
`);
  const TURN = '您好很高兴为您服务请问有什么可以帮您的吗'; // 20 characters, each turn in 3.6 s: 333.3 a minute
  const call = (meta: Record<string, string>): ReturnType<typeof callOf> =>
    callOf([0, 4, 8, 12, 16, 20].map((s) => `[00:${String(s).padStart(2, '0')}.0-00:${String(s + 3).padStart(2, '0')}.6] 坐席：${TURN}`).join('\n'), meta);

  it('the first band whose `when` holds replaces [min, max], and the reason says why', () => {
    expect(judge(rule, call({ region: 'HK' }))).toMatchObject({
      verdict: 'pass',
      reason: '333.3 characters per minute (120 characters in 21.6 s of agent speech), inside the Hong Kong band 120–360 per minute (chosen by region HK)',
    });
  });

  it('the standard ruleset chooses the Cantonese band by the agent\'s Cantonese, quoted as evidence', () => {
    const call = callOf(
      [0, 4, 8, 12, 16, 20].map((s) => `[00:${String(s).padStart(2, '0')}.0-00:${String(s + 3).padStart(2, '0')}.6] 坐席：唔該你等陣，我幫你睇下個賬戶係咪有問題先`).join('\n'),
    );
    const r = judge(standardRuleset(), call, 'conduct.speech-rate');
    expect(r).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/inside the Cantonese band 120–360 per minute \(chosen by turn 1「唔該」\)$/) });
    expect(turns(r)).toContain('chooses the Cantonese band:1');
  });

  it('no band applies (another region, or no region metadata): the default band', () => {
    for (const meta of [{ region: 'CN' }, {}] as Record<string, string>[]) {
      expect(judge(rule, call(meta))).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/^too fast: 333\.3 .*above the band 120–300 per minute$/) });
    }
  });

  it('a band whose min is above its max is a ruleset error', () => {
    expect(() => rulesetOf(`  - id: conduct.r
    category: conduct
    title: rate
    points: 2
    speech_rate: { min: 120, max: 300, bands: [{ name: x, when: { meta: { region: HK } }, min: 400, max: 360 }] }
`)).toThrow(/band "x" min 400 is above max 360/);
  });
});

describe('a segment the recogniser may not have cut', () => {
  const rule = rulesetOf(`  - id: conduct.speech-rate
    category: conduct
    title: rate
    points: 2
    speech_rate: { min: 120, max: 300, min_speaking_s: 20, uncut_s: 30 }
`);
  const NORMAL = '您好很高兴为您服务请问有什么可以帮您的吗'; // 20 characters
  const LONG = NORMAL.repeat(5); // 100 characters in 90 s: 66.7 a minute, above the 60 of held silence

  it('a "too slow" that rests on it is review, with the long segment as evidence', () => {
    const r = judge(rule, callOf(`[00:00.0-00:05.0] 坐席：${NORMAL}\n[00:05.0-00:10.0] 坐席：${NORMAL}\n[00:10.0-00:15.0] 坐席：${NORMAL}\n[00:15.0-00:20.0] 坐席：${NORMAL}\n[00:20.0-01:50.0] 坐席：${LONG}`));
    expect(r).toMatchObject({
      verdict: 'review',
      reason:
        'slow only in segments the recogniser may not have cut at pauses: 98.2 characters per minute (180 characters in 110.0 s of agent speech), below the band 120–300 per minute; without the segment of 30.0 s or more, the rest is 240.0 per minute — a person listens',
    });
    expect(turns(r)[0]).toBe('90.0 s in one recognised segment, 66.7 per minute:5');
  });

  it('without the option the same call fails as before', () => {
    const plain = rulesetOf(PLAIN_RATE_RULE);
    const r = judge(plain, callOf(`[00:00.0-00:05.0] 坐席：${NORMAL}\n[00:05.0-00:10.0] 坐席：${NORMAL}\n[00:10.0-00:15.0] 坐席：${NORMAL}\n[00:15.0-00:20.0] 坐席：${NORMAL}\n[00:20.0-01:50.0] 坐席：${LONG}`));
    expect(r.verdict).toBe('fail');
  });

  it('an agent slow in the short segments too still fails', () => {
    // 20 characters in 12 s (100 a minute) in every ordinary segment.
    const r = judge(rule, callOf(`[00:00.0-00:12.0] 坐席：${NORMAL}\n[00:12.0-00:24.0] 坐席：${NORMAL}\n[00:24.0-01:54.0] 坐席：${LONG}`));
    expect(r).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/^too slow: /) });
  });
});
