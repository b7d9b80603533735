/**
 * A call id that is the caller's number stays the call's key in the CSVs (overrides, --previous and
 * check join on it), so the audit says so in a warning rather than printing it silently.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreFile } from '../../src/audit/score-file.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { tempDir } from '../e2e/helpers.js';

const loaded = loadRuleset(DEFAULT_RULESET);
if (!loaded.ok) throw new Error('the default ruleset does not load');
const ruleset = loaded.ruleset;
const dir = tempDir();
mkdirSync(dir, { recursive: true });

function warningsOf(name: string, mask = true): string[] {
  const file = join(dir, name);
  writeFileSync(file, '---\nagent_id: A9\n---\n坐席：您好\n客户：嗯\n');
  return scoreFile(file, ruleset, { read: {}, mask }).rows.map((r) => r.message);
}

describe('a call id that is a personal number', () => {
  it('is a warning when the file is named after a mobile number', () => {
    expect(warningsOf('13955201176.txt')).toEqual([expect.stringContaining('call_id is a phone, ID-card or bank-card number')]);
  });

  it('is no warning for an ordinary id, nor with --no-mask (the user asked for numbers in full)', () => {
    expect(warningsOf('2026-10-0101.txt')).toEqual([]);
    expect(warningsOf('13955201176.txt', false)).toEqual([]);
  });
});
