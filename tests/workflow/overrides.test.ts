// The overrides file as reviewers write it: Excel's BOM, Chinese headers and verdicts, duplicates.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../e2e/helpers.js';
import { loadOverrides } from '../../src/workflow/overrides.js';

const RULES = ['opening.greeting', 'closing.anything-else', 'conduct.privacy'];

function load(text: string): ReturnType<typeof loadOverrides> {
  const file = join(tempDir(), 'overrides.csv');
  writeFileSync(file, text);
  return loadOverrides(file, RULES);
}

describe('loadOverrides', () => {
  it('reads a sheet saved from Excel with Chinese headers and verdicts', () => {
    const r = load('\uFEFF通话编号,规则,结论,复核人,理由\r\nC1,opening.greeting,通过,林静,录音里有问候\r\nC2,conduct.privacy,不适用,林静,"客户本人,核对身份"\r\n');
    expect(r.ok && r.problems).toEqual([]);
    expect(r.ok && r.entries).toEqual([
      { callId: 'C1', ruleId: 'opening.greeting', verdict: 'pass', reviewer: '林静', reason: '录音里有问候', line: 2 },
      { callId: 'C2', ruleId: 'conduct.privacy', verdict: 'na', reviewer: '林静', reason: '客户本人,核对身份', line: 3 },
    ]);
  });

  it('two different decisions for one call and rule: neither applies, both lines named', () => {
    const r = load('call_id,rule_id,verdict,reviewer,reason\nC1,opening.greeting,pass,甲,a\nC1,opening.greeting,fail,乙,b\nC1,closing.anything-else,pass,甲,c\nC1,closing.anything-else,pass,乙,c\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.entries.map((e) => [e.ruleId, e.verdict, e.line])).toEqual([['closing.anything-else', 'pass', 4]]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'line 3: call C1 rule opening.greeting is already decided on line 2 with another verdict; neither is applied',
      'line 5: call C1 rule closing.anything-else is already decided on line 4; this row is ignored',
    ]);
    expect(r.problems.every((p) => p.stage === 'override' && p.severity === 'error')).toBe(true);
  });

  it('a decision needs a reviewer and a reason; a quoted cell over two lines keeps its first line number', () => {
    const r = load('call_id,rule_id,verdict,reviewer,reason\nC1,opening.greeting,pass,,a\n"C2",opening.greeting,fail,林静,"第一行\n第二行"\nC3,opening.greeting,pass,林静,\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.entries.map((e) => [e.callId, e.line, e.reason])).toEqual([['C2', 3, '第一行\n第二行']]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'line 2: an override needs the reviewer and the reason; row not applied',
      'line 5: an override needs the reviewer and the reason; row not applied',
    ]);
  });

  it('a header without the needed columns, or a file that is not UTF-8, cannot be used at all', () => {
    const r = load('call,rule,verdict\nC1,opening.greeting,pass\n');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/the header lacks call_id, rule_id, reviewer, reason$/) });
    const file = join(tempDir(), 'gbk.csv');
    writeFileSync(file, Buffer.from([0xb9, 0xa4, 0xba, 0xc5, 0x0a]));
    expect(loadOverrides(file, RULES)).toEqual({ ok: false, message: expect.stringMatching(/is not UTF-8/) });
  });
});
