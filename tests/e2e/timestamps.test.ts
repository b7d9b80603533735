// Timestamps no call can have — negative, an end before its start, a day or more into the call,
// going backwards — from Whisper JSON and subtitles, through the real bin: a warning naming the
// file and the segment or line, and every timing rule na "timestamps unusable", never a verdict
// computed from them.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from './helpers.js';

const TIMING_RULES = ['hold.ask-permission', 'hold.check-back', 'hold.thank-after', 'hold.no-dead-air', 'conduct.speech-rate', 'conduct.no-interrupt'];

/** A call with a 49 s announced hold and no check-back: timing rules have plenty to say about it. */
const LINES: Array<[number, number, string, string]> = [
  [0.5, 3.2, '您好，康泰鑫客服，请问有什么可以帮您？', 'SPEAKER_00'],
  [3.6, 7.9, '我上周买的键盘一直没发货，你们怎么回事？', 'SPEAKER_01'],
  [8.2, 11.0, '非常抱歉，请您稍等，我帮您查询一下。', 'SPEAKER_00'],
  [60.0, 63.0, '感谢您的耐心等待，已经为您加急处理。', 'SPEAKER_00'],
  [63.5, 65.0, '好的谢谢。', 'SPEAKER_01'],
  [65.5, 68.0, '请问还有其他可以帮您的吗？感谢来电，再见。', 'SPEAKER_00'],
];

function whisper(change: (segments: Array<[number, number, string, string]>) => void): string {
  const segments = LINES.map((l) => [...l] as [number, number, string, string]);
  change(segments);
  return JSON.stringify({ segments: segments.map(([start, end, text, speaker]) => ({ start, end, text, speaker })), language: 'zh' }, null, 1);
}

function srtTime(s: number): string {
  const ms = Math.round(s * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const sec = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`;
}

function srt(change: (segments: Array<[number, number, string, string]>) => void): string {
  const segments = LINES.map((l) => [...l] as [number, number, string, string]);
  change(segments);
  const label = (speaker: string) => (speaker === 'SPEAKER_00' ? '坐席' : '客户');
  return segments.map(([start, end, text, speaker], i) => `${i + 1}\n${srtTime(start)} --> ${srtTime(end)}\n${label(speaker)}：${text}\n`).join('\n');
}

describe('absurd timestamps', () => {
  it('are a warning naming the segment or line, and make every timing rule na', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    const files: Record<string, string> = {
      'good.json': whisper(() => {}),
      'far.json': whisper((s) => {
        for (const seg of s.slice(3)) {
          seg[0] += 1e9;
          seg[1] += 1e9;
        }
      }),
      'negative.json': whisper((s) => ((s[0] as [number, number, string, string])[0] = -5)),
      'end-before-start.json': whisper((s) => ((s[2] as [number, number, string, string])[1] = 1)),
      'backwards.json': whisper((s) => {
        (s[3] as [number, number, string, string])[0] = 2;
        (s[3] as [number, number, string, string])[1] = 5;
      }),
      'day-long.srt': srt((s) => {
        (s[5] as [number, number, string, string])[0] = 25 * 3600;
        (s[5] as [number, number, string, string])[1] = 25 * 3600 + 2;
      }),
      'backwards.srt': srt((s) => {
        (s[4] as [number, number, string, string])[0] = 20;
        (s[4] as [number, number, string, string])[1] = 22;
      }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(input, name), text);
    const out = join(dir, 'out');
    const r = callqa(['audit', input, '--out', out, '--agent-channel', 'SPEAKER_00', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const timing = readCsv(join(out, 'errors.csv')).rows.filter((e) => /timestamps/.test(e.message ?? ''));
    const P = 'timestamps unusable, not used (timing rules are na): ';
    expect(timing.map((e) => [e.file?.slice(input.length + 1), e.severity, e.stage, e.message])).toEqual([
      ['backwards.json', 'warning', 'parse', `${P}turn 4 (segments[3]) starts at 00:02.0, 6.2 s before the utterance listed before it (times go backwards)`],
      ['backwards.srt', 'warning', 'parse', `line 19: ${P}turn 5 starts at 00:20.0, 40 s before the utterance listed before it (times go backwards)`],
      ['day-long.srt', 'warning', 'parse', `line 23: ${P}turn 6 has a start time 90,000 s into the call, more than 24 hours`],
      ['end-before-start.json', 'warning', 'parse', `${P}turn 3 (segments[2]) ends before it starts (00:08.2 to 00:01.0)`],
      [
        'far.json',
        'warning',
        'parse',
        `${P}turn 4 (segments[3]) has a start time 1,000,000,060 s into the call, more than 24 hours; turn 5 (segments[4]) has a start time 1,000,000,063.5 s into the call, more than 24 hours; turn 6 (segments[5]) has a start time 1,000,000,065.5 s into the call, more than 24 hours`,
      ],
      ['negative.json', 'warning', 'parse', `${P}turn 1 (segments[0]) has a negative start time (-5 s)`],
    ]);

    const findings = readCsv(join(out, 'findings.csv')).rows;
    const verdicts = (call: string) => Object.fromEntries(findings.filter((f) => f.call_id === call && TIMING_RULES.includes(f.rule_id ?? '')).map((f) => [f.rule_id, f]));
    // The sound call: the timing rules judge it (the 49 s hold without a word fails).
    expect(verdicts('good')['hold.check-back']).toMatchObject({ verdict: 'fail' });
    expect(verdicts('good')['hold.no-dead-air']).toMatchObject({ verdict: 'pass' });
    for (const call of ['far', 'negative', 'end-before-start', 'backwards', 'day-long']) {
      const got = verdicts(call);
      expect(Object.keys(got).sort(), call).toEqual([...TIMING_RULES].sort());
      for (const id of TIMING_RULES) {
        expect(got[id]?.verdict, `${call} ${id}`).toBe('na');
        expect(got[id]?.reason, `${call} ${id}`).toMatch(/^timestamps unusable: turn \d/);
        expect(got[id]?.time, `${call} ${id}`).toBe('');
      }
    }
  });
});
