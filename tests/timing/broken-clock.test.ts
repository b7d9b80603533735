// Times a reviewer would not trust — an hour typed by mistake, a clock that jumps an hour ahead,
// seconds where the vendor writes milliseconds — make the call's timestamps unusable: every
// timing rule is na, with a reason naming the turn, never a fail (or a pass) resting on them.
// A long silence the recording really has still fails dead air.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import { coerceField } from '../../src/meta/index.js';
import { parseCallBytes, readCallFile } from '../../src/readers/index.js';
import type { Call } from '../../src/model/call.js';
import { standardRuleset, TIMING_RULES } from './helpers.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

function read(text: string, file: string): Call {
  const outcome = parseCallBytes(new TextEncoder().encode(text), file);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.call;
}

function verdicts(call: Call): Record<string, RuleResult> {
  return Object.fromEntries(evaluateCall(call, standardRuleset()).rules.map((r) => [r.ruleId, r]));
}

/** A 1.5-minute call in [mm:ss] times with an announced, checked-back and thanked 40 s hold. */
const LINES = [
  '[00:01.0-00:05.3] 坐席：您好，康泰鑫客服128号为您服务，请问有什么可以帮您？',
  '[00:05.9-00:11.2] 客户：我上周买的机械键盘，到现在还没发货，你们怎么回事？',
  '[00:11.6-00:16.9] 坐席：很抱歉，给您添麻烦了，我非常理解您的心情。请问您贵姓？',
  '[00:17.4-00:19.1] 客户：我姓李。',
  '[00:19.5-00:24.8] 坐席：李先生，麻烦您提供一下订单号，我帮您查询一下，好吗？',
  '[00:25.3-00:29.6] 客户：订单号是2026100188。',
  '[00:30.1-00:33.0] 坐席：好的，请您稍等，我帮您查一下。',
  '[00:33.4-00:34.0] 客户：好。',
  '[00:52.0-00:55.5] 坐席：李先生，您还在线吗？还需要一点时间，请您再稍等一下。',
  '[00:56.0-00:56.8] 客户：在的。',
  '[01:14.0-01:22.7] 坐席：感谢您的耐心等待。您的订单因为仓库缺货延迟了，今天之内为您安排发货。',
  '[01:23.2-01:25.3] 客户：好吧，那你们尽快。',
  '[01:25.8-01:30.5] 坐席：好的，请问还有什么可以帮您？',
  '[01:31.0-01:32.2] 客户：没有了。',
  '[01:32.6-01:36.1] 坐席：感谢您的来电，祝您生活愉快，再见！',
];
const HEADER = '---\ncall_id: T1\nagent_id: A128\ndirection: inbound\n---\n';

function plain(change: (lines: string[]) => void = () => {}): string {
  const lines = [...LINES];
  change(lines);
  return HEADER + lines.join('\n') + '\n';
}

