/**
 * Degraded copies of correct calls (a dropped character, a homophone, no punctuation, 您→你) keep
 * their verdicts for every rule the degradation did not really change, and tolerance never
 * invents a forbidden phrase or a critical fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { degradeCall, KINDS, seedOf } from '../../scripts/degrade-calls.js';
import { evaluateCall } from '../../src/engine/index.js';
import { ASR, callOf, changedRules, ROOT, rule, ruleset } from './helpers.js';

const standard = ruleset();
const exact = ruleset(join(ASR, 'rulesets/exact.yaml'));

const own = join(ASR, 'clean');
const shared = join(ROOT, 'fixtures/calls');
const files = [own, shared]
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)))
  .filter((f) => readFileSync(f, 'utf8').startsWith('---')); // plain-format calls with front matter

interface Disagreement {
  file: string;
  kind: string;
  rule: string;
  clean: string;
  degraded: string;
}

/**
 * Every rule of every degraded copy whose verdict under `rs` differs from the clean call's, minus
 * the rules the edits really changed (judged by the default ruleset's tolerance, whatever `rs` is).
 */
function disagreements(rs: typeof standard): Disagreement[] {
  const out: Disagreement[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const cleanCall = callOf(text, file);
    const clean = evaluateCall(cleanCall, rs);
    for (const kind of KINDS) {
      const d = degradeCall(text, kind, seedOf(basename(file, '.txt'), kind));
      const degradedCall = callOf(d.text, file);
      const degraded = evaluateCall(degradedCall, rs);
      const changed = changedRules(standard, evaluateCall(cleanCall, standard), cleanCall, evaluateCall(degradedCall, standard), degradedCall, d.edits);
      for (const r of clean.rules) {
        const after = rule(degraded, r.ruleId).verdict;
        if (after !== r.verdict && !changed.has(r.ruleId)) out.push({ file: basename(file), kind, rule: r.ruleId, clean: r.verdict, degraded: after });
      }
    }
  }
  return out;
}

describe('degraded calls', () => {
  it('the generator is deterministic and the committed degraded fixtures are its output', () => {
    for (const f of readdirSync(join(ASR, 'degraded')).filter((x) => x.endsWith('.txt'))) {
      const [name, kind] = f.replace(/\.txt$/, '').split('.') as [string, string];
      const clean = readFileSync(join(own, `${name}.txt`), 'utf8');
      expect(readFileSync(join(ASR, 'degraded', f), 'utf8')).toBe(degradeCall(clean, kind, seedOf(name, kind)).text);
    }
    expect(readdirSync(join(ASR, 'degraded')).length).toBe(readdirSync(own).length * KINDS.length);
  });

  it('keep every verdict the degradation did not really change (with near matches)', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(disagreements(standard)).toEqual([]);
  });

  it('exact matching alone would not: the same degradations change verdicts without tolerance', () => {
    const without = disagreements(exact);
    expect(without.length).toBeGreaterThan(0);
    // The recogniser's mistakes turn passes into fails (HR acts on those), never the reverse here
    // — or into na for a closing the customer cut off (`cut_off: na`: not said, and the customer
    // hung up on their own last words), which is that same fail, not counted against the agent.
    const cutOff = new Set(exact.rules.filter((r) => r.checks.some((c) => c.type === 'require' && c.cutOffNa)).map((r) => r.id));
    expect(without.every((d) => d.clean === 'pass' && (d.degraded === 'fail' || (d.degraded === 'na' && cutOff.has(d.rule))))).toBe(true);
  });

  it('never invent a forbidden phrase or a critical fail: forbid evidence is exact and criticals need the clean critical', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const clean = evaluateCall(callOf(text, file), standard);
      for (const kind of KINDS) {
        const degraded = evaluateCall(callOf(degradeCall(text, kind, seedOf(basename(file, '.txt'), kind)).text, file), standard);
        for (const r of degraded.rules) {
          const forbids = standard.rules.find((x) => x.id === r.ruleId)?.checks.some((c) => c.type === 'forbid');
          if (forbids && r.verdict === 'fail') expect(r.evidence.filter((e) => e.near !== undefined && e.role === undefined)).toEqual([]);
        }
        if (degraded.criticalFail) expect({ file, kind, critical: clean.criticalFail }).toEqual({ file, kind, critical: true });
      }
    }
  });
});
