/**
 * scripts/split-ruleset.mjs: a one-file ruleset becomes its settings and part files, every line
 * kept, and the script proves the split ruleset is the one it split (else it puts the file back).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callqa, ROOT, tempDir } from '../e2e/helpers.js';
import { spawnSync } from 'node:child_process';

const SCRIPT = join(ROOT, 'scripts/split-ruleset.mjs');
const split = (file: string): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });

const rule = (id: string): string => `  # why ${id}\n  - id: ${id}\n    category: ${id.split('.')[0]}\n    title: t\n    points: 1\n    require: { speaker: agent, any: [$hi] }  # a comment\n`;
const ONE_FILE = `# header\nname: co\nversion: 1\npass_mark: 80\nweights: { opening: 50, closing: 50 }\n\n# the words\nlexicons:\n  hi: [您好]\n\nrules:\n  # ------------------ opening — 开场\n${rule('opening.greeting')}${rule('opening.self-id')}\n${rule('closing.farewell')}  # ------------------ closing — 结束语\n`;

describe('split-ruleset script', () => {
  it('writes the settings with include: and one part per category, keeping every comment', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    writeFileSync(file, ONE_FILE);
    const r = split(file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'co')).sort()).toEqual(['closing.yaml', 'lexicons.yaml', 'opening.yaml']);
    const settings = readFileSync(file, 'utf8');
    expect(settings).toContain('include:\n  - co/lexicons.yaml\n  - co/opening.yaml\n  - co/closing.yaml\n');
    expect(settings).not.toContain('rules:');
    expect(readFileSync(join(dir, 'co/lexicons.yaml'), 'utf8')).toContain('# the words\nlexicons:\n  hi: [您好]\n');
    // The closing header stood after its rule: it heads the closing part.
    expect(readFileSync(join(dir, 'co/closing.yaml'), 'utf8')).toMatch(/^# -+ closing — 结束语\n(#.*\n)?rules:\n  # why closing.farewell\n/);
    expect(readFileSync(join(dir, 'co/opening.yaml'), 'utf8')).toContain('  # why opening.self-id\n  - id: opening.self-id');
    expect(callqa(['lint', '--no-examples', dir]).stdout).not.toContain('error');
    // Already split: refused, nothing touched.
    expect(split(file).stderr).toContain('already split');
    expect(readFileSync(file, 'utf8')).toBe(settings);
  });

  it('refuses rules of a category that are not together (splitting would reorder them)', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    const text = ONE_FILE.replace(`${rule('closing.farewell')}`, `${rule('closing.farewell')}${rule('opening.late')}`);
    writeFileSync(file, text);
    const r = split(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the opening rules are not together (- id: opening.late)');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