describe('a clock that cannot be the call’s', () => {
  it('the reference call is timed: its hold and dead-air verdicts are real', () => {
    const r = verdicts(read(plain(), 'ok.txt'));
    expect(r['hold.no-dead-air']?.verdict).toBe('pass');
    expect(r['hold.check-back']?.verdict).toBe('pass');
  });

  it('an hour typed on the last line of a [mm:ss] transcript: na naming the line, not an hour of dead air', () => {
    const call = read(plain((l) => (l[14] = '[1:02:03.5-1:02:05.0] 坐席：感谢您的来电，祝您生活愉快，再见！')), 'typo.txt');
    const problem = 'turn 15 starts at 1:02:03.5, 61 minutes after anyone last spoke (01:32.2): no call is silent that long (a typo in the hour? times in the wrong unit?)';
    expect(call.source.timingProblem).toBe(problem);
    expect(call.warnings).toContainEqual({ message: `timestamps unusable, not used (timing rules are na): ${problem}`, line: 20 });
    const r = verdicts(call);
    for (const id of TIMING_RULES) expect(r[id], id).toMatchObject({ verdict: 'na', reason: `timestamps unusable: ${problem}` });
  });

  it('an hour typed on the last two lines: na, not a pass that excuses an hour as "the customer’s turn"', () => {
    const call = read(
      plain((l) => {
        l[13] = '[1:01:31.0-1:01:32.2] 客户：没有了。';
        l[14] = '[1:01:32.6-1:01:36.1] 坐席：感谢您的来电，祝您生活愉快，再见！';
      }),
      'typo2.txt',
    );
    expect(verdicts(call)['hold.no-dead-air']).toMatchObject({ verdict: 'na', reason: expect.stringMatching(/^timestamps unusable: turn 14 starts at 1:01:31\.0, 60 minutes after/) });
  });

  it('an hour typed mid-call names the line with the hour, not the next one that "goes backwards"', () => {
    const call = read(plain((l) => (l[11] = '[1:23:23.2-1:23:25.3] 客户：好吧，那你们尽快。')), 'mid.txt');
    expect(call.source.timingProblem).toMatch(/^turn 12 starts at 1:23:23\.2, 82 minutes after anyone last spoke/);
  });

  it('an hour typed in the end time of the hold announcement: na, not "no hold in this call" and no dead air', () => {
    const call = read(plain((l) => (l[6] = '[00:30.1-1:00:33.0] 坐席：好的，请您稍等，我帮您查一下。')), 'end.txt');
    const problem = 'turn 7 lasts 60 minutes (00:30.1 to 1:00:33.0): no one speaks that long (a typo in the hour? times in the wrong unit?)';
    expect(call.source.timingProblem).toBe(problem);
    const r = verdicts(call);
    expect(r['hold.ask-permission']).toMatchObject({ verdict: 'na', reason: `timestamps unusable: ${problem}` });
    expect(r['hold.no-dead-air']?.verdict).toBe('na');
  });

  it('an end typed minutes late (05:33.0 for 00:33.0) runs into the agent’s next line: na, not "no hold in this call"', () => {
    const call = read(plain((l) => (l[6] = '[00:30.1-05:33.0] 坐席：好的，请您稍等，我帮您查一下。')), 'end-min.txt');
    const problem = "turn 7 ends at 05:33.0, 281 s into the agent's next utterance (turn 9, 00:52.0): one voice says one thing at a time (a typo in the end time?)";
    expect(call.source.timingProblem).toBe(problem);
    expect(call.warnings).toContainEqual({ message: `timestamps unusable, not used (timing rules are na): ${problem}`, line: 12 });
    expect(verdicts(call)['hold.ask-permission']).toMatchObject({ verdict: 'na', reason: `timestamps unusable: ${problem}` });
  });

  it('a line repeated at the same time by the export keeps the times: the hold is still judged', () => {
    const call = read(plain((l) => l.splice(3, 0, l[2] as string)), 'dup.txt');
    expect(call.source.timingProblem).toBeUndefined();
    expect(verdicts(call)['hold.check-back']?.verdict).toBe('pass');
  });

  it.each([
    ['hold music written down for the whole hold', '[00:34.0-01:14.0] 坐席：[等待音]'],
    ['a 嗯 the recogniser stretched over the hold', '[00:34.0-01:14.0] 坐席：嗯。'],
  ])('%s, with the check-back inside it, keeps the times', (_, note) => {
    const call = read(plain((l) => l.splice(8, 0, note)), 'note.txt');
    expect(call.source.timingProblem).toBeUndefined();
    expect(verdicts(call)['hold.check-back']).toMatchObject({ verdict: 'pass', reason: expect.stringContaining('checked back at turn 10') });
  });

  it('one line ten minutes ahead, then the times resume: the reason names that line, not the next', () => {
    const call = read(plain((l) => (l[3] = '[10:17.4-10:19.1] 客户：我姓李。')), 'ahead.txt');
    const problem = 'turn 4 starts at 10:17.4, out of line with the utterances around it (turn 3 at 00:11.6, turn 5 at 00:19.5): a typo in its time?';
    expect(call.source.timingProblem).toBe(problem);
    expect(call.warnings).toContainEqual({ message: `timestamps unusable, not used (timing rules are na): ${problem}`, line: 9 });
  });

  it('a second recording appended with times from 00:00 (a transfer): na naming where the clock restarts', () => {
    const call = read(plain((l) => l.push('[00:01.0-00:04.0] 坐席：您好，这里是康泰鑫售后部，请问有什么可以帮您？')), 'concat.txt');
    expect(call.source.timingProblem).toBe('turn 16 starts at 00:01.0, 91.6 s before the utterance listed before it (times go backwards)');
  });

  it('a real 25-minute silence is still dead air', () => {
    const call = read(plain((l) => (l[14] = '[26:32.6-26:36.1] 坐席：不好意思，感谢您的来电，再见！')), 'long.txt');
    expect(call.source.timingProblem).toBeUndefined();
    expect(verdicts(call)['hold.no-dead-air']).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('01:32.2–26:32.6 (1500.4 s) between turn 14 and turn 15') });
  });
});

