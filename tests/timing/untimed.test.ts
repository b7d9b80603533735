import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rule, ruleset, scoreText } from '../asr/helpers.js';
import { SCRIPTS, score, TIMING, TIMING_RULES } from './helpers.js';

describe('untimed and both scripts', () => {
  it('a call with no timestamps makes every timing rule na "no timestamps"', () => {
    for (const { dir } of SCRIPTS) {
      const r = score(dir, 'untimed');
      for (const id of TIMING_RULES) expect(r[id], id).toMatchObject({ verdict: 'na', reason: 'no timestamps', evidence: [] });
    }
  });

  it('every timing fixture gets the same verdicts in simplified and traditional script', () => {
    const names = readdirSync(TIMING).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4));
    expect(names.length).toBeGreaterThan(30);
    const [cn, tw] = SCRIPTS;
    for (const name of names) {
      const a = score(cn.dir, name);
      const b = score(tw.dir, name);
      for (const id of Object.keys(a)) expect(`${name} ${id} ${b[id]?.verdict}`).toBe(`${name} ${id} ${a[id]?.verdict}`);
    }
  });
});

describe('mono transcripts', () => {
  it('without speaker roles holds and dead air are na (whose silence is it?), not "no hold" or a fail', () => {
    for (const { dir } of SCRIPTS) {
      const r = score(dir, 'hold-40s-no-check-back', (call) => {
        call.source.diarized = false;
        for (const u of call.utterances) u.speaker = 'unknown';
      });
      for (const id of ['hold.ask-permission', 'hold.check-back', 'hold.thank-after', 'hold.no-dead-air', 'conduct.speech-rate', 'conduct.no-interrupt']) {
        expect(r[id], id).toMatchObject({ verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)' });
      }
    }
  });
});

describe('start times only', () => {
  it('silences, holds, talk-over and rate need end times: na "no end times"', () => {
    for (const { dir } of SCRIPTS) {
      const r = score(dir, 'start-times-only');
      for (const id of TIMING_RULES) {
        expect(r[id], id).toMatchObject({ verdict: 'na', reason: 'no end times (the transcript gives start times only)' });
      }
    }
  });
});

describe('one line without a timestamp', () => {
  it('names the turn and line, instead of saying the call has "no timestamps"', () => {
    for (const { dir } of SCRIPTS) {
      // hold-40s-no-check-back with turn 5's time lost (a hand-edited line, a merged export)
      const r = score(dir, 'hold-40s-no-check-back', (call) => {
        const u = call.utterances[4];
        if (!u) throw new Error('fixture changed');
        delete u.startMs;
        delete u.endMs;
      });
      const reason = 'turn 5 (line 11) has no timestamp, though other turns do';
      for (const id of TIMING_RULES) expect(r[id], id).toMatchObject({ verdict: 'na', reason });
      expect(r['opening.silent-caller']).toMatchObject({ verdict: 'na', reason: `the caller speaks (${reason})` });
    }
  });

  it('a timestamp that cannot be read is named as such, not as a missing one', () => {
    const rs = ruleset();
    const call = (times: string[]): string =>
      [
        '坐席：您好，康泰鑫客服128号，请问有什么可以帮您？',
        '客户：我想问一下宽带续费。',
        '坐席：好的，您的宽带下个月到期，续费可以在APP上办理。',
        '客户：好的。',
      ]
        .map((line, i) => `[${times[i]}] ${line}`)
        .join('\n');
    const one = scoreText(call(['00:00.0-00:04.0', '00:04.5-00:08.0', '00:25.3-00:79.6', '00:30.5-00:32.0']), rs);
    expect(rule(one, 'hold.no-dead-air')).toMatchObject({ verdict: 'na', reason: 'timestamps unusable: line 3 has a timestamp that cannot be read: [00:25.3-00:79.6]' });
    const two = scoreText(call(['00:00.0-00:04.0', '00:04.5-00:08.0', '00:25.3-00:79.6', '00:80.5-00:82.0']), rs);
    expect(rule(two, 'conduct.speech-rate').reason).toBe('timestamps unusable: line 3 has a timestamp that cannot be read: [00:25.3-00:79.6] (and 1 more line(s))');
  });
});
