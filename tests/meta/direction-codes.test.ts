import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupMetadata } from '../../src/audit/metadata.js';
import { evaluateCall } from '../../src/engine/index.js';
import { parseDirectionCodes } from '../../src/meta/fields.js';
import { readCallFile, type ReadOptions } from '../../src/readers/index.js';
import { standardRuleset } from '../timing/helpers.js';

// An outbound follow-up call whose telephony log writes the direction as a code (2) and a long
// ring: the customer's own phone ringing, which nobody waited for.
const OUTBOUND = [
  '坐席：您好，请问是王先生吗？我是康泰鑫客服中心的小李。',
  '客户：是我，什么事？',
  '坐席：您上周的维修还满意吗？占用您一分钟时间可以吗？',
  '客户：可以，挺好的。',
  '坐席：好的，感谢您的支持，再见。',
].join('\n');

function files(manifest: string, frontMatter = ''): { dir: string; call: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'callqa-direction-'));
  const call = join(dir, 'C001.txt');
  writeFileSync(call, `---\ncall_id: C001\nagent_id: A128\n${frontMatter}---\n${OUTBOUND}\n`);
  const log = join(dir, 'calls.csv');
  writeFileSync(log, manifest);
  return { dir, call, log };
}

function verdicts(call: string, log: string, read: ReadOptions = {}) {
  const setup = setupMetadata({ manifest: log, ...(read.directionCodes ? { directionCodes: read.directionCodes } : {}) });
  if (!setup.ok || !setup.enrich) throw new Error('setup failed');
  const r = readCallFile(call, read);
  if (!r.ok) throw new Error(r.error.message);
  const warnings = [...r.call.warnings.map((w) => w.message), ...setup.enrich(r.call), ...setup.problems.map((p) => p.message)];
  const rules = Object.fromEntries(evaluateCall(r.call, standardRuleset()).rules.map((x) => [x.ruleId, x]));
  return { meta: r.call.meta, warnings, rules };
}

describe('direction codes (1/2, 0/1) are the telephony system\'s, never guessed', () => {
  it('a code in the call log is kept and warned, so the rules needing the direction are na, not judged as an inbound wait', () => {
    const { call, log } = files('call_id,direction,ring_s\nC001,2,40\n');
    const { meta, warnings, rules } = verdicts(call, log);
    expect(meta.direction).toBe('2');
    expect(warnings).toContain(
      'line 2: direction "2" is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound); kept as written: the rules reading it are na',
    );
    // Dropped, the code read as "the log does not say" and a 40 s ring failed the agent for not
    // apologising for a wait on their own outbound call.
    expect(rules['opening.wait-apology']?.verdict).toBe('na');
    expect(rules['opening.outbound-consent']).toMatchObject({ verdict: 'na', reason: expect.stringContaining('direction "2" is not inbound or outbound') });
  });

  it('--direction-codes says what the codes mean: the call is outbound and judged as one', () => {
    const codes = parseDirectionCodes('1=呼入, 2=呼出');
    if (!codes.ok) throw new Error(codes.message);
    const { call, log } = files('call_id,direction,ring_s\nC001,2,40\n');
    const { meta, warnings, rules } = verdicts(call, log, { directionCodes: codes.codes });
    expect(meta.direction).toBe('outbound');
    expect(warnings).toEqual([]);
    expect(rules['opening.wait-apology']?.verdict).toBe('na');
    expect(rules['opening.outbound-consent']?.verdict).toBe('pass');
  });

  it('the codes are read in front matter too (a YAML number), and a front matter code agrees with the log\'s word', () => {
    const codes = parseDirectionCodes('0=inbound,1=outbound');
    if (!codes.ok) throw new Error(codes.message);
    const { call, log } = files('call_id,direction\nC001,outbound\n', 'direction: 1\n');
    const { meta, warnings } = verdicts(call, log, { directionCodes: codes.codes });
    expect(meta.direction).toBe('outbound');
    expect(warnings).toEqual([]);
  });

  it('still an inbound call with a long ring fails the wait apology when the log says it in words', () => {
    const { dir, log } = files('call_id,direction,ring_s\nC002,呼入,40\n');
    const inbound = join(dir, 'C002.txt');
    writeFileSync(inbound, '---\ncall_id: C002\nagent_id: A128\n---\n坐席：您好，康泰鑫客服中心，请问有什么可以帮您？\n客户：我想查一下订单。\n坐席：好的，请您提供订单号。\n');
    expect(verdicts(inbound, log).rules['opening.wait-apology']?.verdict).toBe('fail');
  });

  it('refuses a mapping that is no mapping', () => {
    expect(parseDirectionCodes('')).toMatchObject({ ok: false });
    expect(parseDirectionCodes('1=sideways')).toEqual({ ok: false, message: '"1=sideways" is not code=inbound or code=outbound' });
    expect(parseDirectionCodes('in=outbound')).toEqual({ ok: false, message: '"in" is already read as inbound; only codes need saying' });
    expect(parseDirectionCodes('1=inbound,1=outbound')).toEqual({ ok: false, message: 'code "1" is given twice, as inbound and outbound' });
    expect(parseDirectionCodes('Normal:inbound;DIALOUT:outbound')).toEqual({ ok: true, codes: { normal: 'inbound', dialout: 'outbound' } });
  });
});
