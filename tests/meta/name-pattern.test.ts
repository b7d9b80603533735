import { describe, expect, it } from 'vitest';
import { compileNamePattern } from '../../src/meta/name-pattern.js';

function compiled(pattern: string) {
  const p = compileNamePattern(pattern);
  if (!p.ok) throw new Error(p.message);
  return p;
}

describe('compileNamePattern', () => {
  it('captures keys from the base name and normalises YYYYMMDD dates', () => {
    const p = compiled('{agent_id}_{date}_{call_id}');
    expect(p.match('fixtures/meta/A129_20261013_C002.txt')).toEqual({ agent_id: 'A129', date: '2026-10-13', call_id: 'C002' });
    expect(p.match('A131_2026-10-10_C004.json')).toEqual({ agent_id: 'A131', date: '2026-10-10', call_id: 'C004' });
    // Non-greedy runs: the last key takes the rest, underscores included.
    expect(p.match('A1_20261001_C_9_x.txt')).toEqual({ agent_id: 'A1', date: '2026-10-01', call_id: 'C_9_x' });
    expect(p.match('C:\\rec\\A1_20261001_C9')).toEqual({ agent_id: 'A1', date: '2026-10-01', call_id: 'C9' });
  });

  it('treats literal text as literal (dots, brackets, Chinese) and coerces known keys', () => {
    const p = compiled('录音[{direction}].{agent_id}-{ring_s}s');
    expect(p.match('录音[呼出].A128-12s.wav')).toEqual({ direction: 'outbound', agent_id: 'A128', ring_s: 12 });
    expect(p.match('录音X呼出].A128-12s.wav')).toBeUndefined();
  });

  it('allows keys of its own, kept as text', () => {
    expect(compiled('{team}-{call_id}').match('北区-0042.txt')).toEqual({ team: '北区', call_id: '0042' });
  });

  it('does not match names of another shape or with impossible values', () => {
    const p = compiled('{agent_id}_{date}_{call_id}');
    expect(p.match('A128-20261001-C001.txt')).toBeUndefined();
    expect(p.match('A128_2026101_C001.txt')).toBeUndefined();
    expect(p.match('A128_20260230_C001.txt')).toBeUndefined();
    expect(compiled('{direction}_{call_id}').match('sideways_C1.txt')).toBeUndefined();
    // the warning says which value kept a name of the right shape from fitting
    expect(compiled('{call_id}_{direction}').misfit('C1_1.txt')).toMatch(/^direction "1" is not inbound or outbound \(a telephony code\?/);
    expect(compiled('{call_id}_{direction}').misfit('C1.txt')).toBeUndefined();
    expect(compileNamePattern('{call_id}_{direction}', { '1': 'inbound' })).toMatchObject({ ok: true });
    const coded = compileNamePattern('{call_id}_{direction}', { '1': 'inbound' });
    expect(coded.ok && coded.match('C1_1.txt')).toEqual({ call_id: 'C1', direction: 'inbound' });
    // Anchored at both ends.
    expect(compiled('call_{call_id}').match('x_call_1.txt')).toBeUndefined();
  });

  it('rejects broken patterns with a message', () => {
    expect(compileNamePattern('')).toEqual({ ok: false, message: 'name pattern is empty' });
    expect(compileNamePattern('{agent_id_{date}')).toMatchObject({ ok: false });
    expect(compileNamePattern('{agent_id}_{date')).toEqual({ ok: false, message: 'name pattern "{agent_id}_{date": "{" at column 12 is not closed' });
    expect(compileNamePattern('a}_{b}')).toEqual({ ok: false, message: 'name pattern "a}_{b}": "}" without "{" at column 2' });
    expect(compileNamePattern('{Agent ID}')).toMatchObject({ ok: false, message: expect.stringContaining('not a snake_case name') });
    expect(compileNamePattern('{a}_{a}')).toEqual({ ok: false, message: 'name pattern "{a}_{a}": {a} appears twice' });
    expect(compileNamePattern('plain.txt')).toMatchObject({ ok: false, message: expect.stringContaining('no {placeholder}') });
  });
});
