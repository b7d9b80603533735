import { describe, expect, it } from 'vitest';
import { SCRIPTS, score } from './helpers.js';

describe.each(SCRIPTS)('calendar: closing.holiday-wish ($script)', ({ dir }) => {
  const wish = (name: string, change?: Parameters<typeof score>[2]) => score(dir, name, change)['closing.holiday-wish'];

  it('National Day 2026-10-01 with the wish passes, without it fails, naming the holiday', () => {
    expect(wish('national-day-wish')?.reason).toMatch(/^2026-10-01 is a public holiday in CN \(国庆节\): said 「[节節]日快[乐樂]」 \(turn 7\)$/);
    expect(wish('national-day-wish')?.verdict).toBe('pass');
    expect(wish('national-day-no-wish')).toMatchObject({ verdict: 'fail', reason: '2026-10-01 is a public holiday in CN (国庆节): not said: $holiday_wish' });
  });

  it('a Saturday is a rest day; a plain Tuesday and the 调休 Saturday 2026-10-10 are not', () => {
    expect(wish('weekend-wish')).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/^2026-10-17 is a Saturday: said 「[周週]末愉快」/) });
    expect(wish('plain-tuesday')).toMatchObject({ verdict: 'na', reason: '2026-10-13 is a working day (Tuesday)' });
    expect(wish('tiaoxiu-workday')).toMatchObject({ verdict: 'na', reason: '2026-10-10 is a working Saturday in CN (国庆节)' });
  });

  it('no data for the year, or no date: na with the reason', () => {
    expect(wish('calendar-2031')).toMatchObject({ verdict: 'na', reason: 'no calendar data for 2031 (CN)' });
    expect(wish('no-date')).toMatchObject({ verdict: 'na', reason: 'no call date' });
  });

  it("the call's region and holiday metadata override the ruleset", () => {
    // 2026-10-10 is a CN working Saturday but Taiwan's 國慶日.
    expect(wish('tiaoxiu-workday', (c) => (c.meta.region = 'TW'))).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/^2026-10-10 is a public holiday in TW/) });
    expect(wish('national-day-no-wish', (c) => (c.meta.holiday = false))).toMatchObject({ verdict: 'na', reason: 'holiday metadata says a working day' });
    expect(wish('plain-tuesday', (c) => (c.meta.holiday = true))?.verdict).toBe('fail');
  });
});

describe.each(SCRIPTS)('metadata rules ($script)', ({ dir }) => {
  it('closing.customer-hangs-up from hangup_by: customer passes, agent fails, unknown is na', () => {
    expect(score(dir, 'national-day-wish')['closing.customer-hangs-up']).toMatchObject({ verdict: 'pass', reason: 'hangup_by=customer' });
    expect(score(dir, 'national-day-no-wish')['closing.customer-hangs-up']).toMatchObject({ verdict: 'fail', reason: 'hangup_by=agent (hangup_by should be customer)' });
    expect(score(dir, 'plain-tuesday')['closing.customer-hangs-up']).toMatchObject({ verdict: 'na', reason: 'no hangup_by metadata' });
  });

  it('opening.outbound-consent: only outbound calls; the 回访 with consent passes, without fails', () => {
    const yes = score(dir, 'outbound-consent')['opening.outbound-consent'];
    expect(yes?.verdict).toBe('pass');
    expect(yes?.evidence.map((e) => e.turn)).toEqual([1, 3]);
    const no = score(dir, 'outbound-no-consent')['opening.outbound-consent'];
    expect(no?.verdict).toBe('fail');
    expect(no?.window).toBe("agent's first 3 turns (call turns 1, 3, 5)");
    expect(score(dir, 'plain-tuesday')['opening.outbound-consent']).toMatchObject({ verdict: 'na', reason: 'inbound call' });
    expect(score(dir, 'plain-tuesday', (c) => delete c.meta.direction)['opening.outbound-consent']).toMatchObject({ verdict: 'na', reason: 'call direction unknown (no direction metadata)' });
  });

  it('opening.wait-apology: ring_s above ring_max_s (10) needs the apology; exactly 10 is na', () => {
    expect(score(dir, 'wait-apology')['opening.wait-apology']).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/^ring_s 15 > 10: said 「.+」 \(turn 1\)$/) });
    expect(score(dir, 'wait-no-apology')['opening.wait-apology']).toMatchObject({ verdict: 'fail', reason: 'ring_s 15 > 10: not said: $wait_apology' });
    expect(score(dir, 'wait-ring-10')['opening.wait-apology']?.verdict).toBe('na');
    expect(score(dir, 'wait-ring-10')['opening.wait-apology']?.reason).toMatch(/^ring_s 10 ≤ 10; direction is inbound; no queue_s metadata; the customer never says \$wait_complaint/);
  });

  it("opening.wait-apology: a phone that 「打不通」 in the caller's story is not a complaint about waiting", () => {
    expect(score(dir, 'interrupt')['opening.wait-apology']?.verdict).toBe('na');
  });

  it('hold.announce-transfer when transferred: announced passes, silent fails, unknown na', () => {
    expect(score(dir, 'transfer-announced')['hold.announce-transfer']?.verdict).toBe('pass');
    expect(score(dir, 'transfer-silent')['hold.announce-transfer']?.verdict).toBe('fail');
    // Neither the call log nor the agent's last words show a transfer.
    expect(score(dir, 'plain-tuesday')['hold.announce-transfer']).toMatchObject({
      verdict: 'na',
      reason: expect.stringMatching(/^no transferred metadata; the agent never says \$transfer_announced \(agent's last 1 turn/),
    });
  });
});
