/**
 * The verdict fixtures: every call of fixtures/calls/ (and its traditional twin) scored with the
 * bundled ruleset gives exactly the verdicts a QA reviewer wrote down in fixtures/expected/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CALLS_DIR, TRADITIONAL_DIR, traditionalFixtures } from '../../scripts/make-traditional.mjs';
import { evaluateCall, UNKNOWN_AGENT, type CallResult } from '../../src/engine/index.js';
import { readCallFile } from '../../src/readers/index.js';
import { DEFAULT_RULESET, loadRuleset, type CompiledRuleset } from '../../src/ruleset/index.js';

const EXPECTED_DIR = join(CALLS_DIR, '../expected');

/**
 * Rules these dialogue fixtures cannot both pass and fail: a speech rate outside the band needs a
 * long stretch of unnaturally fast or slow speech, which fixtures/timing/ has. Kept honest below:
 * an entry that the fixtures here do prove must be removed.
 */
const PROVEN_BY_TIMING_FIXTURES = new Set(['conduct.speech-rate']);

type Expected = 'pass' | 'fail' | 'na';

interface ExpectedFile {
  file: string;
  verdicts: Record<string, Expected>;
  /** Rules the engine does not evaluate yet: na "not evaluated yet" is accepted until it does. */
  pending_rules?: string[];
  score?: number;
  critical_fail?: boolean;
}

function loadStandard(): CompiledRuleset {
  const loaded = loadRuleset(DEFAULT_RULESET);
  if (!loaded.ok) throw new Error(`standard ruleset does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.ruleset;
}

const ruleset = loadStandard();
const ruleIds = ruleset.rules.map((r) => r.id);

function score(file: string): CallResult {
  const read = readCallFile(file);
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return evaluateCall(read.call, ruleset);
}

function readExpected(callId: string): ExpectedFile {
  return parse(readFileSync(join(EXPECTED_DIR, `${callId}.yaml`), 'utf8')) as ExpectedFile;
}

/** One line per wrong verdict: the rule, what the reviewer expects, what the engine said and why. */
function mismatches(result: CallResult, expected: ExpectedFile): string[] {
  const pending = new Set(expected.pending_rules ?? []);
  const out: string[] = [];
  for (const [ruleId, want] of Object.entries(expected.verdicts)) {
    const got = result.rules.find((r) => r.ruleId === ruleId);
    if (!got) {
      out.push(`${ruleId}: expected ${want}, but the ruleset has no such rule`);
      continue;
    }
    if (got.verdict === want) continue;
    if (pending.has(ruleId) && got.verdict === 'na' && got.reason.includes('not evaluated yet')) continue;
    const where = got.window ? ` [searched: ${got.window}]` : '';
    out.push(`${ruleId}: expected ${want}, got ${got.verdict} — ${got.reason}${where}`);
  }
  return out;
}

const simplified = readdirSync(CALLS_DIR).filter((n) => n.endsWith('.txt')).sort();
const fixtures = simplified.map((name) => {
  const result = score(join(CALLS_DIR, name));
  return { name, result, traditional: score(join(TRADITIONAL_DIR, name)) };
});

describe('fixture calls', () => {
  it('has calls, and an expected-verdict file for every call and no other', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    const ids = fixtures.map((f) => `${f.result.callId}.yaml`).sort();
    expect(readdirSync(EXPECTED_DIR).filter((n) => n.endsWith('.yaml')).sort()).toEqual(ids);
  });

  describe.each(fixtures)('$name', ({ name, result, traditional }) => {
    const expected = readExpected(result.callId);

    it('states a verdict for every rule of the ruleset, and nothing else', () => {
      expect(expected.file).toBe(name);
      expect(Object.keys(expected.verdicts).sort()).toEqual([...ruleIds].sort());
      for (const v of Object.values(expected.verdicts)) expect(['pass', 'fail', 'na']).toContain(v);
      for (const id of expected.pending_rules ?? []) expect(ruleIds).toContain(id);
    });

    it('gets the verdicts a reviewer expects', () => {
      expect(mismatches(result, expected), `${name} (call ${result.callId})`).toEqual([]);
      if (expected.critical_fail !== undefined) expect(result.criticalFail).toBe(expected.critical_fail);
      if (expected.score !== undefined) expect(result.score).toBe(expected.score);
    });

    it('scores the same in traditional characters', () => {
      expect(traditional.callId).toBe(`${result.callId}-tw`);
      const verdicts = (r: CallResult) => r.rules.map((x) => `${x.ruleId}: ${x.verdict}`);
      expect(verdicts(traditional)).toEqual(verdicts(result));
      expect(traditional.score).toBe(result.score);
      expect(traditional.criticalFail).toBe(result.criticalFail);
      expect(traditional.result).toBe(result.result);
    });
  });

  it('scores a call without agent_id under the unknown agent', () => {
    const anonymous = fixtures.filter((f) => f.result.agentId === UNKNOWN_AGENT);
    expect(anonymous.map((f) => f.name)).toEqual(['09-silent-caller-polite.txt']);
  });

  it('passes and fails every rule somewhere (timing-only rules excepted)', () => {
    const seen = new Map<string, Set<string>>(ruleIds.map((id) => [id, new Set<string>()]));
    for (const { result } of fixtures) for (const r of result.rules) seen.get(r.ruleId)?.add(r.verdict);
    const missing = ruleIds
      .filter((id) => !PROVEN_BY_TIMING_FIXTURES.has(id))
      .flatMap((id) => (['pass', 'fail'] as const).filter((v) => !seen.get(id)?.has(v)).map((v) => `${id} is never ${v}ed`));
    expect(missing).toEqual([]);
    const proven = [...PROVEN_BY_TIMING_FIXTURES].filter((id) => seen.get(id)?.has('pass') && seen.get(id)?.has('fail'));
    expect(proven, 'proven here after all: drop from PROVEN_BY_TIMING_FIXTURES').toEqual([]);
  });

  it('has up-to-date traditional copies (node scripts/make-traditional.mjs)', () => {
    const committed = readdirSync(TRADITIONAL_DIR).filter((n) => n.endsWith('.txt')).sort();
    const fresh = traditionalFixtures();
    expect(committed).toEqual(fresh.map((f) => f.name));
    for (const { name, text } of fresh) {
      expect(readFileSync(join(TRADITIONAL_DIR, name), 'utf8'), `${name} is stale: re-run the script`).toBe(text);
    }
  });
});
