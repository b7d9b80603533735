import { describe, expect, it } from 'vitest';
import { SCRIPTS, score, turns } from './helpers.js';

describe.each(SCRIPTS)('holds ($script)', ({ dir }) => {
  it('a 40 s silent hold: asked and thanked, but never checked back', () => {
    const r = score(dir, 'hold-40s-no-check-back');
    const hold = 'hold 00:17.2–00:57.2 (40.0 s)';
    expect(r['hold.ask-permission']).toMatchObject({ verdict: 'pass', window: hold });
    expect(r['hold.ask-permission']?.reason).toMatch(/^hold 00:17\.2–00:57\.2 \(40\.0 s\) announced with 「[帮幫]您查」 \(turn 3\)$/);
    expect(r['hold.check-back']).toMatchObject({
      verdict: 'fail',
      reason: `${hold}: no word from the agent for 00:17.2–00:57.2 (40.0 s), longer than 25.0 s`,
      window: hold,
    });
    expect(turns(r['hold.check-back'])).toEqual(['before hold:3', 'after hold:5']);
    expect(r['hold.check-back']?.evidence[0]).toMatchObject({ turn: 3, speaker: 'agent', startMs: 12200, endMs: 16200 });
    expect(r['hold.thank-after']?.verdict).toBe('pass');
    expect(r['hold.thank-after']?.reason).toMatch(/then 「[谢謝][谢謝]您的等候」 \(turn 5\)$/);
    // An announced hold is never dead air.
    expect(r['hold.no-dead-air']).toMatchObject({ verdict: 'pass', reason: 'no unexplained silence longer than 10.0 s (longest 0.5 s)' });
  });

  it('a 43.5 s hold broken by a check-back after 20 s is one hold, and passes', () => {
    const r = score(dir, 'hold-40s-check-back');
    const hold = 'hold 00:21.5–01:05.0 (43.5 s)';
    expect(r['hold.check-back']).toMatchObject({ verdict: 'pass', reason: `${hold}: checked back at turn 7; longest silence 20.0 s` });
    expect(turns(r['hold.check-back'])).toEqual(['before hold:5', 'check-back:7', 'after hold:8']);
    expect(r['hold.ask-permission']?.reason).toMatch(/announced with 「[为為]您查」 \(turn 5\)/);
    expect(r['hold.thank-after']?.reason).toMatch(/^hold 00:21\.5–01:05\.0 \(43\.5 s\), then 「[谢謝][谢謝]您的等候」 \(turn 8\)$/);
  });

  it('a bare 「请稍等」 and no thanks afterwards fail both, quoting the turns', () => {
    const r = score(dir, 'hold-no-thanks');
    const hold = 'hold 00:12.5–00:27.5 (15.0 s)';
    expect(r['hold.ask-permission']).toMatchObject({ verdict: 'fail', reason: `${hold}: the announcement (turn 3) neither asks nor explains ($hold_ask)` });
    expect(r['hold.ask-permission']?.evidence[0]?.quote).toMatch(/^[请請]稍等。$/);
    expect(r['hold.thank-after']).toMatchObject({ verdict: 'fail', reason: `${hold}: the agent's first turn after it (turn 5) does not say $hold_thanks` });
    expect(turns(r['hold.thank-after'])).toEqual(['before hold:3', 'after hold:5']);
    expect(r['hold.check-back']).toMatchObject({ verdict: 'na', reason: 'no hold longer than 25.0 s (longest 15.0 s)' });
  });

  it('check-back: a hold of exactly 25.0 s is not "longer than 25 s"; 25.1 s is', () => {
    expect(score(dir, 'boundary-hold-25.0')['hold.check-back']).toMatchObject({ verdict: 'na', reason: 'no hold longer than 25.0 s (longest 25.0 s)' });
    expect(score(dir, 'boundary-hold-25.1')['hold.check-back']).toMatchObject({
      verdict: 'fail',
      reason: 'hold 00:12.4–00:37.5 (25.1 s): no word from the agent for 00:12.4–00:37.5 (25.1 s), longer than 25.0 s',
    });
  });

  it('hold_min_s: an announced silence of exactly 10.0 s is a hold, 9.9 s is not (and is not dead air either)', () => {
    const ten = score(dir, 'boundary-hold-10.0');
    expect(ten['hold.thank-after']?.reason).toMatch(/^hold 00:12\.4–00:22\.4 \(10\.0 s\), then/);
    const below = score(dir, 'boundary-hold-9.9');
    for (const id of ['hold.ask-permission', 'hold.check-back', 'hold.thank-after']) {
      expect(below[id]).toMatchObject({ verdict: 'na', reason: 'no hold in this call' });
    }
    expect(below['hold.no-dead-air']?.verdict).toBe('pass');
  });

  it('a hold the telephony data records counts even without an announcement, and is not dead air', () => {
    const r = score(dir, 'dead-air-12s', (call) => {
      call.holds = [{ startMs: 42300, endMs: 54300 }];
    });
    expect(r['hold.no-dead-air']?.verdict).toBe('pass');
    expect(r['hold.ask-permission']).toMatchObject({ verdict: 'fail', reason: 'hold 00:42.3–00:54.3 (12.0 s): the announcement (turn 3) neither asks nor explains ($hold_ask)' });
    expect(r['hold.thank-after']?.reason).toBe("hold 00:42.3–00:54.3 (12.0 s): the agent's first turn after it (turn 6) does not say $hold_thanks");
  });

  it('no timestamps: every hold rule is na, saying so', () => {
    const r = score(dir, 'untimed');
    for (const id of ['hold.ask-permission', 'hold.check-back', 'hold.thank-after']) expect(r[id]).toMatchObject({ verdict: 'na', reason: 'no timestamps' });
  });
});
