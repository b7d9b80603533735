import { describe, expect, it } from 'vitest';
import { escalationsCsv, type Escalation } from '../../src/workflow/escalate.js';

const row = (calls: string[], count = calls.length): Escalation => ({ agentId: '100200300400', agentName: '王芳', reasons: ['critical'], ruleId: 'conduct.abuse', count, calls });

describe('escalations.csv', () => {
  it('writes a lone long numeric call id as an id, as every other report file does', () => {
    const lines = escalationsCsv([row(['202610010000001']), row(['202610010000001', '202610010000002']), row(['7'], 3)]).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '"=""100200300400""",王芳,critical,conduct.abuse,1,"=""202610010000001"""',
      '"=""100200300400""",王芳,critical,conduct.abuse,2,202610010000001; 202610010000002',
      '"=""100200300400""",王芳,critical,conduct.abuse,3,7; … and 2 more',
    ]);
  });
});