describe('milliseconds and seconds mixed in vendor JSON', () => {
  const alibaba = (change: (sentences: Array<{ BeginTime: number; EndTime: number }>) => void): string => {
    const json = JSON.parse(readFileSync(resolve(FIXTURES, 'formats/same-call/alibaba.json'), 'utf8')) as { Result: { Sentences: Array<{ BeginTime: number; EndTime: number }> } };
    change(json.Result.Sentences);
    return JSON.stringify(json);
  };

  it('the first sentence in seconds: na, not a silent caller and a "too fast" agent', () => {
    const call = read(
      alibaba((s) => {
        (s[0] as { BeginTime: number }).BeginTime = 1.02;
        (s[0] as { EndTime: number }).EndTime = 5.34;
      }),
      'first-seconds.json',
    );
    const problem = 'turn 1 (Result.Sentences[0]) lasts 0.004 s for 27 characters, faster than anyone speaks (times in the wrong unit?)';
    expect(call.source.timingProblem).toBe(problem);
    const r = verdicts(call);
    expect(r['opening.silent-caller']?.verdict).toBe('na');
    expect(r['conduct.speech-rate']).toMatchObject({ verdict: 'na', reason: `timestamps unusable: ${problem}` });
  });

  it('every sentence in seconds: na, not "no silence longer than 10 s" in a 53-millisecond call', () => {
    const call = read(
      alibaba((s) => {
        for (const x of s) {
          x.BeginTime /= 1000;
          x.EndTime /= 1000;
        }
      }),
      'all-seconds.json',
    );
    expect(verdicts(call)['hold.no-dead-air']).toMatchObject({ verdict: 'na', reason: expect.stringMatching(/^timestamps unusable: turn 1 \(Result\.Sentences\[0\]\) lasts 0\.004 s/) });
  });

  it('the last sentence in microseconds, past the recording (RecDuration): na', () => {
    const call = read(
      alibaba((s) => {
        const last = s[s.length - 1] as { BeginTime: number; EndTime: number };
        last.BeginTime *= 1000;
        last.EndTime *= 1000;
      }),
      'last-us.json',
    );
    expect(verdicts(call)['hold.no-dead-air']?.verdict).toBe('na');
  });

  it('Whisper times in milliseconds (1020 for 1.02 s): na, not a call of hours with minutes of dead air', () => {
    const json = JSON.parse(readFileSync(resolve(FIXTURES, 'formats/same-call/whisperx.json'), 'utf8')) as { segments: Array<{ start: number; end: number; words?: unknown }> };
    for (const s of json.segments) {
      s.start *= 1000;
      s.end *= 1000;
      delete s.words;
    }
    const call = read(JSON.stringify(json), 'whisper-ms.json');
    expect(call.source.timingProblem).toMatch(/^turn 1 \(segments\[0\]\) lasts 72 minutes \(17:00\.0 to 1:29:00\.0\)/);
    expect(verdicts(call)['hold.no-dead-air']?.verdict).toBe('na');
  });

  it('a silence of an hour inside the recording the vendor measured (AudioDuration) is the recording’s: dead air', () => {
    const read = readCallFile(resolve(FIXTURES, 'formats/tencent-result-only.json'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.call.source.timingProblem).toBeUndefined();
    expect(verdicts(read.call)['hold.no-dead-air']).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('(3713.6 s) between turn 2 and turn 3') });
  });
});

describe('ring and queue times in milliseconds', () => {
  const withMeta = (line: string): Call => read(plain().replace('direction: inbound\n', `direction: inbound\n${line}\n`), 'meta.txt');

  it('front matter ring_s 8000 (8 s in ms) is ignored with a warning: wait-apology na, not a fail for a two-hour ring', () => {
    const call = withMeta('ring_s: 8000');
    expect(call.meta.ring_s).toBeUndefined();
    expect(call.warnings).toContainEqual({ message: 'front matter ring_s 8000 is more than 5 minutes: no such wait (milliseconds?); ignored', line: 5 });
    expect(verdicts(call)['opening.wait-apology']?.verdict).toBe('na');
  });

  it('a real 40 s ring without an apology still fails', () => {
    const call = withMeta('ring_s: 40');
    expect(call.meta.ring_s).toBe(40);
    expect(verdicts(call)['opening.wait-apology']).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('ring_s 40 > 10') });
  });

  it('a call log queue_s of 45000 is refused like a front matter one', () => {
    expect(coerceField('queue_s', '45000')).toEqual({ ok: false, message: 'queue_s 45000 is more than 2 hours: no such wait (milliseconds?)', overMax: true });
    expect(coerceField('queue_s', '600')).toEqual({ ok: true, value: 600 });
  });
});
