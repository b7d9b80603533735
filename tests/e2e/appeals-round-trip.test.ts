// An appeals sheet built by a script from findings.csv carries the call ids as the raw CSV holds
// them: `="00789"` for ids Excel would change, `'=…` for ids Excel would run. Read back with a
// CSV parser and fed to --overrides, they must name the call they came from (as --previous does).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from './helpers.js';

const call = (id: string): string =>
  `---\ncall_id: "${id}"\nagent_id: A1\ndirection: inbound\ndate: 2026-10-05\n---\n坐席：喂，什么事？\n客户：我想查一下订单。\n坐席：好的，已经帮您查好了。\n`;

describe('an appeals sheet built from findings.csv', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  const ids = ['00789', '=HYPERLINK(1)', 'C-1'];
  ids.forEach((id, i) => writeFileSync(join(dir, 'in', `${i}.txt`), call(id)));

  it('names the calls by the raw id cells it was given', () => {
    expect(callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet']).status).toBe(0);
    const fails = readCsv(join(dir, 'out', 'findings.csv')).rows.filter((f) => f.rule_id === 'opening.no-rude-greeting' && f.verdict === 'fail');
    // The raw cells, as a script reading the CSV sees them.
    expect(fails.map((f) => f.call_id)).toEqual(['="00789"', "'=HYPERLINK(1)", 'C-1']);
    const sheet = ['call_id,rule_id,verdict,reviewer,reason', ...fails.map((f) => `"${(f.call_id ?? '').replace(/"/g, '""')}",${f.rule_id},pass,林静,申诉成立`)];
    writeFileSync(join(dir, 'appeals.csv'), `${sheet.join('\n')}\n`);

    const r = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out2'), '--quiet', '--overrides', join(dir, 'appeals.csv')]);
    expect(readCsv(join(dir, 'out2', 'errors.csv')).rows.filter((e) => e.stage === 'override')).toEqual([]);
    expect(r.status).toBe(0);
    const decided = readCsv(join(dir, 'out2', 'findings.csv')).rows.filter((f) => f.rule_id === 'opening.no-rude-greeting');
    expect(decided.map((f) => [f.call_id, f.verdict, f.override_by])).toEqual([
      ['="00789"', 'pass', '林静'],
      ["'=HYPERLINK(1)", 'pass', '林静'],
      ['C-1', 'pass', '林静'],
    ]);
  });
});
