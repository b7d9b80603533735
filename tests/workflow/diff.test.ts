// `callqa diff` end to end: fixtures/workflow/standard-v2.yaml tightens hold.check-back from 25 s
// to 15 s; the October fixtures have two calls with a 46 s hold broken every ~20 s.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from '../e2e/helpers.js';
import type { DiffReport } from '../../src/workflow/diff.js';

const OCT = 'fixtures/workflow/2026-10';
const V1 = 'rulesets/standard.yaml';
const V2 = 'fixtures/workflow/standard-v2.yaml';

describe('callqa diff', () => {
  let report: DiffReport;

  beforeAll(() => {
    const run = callqa(['diff', '--old', V1, '--new', V2, OCT, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    report = JSON.parse(run.stdout) as DiffReport;
  });

  it('per rule: only the tightened rule changes, pass→fail in the two long-hold calls', () => {
    expect(report.calls).toBe(20);
    expect(report.old).toMatchObject({ name: 'standard', version: '1.0.0', file: V1 });
    expect(report.new).toMatchObject({ version: '2.0.0-proposal', file: V2 });
    expect(report.rules.filter((r) => r.changed > 0)).toEqual([{ ruleId: 'hold.check-back', transitions: { 'pass→fail': 2 }, changed: 2, failsOld: 0, failsNew: 2 }]);
    expect(report.changes).toEqual([
      { callId: '2026-10-A301-06', agentId: 'A301', ruleId: 'hold.check-back', old: 'pass', new: 'fail' },
      { callId: '2026-10-A302-07', agentId: 'A302', ruleId: 'hold.check-back', old: 'pass', new: 'fail' },
    ]);
    expect(report.callChanges.map((c) => c.callId)).toEqual(['2026-10-A301-06', '2026-10-A302-07']);
  });

  it('per agent: the means are those an audit under each ruleset would report', () => {
    const dir = tempDir();
    for (const [rules, out] of [[V1, 'v1'], [V2, 'v2']] as const) {
      expect(callqa(['audit', OCT, '--ruleset', rules, '--out', join(dir, out), '-j', '1']).status).toBe(0);
    }
    const means = (out: string): Record<string, number> =>
      Object.fromEntries(readCsv(join(dir, out, 'summary.csv')).rows.map((r) => [r.agent_id ?? '', Number(r.mean_score)]));
    const v1 = means('v1');
    const v2 = means('v2');
    for (const a of report.agents) {
      expect(a.meanOld).toBe(v1[a.agentId]);
      expect(a.meanNew).toBe(v2[a.agentId]);
    }
    expect(report.agents.find((a) => a.agentId === 'A301')).toMatchObject({ calls: 10, meanOld: 100, meanNew: 99.5, change: -0.5 });
  });

  it('--format github: a markdown summary for a pull-request comment', () => {
    const run = callqa(['diff', '--old', V1, '--new', V2, OCT, '--format', 'github']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^### callqa diff: `standard 1\.0\.0` → `standard 2\.0\.0-proposal`/);
    expect(run.stdout).toContain('| `hold.check-back` | pass→fail 2 | 0 | 2 |');
    expect(run.stdout).toContain('| A301 周敏 | 10 | 100 | 99.5 | -0.5 | 0 → 0 |');
    expect(run.stdout).toContain('<details><summary>Changed verdicts (2)</summary>');
    expect(run.stdout).toContain('| 2026-10-A302-07 | A302 | `hold.check-back` | pass | fail |');
  });

  it('text (default) names the rule and the changed calls; --limit shortens the list', () => {
    const run = callqa(['diff', '--old', V1, '--new', V2, OCT, '--limit', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/hold\.check-back\s+pass→fail 2\s+\(fails 0 → 2\)/);
    expect(run.stdout).toContain('2026-10-A301-06  A301  hold.check-back  pass → fail');
    expect(run.stdout).toContain('… and 1 more');
  });

  it('rules one ruleset lacks are named; an added rule that does not apply is no change, in any count', () => {
    // xiongshi.yaml adds outbound-only rules: every October call is inbound, so absent→na.
    const run = callqa(['diff', '--old', V1, '--new', 'rulesets/xiongshi.yaml', join(OCT, 'A303'), '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as DiffReport;
    expect(r.onlyNew).toContain('xiongshi.visit-thanks');
    const added = r.rules.find((d) => d.ruleId === 'xiongshi.visit-thanks');
    expect(added?.transitions).toEqual({});
    expect(added?.changed).toBe(0);
    expect(r.changes.some((c) => c.ruleId === 'xiongshi.visit-thanks')).toBe(false);
    // The text's rule list counts what its headline counts.
    const shown = callqa(['diff', '--old', V1, '--new', 'rulesets/xiongshi.yaml', join(OCT, 'A303')]);
    expect(shown.stdout).toMatch(/^Rules only in the new ruleset: .*xiongshi\.visit-thanks/m);
    expect(shown.stdout).not.toMatch(/^\s+xiongshi\.visit-thanks\s+absent→na/m);
  });

  it('an invalid ruleset is a usage error that says which one', () => {
    const run = callqa(['diff', '--old', V1, '--new', 'fixtures/workflow/overrides.csv', OCT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid --new ruleset/);
  });
});
