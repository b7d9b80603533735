import { describe, expect, it } from 'vitest';
import { setupMetadata } from '../../src/audit/metadata.js';
import { evaluateCall } from '../../src/engine/index.js';
import { readCallFile } from '../../src/readers/index.js';
import { standardRuleset } from './helpers.js';

const CALL = 'fixtures/meta/A129_20261013_C002.txt';
const MANIFEST = 'fixtures/meta/calls.csv';

function read(file: string) {
  const r = readCallFile(file);
  if (!r.ok) throw new Error(r.error.message);
  return r.call;
}

describe('--manifest and --name-pattern in the audit', () => {
  it('fills the call from the log and the name, warns each conflict, and the rules use the result', () => {
    const setup = setupMetadata({ manifest: MANIFEST, namePattern: '{agent_id}_{date}_{call_id}' });
    if (!setup.ok || !setup.enrich) throw new Error('setup failed');
    const call = read(CALL);
    expect(call.meta.hangup_by).toBeUndefined();
    expect(setup.enrich(call)).toEqual([
      'metadata conflict, the first source is kept: agent_id: front matter says A128, manifest says A129',
      'metadata conflict, the first source is kept: agent_id: front matter says A128, file name says A129',
    ]);
    expect(call.meta).toMatchObject({ agent_id: 'A128', agent_name: '李娜', hangup_by: 'agent', transferred: true, direction: 'outbound' });
    const rules = Object.fromEntries(evaluateCall(call, standardRuleset()).rules.map((r) => [r.ruleId, r]));
    // transferred: true comes from the manifest: the agent put the call through, so hanging up was
    // the agent's job (closing.customer-hangs-up is na, and says why).
    expect(rules['closing.customer-hangs-up']).toMatchObject({ verdict: 'na', reason: 'the call was transferred; transferred is true' });
    // transferred comes from the log: the transfer rule now applies (and the agent never announced one).
    expect(rules['hold.announce-transfer']?.verdict).toBe('fail');
  });

  it('bad manifest rows are warnings with their CSV line; the manifest still loads', () => {
    const setup = setupMetadata({ manifest: MANIFEST });
    if (!setup.ok) throw new Error(setup.message);
    expect(setup.problems.length).toBeGreaterThan(0);
    expect(setup.problems[0]).toMatchObject({ file: MANIFEST, severity: 'warning', stage: 'manifest', message: expect.stringMatching(/^line 4: /) });
  });

  it('a call missing from the manifest, or a name that does not fit the pattern, is a warning', () => {
    const setup = setupMetadata({ manifest: MANIFEST, namePattern: '{agent_id}_{date}_{call_id}' });
    if (!setup.ok || !setup.enrich) throw new Error('setup failed');
    expect(setup.enrich(read('fixtures/timing/plain-tuesday.txt'))).toEqual([
      'file name does not match --name-pattern "{agent_id}_{date}_{call_id}"',
      'no manifest row for call_id T-CAL-03 or this file name',
    ]);
  });

  it('a manifest that cannot be used, or a bad pattern, is a usage error with file:line', () => {
    expect(setupMetadata({ manifest: 'fixtures/meta/nope.csv' })).toEqual({ ok: false, message: 'manifest fixtures/meta/nope.csv does not exist' });
    const bad = setupMetadata({ manifest: 'fixtures/meta/bad-quote.csv' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^fixtures\/meta\/bad-quote\.csv:2: manifest is not valid CSV/);
    expect(setupMetadata({ namePattern: '{agent id}' })).toMatchObject({ ok: false, message: expect.stringMatching(/^--name-pattern: /) });
  });

  it('no options: nothing to do', () => {
    expect(setupMetadata({})).toEqual({ ok: true, problems: [] });
  });
});
