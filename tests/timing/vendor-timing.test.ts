/**
 * Timing verdicts on what speech-recognition services really output: sentences cut at every
 * pause, segments that touch, two channels overlapping (fixtures/timing/vendor).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import { readCallFile } from '../../src/readers/index.js';
import { standardRuleset, TIMING } from './helpers.js';

const VENDOR = join(TIMING, 'vendor');

function scoreVendor(file: string): Record<string, RuleResult> {
  const read = readCallFile(join(VENDOR, file));
  if (!read.ok) throw new Error(read.error.message);
  return Object.fromEntries(evaluateCall(read.call, standardRuleset()).rules.map((r) => [r.ruleId, r]));
}

// The reason names the customer sentences the agent's speech really overlaps (the sum is over
// them), not the one before the pause or seam the agent started in.
describe('interruptions across the sentences a recogniser cuts', () => {
  it('the agent starting in a 0.1 s pause of the customer and talking over the next sentence interrupts', () => {
    expect(scoreVendor('alibaba-talkover-in-pause.json')['conduct.no-interrupt']).toMatchObject({
      verdict: 'fail',
      reason: '1 interruption(s) (0 allowed): at 00:20.0 turn 7 talks over turn 6 for 2.9 s',
    });
  });

  it('the overlap counts the customer sentences that go on after the one the agent starts in', () => {
    expect(scoreVendor('alibaba-talkover-across.json')['conduct.no-interrupt']).toMatchObject({
      verdict: 'fail',
      reason: '1 interruption(s) (0 allowed): at 00:19.5 turn 5 talks over turns 4, 6 for 3.3 s',
    });
  });

  it('Whisper segments that touch: an agent starting at the seam talks over the customer', () => {
    expect(scoreVendor('whisperx-talkover-seam.json')['conduct.no-interrupt']).toMatchObject({
      verdict: 'fail',
      reason: '1 interruption(s) (0 allowed): at 00:18.0 turn 5 talks over turn 6 for 4.0 s',
    });
  });

  it('an answer in a real pause (1.2 s), with the customer saying 嗯 and 对对 over it, is no interruption', () => {
    expect(scoreVendor('alibaba-answer-in-pause.json')['conduct.no-interrupt']).toMatchObject({
      verdict: 'pass',
      reason: 'the agent never talks over the customer',
    });
  });
});

describe('filler sounds on the agent channel during a silence', () => {
  it('a 「嗯。」 in the middle of a 40 s hold neither ends it, nor checks back, nor is the turn after it', () => {
    const r = scoreVendor('alibaba-hold-40-filler.json');
    expect(r['hold.ask-permission']?.verdict).toBe('pass');
    expect(r['hold.check-back']).toMatchObject({
      verdict: 'fail',
      reason: 'hold 00:22.8–01:02.8 (40.0 s): no word from the agent for 00:22.8–01:02.8 (40.0 s), longer than 25.0 s',
    });
    expect(r['hold.thank-after']).toMatchObject({ verdict: 'pass', reason: 'hold 00:22.8–01:02.8 (40.0 s), then 「感谢您的耐心」 (turn 8)' });
    expect(r['hold.no-dead-air']?.verdict).toBe('pass');
  });

  it('a 「呃。」 in the middle of 18 s of unannounced silence does not cut it into two short ones', () => {
    expect(scoreVendor('alibaba-dead-air-filler.json')['hold.no-dead-air']).toMatchObject({
      verdict: 'fail',
      reason: 'silence longer than 10.0 s: 00:19.0–00:37.7 (18.7 s) between turn 5 and turn 7',
    });
  });
});

describe("crosstalk: the customer's words again on the agent's channel", () => {
  it('is neither the agent insulting the customer (critical) nor talking over them', () => {
    const r = scoreVendor('alibaba-crosstalk.json');
    expect(r['conduct.abuse']?.verdict).toBe('pass');
    expect(r['conduct.no-interrupt']).toMatchObject({ verdict: 'pass', reason: 'the agent never talks over the customer' });
  });
});

describe("a silent caller whose channel holds only noise the recogniser wrote down", () => {
  it('「嗯。」「[噪音]」「啊。」 are no words: the agent who re-prompts and closes politely passes', () => {
    expect(scoreVendor('tencent-silent-caller-noise.json')['opening.silent-caller']).toMatchObject({
      verdict: 'pass',
      reason: 'the caller never speaks: 「请问有什么可以帮您」 (turn 4), 「听不到您的声音」 (turn 6)',
    });
  });

  it('「(杂音)」 is no words either: the agent who threatens to hang up fails', () => {
    expect(scoreVendor('alibaba-silent-caller-noise-rude.json')['opening.silent-caller']).toMatchObject({
      verdict: 'fail',
      reason: 'the caller never speaks; the agent says 「喂喂」 (turn 3), 「不说话就挂了」 (turn 3)',
    });
  });
});

describe('AWS word items: utterances are cut at pauses, not only where the speaker changes', () => {
  it("a 50 s hold between two of the agent's sentences, with no customer word between, is a hold", () => {
    const r = scoreVendor('aws-items-hold.json');
    expect(r['hold.ask-permission']?.verdict).toBe('pass');
    expect(r['hold.check-back']).toMatchObject({
      verdict: 'fail',
      reason: 'hold 00:12.8–01:03.0 (50.3 s): no word from the agent for 00:12.8–01:03.0 (50.3 s), longer than 25.0 s',
    });
    expect(r['hold.thank-after']?.verdict).toBe('pass');
    // Not "too slow: 66.5 characters per minute" measured over the wait.
    expect(r['conduct.speech-rate']).toMatchObject({ verdict: 'na', reason: 'only 19.3 s of agent speech (20.0 s needed to measure a rate)' });
  });
});

describe('a vendor segment without its end time', () => {
  it('timing rules are na, naming the segment (not "the transcript gives start times only")', () => {
    const r = scoreVendor('alibaba-one-end-missing.json');
    for (const id of ['hold.thank-after', 'hold.no-dead-air', 'conduct.no-interrupt', 'conduct.speech-rate']) {
      expect(r[id], id).toMatchObject({ verdict: 'na', reason: 'turn 3 (Result.Sentences[2]) has no end time' });
    }
  });
});

describe('WhisperX: a segment whose timed words have a 12 s pause inside', () => {
  it('is cut at the pause: the silence is a hold, and the rate is measured on the speech (375, too fast)', () => {
    const r = scoreVendor('whisperx-pause-inside.json');
    // 「好的，我看一下您的订单，」 then 12 s: a hold the agent explained, not dead air; the agent
    // comes back without thanks.
    expect(r['hold.no-dead-air']).toMatchObject({ verdict: 'pass' });
    expect(r['hold.thank-after']).toMatchObject({
      verdict: 'fail',
      reason: "hold 00:10.6–00:22.6 (12.0 s): the agent's first turn after it (turn 4) does not say $hold_thanks",
    });
    // Not 247.2 per minute over 35.2 s, the pause counted as speaking.
    expect(r['conduct.speech-rate']).toMatchObject({
      verdict: 'fail',
      reason: 'too fast: 375.0 characters per minute (145 characters in 23.2 s of agent speech), above the band 120–300 per minute',
    });
  });

  it('each piece keeps its own words and their confidences', () => {
    const read = readCallFile(join(VENDOR, 'whisperx-pause-inside.json'));
    if (!read.ok) throw new Error(read.error.message);
    const [before, after] = read.call.utterances.slice(2, 4);
    expect([before?.text, after?.text]).toEqual(['好的，我看一下您的订单，', '系统显示仓库缺货了，今天之内会为您安排发货，明天就能送到您手上，您看可以吗？']);
    expect(before?.words?.length).toBe(10);
    expect(after?.words?.[0]).toMatchObject({ start: 0, end: 1 });
  });
});

describe('a check-back the recogniser cut in two sentences', () => {
  it('「很抱歉让您久等了，」|「…麻烦您再稍等片刻。」 is one turn that announces again: one 49 s hold, checked back', () => {
    const r = scoreVendor('alibaba-hold-check-back-split.json');
    // Not two holds of 21 and 22 s with hold.check-back na ("no hold longer than 25.0 s").
    expect(r['hold.check-back']).toMatchObject({
      verdict: 'pass',
      reason: 'hold 00:14.8–01:04.0 (49.2 s): checked back at turn 5, turn 6; longest silence 23.0 s',
    });
    expect(r['hold.thank-after']).toMatchObject({ verdict: 'pass', reason: 'hold 00:14.8–01:04.0 (49.2 s), then 「感谢您的耐心」 (turn 8)' });
  });
});

describe("the agent's talk-over cut in two sentences", () => {
  it('is one interruption of 4.8 s, with both sentences in the evidence', () => {
    const r = scoreVendor('alibaba-talkover-agent-split.json')['conduct.no-interrupt'];
    expect(r).toMatchObject({ verdict: 'fail', reason: '1 interruption(s) (0 allowed): at 00:18.0 turns 5, 6 talk over turn 4 for 4.8 s' });
    expect(r?.evidence.map((e) => `${e.role}:${e.turn}`)).toEqual(['interrupted:4', 'interruption:5', 'interruption:6']);
  });
});
