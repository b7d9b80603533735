/**
 * `disable:` in a ruleset that extends another: a misspelt rule id is an invalid ruleset for every
 * command that scores (audit exit 2), not a rule silently left in the scores — lint already said so.
 */
import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/ruleset/index.js';
import { callqa, ROOT, tempDir } from '../e2e/helpers.js';

function company(disabled: string): string {
  const dir = tempDir();
  copyFileSync(join(ROOT, 'rulesets', 'standard.yaml'), join(dir, 'standard.yaml'));
  cpSync(join(ROOT, 'rulesets', 'standard'), join(dir, 'standard'), { recursive: true }); // its parts
  const file = join(dir, 'company.yaml');
  writeFileSync(file, `name: co\nversion: 1\nextends: standard.yaml\npass_mark: 80\nweights: { opening: 25, hold: 15, complaint: 25, closing: 15, conduct: 20 }\nrules: []\ndisable:\n  - ${disabled}\n`);
  return file;
}

describe('disable', () => {
  it('switches the named rule off', () => {
    const loaded = loadRuleset(company('closing.anything-else'));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.ruleset.rules.map((r) => r.id)).not.toContain('closing.anything-else');
  });

  it('a misspelt id is an invalid ruleset, located at its line', () => {
    const file = company('closing.anythng-else');
    const loaded = loadRuleset(file);
    expect(loaded.ok).toBe(false);
    expect(loaded.problems).toEqual([expect.objectContaining({ line: 8, column: 5, severity: 'error', code: 'unknown-rule' })]);
    const r = callqa(['audit', 'fixtures/workflow/2026-09', '--ruleset', file, '--out', join(tempDir(), 'rep'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('disable names rule "closing.anythng-else", which the base ruleset does not have');
  });
});
