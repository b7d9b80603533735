/** Agent ids that differ only in case, width or spaces: kept apart, but warned once per spelling. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentIdLookalikes } from '../../src/audit/agent-ids.js';
import { callqa, readCsv, tempDir } from '../e2e/helpers.js';

describe('AgentIdLookalikes', () => {
  it('warns on the first call of each look-alike spelling, never on distinct ids', () => {
    const ids = new AgentIdLookalikes();
    expect(ids.note('A128', 'a.txt')).toBeUndefined();
    expect(ids.note('A128', 'b.txt')).toBeUndefined();
    expect(ids.note('A129', 'c.txt')).toBeUndefined();
    expect(ids.note('0128', 'd.txt')).toBeUndefined();
    expect(ids.note('a128', 'e.txt')?.message).toBe(
      'agent_id "a128" differs from "A128" of an earlier call only in case, width or spaces; scored as a separate agent — correct the id if they are the same person',
    );
    expect(ids.note('a128', 'f.txt')).toBeUndefined();
    expect(ids.note('Ａ１２８', 'g.txt')).toMatchObject({ file: 'g.txt', severity: 'warning', stage: 'meta' });
    expect(ids.note('A 128', 'h.txt')).toBeDefined();
  });
});

describe('an audit whose manifest spells one id three ways', () => {
  it('keeps separate scorecards and lists each look-alike spelling in errors.csv', () => {
    const dir = tempDir();
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      writeFileSync(join(dir, `${id}.txt`), '坐席：您好\n客户：嗯\n');
    }
    // A leading space and an Excel trailing tab are trimmed; case and full width are not merged.
    writeFileSync(join(dir, 'calls.csv'), 'call_id,agent_id\nc1, A128\nc2,A128\t\nc3,a128\nc4,Ａ１２８\n');
    for (const jobs of ['1', '2']) {
      const out = join(tempDir(), 'report');
      expect(callqa(['audit', join(dir, '*.txt'), '--manifest', join(dir, 'calls.csv'), '--out', out, '-j', jobs, '--quiet']).status).toBe(0);
      const agents = readCsv(join(out, 'summary.csv')).rows.map((r) => [r.agent_id, r.calls]);
      expect(agents.sort()).toEqual([['A128', '2'], ['a128', '1'], ['Ａ１２８', '1']].sort());
      const lookalikes = readCsv(join(out, 'errors.csv')).rows.filter((r) => r.message?.includes('differs from'));
      expect(lookalikes.map((r) => [r.file, r.message?.split(" of an ")[0]])).toEqual([
        [join(dir, 'c3.txt'), 'agent_id "a128" differs from "A128"'],
        [join(dir, 'c4.txt'), 'agent_id "Ａ１２８" differs from "A128"'],
      ]);
    }
  });
});
