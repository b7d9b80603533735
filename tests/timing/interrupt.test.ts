import { describe, expect, it } from 'vitest';
import { rulesetAt, SCRIPTS, score, turns } from './helpers.js';
import { join } from 'node:path';
import { TIMING } from './helpers.js';

describe.each(SCRIPTS)('interruptions ($script)', ({ dir }) => {
  it('the agent talking over the customer twice fails, with each time and both turns; the 嗯 is listening', () => {
    const r = score(dir, 'interrupt')['conduct.no-interrupt'];
    // 5.5 s: turn 4 (00:14.0-00:19.5) runs over turn 2 to 00:18.7 and then over turn 5 from 00:17.5,
    // the customer never stopping; both speak at once for the whole of it.
    expect(r).toMatchObject({
      verdict: 'fail',
      reason: '2 interruption(s) (0 allowed): at 00:14.0 turn 4 talks over turns 2, 5 for 5.5 s; at 00:21.0 turn 6 talks over turn 5 for 3.0 s',
    });
    // Turn 3 (嗯 at 00:08.0, inside the customer's turn 2) is a backchannel: not in the evidence.
    // Both customer turns turn 4 runs over are quoted (the 5.5 s is summed over them), each once.
    expect(turns(r)).toEqual(['interrupted:2', 'interrupted:5', 'interruption:4', 'interruption:6']);
    expect(r?.evidence[2]).toMatchObject({ speaker: 'agent', startMs: 14000 });
  });

  it('the ruleset decides how many are allowed (max_interruptions: 2 in a company ruleset)', () => {
    const lenient = rulesetAt(join(TIMING, 'rulesets/lenient.yaml'));
    const r = score(dir, 'interrupt', undefined, lenient)['conduct.no-interrupt'];
    expect(r?.verdict).toBe('pass');
    expect(r?.reason).toMatch(/^2 interruption\(s\), 2 allowed: at 00:14\.0/);
  });

  it('talk-over of exactly overlap_ms is not an interruption; 1.1 s is', () => {
    expect(score(dir, 'boundary-overlap-1.0')['conduct.no-interrupt']).toMatchObject({ verdict: 'pass', reason: 'the agent never talks over the customer' });
    expect(score(dir, 'boundary-overlap-1.1')['conduct.no-interrupt']).toMatchObject({
      verdict: 'fail',
      reason: '1 interruption(s) (0 allowed): at 00:10.9 turn 3 talks over turn 2 for 1.1 s',
    });
  });

  it('no timestamps: na', () => {
    expect(score(dir, 'untimed')['conduct.no-interrupt']).toMatchObject({ verdict: 'na', reason: 'no timestamps' });
  });
});
