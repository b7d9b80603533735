// Two calls with one call_id (A1/001.txt and A2/001.txt both default to "001"): both are scored,
// the clash is listed, and an override naming the id is reported as applied to both.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from './helpers.js';

const call = (agent: string): string => `---\nagent_id: ${agent}\ndirection: inbound\n---\n坐席：喂，什么事？\n客户：我想查一下订单。\n坐席：好的。\n`;

describe('calls that share a call_id', () => {
  const dir = tempDir();
  for (const agent of ['A1', 'A2']) {
    mkdirSync(join(dir, 'in', agent), { recursive: true });
    writeFileSync(join(dir, 'in', agent, '001.txt'), call(agent));
  }
  writeFileSync(join(dir, 'in', 'A1', '002.txt'), call('A1'));

  it('are both scored, and the second names the first in errors.csv', () => {
    const r = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(0); // a warning: both calls are scored
    const errors = readCsv(join(dir, 'out', 'errors.csv')).rows.filter((e) => e.stage === 'input');
    expect(errors.map((e) => [e.file?.slice(dir.length + 1), e.severity, e.message])).toEqual([
      ['in/A2/001.txt', 'warning', `call_id "001" is also the id of ${join(dir, 'in', 'A1', '001.txt')}: an override naming it applies to both; give each call its own call_id`],
    ]);
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8'));
    expect([run.inputs, run.scored]).toEqual([3, 3]);
  });

  it('an override naming the shared id is an error row naming both calls', () => {
    const overrides = join(dir, 'overrides.csv');
    writeFileSync(overrides, 'call_id,rule_id,verdict,reviewer,reason\n001,opening.no-rude-greeting,pass,林静,A1申诉成立\n');
    const r = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out2'), '--quiet', '--overrides', overrides]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 override\(s\) not applied/);
    const rows = readCsv(join(dir, 'out2', 'errors.csv')).rows.filter((e) => e.stage === 'override');
    expect(rows.map((e) => e.message)).toEqual([
      `line 2: call "001" names 2 calls (${join(dir, 'in', 'A1', '001.txt')}, ${join(dir, 'in', 'A2', '001.txt')}); the decision was applied to each`,
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'out2', 'run.json'), 'utf8')).override_errors).toBe(1);
  });
});
