/**
 * The bundled ruleset is in the layout scripts/split-ruleset.mjs makes (one file per rule): joined
 * into one file and split again, every file comes back byte for byte. A hand edit that the scripts
 * would not keep (a rule file holding two rules, a rule missing from the include list's order)
 * shows here, not in the next merge that needs the one-file version.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../e2e/helpers.js';

const script = (name: string, file: string): { status: number | null; stderr: string } =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', name), file], { encoding: 'utf8' });

describe('the bundled ruleset layout', () => {
  it('joins into one file and splits back into the same files', () => {
    const dir = tempDir();
    const files = ['standard.yaml', ...fg.sync('standard/**/*.yaml', { cwd: join(ROOT, 'rulesets') })].sort();
    expect(files.length).toBeGreaterThan(30);
    cpSync(join(ROOT, 'rulesets/standard.yaml'), join(dir, 'standard.yaml'));
    cpSync(join(ROOT, 'rulesets/standard'), join(dir, 'standard'), { recursive: true });
    const joined = script('join-ruleset.mjs', join(dir, 'standard.yaml'));
    expect(joined.stderr).toBe('');
    expect(fg.sync('**/*.yaml', { cwd: dir })).toEqual(['standard.yaml']);
    const split = script('split-ruleset.mjs', join(dir, 'standard.yaml'));
    expect(split.stderr).toBe('');
    expect(fg.sync('**/*.yaml', { cwd: dir }).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'rulesets', f), 'utf8'));
  });
});
